package io.basalt.type;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * PostgreSQL's text form of arrays: reading {@code '{1,2,NULL}'}, {@code '{{1,2},{3,4}}'}, {@code '{"a b",\"}'}
 * and {@code '[0:1][1:2]={{1,2},{3,4}}'} with array_in's rules and messages (22P02 "malformed array literal"
 * with a DETAIL saying what is wrong), and writing it as array_out does (the dimensions first when some lower
 * bound is not 1; elements double-quoted when empty, spelled NULL, or holding braces, commas, quotes,
 * backslashes or white space).
 */
public final class ArrayLiteral {
    private final String text;
    private int position;

    private ArrayLiteral(String text) {
        this.text = text;
    }

    /** A literal's element texts in row-major order (null for an unquoted NULL) and its shape. */
    public record Parsed(List<String> elements, int[] lengths, int[] lowerBounds) {
    }

    /** The element texts of a literal (null for an unquoted NULL), in row-major order. */
    public static List<String> parseElements(String text) {
        return new ArrayLiteral(text).literal().elements();
    }

    /** A literal's elements and shape. */
    public static Parsed parseShaped(String text) {
        return new ArrayLiteral(text).literal();
    }

    /** A literal read as an array of {@code elementType}, each element converted with its type's input rules. */
    public static ArrayValue parse(String text, LogicalType elementType) {
        Parsed parsed = parseShaped(text);
        List<Object> values = new ArrayList<>(parsed.elements().size());
        for (String element : parsed.elements()) {
            values.add(element == null ? null : ValueConversion.parse(element, elementType));
        }
        return ArrayValue.of(values, parsed.lengths(), parsed.lowerBounds());
    }

    /** array_out: {@code elementText} renders one non-null element. */
    public static String format(ArrayValue array, BiFunction<Object, Integer, String> elementText) {
        StringBuilder out = new StringBuilder();
        int dimensions = array.dimensionCount();
        if (dimensions == 0) {
            return "{}";
        }
        if (!array.hasPlainShape() && !allLowerBoundsOne(array)) {
            for (int d = 0; d < dimensions; d++) {
                int lower = array.lowerBound(d);
                out.append('[').append(lower).append(':').append(lower + array.dimensionLength(d) - 1).append(']');
            }
            out.append('=');
        }
        int[] counters = new int[dimensions];
        int index = 0;
        for (int d = 0; d < dimensions; d++) {
            out.append('{');
        }
        while (true) {
            Object value = array.get(index);
            if (value == null) {
                out.append("NULL");
            } else {
                appendElement(out, elementText.apply(value, index));
            }
            index++;
            // close the dimensions that just ended, innermost first, then open as many again
            int d = dimensions - 1;
            while (d >= 0 && ++counters[d] == array.dimensionLength(d)) {
                counters[d] = 0;
                out.append('}');
                d--;
            }
            if (d < 0) {
                return out.toString();
            }
            out.append(',');
            for (int k = d + 1; k < dimensions; k++) {
                out.append('{');
            }
        }
    }

    private static boolean allLowerBoundsOne(ArrayValue array) {
        for (int d = 0; d < array.dimensionCount(); d++) {
            if (array.lowerBound(d) != 1) {
                return false;
            }
        }
        return true;
    }

