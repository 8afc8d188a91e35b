package io.basalt.type.range;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.ByteString;
import io.basalt.type.LogicalType;
import io.basalt.type.ValueConversion;
import io.basalt.type.datetime.DateTimeSettings;

/**
 * A range's text form, read and written as PostgreSQL's range_in and range_out do: {@code empty}, or a bracket
 * or parenthesis, the lower bound, a comma, the upper bound and a closing bracket or parenthesis; a missing bound
 * is infinite; a bound may be double-quoted and may escape characters with a backslash. On output a bound is quoted
 * when it is empty or holds a quote, backslash, parenthesis, bracket, comma or white space.
 */
public final class RangeText {
    private RangeText() {
    }

    /** The stored range that {@code text} writes, of range type {@code type}. */
    public static ByteString parse(String text, RangeType type, DateTimeSettings settings) {
        int at = skipSpace(text, 0);
        if (text.regionMatches(true, at, "empty", 0, 5)) {
            if (skipSpace(text, at + 5) != text.length()) {
                throw malformed(text, "Junk after \"empty\" key word.");
            }
            return Range.EMPTY.toBytes();
        }
        boolean lowerInclusive;
        if (at < text.length() && text.charAt(at) == '[') {
            lowerInclusive = true;
        } else if (at < text.length() && text.charAt(at) == '(') {
            lowerInclusive = false;
        } else {
            throw malformed(text, "Missing left parenthesis or bracket.");
        }
        at++;
        StringBuilder lower = new StringBuilder();
        int[] position = {at};
        boolean lowerInfinite = bound(text, position, lower);
        at = position[0];
        if (at < text.length() && text.charAt(at) == ',') {
            at++;
        } else {
            throw malformed(text, "Missing comma after lower bound.");
        }
        StringBuilder upper = new StringBuilder();
        position[0] = at;
        boolean upperInfinite = bound(text, position, upper);
        at = position[0];
        boolean upperInclusive;
        if (at < text.length() && text.charAt(at) == ']') {
            upperInclusive = true;
        } else if (at < text.length() && text.charAt(at) == ')') {
            upperInclusive = false;
        } else {
            throw malformed(text, "Too many commas.");
        }
        if (skipSpace(text, at + 1) != text.length()) {
            throw malformed(text, "Junk after right parenthesis or bracket.");
        }
        LogicalType subtype = type.subtype();
        byte[] lowerKey = lowerInfinite ? null
                : RangeKey.encode(ValueConversion.parse(lower.toString(), subtype, settings), subtype);
        byte[] upperKey = upperInfinite ? null
                : RangeKey.encode(ValueConversion.parse(upper.toString(), subtype, settings), subtype);
        return Range.of(type, lowerKey, lowerInclusive, upperKey, upperInclusive).toBytes();
    }

    /** Reads one bound from {@code position[0]} into {@code out}; returns whether it is missing (infinite). */
    private static boolean bound(String text, int[] position, StringBuilder out) {
        int at = position[0];
        if (at < text.length() && isDelimiter(text.charAt(at))) {
            return true;
        }
        boolean quoted = false;
        while (true) {
            if (at >= text.length()) {
                throw malformed(text, "Unexpected end of input.");
            }
            char c = text.charAt(at);
            if (!quoted && isDelimiter(c)) {
                break;
            }
            at++;
            if (c == '\\') {
                if (at >= text.length()) {
                    throw malformed(text, "Unexpected end of input.");
                }
                out.append(text.charAt(at++));
            } else if (c == '"') {
                if (!quoted) {
                    quoted = true;
                } else if (at < text.length() && text.charAt(at) == '"') {
                    out.append('"');
                    at++;
                } else {
                    quoted = false;
                }
            } else {
                out.append(c);
            }
        }
        position[0] = at;
        return false;
    }

    private static boolean isDelimiter(char c) {
        return c == ',' || c == ')' || c == ']';
    }

    private static int skipSpace(String text, int at) {
        while (at < text.length() && isSpace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }

    private static BasaltException malformed(String text, String detail) {
        return BasaltException.of(SqlState.INVALID_TEXT_REPRESENTATION, "malformed range literal: \"" + text + "\"")
                .withDetail(detail);
    }

    /** The text of a stored range of type {@code type}. */
    public static String format(ByteString stored, RangeType type, DateTimeSettings settings) {
        Range range = Range.read(stored, type.subtype());
        if (range.empty()) {
            return "empty";
        }
        StringBuilder out = new StringBuilder();
        out.append(range.lowerInclusive() ? '[' : '(');
        if (range.lower() != null) {
            appendBound(out, boundText(range.lower(), type, settings));
        }
        out.append(',');
        if (range.upper() != null) {
            appendBound(out, boundText(range.upper(), type, settings));
        }
        out.append(range.upperInclusive() ? ']' : ')');
        return out.toString();
    }

    private static String boundText(byte[] key, RangeType type, DateTimeSettings settings) {
        Object value = RangeKey.decode(key, type.subtype());
        return (String) ValueConversion.convert(value, type.subtype(), LogicalType.TEXT, true, settings);
    }

    private static void appendBound(StringBuilder out, String value) {
        boolean quote = value.isEmpty();
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == '"' || c == '\\' || c == '(' || c == ')' || c == '[' || c == ']' || c == ','
                    || isSpace(c);
        }
        if (!quote) {
            out.append(value);
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append(c);
            }
            out.append(c);
        }
        out.append('"');
    }
}
