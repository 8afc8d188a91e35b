package io.basalt.type.json;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses JSON text into a {@link JsonNode} tree with PostgreSQL 15's lexer and grammar rules and its error
 * reports: 22P02 "invalid input syntax for type json" with the DETAIL PostgreSQL gives (a token that is
 * invalid, what was expected and what was found, an early end) and a CONTEXT line showing the input line up
 * to the offending token ({@code JSON data, line 1: {"a" 1...}).
 *
 * <p>Two modes, as PostgreSQL has: {@link #parse} de-escapes strings (the {@code jsonb} type and the json
 * functions that look inside values), which checks surrogate pairs and refuses {@code \u0000};
 * {@link #validate} only checks the syntax (the {@code json} type's input, which keeps the text as written).
 * Objects keep their members in order, duplicates included.
 */
public final class JsonParser {
    private static final int CONTEXT_WIDTH = 50;

    private final String text;
    private final boolean deEscape;
    private int position;
    /** Start and end of the token last scanned, for error reports. */
    private int tokenStart;
    private int tokenEnd;
    private int lineNumber = 1;
    private int lineStart;

    private JsonParser(String text, boolean deEscape) {
        this.text = text;
        this.deEscape = deEscape;
    }

    /** The value {@code text} spells, strings de-escaped. */
    public static JsonNode parse(String text) {
        JsonParser parser = new JsonParser(text, true);
        JsonNode value = parser.value(parser.nextToken());
        parser.expectEnd();
        return value;
    }

    /** Checks that {@code text} is valid JSON (the json type's input check); returns it unchanged. */
    public static String validate(String text) {
        JsonParser parser = new JsonParser(text, false);
        parser.value(parser.nextToken());
        parser.expectEnd();
        return text;
    }

    // ------------------------------------------------------------------ grammar

    private enum Kind { LEFT_BRACE, RIGHT_BRACE, LEFT_BRACKET, RIGHT_BRACKET, COMMA, COLON, STRING, NUMBER, TRUE,
        FALSE, NULL, END }

    /** The token just scanned: its kind, and for strings and numbers its value. */
    private Kind kind;
    private String stringValue;

    private Kind nextToken() {
        scan();
        return kind;
    }

    private void expectEnd() {
        if (nextToken() != Kind.END) {
            throw syntax("Expected end of input, but found \"" + tokenText() + "\".");
        }
    }

    private JsonNode value(Kind token) {
        return switch (token) {
            case LEFT_BRACE -> object();
            case LEFT_BRACKET -> array();
            case STRING -> new JsonNode.JsonString(stringValue);
            case NUMBER -> new JsonNode.JsonNumber(deEscape ? new BigDecimal(stringValue) : BigDecimal.ZERO);
            case TRUE -> JsonNode.TRUE;
            case FALSE -> JsonNode.FALSE;
            case NULL -> JsonNode.NULL;
            case END -> throw endedUnexpectedly();
            default -> throw syntax("Expected JSON value, but found \"" + tokenText() + "\".");
        };
    }

    private JsonNode object() {
        List<String> keys = new ArrayList<>();
        List<JsonNode> values = new ArrayList<>();
        Kind token = nextToken();
        if (token == Kind.RIGHT_BRACE) {
            return new JsonNode.JsonObject(keys, values);
        }
        boolean first = true;
        while (true) {
            if (token != Kind.STRING) {
                if (token == Kind.END) {
                    throw endedUnexpectedly();
                }
                throw syntax((first ? "Expected string or \"}\", but found \"" : "Expected string, but found \"")
                        + tokenText() + "\".");
            }
            keys.add(stringValue);
            token = nextToken();
            if (token != Kind.COLON) {
                if (token == Kind.END) {
                    throw endedUnexpectedly();
                }
                throw syntax("Expected \":\", but found \"" + tokenText() + "\".");
            }
            values.add(value(nextToken()));
            token = nextToken();
            if (token == Kind.RIGHT_BRACE) {
                return new JsonNode.JsonObject(keys, values);
            }
            if (token != Kind.COMMA) {
                if (token == Kind.END) {
                    throw endedUnexpectedly();
                }
                throw syntax("Expected \",\" or \"}\", but found \"" + tokenText() + "\".");
            }
            first = false;
            token = nextToken();
        }
    }

    private JsonNode array() {
        List<JsonNode> elements = new ArrayList<>();
        Kind token = nextToken();
        if (token == Kind.RIGHT_BRACKET) {
            return new JsonNode.JsonArray(elements);
        }
        while (true) {
            elements.add(value(token));
            token = nextToken();
            if (token == Kind.RIGHT_BRACKET) {
                return new JsonNode.JsonArray(elements);
            }
            if (token != Kind.COMMA) {
                if (token == Kind.END) {
                    throw endedUnexpectedly();
                }
                throw syntax("Expected \",\" or \"]\", but found \"" + tokenText() + "\".");
            }
            token = nextToken();
        }
    }

    // ------------------------------------------------------------------ lexer

    private void scan() {
        int length = text.length();
        while (position < length) {
            char c = text.charAt(position);
            if (c == '\n') {
                lineNumber++;
                lineStart = position + 1;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                break;
            }
            position++;
        }
        tokenStart = position;
        if (position >= length) {
            tokenEnd = position;
            kind = Kind.END;
            return;
        }
        char c = text.charAt(position);
        Kind punctuation = switch (c) {
            case '{' -> Kind.LEFT_BRACE;
            case '}' -> Kind.RIGHT_BRACE;
            case '[' -> Kind.LEFT_BRACKET;
            case ']' -> Kind.RIGHT_BRACKET;
            case ',' -> Kind.COMMA;
            case ':' -> Kind.COLON;
            default -> null;
        };
        if (punctuation != null) {
            position++;
            tokenEnd = position;
            kind = punctuation;
            return;
        }
        if (c == '"') {
            scanString();
            return;
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            scanNumber();
            return;
        }
        int end = position;
        while (end < length && isAlphanumeric(text.charAt(end))) {
            end++;
        }
        if (end == position) {
            tokenEnd = position + 1;
            throw invalidToken();
        }
        tokenEnd = end;
        String word = text.substring(position, end);
        position = end;
        kind = switch (word) {
            case "true" -> Kind.TRUE;
            case "false" -> Kind.FALSE;
            case "null" -> Kind.NULL;
            default -> throw invalidToken();
        };
    }

    private static boolean isAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
    }

    private static boolean isDigit(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    private void scanNumber() {
        String s = text;
        int i = position;
        boolean error = false;
        if (s.charAt(i) == '-') {
            i++;
        }
        if (i < s.length() && s.charAt(i) == '0') {
            i++;
        } else if (isDigit(s, i)) {
            while (isDigit(s, i)) {
                i++;
            }
        } else {
            error = true;
        }
        if (i < s.length() && s.charAt(i) == '.') {
            i++;
            if (!isDigit(s, i)) {
                error = true;
            } else {
                while (isDigit(s, i)) {
                    i++;
                }
            }
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            if (!isDigit(s, i)) {
                error = true;
            } else {
                while (isDigit(s, i)) {
                    i++;
                }
            }
        }
        while (i < s.length() && isAlphanumeric(s.charAt(i))) {
            i++;
            error = true;
        }
        tokenEnd = i;
        if (error) {
            throw invalidToken();
        }
        stringValue = s.substring(position, i);
        position = i;
        kind = Kind.NUMBER;
    }

    private void scanString() {
        String s = text;
        int i = position + 1;
        StringBuilder out = deEscape ? new StringBuilder() : null;
        int highSurrogate = -1;
        while (true) {
            if (i >= s.length()) {
                tokenEnd = i;
                throw invalidToken();
            }
            char c = s.charAt(i);
            if (c == '"') {
                break;
            }
            if (c < 0x20) {
                tokenEnd = i;
                throw syntax("Character with value 0x" + String.format("%02x", (int) c) + " must be escaped.");
            }
            if (c == '\\') {
                i++;
                if (i >= s.length()) {
                    tokenEnd = i;
                    throw invalidToken();
                }
                char e = s.charAt(i);
                if (e == 'u') {
                    int code = 0;
                    for (int k = 1; k <= 4; k++) {
                        int digit = i + k < s.length() ? Character.digit(s.charAt(i + k), 16) : -1;
                        if (digit < 0 || s.charAt(i + k) > 'f') {
                            tokenEnd = Math.min(i + k + 1, s.length());
                            throw syntax("\"\\u\" must be followed by four hexadecimal digits.");
                        }
                        code = code * 16 + digit;
                    }
                    i += 5;
                    if (deEscape) {
                        if (code >= 0xd800 && code <= 0xdbff) {
                            if (highSurrogate != -1) {
                                tokenEnd = i;
                                throw syntax("Unicode high surrogate must not follow a high surrogate.");
                            }
                            highSurrogate = code;
                            continue;
                        }
                        if (code >= 0xdc00 && code <= 0xdfff) {
                            if (highSurrogate == -1) {
                                tokenEnd = i;
                                throw syntax("Unicode low surrogate must follow a high surrogate.");
                            }
                            out.append((char) highSurrogate).append((char) code);
                            highSurrogate = -1;
                            continue;
                        }
                        if (highSurrogate != -1) {
                            tokenEnd = i;
                            throw syntax("Unicode low surrogate must follow a high surrogate.");
                        }
                        if (code == 0) {
                            tokenEnd = i;
                            throw withContext(BasaltException.of(SqlState.UNTRANSLATABLE_CHARACTER,
                                    "unsupported Unicode escape sequence").withDetail("\\u0000 cannot be converted to text."));
                        }
                        out.append((char) code);
                    }
                    continue;
                }
                if (deEscape && highSurrogate != -1) {
                    tokenEnd = i + 1;
                    throw syntax("Unicode low surrogate must follow a high surrogate.");
                }
                char plain = switch (e) {
                    case '"' -> '"';
                    case '\\' -> '\\';
                    case '/' -> '/';
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    default -> {
                        tokenEnd = i + Character.charCount(s.codePointAt(i));
                        throw syntax("Escape sequence \"\\" + s.substring(i, tokenEnd) + "\" is invalid.");
                    }
                };
                if (deEscape) {
                    out.append(plain);
                }
                i++;
                continue;
            }
            if (deEscape && highSurrogate != -1) {
                tokenEnd = i;
                throw syntax("Unicode low surrogate must follow a high surrogate.");
            }
            if (deEscape) {
                out.append(c);
            }
            i++;
        }
        tokenEnd = i + 1;
        if (deEscape && highSurrogate != -1) {
            throw syntax("Unicode low surrogate must follow a high surrogate.");
        }
        stringValue = deEscape ? out.toString() : "";
        position = i + 1;
        kind = Kind.STRING;
    }

    // ------------------------------------------------------------------ errors

    private String tokenText() {
        return text.substring(tokenStart, tokenEnd);
    }

    private BasaltException invalidToken() {
        return syntax("Token \"" + text.substring(tokenStart, tokenEnd) + "\" is invalid.");
    }

    private BasaltException endedUnexpectedly() {
        return syntax("The input string ended unexpectedly.");
    }

    private BasaltException syntax(String detail) {
        return withContext(BasaltException.of(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type json")
                .withDetail(detail));
    }

    /** PostgreSQL's CONTEXT line: the current line up to the end of the offending token, at most 50 characters. */
    private BasaltException withContext(BasaltException error) {
        int contextStart = lineStart;
        int contextEnd = tokenEnd;
        if (contextEnd - contextStart >= CONTEXT_WIDTH) {
            contextStart = contextEnd - CONTEXT_WIDTH + 1;
        }
        if (contextStart - lineStart <= 3) {
            contextStart = lineStart;
        }
        String prefix = contextStart > lineStart ? "..." : "";
        String suffix = contextEnd < text.length() && text.charAt(contextEnd) != '\n'
                && text.charAt(contextEnd) != '\r' ? "..." : "";
        return error.withContext("JSON data, line " + lineNumber + ": " + prefix
                + text.substring(contextStart, contextEnd) + suffix);
    }
}