    /** One element as array_out writes it: bare when that reads back the same, else quoted with escapes. */
    static void appendElement(StringBuilder out, String element) {
        if (!needsQuotes(element)) {
            out.append(element);
            return;
        }
        out.append('"');
        for (int k = 0; k < element.length(); k++) {
            char c = element.charAt(k);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }

    private static boolean needsQuotes(String element) {
        if (element.isEmpty() || element.equalsIgnoreCase("NULL")) {
            return true;
        }
        for (int k = 0; k < element.length(); k++) {
            char c = element.charAt(k);
            if (c == '{' || c == '}' || c == ',' || c == '"' || c == '\\' || isSpace(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == '\f';
    }

    // ---------------------------------------------------------------------------------------------
    // Reading
    // ---------------------------------------------------------------------------------------------

    private Parsed literal() {
        skipSpace();
        List<int[]> bounds = new ArrayList<>();
        if (peek() == '[') {
            while (peek() == '[') {
                if (bounds.size() == ArrayValue.MAX_DIMENSIONS) {
                    throw BasaltException.of(SqlState.PROGRAM_LIMIT_EXCEEDED, "number of array dimensions ("
                            + (bounds.size() + 1) + ") exceeds the maximum allowed (" + ArrayValue.MAX_DIMENSIONS + ")");
                }
                bounds.add(dimension());
            }
            if (peek() != '=') {
                throw malformed("Missing \"=\" after array dimensions.");
            }
            position++;
            skipSpace();
        }
        if (peek() != '{') {
            throw malformed("Array value must start with \"{\" or dimension information.");
        }
        Object structure = level();
        skipSpace();
        if (position < text.length()) {
            throw malformed("Junk after closing right brace.");
        }
        int depth = depth(structure);
        List<String> elements = new ArrayList<>();
        int[] lengths = new int[depth];
        flatten(structure, 0, lengths, elements);
        if (depth > ArrayValue.MAX_DIMENSIONS) {
            throw BasaltException.of(SqlState.PROGRAM_LIMIT_EXCEEDED, "number of array dimensions (" + depth
                    + ") exceeds the maximum allowed (" + ArrayValue.MAX_DIMENSIONS + ")");
        }
        if (elements.isEmpty()) {
            if (!bounds.isEmpty()) {
                throw malformed("Specified array dimensions do not match array contents.");
            }
            return new Parsed(elements, new int[0], new int[0]);
        }
        int[] lowerBounds = new int[depth];
        java.util.Arrays.fill(lowerBounds, 1);
        if (!bounds.isEmpty()) {
            if (bounds.size() != depth) {
                throw malformed("Specified array dimensions do not match array contents.");
            }
            for (int d = 0; d < depth; d++) {
                int[] bound = bounds.get(d);
                if ((long) bound[1] - bound[0] + 1 != lengths[d]) {
                    throw malformed("Specified array dimensions do not match array contents.");
                }
                lowerBounds[d] = bound[0];
            }
        }
        return new Parsed(elements, lengths, lowerBounds);
    }

    /** Appends a parsed structure's elements in row-major order, recording each dimension's length. */
    @SuppressWarnings("unchecked")
    private static void flatten(Object structure, int dimension, int[] lengths, List<String> elements) {
        List<Object> items = (List<Object>) structure;
        if (dimension < lengths.length) {
            lengths[dimension] = items.size();
        }
        for (Object item : items) {
            if (item instanceof List<?>) {
                flatten(item, dimension + 1, lengths, elements);
            } else {
                elements.add((String) item);
            }
        }
    }

    /** {@code [lo:hi]} or {@code [hi]} at the cursor; returns {lo, hi}. */
    private int[] dimension() {
        position++;
        skipSpace();
        Integer first = integer();
        if (first == null) {
            throw malformed("\"[\" must introduce explicitly-specified array dimensions.");
        }
        skipSpace();
        int lower = 1;
        int upper = first;
        if (peek() == ':') {
            position++;
            skipSpace();
            Integer second = integer();
            if (second == null) {
                throw malformed("Missing array dimension value.");
            }
            lower = first;
            upper = second;
            skipSpace();
        }
        if (peek() != ']') {
            throw malformed("Missing \"]\" after array dimensions.");
        }
        position++;
        skipSpace();
        if (upper < lower) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "upper bound cannot be less than lower bound");
        }
        if ((long) upper + 1 > Integer.MAX_VALUE) {
            throw BasaltException.of(SqlState.PROGRAM_LIMIT_EXCEEDED, "array lower bound is too large: " + lower);
        }
        return new int[] {lower, upper};
    }

    private Integer integer() {
        int start = position;
        if (peek() == '-' || peek() == '+') {
            position++;
        }
        int digits = position;
        while (position < text.length() && Character.isDigit(text.charAt(position))) {
            position++;
        }
        if (position == digits) {
            position = start;
            return null;
        }
        try {
            return Integer.parseInt(text.substring(start, position));
        } catch (NumberFormatException tooLarge) {
            throw BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                    "value \"" + text.substring(start, position) + "\" is out of range for type integer");
        }
    }

    /**
     * One brace level at the cursor (which is at '{'): a list of element texts, or of nested levels. A level
     * holds either elements or sub-arrays, never both.
     */
    private List<Object> level() {
        position++;
        List<Object> items = new ArrayList<>();
        skipSpace();
        if (peek() == '}') {
            position++;
            return items;
        }
        boolean nested = false;
        while (true) {
            skipSpace();
            if (position >= text.length()) {
                throw malformed("Unexpected end of input.");
            }
            char c = text.charAt(position);
            if (c == '{') {
                if (!items.isEmpty() && !nested) {
                    throw malformed("Unexpected \"{\" character.");
                }
                nested = true;
                items.add(level());
            } else if (c == '}' || c == ',') {
                throw malformed("Unexpected \"" + c + "\" character.");
            } else {
                if (nested) {
                    throw malformed("Unexpected array element.");
                }
                items.add(element());
            }
            skipSpace();
            if (position >= text.length()) {
                throw malformed("Unexpected end of input.");
            }
            c = text.charAt(position++);
            if (c == '}') {
                return items;
            }
            if (c != ',') {
                throw malformed(c == '{' ? "Unexpected \"{\" character."
                        : nested ? "Unexpected array element." : "Incorrectly quoted array element.");
            }
        }
    }

    /** One element at the cursor, quoted or bare; null for a bare NULL. */
    private String element() {
        StringBuilder value = new StringBuilder();
        if (peek() == '"') {
            position++;
            while (true) {
                if (position >= text.length()) {
                    throw malformed("Unexpected end of input.");
                }
                char c = text.charAt(position++);
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\') {
                    if (position >= text.length()) {
                        throw malformed("Unexpected end of input.");
                    }
                    c = text.charAt(position++);
                }
                value.append(c);
            }
        }
        boolean escaped = false;
        int kept = 0;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == ',' || c == '}') {
                break;
            }
            if (c == '"') {
                throw malformed("Incorrectly quoted array element.");
            }
            if (c == '{') {
                throw malformed("Unexpected \"{\" character.");
            }
            position++;
            if (c == '\\') {
                if (position >= text.length()) {
                    throw malformed("Unexpected end of input.");
                }
                value.append(text.charAt(position++));
                escaped = true;
                kept = value.length();
            } else {
                value.append(c);
                if (!isSpace(c)) {
                    kept = value.length();
                }
            }
        }
        value.setLength(kept);
        String element = value.toString();
        return !escaped && element.equalsIgnoreCase("NULL") ? null : element;
    }

    /** The number of dimensions of a parsed structure, checking that sibling sub-arrays match. */
    private int depth(Object structure) {
        List<?> items = (List<?>) structure;
        if (items.isEmpty() || !(items.getFirst() instanceof List<?>)) {
            return 1;
        }
        int size = ((List<?>) items.getFirst()).size();
        int inner = depth(items.getFirst());
        for (Object item : items) {
            if (((List<?>) item).size() != size || depth(item) != inner) {
                throw malformed("Multidimensional arrays must have sub-arrays with matching dimensions.");
            }
        }
        if (size == 0) {
            throw malformed("Unexpected \"}\" character.");
        }
        return inner + 1;
    }

    private char peek() {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private void skipSpace() {
        while (position < text.length() && isSpace(text.charAt(position))) {
            position++;
        }
    }

    private BasaltException malformed(String detail) {
        return BasaltException.of(SqlState.INVALID_TEXT_REPRESENTATION, "malformed array literal: \"" + text + "\"")
                .withDetail(detail);
    }
}
