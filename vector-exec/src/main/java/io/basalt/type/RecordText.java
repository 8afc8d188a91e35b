package io.basalt.type;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's text form of composite values ({@code record_out}, {@code record_in}): {@code (1,abc)}, a NULL
 * field written as nothing, a field double-quoted when it is empty or holds a quote, backslash, parenthesis,
 * comma or white space, with quotes and backslashes inside doubled. Input accepts those forms and backslash
 * escapes; an unquoted empty field is NULL.
 */
public final class RecordText {
    /** Formats one non-null field value; the index is the field's position. */
    @FunctionalInterface
    public interface FieldFormatter {
        String format(Object value, int index);
    }

    /** Parses one field's text (never null) into the field type's canonical value. */
    @FunctionalInterface
    public interface FieldParser {
        Object parse(String text, int index);
    }

    private RecordText() {
    }

    public static String format(RecordValue record, FieldFormatter formatter) {
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < record.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object value = record.get(i);
            if (value == null) {
                continue;
            }
            appendField(out, formatter.format(value, i));
        }
        return out.append(')').toString();
    }

    private static void appendField(StringBuilder out, String text) {
        boolean quote = text.isEmpty();
        for (int k = 0; k < text.length() && !quote; k++) {
            char c = text.charAt(k);
            quote = c == '"' || c == '\\' || c == '(' || c == ')' || c == ',' || c == ' ' || c == '\t'
                    || c == '\n' || c == '\r' || c == '\u000b' || c == '\f';
        }
        if (!quote) {
            out.append(text);
            return;
        }
        out.append('"');
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '"' || c == '\\') {
                out.append(c);
            }
            out.append(c);
        }
        out.append('"');
    }

    /**
     * Parses {@code text} as a record of {@code fieldCount} fields.
     *
     * @throws BasaltException 22P02 "malformed record literal" with PostgreSQL's detail
     */
    public static RecordValue parse(String text, int fieldCount, FieldParser parser) {
        int at = 0;
        int length = text.length();
        while (at < length && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        if (at >= length || text.charAt(at) != '(') {
            throw malformed(text, "Missing left parenthesis.");
        }
        at++;
        List<Object> values = new ArrayList<>(fieldCount);
        StringBuilder field = new StringBuilder();
        for (int index = 0; index < fieldCount; index++) {
            if (index > 0) {
                if (at < length && text.charAt(at) == ',') {
                    at++;
                } else {
                    throw malformed(text, "Too few columns.");
                }
            }
            if (at < length && (text.charAt(at) == ',' || text.charAt(at) == ')')) {
                values.add(null);
                continue;
            }
            field.setLength(0);
            boolean inQuotes = false;
            while (inQuotes || at < length && text.charAt(at) != ',' && text.charAt(at) != ')') {
                if (at >= length) {
                    throw malformed(text, "Unexpected end of input.");
                }
                char c = text.charAt(at++);
                if (c == '\\') {
                    if (at >= length) {
                        throw malformed(text, "Unexpected end of input.");
                    }
                    field.append(text.charAt(at++));
                } else if (c == '"') {
                    if (!inQuotes) {
                        inQuotes = true;
                    } else if (at < length && text.charAt(at) == '"') {
                        field.append('"');
                        at++;
                    } else {
                        inQuotes = false;
                    }
                } else {
                    field.append(c);
                }
            }
            if (at >= length) {
                throw malformed(text, "Unexpected end of input.");
            }
            values.add(parser.parse(field.toString(), index));
        }
        if (at >= length || text.charAt(at) != ')') {
            throw malformed(text, "Too many columns.");
        }
        at++;
        while (at < length && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        if (at < length) {
            throw malformed(text, "Junk after right parenthesis.");
        }
        return RecordValue.of(values);
    }

    /** PostgreSQL has no input of the pseudo-type {@code record}: {@code '(1,2)'::record} fails. */
    public static RecordValue anonymousInput() {
        throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "input of anonymous composite types is not implemented");
    }

    private static BasaltException malformed(String text, String detail) {
        return BasaltException.of(SqlState.INVALID_TEXT_REPRESENTATION, "malformed record literal: \"" + text + "\"")
                .withDetail(detail);
    }
}
