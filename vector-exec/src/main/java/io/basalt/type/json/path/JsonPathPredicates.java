package io.basalt.type.json.path;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.json.JsonNode;
import io.basalt.type.json.JsonNode.JsonBoolean;
import io.basalt.type.json.JsonNode.JsonNull;
import io.basalt.type.json.JsonNode.JsonNumber;
import io.basalt.type.json.JsonNode.JsonString;
import io.basalt.type.json.path.JsonPathNode.Operator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The three-valued predicates of jsonpath filters: comparisons, {@code &&}, {@code ||}, {@code !},
 * {@code exists}, {@code is unknown}, {@code like_regex} and {@code starts with}. A result is TRUE, FALSE or
 * null for unknown. A comparison is existential over its operands' items (arrays unwrapped in lax mode): in
 * lax mode it is true as soon as one pair compares true, in strict mode any pair that cannot be compared
 * makes it unknown. Errors while evaluating an operand make the predicate unknown.
 */
final class JsonPathPredicates {
    private final JsonPathEvaluator evaluator;

    JsonPathPredicates(JsonPathEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** The truth of {@code node} with {@code current} as {@code @}. */
    Boolean test(JsonPathNode node, JsonNode current) {
        return switch (node) {
            case JsonPathNode.Binary binary when binary.operator() == Operator.AND -> {
                Boolean left = test(binary.left(), current);
                if (Boolean.FALSE.equals(left)) {
                    yield false;
                }
                Boolean right = test(binary.right(), current);
                yield Boolean.TRUE.equals(right) ? left : right == null ? null : false;
            }
            case JsonPathNode.Binary binary when binary.operator() == Operator.OR -> {
                Boolean left = test(binary.left(), current);
                if (Boolean.TRUE.equals(left)) {
                    yield true;
                }
                Boolean right = test(binary.right(), current);
                yield Boolean.FALSE.equals(right) ? left : right == null ? null : true;
            }
            case JsonPathNode.Binary binary when binary.operator().isComparison() -> compare(binary, current);
            case JsonPathNode.Not not -> {
                Boolean value = test(not.operand(), current);
                yield value == null ? null : !value;
            }
            case JsonPathNode.IsUnknown isUnknown -> test(isUnknown.operand(), current) == null;
            case JsonPathNode.Exists exists -> {
                try {
                    yield evaluator.strict() ? !evaluator.evaluate(exists.path(), current).isEmpty()
                            : evaluator.anyItem(exists.path(), current);
                } catch (BasaltException e) {
                    if (JsonPathEvaluator.isPathError(e)) {
                        yield null;
                    }
                    throw e;
                }
            }
            case JsonPathNode.LikeRegex likeRegex -> likeRegex(likeRegex, current);
            case JsonPathNode.StartsWith startsWith -> startsWith(startsWith, current);
            default -> {
                List<JsonNode> items = evaluator.evaluate(node, current);
                if (items.size() == 1 && items.getFirst() instanceof JsonBoolean bool) {
                    yield bool.value();
                }
                yield null;
            }
        };
    }

    /** The unwrapped items of {@code node}, or null when evaluating it failed with a path error. */
    private List<JsonNode> items(JsonPathNode node, JsonNode current, boolean unwrap) {
        try {
            return unwrap ? evaluator.unwrapped(node, current) : evaluator.evaluate(node, current);
        } catch (BasaltException e) {
            if (JsonPathEvaluator.isPathError(e)) {
                return null;
            }
            throw e;
        }
    }

    private Boolean compare(JsonPathNode.Binary binary, JsonNode current) {
        List<JsonNode> lefts = items(binary.left(), current, true);
        if (lefts == null) {
            return null;
        }
        List<JsonNode> rights = items(binary.right(), current, true);
        if (rights == null) {
            return null;
        }
        boolean found = false;
        boolean error = false;
        for (JsonNode left : lefts) {
            for (JsonNode right : rights) {
                Boolean result = compareItems(binary.operator(), left, right, evaluator.timeZone());
                if (result == null) {
                    if (evaluator.strict()) {
                        return null;
                    }
                    error = true;
                } else if (result) {
                    if (!evaluator.strict()) {
                        return true;
                    }
                    found = true;
                }
            }
        }
        return found ? Boolean.TRUE : error ? null : Boolean.FALSE;
    }

    /** One comparison of two items; null when they cannot be compared. */
    static Boolean compareItems(Operator operator, JsonNode left, JsonNode right, JsonPathTimeZone zone) {
        int order;
        if (left instanceof JsonNull && right instanceof JsonNull) {
            order = 0;
        } else if (left instanceof JsonNull || right instanceof JsonNull) {
            return operator == Operator.NOT_EQUAL;
        } else if (left instanceof JsonBoolean a && right instanceof JsonBoolean b) {
            order = Boolean.compare(a.value(), b.value());
        } else if (left instanceof JsonNumber a && right instanceof JsonNumber b) {
            order = a.value().compareTo(b.value());
        } else if (left instanceof JsonString a && right instanceof JsonString b) {
            order = compareCodePoints(a.value(), b.value());
        } else if (left instanceof JsonNode.JsonDatetime a && right instanceof JsonNode.JsonDatetime b) {
            Integer compared = JsonPathDatetimes.compare(a, b, zone);
            if (compared == null) {
                return null;
            }
            order = compared;
        } else {
            return null;
        }
        return switch (operator) {
            case EQUAL -> order == 0;
            case NOT_EQUAL -> order != 0;
            case LESS -> order < 0;
            case LESS_EQUAL -> order <= 0;
            case GREATER -> order > 0;
            case GREATER_EQUAL -> order >= 0;
            default -> throw BasaltException.internal("not a comparison: " + operator);
        };
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    private Boolean likeRegex(JsonPathNode.LikeRegex likeRegex, JsonNode current) {
        Pattern pattern = pattern(likeRegex);
        List<JsonNode> items = items(likeRegex.operand(), current, true);
        if (items == null) {
            return null;
        }
        boolean found = false;
        boolean error = false;
        for (JsonNode item : items) {
            if (item instanceof JsonString string) {
                if (pattern.matcher(string.value()).find()) {
                    if (!evaluator.strict()) {
                        return true;
                    }
                    found = true;
                }
            } else {
                if (evaluator.strict()) {
                    return null;
                }
                error = true;
            }
        }
        return found ? Boolean.TRUE : error ? null : Boolean.FALSE;
    }

    private static Pattern pattern(JsonPathNode.LikeRegex likeRegex) {
        int flags = 0;
        String letters = likeRegex.flags();
        if (letters.contains("i")) {
            flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        }
        if (letters.contains("s")) {
            flags |= Pattern.DOTALL;
        }
        if (letters.contains("m")) {
            flags |= Pattern.MULTILINE;
        }
        if (letters.contains("q")) {
            flags |= Pattern.LITERAL;
        }
        try {
            String pattern = (flags & Pattern.LITERAL) != 0 ? likeRegex.pattern() : javaPattern(likeRegex.pattern());
            return Pattern.compile(pattern, flags);
        } catch (PatternSyntaxException e) {
            throw BasaltException.of(SqlState.INVALID_REGULAR_EXPRESSION,
                    "invalid regular expression: " + e.getDescription());
        }
    }

    /**
     * A POSIX ARE pattern (PostgreSQL's regex flavour) in Java's syntax, for the escapes that differ:
     * {@code \b} is a backspace, {@code \B} a backslash, {@code \y}/{@code \Y} word boundaries and
     * {@code \m}/{@code \M} the start and end of a word.
     */
    private static String javaPattern(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length());
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '\\' || i + 1 == pattern.length()) {
                out.append(c);
                continue;
            }
            char next = pattern.charAt(++i);
            switch (next) {
                case 'b' -> out.append("\\x08");
                case 'B' -> out.append("\\\\");
                case 'y' -> out.append("\\b");
                case 'Y' -> out.append("\\B");
                case 'm' -> out.append("\\b(?=\\w)");
                case 'M' -> out.append("\\b(?<=\\w)");
                default -> out.append(c).append(next);
            }
        }
        return out.toString();
    }

    private Boolean startsWith(JsonPathNode.StartsWith startsWith, JsonNode current) {
        List<JsonNode> prefixes = items(startsWith.prefix(), current, false);
        if (prefixes == null || prefixes.size() != 1 || !(prefixes.getFirst() instanceof JsonString prefix)) {
            return null;
        }
        List<JsonNode> items = items(startsWith.operand(), current, true);
        if (items == null) {
            return null;
        }
        boolean found = false;
        boolean error = false;
        for (JsonNode item : items) {
            if (item instanceof JsonString string) {
                if (string.value().startsWith(prefix.value())) {
                    if (!evaluator.strict()) {
                        return true;
                    }
                    found = true;
                }
            } else {
                if (evaluator.strict()) {
                    return null;
                }
                error = true;
            }
        }
        return found ? Boolean.TRUE : error ? null : Boolean.FALSE;
    }
}
