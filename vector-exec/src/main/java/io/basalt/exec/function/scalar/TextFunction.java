package io.basalt.exec.function.scalar;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.FieldVector;

/**
 * PostgreSQL's string functions over text, by name: each call decodes its text arguments to Java strings
 * and works on code points, as PostgreSQL does on characters. NULL in any argument gives NULL, except
 * where PostgreSQL says otherwise ({@code concat} and {@code concat_ws} skip NULLs). These are not hot
 * paths; the kind is switched once per row on an enum, never through a virtual call.
 */
public final class TextFunction implements ScalarFunction {
    /** The functions, with the argument counts they accept. */
    public enum Kind {
        CONCAT_OPERATOR(2, 2), SUBSTRING(2, 3), POSITION(2, 2), STRPOS(2, 2), BTRIM(1, 2), LTRIM(1, 2),
        RTRIM(1, 2), REPLACE(3, 3), LEFT(2, 2), RIGHT(2, 2), CONCAT(1, Integer.MAX_VALUE),
        CONCAT_WS(2, Integer.MAX_VALUE), SPLIT_PART(3, 3), REPEAT(2, 2), REVERSE(1, 1), LPAD(2, 3), RPAD(2, 3),
        STARTS_WITH(2, 2), INITCAP(1, 1), OCTET_LENGTH(1, 1);

        private final int minArguments;
        private final int maxArguments;

        Kind(int minArguments, int maxArguments) {
            this.minArguments = minArguments;
            this.maxArguments = maxArguments;
        }

        public boolean accepts(int arguments) {
            return arguments >= minArguments && arguments <= maxArguments;
        }
    }

    private final Kind kind;

