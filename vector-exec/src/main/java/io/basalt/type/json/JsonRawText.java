package io.basalt.type.json;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads parts of json text as written, without normalizing them: the {@code json} type's operators and
 * functions ({@code ->}, {@code #>}, json_each, json_array_elements, ...) return a member or element exactly as
 * it stands in the input (spacing, number spelling and key order kept), where jsonb would print its own form.
 * The text must be valid JSON (the json type checked it on input). Object members are found by their
 * unescaped key, the last one winning when a key repeats, as PostgreSQL's json functions do.
 */
public final class JsonRawText {
    /** A member of an object: its unescaped key and its value's text. */
    public record Member(String key, String value) {
    }

    private JsonRawText() {
    }

    /** The members of the object {@code text}, or null when it is not an object. */
    public static List<Member> members(String text) {
        int at = skipSpace(text, 0);
        if (at >= text.length() || text.charAt(at) != '{') {
            return null;
        }
        List<Member> members = new ArrayList<>();
        at = skipSpace(text, at + 1);
        if (text.charAt(at) == '}') {
            return members;
        }
        while (true) {
            int keyEnd = skipValue(text, at);
            String key = ((JsonNode.JsonString) JsonParser.parse(text.substring(at, keyEnd))).value();
            at = skipSpace(text, keyEnd);
            at = skipSpace(text, at + 1); // the colon
            int valueEnd = skipValue(text, at);
            members.add(new Member(key, text.substring(at, valueEnd)));
            at = skipSpace(text, valueEnd);
            if (text.charAt(at) == '}') {
                return members;
            }
            at = skipSpace(text, at + 1); // the comma
        }
    }

    /** The elements of the array {@code text}, each as written, or null when it is not an array. */
    public static List<String> elements(String text) {
        int at = skipSpace(text, 0);
        if (at >= text.length() || text.charAt(at) != '[') {
            return null;
        }
        List<String> elements = new ArrayList<>();
        at = skipSpace(text, at + 1);
        if (text.charAt(at) == ']') {
            return elements;
        }
        while (true) {
            int end = skipValue(text, at);
            elements.add(text.substring(at, end));
            at = skipSpace(text, end);
            if (text.charAt(at) == ']') {
                return elements;
            }
            at = skipSpace(text, at + 1);
        }
    }

    /** The member {@code key} of the object {@code text} as written, or null. */
    public static String field(String text, String key) {
        List<Member> members = members(text);
        if (members == null) {
            return null;
        }
        String found = null;
        for (Member member : members) {
            if (member.key().equals(key)) {
                found = member.value();
            }
        }
        return found;
    }

    /** Element {@code index} (negative from the end) of the array {@code text} as written, or null. */
    public static String element(String text, long index) {
        List<String> elements = elements(text);
        if (elements == null) {
            return null;
        }
        long at = index < 0 ? elements.size() + index : index;
        return at < 0 || at >= elements.size() ? null : elements.get((int) at);
    }

    /**
     * The value at {@code path} ({@code #>}): each step a key of an object or an integer index of an array;
     * the whole text, trimmed, for an empty path; null when a step finds nothing or is null.
     */
    public static String path(String text, List<?> path) {
        String current = text.strip();
        for (Object step : path) {
            if (step == null) {
                return null;
            }
            String name = (String) step;
            char first = current.charAt(0);
            if (first == '{') {
                current = field(current, name);
            } else if (first == '[') {
                Long index = integer(name);
                current = index == null ? null : element(current, index);
            } else {
                return null;
            }
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /** A value as the text forms ({@code ->>}, json_each_text) give it: a string unescaped, null as NULL. */
    public static String asText(String value) {
        if (value == null || value.equals("null")) {
            return null;
        }
        if (value.charAt(0) == '"') {
            return ((JsonNode.JsonString) JsonParser.parse(value)).value();
        }
        return value;
    }

    private static Long integer(String step) {
        String trimmed = step.strip();
        if (!trimmed.matches("[+-]?\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(trimmed.startsWith("+") ? trimmed.substring(1) : trimmed);
    }

    private static int skipSpace(String text, int at) {
        while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t' || text.charAt(at) == '\n'
                || text.charAt(at) == '\r')) {
            at++;
        }
        return at;
    }

    /** Where the value starting at {@code at} ends. */
    private static int skipValue(String text, int at) {
        char c = text.charAt(at);
        if (c == '"') {
            int i = at + 1;
            while (text.charAt(i) != '"') {
                i += text.charAt(i) == '\\' ? 2 : 1;
            }
            return i + 1;
        }
        if (c == '{' || c == '[') {
            int depth = 0;
            int i = at;
            while (true) {
                char d = text.charAt(i);
                if (d == '"') {
                    i = skipValue(text, i);
                    continue;
                }
                if (d == '{' || d == '[') {
                    depth++;
                } else if (d == '}' || d == ']') {
                    depth--;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
                i++;
            }
        }
        int i = at;
        while (i < text.length() && ",}] \t\n\r".indexOf(text.charAt(i)) < 0) {
            i++;
        }
        return i;
    }
}
