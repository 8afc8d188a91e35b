package io.basalt.exec.function.scalar.regex;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code similar_to_escape(pattern [, escape])}: the SQL-standard SIMILAR TO pattern rewritten as the
 * anchored POSIX regular expression PostgreSQL matches it with ({@code x SIMILAR TO p} is
 * {@code x ~ similar_to_escape(p)}), in the same spelling PostgreSQL produces. {@code %} and {@code _}
 * become {@code .*} and {@code .}, groups become non-capturing, the escape character quotes the next one,
 * and escape-double-quote separators mark the part substring(... SIMILAR ...) returns. The escape defaults
 * to backslash; an empty one means none.
 */
public final class SimilarEscapeFunction implements ScalarFunction {
    @Override
    public String name() {
        return "similar_to_escape";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector out = context.newVector(resultType, rows);
        for (int i = 0; i < rows; i++) {
            String pattern = ValueAccess.text(arguments[0], i);
            String escape = arguments.length > 1 ? ValueAccess.text(arguments[1], i) : "\\";
            if (pattern == null || escape == null) {
                continue;
            }
            ValueAccess.set(out, i, translate(pattern, escape));
        }
        return out;
    }

    /** The regular expression for SIMILAR TO {@code pattern} with escape character {@code escape}. */
    public static String translate(String pattern, String escape) {
        if (escape.codePointCount(0, escape.length()) > 1) {
            throw BasaltException.of(SqlState.INVALID_ESCAPE_SEQUENCE, "invalid escape string")
                    .withHint("Escape string must be empty or one character.");
        }
        int escapeChar = escape.isEmpty() ? -1 : escape.codePointAt(0);
        StringBuilder out = new StringBuilder(pattern.length() + 10).append("^(?:");
        boolean afterEscape = false;
        boolean inClass = false;
        int members = 0;
        boolean caretAllowed = false;
        int quotes = 0;
        for (int k = 0; k < pattern.length(); ) {
            int c = pattern.codePointAt(k);
            k += Character.charCount(c);
            if (afterEscape) {
                if (c == '"' && !inClass) {
                    if (quotes == 0) {
                        out.append("){1,1}?(");
                    } else if (quotes == 1) {
                        out.append("){1,1}(?:");
                    } else {
                        throw BasaltException.of(SqlState.INVALID_USE_OF_ESCAPE_CHARACTER,
                                "SQL regular expression may not contain more than two escape-double-quote separators");
                    }
                    quotes++;
                } else {
                    out.append('\\').appendCodePoint(c);
                }
                afterEscape = false;
            } else if (c == escapeChar) {
                afterEscape = true;
            } else if (inClass) {
                if (c == '[' && k < pattern.length() && ":.=".indexOf(pattern.charAt(k)) >= 0) {
                    // a [:class:], [.element.] or [=equivalence=] inside brackets is copied whole
                    int close = pattern.indexOf(pattern.charAt(k) + "]", k + 1);
                    if (close >= 0) {
                        out.append(pattern, k - 1, close + 2);
                        k = close + 2;
                        members++;
                        caretAllowed = false;
                        continue;
                    }
                }
                if (c == '\\') {
                    out.append('\\');
                }
                out.appendCodePoint(c);
                if (c == '^' && caretAllowed) {
                    caretAllowed = false;
                } else if (c == ']' && members > 0) {
                    inClass = false;
                } else {
                    members++;
                    caretAllowed = false;
                }
            } else if (c == '[') {
                out.append('[');
                inClass = true;
                members = 0;
                caretAllowed = true;
            } else if (c == '%') {
                out.append(".*");
            } else if (c == '_') {
                out.append('.');
            } else if (c == '(') {
                out.append("(?:");
            } else if (c == '\\' || c == '.' || c == '^' || c == '$') {
                out.append('\\').appendCodePoint(c);
            } else {
                out.appendCodePoint(c);
            }
        }
        return out.append(")$").toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SimilarEscapeFunction;
    }

    @Override
    public int hashCode() {
        return SimilarEscapeFunction.class.hashCode();
    }
}
