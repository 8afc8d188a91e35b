package io.basalt.exec.function.scalar.regex;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.vector.FieldVector;

/**
 * PostgreSQL's scalar regular-expression functions: the {@code ~ ~* !~ !~*} operators, regexp_like,
 * regexp_match, regexp_replace (with flags, or with start and N), regexp_count, regexp_instr, regexp_substr,
 * regexp_split_to_array and substring(text from pattern). Arguments arrive cast to what the kind takes
 * (text, and integer for start, N, endoption and subexpr); every one is strict, so NULL anywhere gives NULL.
 * The pattern is compiled through a {@link PatternCache}, and one {@link Matcher} is reset per row.
 */
public final class RegexFunction implements ScalarFunction {
    /** The functions; {@code REPLACE_AT} is regexp_replace's form with a start position (and N). */
    public enum Kind {
        MATCHES, LIKE, MATCH, REPLACE, REPLACE_AT, COUNT, INSTR, SUBSTR, SPLIT_TO_ARRAY, SUBSTRING, SUBSTRING_SIMILAR
    }

    private final Kind kind;
    private final boolean negated;
    private final boolean caseInsensitive;
    private final PatternCache cache;

    private RegexFunction(Kind kind, boolean negated, boolean caseInsensitive) {
        this.kind = kind;
        this.negated = negated;
        this.caseInsensitive = caseInsensitive;
        String name = name();
        this.cache = new PatternCache(name, kind == Kind.REPLACE || kind == Kind.REPLACE_AT);
    }

    /** A regexp function other than the operators. */
    public static RegexFunction of(Kind kind) {
        return new RegexFunction(kind, false, false);
    }

    /** One of the operators {@code ~}, {@code ~*}, {@code !~}, {@code !~*}. */
    public static RegexFunction operator(boolean negated, boolean caseInsensitive) {
        return new RegexFunction(Kind.MATCHES, negated, caseInsensitive);
    }

    @Override
    public String name() {
        return switch (kind) {
            case MATCHES -> (negated ? "!~" : "~") + (caseInsensitive ? "*" : "");
            case REPLACE_AT -> "regexp_replace";
            case SPLIT_TO_ARRAY -> "regexp_split_to_array";
            case SUBSTRING, SUBSTRING_SIMILAR -> "substring";
            default -> "regexp_" + kind.name().toLowerCase(Locale.ROOT);
        };
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector out = context.newVector(resultType, rows);
        Object[] values = new Object[arguments.length];
        Pattern pattern = null;
        Matcher matcher = null;
        rows:
        for (int i = 0; i < rows; i++) {
            for (int a = 0; a < arguments.length; a++) {
                values[a] = ValueAccess.get(arguments[a], i);
                if (values[a] == null) {
                    continue rows;
                }
            }
            String text = (String) values[0];
            String source = kind == Kind.SUBSTRING_SIMILAR
                    ? SimilarEscapeFunction.translate((String) values[1], (String) values[2]) : (String) values[1];
            Pattern current = cache.pattern(source, flagsText(values));
            if (current != pattern) {
                pattern = current;
                matcher = pattern.matcher(text);
            } else {
                matcher.reset(text);
            }
            ValueAccess.set(out, i, compute(values, text, matcher));
        }
        return out;
    }

    /** The option letters among the arguments, or "" where the form has none. */
    private String flagsText(Object[] values) {
        int index = switch (kind) {
            case MATCHES -> -1;
            case LIKE, MATCH, SPLIT_TO_ARRAY, REPLACE -> kind == Kind.REPLACE ? 3 : 2;
            case REPLACE_AT -> 5;
            case COUNT -> 3;
            case INSTR -> 5;
            case SUBSTR -> 4;
            case SUBSTRING, SUBSTRING_SIMILAR -> -1;
        };
        if (index < 0 || index >= values.length) {
            return caseInsensitive ? "i" : "";
        }
        return (String) values[index];
    }

