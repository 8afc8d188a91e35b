package io.basalt.type.geometric;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.ByteString;
import io.basalt.type.TextFormat;
import io.basalt.type.TypeId;

/**
 * The text forms of the geometric types, read as PostgreSQL's point_in, lseg_in, box_in, path_in, poly_in, line_in
 * and circle_in read them (white space anywhere between tokens, optional enclosing parentheses, {@code [ ]} for an
 * open path or an lseg, {@code < >} for a circle, {@code { }} for a line's coefficients) and written as their output
 * functions write them, each coordinate as double precision prints (honouring extra_float_digits).
 */
public final class GeometricText {
    private final String text;
    private final String typeName;
    private int at;

    private GeometricText(String text, String typeName) {
        this.text = text;
        this.typeName = typeName;
    }

    /** The stored value of {@code text} read as geometric type {@code id}. */
    public static ByteString parse(String text, TypeId id) {
        GeometricText reader = new GeometricText(text, id.pgName());
        return switch (id) {
            case POINT -> {
                double[] point = reader.pair();
                reader.end();
                yield Geometry.of(point);
            }
            case LSEG -> {
                double[] points = reader.points(true, 2, false);
                reader.end();
                yield Geometry.of(points);
            }
            case BOX -> {
                double[] corners = reader.points(false, 2, false);
                reader.end();
                yield Geometry.of(GeometricValues.box(corners[0], corners[1], corners[2], corners[3]));
            }
            case PATH -> reader.path();
            case POLYGON -> {
                int count = reader.pairCount();
                double[] points = reader.points(false, count, false);
                reader.end();
                yield Geometry.of(points);
            }
            case LINE -> reader.line();
            case CIRCLE -> reader.circle();
            default -> throw BasaltException.internal("not a geometric type: " + id);
        };
    }

    private ByteString path() {
        int count = pairCount();
        skipSpace();
        boolean singleParen = false;
        if (peek() == '(' && text.lastIndexOf('(') == at) {
            at++;
            singleParen = true;
        }
        boolean[] open = new boolean[1];
        double[] points = points(true, count, open);
        if (singleParen) {
            if (peek() != ')') {
                throw invalid();
            }
            at++;
            skipSpace();
        }
        end();
        return Geometry.path(!open[0], points);
    }

    private double[] points(boolean openAllowed, int count, boolean unused) {
        return points(openAllowed, count, new boolean[1]);
    }

    /** PostgreSQL's path_decode: {@code count} points, in {@code [ ]}, {@code ( )} or bare; sets open[0]. */
    private double[] points(boolean openAllowed, int count, boolean[] open) {
        int depth = 0;
        skipSpace();
        if (peek() == '[') {
            if (!openAllowed) {
                throw invalid();
            }
            open[0] = true;
            depth++;
            at++;
        } else if (peek() == '(') {
            int next = at + 1;
            while (next < text.length() && isSpace(text.charAt(next))) {
                next++;
            }
            if (next < text.length() && text.charAt(next) == '(') {
                depth++;
                at = next;
            } else if (text.lastIndexOf('(') == at) {
                depth++;
                at = next;
            }
        }
        double[] points = new double[count * 2];
        for (int i = 0; i < count; i++) {
            double[] pair = pairAt();
            points[2 * i] = pair[0];
            points[2 * i + 1] = pair[1];
            if (peek() == ',') {
                at++;
            }
        }
        while (depth > 0) {
            char c = peek();
            if (c == ')' || c == ']' && open[0] && depth == 1) {
                depth--;
                at++;
                skipSpace();
            } else {
                throw invalid();
            }
        }
        return points;
    }