    public TextFunction(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public String name() {
        return kind == Kind.CONCAT_OPERATOR ? "||" : kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector out = context.newVector(resultType, rows);
        if (kind == Kind.SUBSTRING && AsciiSubstring.applies(arguments, out)) {
            AsciiSubstring.apply(arguments, rows, out, this);
            return out;
        }
        if (kind == Kind.CONCAT_OPERATOR && TextConcatenation.applies(arguments, out)) {
            TextConcatenation.apply(arguments, rows, out);
            return out;
        }
        Object[] values = new Object[arguments.length];
        for (int i = 0; i < rows; i++) {
            boolean anyNull = false;
            for (int a = 0; a < arguments.length; a++) {
                values[a] = ValueAccess.get(arguments[a], i);
                anyNull |= values[a] == null;
            }
            if (anyNull && kind != Kind.CONCAT && kind != Kind.CONCAT_WS) {
                continue;
            }
            ValueAccess.set(out, i, compute(values));
        }
        return out;
    }

    /** Computes row {@code i} value by value (the general path), writing NULL when an argument is NULL. */
    void applyOne(FieldVector[] arguments, int i, FieldVector out) {
        Object[] values = new Object[arguments.length];
        for (int a = 0; a < arguments.length; a++) {
            values[a] = ValueAccess.get(arguments[a], i);
            if (values[a] == null) {
                return;
            }
        }
        ValueAccess.set(out, i, compute(values));
    }

    private Object compute(Object[] v) {
        return switch (kind) {
            case CONCAT_OPERATOR -> (String) v[0] + v[1];
            case SUBSTRING -> substring((String) v[0], (Long) v[1], v.length > 2 ? (Long) v[2] : null);
            case POSITION, STRPOS -> position((String) v[0], (String) v[1]);
            case BTRIM -> trim((String) v[0], v.length > 1 ? (String) v[1] : " ", true, true);
            case LTRIM -> trim((String) v[0], v.length > 1 ? (String) v[1] : " ", true, false);
            case RTRIM -> trim((String) v[0], v.length > 1 ? (String) v[1] : " ", false, true);
            case REPLACE -> ((String) v[1]).isEmpty() ? v[0] : ((String) v[0]).replace((String) v[1], (String) v[2]);
            case LEFT -> left((String) v[0], (Long) v[1]);
            case RIGHT -> right((String) v[0], (Long) v[1]);
            case CONCAT -> concat(v, 0, "");
            case CONCAT_WS -> v[0] == null ? null : concat(v, 1, (String) v[0]);
            case SPLIT_PART -> splitPart((String) v[0], (String) v[1], (Long) v[2]);
            case REPEAT -> ((Long) v[1]) <= 0 ? "" : ((String) v[0]).repeat((int) (long) (Long) v[1]);
            case REVERSE -> new StringBuilder((String) v[0]).reverse().toString();
            case LPAD -> pad((String) v[0], (Long) v[1], v.length > 2 ? (String) v[2] : " ", true);
            case RPAD -> pad((String) v[0], (Long) v[1], v.length > 2 ? (String) v[2] : " ", false);
            case STARTS_WITH -> ((String) v[0]).startsWith((String) v[1]);
            case INITCAP -> initcap((String) v[0]);
            case OCTET_LENGTH -> (long) ((String) v[0]).getBytes(StandardCharsets.UTF_8).length;
        };
    }

    /** PostgreSQL's substring: characters from {@code start} (1-based, may be below 1) for {@code count}. */
    static String substring(String text, long start, Long count) {
        int length = text.codePointCount(0, text.length());
        long end;
        if (count == null) {
            end = length + 1L;
        } else {
            if (count < 0) {
                throw BasaltException.of(SqlState.SUBSTRING_ERROR, "negative substring length not allowed");
            }
            end = start + count;
        }
        long from = Math.max(start, 1);
        long to = Math.min(end, length + 1L);
        if (to <= from) {
            return "";
        }
        int fromIndex = text.offsetByCodePoints(0, (int) (from - 1));
        int toIndex = text.offsetByCodePoints(fromIndex, (int) (to - from));
        return text.substring(fromIndex, toIndex);
    }

    private static long position(String haystack, String needle) {
        int index = haystack.indexOf(needle);
        return index < 0 ? 0 : haystack.codePointCount(0, index) + 1;
    }

    private static String trim(String text, String characters, boolean leading, boolean trailing) {
        int start = 0;
        int end = text.length();
        while (leading && start < end && characters.indexOf(text.codePointAt(start)) >= 0) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (trailing && end > start && characters.indexOf(text.codePointBefore(end)) >= 0) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    private static String left(String text, long n) {
        int length = text.codePointCount(0, text.length());
        long keep = n >= 0 ? Math.min(n, length) : Math.max(0, length + n);
        return text.substring(0, text.offsetByCodePoints(0, (int) keep));
    }

    private static String right(String text, long n) {
        int length = text.codePointCount(0, text.length());
        long keep = n >= 0 ? Math.min(n, length) : Math.max(0, length + n);
        return text.substring(text.offsetByCodePoints(0, (int) (length - keep)));
    }

    private static String concat(Object[] values, int from, String separator) {
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (int a = from; a < values.length; a++) {
            if (values[a] == null) {
                continue;
            }
            if (!first) {
                out.append(separator);
            }
            out.append(values[a]);
            first = false;
        }
        return out.toString();
    }

    private static String splitPart(String text, String delimiter, long field) {
        if (field == 0) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "field position must not be zero");
        }
        if (delimiter.isEmpty()) {
            return field == 1 || field == -1 ? text : "";
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        int start = 0;
        while (true) {
            int index = text.indexOf(delimiter, start);
            if (index < 0) {
                parts.add(text.substring(start));
                break;
            }
            parts.add(text.substring(start, index));
            start = index + delimiter.length();
        }
        long position = field > 0 ? field - 1 : parts.size() + field;
        return position >= 0 && position < parts.size() ? parts.get((int) position) : "";
    }

    private static String pad(String text, long length, String fill, boolean left) {
        int have = text.codePointCount(0, text.length());
        if (length <= have) {
            return text.substring(0, text.offsetByCodePoints(0, (int) Math.max(length, 0)));
        }
        if (fill.isEmpty()) {
            return text;
        }
        StringBuilder padding = new StringBuilder();
        int[] fillPoints = fill.codePoints().toArray();
        for (long k = 0; k < length - have; k++) {
            padding.appendCodePoint(fillPoints[(int) (k % fillPoints.length)]);
        }
        return left ? padding + text : text + padding;
    }

    /** Upper-cases the first letter of each alphanumeric run, lower-cases the rest (ASCII, as the C locale). */
    private static String initcap(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inWord = false;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            boolean alphanumeric = Character.isLetterOrDigit(c);
            out.append(!alphanumeric ? c : inWord ? Character.toLowerCase(c) : Character.toUpperCase(c));
            inWord = alphanumeric;
        }
        return out.toString();
    }

    /** Value equality: two calls of the same function with the same settings are the same expression. */
    @Override
    public boolean equals(Object other) {
        return other instanceof TextFunction that && java.util.Objects.equals(kind, that.kind);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(getClass(), kind);
    }
}
