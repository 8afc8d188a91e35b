package io.basalt.type.datetime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The first step of reading date/time text, as PostgreSQL takes it: the text is cut into fields, each
 * classified by its shape before any field is interpreted. {@code 1997-02-10} and {@code Feb-10-1997} are
 * DATE fields, {@code 17:32:01.5} a TIME, {@code -08} or {@code +05:30} a signed ZONE (or a signed
 * number), {@code 19970210} or {@code 1997.041} a NUMBER, {@code feb} or {@code pst} a STRING, and
 * {@code -infinity} a SPECIAL. Letters are lower-cased; other punctuation between fields is dropped.
 */
final class DateTimeFields {
    enum Type { NUMBER, STRING, DATE, TIME, ZONE, SPECIAL }

    record Field(Type type, String text) {
    }

    private DateTimeFields() {
    }

    /** The fields of {@code text}, or null when it holds a character no field can start with. */
    static List<Field> split(String text) {
        List<Field> fields = new ArrayList<>();
        int length = text.length();
        int i = 0;
        StringBuilder buffer = new StringBuilder();
        while (i < length) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            buffer.setLength(0);
            Type type;
            if (isDigit(c)) {
                i = appendDigits(text, i, buffer);
                if (i < length && text.charAt(i) == ':') {
                    type = Type.TIME;
                    while (i < length && (isDigit(text.charAt(i)) || text.charAt(i) == ':' || text.charAt(i) == '.')) {
                        buffer.append(text.charAt(i++));
                    }
                } else if (i < length && (text.charAt(i) == '-' || text.charAt(i) == '/' || text.charAt(i) == '.')) {
                    char delimiter = text.charAt(i);
                    buffer.append(delimiter);
                    i++;
                    if (i < length && isDigit(text.charAt(i))) {
                        type = delimiter == '.' ? Type.NUMBER : Type.DATE;
                        i = appendDigits(text, i, buffer);
                        if (i < length && text.charAt(i) == delimiter) {
                            // Three fields with the same delimiter: a date.
                            type = Type.DATE;
                            while (i < length && (isDigit(text.charAt(i)) || text.charAt(i) == delimiter)) {
                                buffer.append(text.charAt(i++));
                            }
                        }
                    } else {
                        type = Type.DATE;
                        while (i < length && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == delimiter)) {
                            buffer.append(Character.toLowerCase(text.charAt(i++)));
                        }
                    }
                } else {
                    type = Type.NUMBER;
                }
            } else if (c == '.') {
                buffer.append(c);
                i = appendDigits(text, i + 1, buffer);
                type = Type.NUMBER;
            } else if (Character.isLetter(c)) {
                type = Type.STRING;
                while (i < length && Character.isLetter(text.charAt(i))) {
                    buffer.append(Character.toLowerCase(text.charAt(i++)));
                }
                // Dates and zone names carry punctuation ("feb-10-1997", "america/new_york", "etc/gmt+8");
                // a keyword run into digits ("j2451187", "t17:32") does not start one.
                boolean date = false;
                if (i < length) {
                    char next = text.charAt(i);
                    if (next == '-' || next == '/' || next == '.') {
                        date = true;
                    } else if (next == '+' || isDigit(next)) {
                        date = DateTimeKeywords.find(buffer.toString()) == null;
                    }
                }
                if (date) {
                    type = Type.DATE;
                    do {
                        buffer.append(Character.toLowerCase(text.charAt(i++)));
                    } while (i < length && isZoneNameCharacter(text.charAt(i)));
                }
            } else if (c == '+' || c == '-') {
                buffer.append(c);
                i++;
                while (i < length && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                if (i < length && isDigit(text.charAt(i))) {
                    type = Type.ZONE;
                    while (i < length && (isDigit(text.charAt(i)) || text.charAt(i) == ':' || text.charAt(i) == '.'
                            || text.charAt(i) == '-')) {
                        buffer.append(text.charAt(i++));
                    }
                } else if (i < length && Character.isLetter(text.charAt(i))) {
                    type = Type.SPECIAL;
                    while (i < length && Character.isLetter(text.charAt(i))) {
                        buffer.append(Character.toLowerCase(text.charAt(i++)));
                    }
                } else {
                    return null;
                }
            } else if (isPunctuation(c)) {
                i++;
                continue;
            } else {
                return null;
            }
            fields.add(new Field(type, buffer.toString().toLowerCase(Locale.ROOT)));
        }
        return fields;
    }

    private static int appendDigits(String text, int start, StringBuilder buffer) {
        int i = start;
        while (i < text.length() && isDigit(text.charAt(i))) {
            buffer.append(text.charAt(i++));
        }
        return i;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isZoneNameCharacter(char c) {
        return c == '+' || c == '-' || c == '/' || c == '_' || c == '.' || c == ':' || Character.isLetterOrDigit(c);
    }

    private static boolean isPunctuation(char c) {
        return c < 128 && !Character.isLetterOrDigit(c) && c > ' ' && c != 127;
    }
}