    /** The number of points a path or polygon's text has by its commas, as PostgreSQL's pair_count counts. */
    private int pairCount() {
        int commas = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ',') {
                commas++;
            }
        }
        if (commas % 2 == 0) {
            throw invalid();
        }
        return (commas + 1) / 2;
    }

    /** A point as a whole value: pair_decode with nothing after it. */
    private double[] pair() {
        return pairAt();
    }

    /** PostgreSQL's pair_decode: {@code x,y} or {@code (x,y)}, white space around. */
    private double[] pairAt() {
        skipSpace();
        boolean paren = peek() == '(';
        if (paren) {
            at++;
        }
        double x = number();
        if (peek() != ',') {
            throw invalid();
        }
        at++;
        double y = number();
        if (paren) {
            if (peek() != ')') {
                throw invalid();
            }
            at++;
            skipSpace();
        }
        return new double[] {x, y};
    }

    private ByteString line() {
        skipSpace();
        if (peek() == '{') {
            at++;
            double a = number();
            expect(',');
            double b = number();
            expect(',');
            double c = number();
            expect('}');
            skipSpace();
            end();
            if (a == 0 && b == 0) {
                throw BasaltException.of(SqlState.INVALID_TEXT_REPRESENTATION,
                        "invalid line specification: A and B cannot both be zero");
            }
            return Geometry.of(a, b, c);
        }
        double[] points = points(true, 2, false);
        end();
        if (points[0] == points[2] && points[1] == points[3]) {
            throw BasaltException.of(SqlState.INVALID_TEXT_REPRESENTATION,
                    "invalid line specification: must be two distinct points");
        }
        return Geometry.of(GeometricValues.lineThrough(points[0], points[1], points[2], points[3]));
    }

    private ByteString circle() {
        int depth = 0;
        skipSpace();
        if (peek() == '<') {
            depth++;
            at++;
        } else if (peek() == '(') {
            int next = at + 1;
            while (next < text.length() && isSpace(text.charAt(next))) {
                next++;
            }
            if (next < text.length() && text.charAt(next) == '(') {
                depth++;
                at = next;
            }
        }
        double[] center = pairAt();
        if (peek() == ',') {
            at++;
        }
        double radius = number();
        if (radius < 0) {
            throw invalid();
        }
        while (depth > 0) {
            char c = peek();
            if (c == ')' || c == '>' && depth == 1) {
                depth--;
                at++;
                skipSpace();
            } else {
                throw invalid();
            }
        }
        end();
        return Geometry.of(center[0], center[1], radius);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw invalid();
        }
        at++;
    }

    /** A double as float8in reads it inside a geometric value: white space around it is skipped. */
    private double number() {
        skipSpace();
        int start = at;
        if (peek() == '+' || peek() == '-') {
            at++;
        }
        double value;
        String special = specialAt(at);
        if (special != null) {
            at += special.length();
            boolean negative = text.charAt(start) == '-';
            value = special.equalsIgnoreCase("nan") ? Double.NaN
                    : negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            if (special.equalsIgnoreCase("nan") && at - special.length() != start) {
                throw invalid();
            }
        } else {
            int digits = 0;
            while (Character.isDigit(peek())) {
                at++;
                digits++;
            }
            if (peek() == '.') {
                at++;
                while (Character.isDigit(peek())) {
                    at++;
                    digits++;
                }
            }
            if (digits == 0) {
                throw invalid();
            }
            if (peek() == 'e' || peek() == 'E') {
                int mark = at;
                at++;
                if (peek() == '+' || peek() == '-') {
                    at++;
                }
                if (!Character.isDigit(peek())) {
                    at = mark;
                } else {
                    while (Character.isDigit(peek())) {
                        at++;
                    }
                }
            }
            String number = text.substring(start, at);
            value = Double.parseDouble(number);
            if (Double.isInfinite(value) || value == 0.0 && hasNonzeroDigit(number)) {
                throw BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                        "\"" + number + "\" is out of range for type double precision");
            }
        }
        skipSpace();
        return value;
    }

    private static boolean hasNonzeroDigit(String number) {
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c == 'e' || c == 'E') {
                return false;
            }
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private String specialAt(int index) {
        for (String word : new String[] {"infinity", "inf", "nan"}) {
            if (text.regionMatches(true, index, word, 0, word.length())) {
                return text.substring(index, index + word.length());
            }
        }
        return null;
    }

    private void end() {
        skipSpace();
        if (at != text.length()) {
            throw invalid();
        }
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void skipSpace() {
        while (at < text.length() && isSpace(text.charAt(at))) {
            at++;
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }

    private BasaltException invalid() {
        return BasaltException.of(SqlState.INVALID_TEXT_REPRESENTATION,
                "invalid input syntax for type " + typeName + ": \"" + text + "\"");
    }

    /** The text of a stored value of geometric type {@code id}. */
    public static String format(ByteString stored, TypeId id, int extraFloatDigits) {
        double[] c = Geometry.coordinates(stored, id);
        StringBuilder out = new StringBuilder();
        switch (id) {
            case POINT -> appendPoint(out, c, 0, extraFloatDigits);
            case LSEG -> appendPoints(out.append('['), c, extraFloatDigits).append(']');
            case BOX -> appendPoints(out, c, extraFloatDigits);
            case PATH -> {
                boolean closed = Geometry.isClosed(stored);
                appendPoints(out.append(closed ? '(' : '['), c, extraFloatDigits).append(closed ? ')' : ']');
            }
            case POLYGON -> appendPoints(out.append('('), c, extraFloatDigits).append(')');
            case LINE -> out.append('{').append(number(c[0], extraFloatDigits)).append(',')
                    .append(number(c[1], extraFloatDigits)).append(',').append(number(c[2], extraFloatDigits))
                    .append('}');
            case CIRCLE -> {
                out.append('<');
                appendPoint(out, c, 0, extraFloatDigits);
                out.append(',').append(number(c[2], extraFloatDigits)).append('>');
            }
            default -> throw BasaltException.internal("not a geometric type: " + id);
        }
        return out.toString();
    }

    private static StringBuilder appendPoints(StringBuilder out, double[] c, int extraFloatDigits) {
        for (int i = 0; i < c.length; i += 2) {
            if (i > 0) {
                out.append(',');
            }
            appendPoint(out, c, i, extraFloatDigits);
        }
        return out;
    }

    private static void appendPoint(StringBuilder out, double[] c, int index, int extraFloatDigits) {
        out.append('(').append(number(c[index], extraFloatDigits)).append(',')
                .append(number(c[index + 1], extraFloatDigits)).append(')');
    }

    private static String number(double value, int extraFloatDigits) {
        return TextFormat.formatDouble(value, extraFloatDigits);
    }
}