    private Object compute(Object[] values, String text, Matcher matcher) {
        return switch (kind) {
            case MATCHES -> matcher.find() != negated;
            case LIKE -> matcher.find();
            case MATCH -> matcher.find() ? RegexMatches.groups(matcher) : null;
            case SPLIT_TO_ARRAY -> io.basalt.type.ArrayValue.of(RegexMatches.split(matcher, text));
            case SUBSTRING, SUBSTRING_SIMILAR -> substring(matcher);
            case REPLACE -> RegexReplacement.replace(matcher, text, (String) values[2], 1,
                    cache.flags((String) values[1], flagsText(values)).global() ? 0 : 1);
            case REPLACE_AT -> {
                int start = integer(values, 3, "start", 1);
                // an explicit N overrides the g flag, as in PostgreSQL
                int occurrence = values.length > 4 ? integer(values, 4, "n", 0)
                        : cache.flags((String) values[1], flagsText(values)).global() ? 0 : 1;
                yield RegexReplacement.replace(matcher, text, (String) values[2], start, occurrence);
            }
            case COUNT -> {
                int start = integer(values, 2, "start", 1);
                long count = 0;
                int from = offset(text, start);
                while (RegexMatches.find(matcher, from, text.length())) {
                    count++;
                    from = RegexMatches.next(matcher, text);
                }
                yield count;
            }
            case INSTR -> {
                int start = integer(values, 2, "start", 1);
                int occurrence = integer(values, 3, "n", 1);
                long endOption = values.length > 4 ? (Long) values[4] : 0;
                if (endOption != 0 && endOption != 1) {
                    throw invalidParameter("endoption", endOption);
                }
                int group = subexpression(values, 6);
                if (!nth(matcher, text, start, occurrence) || group > matcher.groupCount()
                        || matcher.start(group) < 0) {
                    yield 0L;
                }
                int index = endOption == 0 ? matcher.start(group) : matcher.end(group);
                yield (long) text.codePointCount(0, index) + 1;
            }
            case SUBSTR -> {
                int start = integer(values, 2, "start", 1);
                int occurrence = integer(values, 3, "n", 1);
                int group = subexpression(values, 5);
                if (!nth(matcher, text, start, occurrence) || group > matcher.groupCount()) {
                    yield null;
                }
                yield matcher.group(group);
            }
        };
    }

    /** substring(text from pattern): the first parenthesised subexpression's text, or the whole match. */
    private static String substring(Matcher matcher) {
        if (!matcher.find()) {
            return null;
        }
        return matcher.groupCount() > 0 ? matcher.group(1) : matcher.group();
    }

    /** Moves the matcher to the {@code occurrence}th match at or after character {@code start}. */
    private static boolean nth(Matcher matcher, String text, int start, int occurrence) {
        int from = offset(text, start);
        for (int k = 1; ; k++) {
            if (!RegexMatches.find(matcher, from, text.length())) {
                return false;
            }
            if (k == occurrence) {
                return true;
            }
            from = RegexMatches.next(matcher, text);
        }
    }

    /** The UTF-16 index of 1-based character {@code start}, or past the end when the text is shorter. */
    static int offset(String text, int start) {
        int index = 0;
        for (int k = 1; k < start; k++) {
            if (index >= text.length()) {
                return text.length() + 1;
            }
            index += Character.charCount(text.codePointAt(index));
        }
        return index;
    }

    private static int integer(Object[] values, int index, String parameter, int minimum) {
        if (index >= values.length) {
            return 1;
        }
        long value = (Long) values[index];
        if (value < minimum) {
            throw invalidParameter(parameter, value);
        }
        return (int) Math.min(value, Integer.MAX_VALUE);
    }

    private static int subexpression(Object[] values, int index) {
        if (index >= values.length) {
            return 0;
        }
        long value = (Long) values[index];
        if (value < 0) {
            throw invalidParameter("subexpr", value);
        }
        return (int) Math.min(value, Integer.MAX_VALUE);
    }

    static BasaltException invalidParameter(String parameter, long value) {
        return BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                "invalid value for parameter \"" + parameter + "\": " + value);
    }

    /** Value equality: two calls of the same function with the same settings are the same expression. */
    @Override
    public boolean equals(Object other) {
        return other instanceof RegexFunction that && kind == that.kind && negated == that.negated
                && caseInsensitive == that.caseInsensitive;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(getClass(), kind, negated, caseInsensitive);
    }
}
