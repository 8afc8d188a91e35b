package io.basalt.type.json.path;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.json.JsonNode;
import io.basalt.type.json.path.JsonPathLexer.Kind;
import io.basalt.type.json.path.JsonPathLexer.Token;
import io.basalt.type.json.path.JsonPathNode.Operator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A recursive-descent parser for PostgreSQL's jsonpath grammar: an optional {@code lax}/{@code strict}
 * mode, then an expression or predicate. Precedence from loosest: {@code ||}, {@code &&}, {@code !},
 * comparisons / {@code like_regex} / {@code starts with}, {@code + -}, {@code * / %}, unary sign, accessor
 * chains. A sign in front of a number literal is folded into it, as PostgreSQL does. {@code @} outside a
 * filter and {@code last} outside a subscript are rejected as PostgreSQL rejects them.
 */
public final class JsonPathParser {
    private static final Set<String> METHODS = Set.of("type", "size", "double", "ceiling", "floor", "abs",
            "keyvalue", "bigint", "integer", "boolean", "number", "string", "decimal");

    private static final Set<String> DATETIME_METHODS = Set.of("datetime", "date", "time", "time_tz", "timestamp",
            "timestamp_tz");

    private final List<Token> tokens;
    private int at;
    private int filterDepth;
    private int subscriptDepth;

    private JsonPathParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Parses jsonpath text; syntax errors are 42601 with PostgreSQL's wording. */
    public static JsonPath parse(String text) {
        JsonPathParser parser = new JsonPathParser(JsonPathLexer.tokenize(text));
        boolean strict = false;
        if (parser.peek().isWord("strict") || parser.peek().isWord("lax")) {
            strict = parser.take().text().equals("strict");
        }
        JsonPathNode root = parser.predicateOr();
        if (parser.peek().kind() != Kind.END) {
            throw parser.unexpected();
        }
        return new JsonPath(strict, root);
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token take() {
        return tokens.get(at++);
    }

    private BasaltException unexpected() {
        return JsonPathLexer.syntaxError(peek().kind() == Kind.END ? null : display(peek()));
    }

    private static String display(Token token) {
        return switch (token.kind()) {
            case STRING -> token.text();
            case VARIABLE -> "$" + token.text();
            default -> token.text();
        };
    }

    private void expect(String punctuation) {
        if (!peek().is(punctuation)) {
            throw unexpected();
        }
        at++;
    }

    private JsonPathNode predicateOr() {
        JsonPathNode left = predicateAnd();
        while (peek().is("||")) {
            requirePredicate(left);
            at++;
            left = new JsonPathNode.Binary(Operator.OR, left, requirePredicate(predicateAnd()));
        }
        return left;
    }

    private JsonPathNode predicateAnd() {
        JsonPathNode left = predicateNot();
        while (peek().is("&&")) {
            requirePredicate(left);
            at++;
            left = new JsonPathNode.Binary(Operator.AND, left, requirePredicate(predicateNot()));
        }
        return left;
    }

    /** The grammar takes only predicates in filters and under {@code && || !}; else a syntax error here. */
    private JsonPathNode requirePredicate(JsonPathNode node) {
        boolean predicate = switch (node) {
            case JsonPathNode.Binary binary -> !binary.operator().isArithmetic();
            case JsonPathNode.Not not -> true;
            case JsonPathNode.Exists exists -> true;
            case JsonPathNode.IsUnknown isUnknown -> true;
            case JsonPathNode.LikeRegex likeRegex -> true;
            case JsonPathNode.StartsWith startsWith -> true;
            default -> false;
        };
        if (!predicate) {
            throw unexpected();
        }
        return node;
    }

    private JsonPathNode predicateNot() {
        if (peek().is("!")) {
            at++;
            if (peek().isWord("exists")) {
                return new JsonPathNode.Not(exists());
            }
            expect("(");
            JsonPathNode inner = requirePredicate(predicateOr());
            expect(")");
            return new JsonPathNode.Not(inner);
        }
        if (peek().isWord("exists") && tokens.get(at + 1).is("(")) {
            return exists();
        }
        return comparison();
    }

    private JsonPathNode exists() {
        at++;
        expect("(");
        JsonPathNode path = predicateOr();
        expect(")");
        return new JsonPathNode.Exists(path);
    }

    private JsonPathNode comparison() {
        JsonPathNode left = additive();
        Token token = peek();
        if (token.kind() == Kind.PUNCT) {
            Operator operator = switch (token.text()) {
                case "==" -> Operator.EQUAL;
                case "!=" -> Operator.NOT_EQUAL;
                case "<" -> Operator.LESS;
                case "<=" -> Operator.LESS_EQUAL;
                case ">" -> Operator.GREATER;
                case ">=" -> Operator.GREATER_EQUAL;
                default -> null;
            };
            if (operator != null) {
                at++;
                return new JsonPathNode.Binary(operator, left, additive());
            }
        }
        if (token.isWord("starts") && tokens.get(at + 1).isWord("with")) {
            at += 2;
            Token prefix = take();
            JsonPathNode right = switch (prefix.kind()) {
                case STRING -> new JsonPathNode.Literal(new JsonNode.JsonString(prefix.text()));
                case VARIABLE -> new JsonPathNode.Variable(prefix.text());
                default -> {
                    at--;
                    throw unexpected();
                }
            };
            return new JsonPathNode.StartsWith(left, right);
        }
        if (token.isWord("like_regex")) {
            at++;
            Token pattern = take();
            if (pattern.kind() != Kind.STRING) {
                at--;
                throw unexpected();
            }
            String flags = "";
            if (peek().isWord("flag")) {
                at++;
                Token flagToken = take();
                if (flagToken.kind() != Kind.STRING) {
                    at--;
                    throw unexpected();
                }
                flags = regexFlags(flagToken.text());
            }
            return new JsonPathNode.LikeRegex(left, pattern.text(), flags);
        }
        return left;
    }

    /** The flags in PostgreSQL's printed order (i, s, m, q); x and unknown letters are errors. */
    private static String regexFlags(String text) {
        boolean i = false;
        boolean s = false;
        boolean m = false;
        boolean q = false;
        for (char c : text.toCharArray()) {
            switch (c) {
                case 'i' -> i = true;
                case 's' -> s = true;
                case 'm' -> m = true;
                case 'q' -> q = true;
                case 'x' -> throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                        "XQuery \"x\" flag (expanded regular expressions) is not implemented");
                default -> throw BasaltException.of(SqlState.SYNTAX_ERROR,
                        "invalid input syntax for type jsonpath")
                        .withDetail("Unrecognized flag character \"" + c + "\" in LIKE_REGEX predicate.");
            }
        }
        return (i ? "i" : "") + (s ? "s" : "") + (m ? "m" : "") + (q ? "q" : "");
    }

    private JsonPathNode additive() {
        JsonPathNode left = multiplicative();
        while (peek().is("+") || peek().is("-")) {
            Operator operator = take().is("+") ? Operator.ADD : Operator.SUBTRACT;
            left = new JsonPathNode.Binary(operator, left, multiplicative());
        }
        return left;
    }

    private JsonPathNode multiplicative() {
        JsonPathNode left = unary();
        while (peek().is("*") || peek().is("/") || peek().is("%")) {
            String symbol = take().text();
            Operator operator = symbol.equals("*") ? Operator.MULTIPLY
                    : symbol.equals("/") ? Operator.DIVIDE : Operator.MODULO;
            left = new JsonPathNode.Binary(operator, left, unary());
        }
        return left;
    }

    private JsonPathNode unary() {
        if (peek().is("+") || peek().is("-")) {
            boolean minus = take().is("-");
            JsonPathNode operand = unary();
            if (operand instanceof JsonPathNode.Literal(JsonNode.JsonNumber number)) {
                return minus ? new JsonPathNode.Literal(new JsonNode.JsonNumber(number.value().negate())) : operand;
            }
            return new JsonPathNode.Sign(minus, operand);
        }
        return accessorChain();
    }

    private JsonPathNode accessorChain() {
        JsonPathNode start = primary();
        List<JsonPathNode> steps = new ArrayList<>();
        while (true) {
            if (peek().is(".")) {
                at++;
                steps.add(dotStep());
            } else if (peek().is("[")) {
                at++;
                steps.add(subscripts());
            } else if (peek().is("?")) {
                at++;
                expect("(");
                filterDepth++;
                JsonPathNode predicate = requirePredicate(predicateOr());
                filterDepth--;
                expect(")");
                steps.add(new JsonPathNode.Filter(predicate));
            } else {
                break;
            }
        }
        return steps.isEmpty() ? start : new JsonPathNode.Chain(start, steps);
    }

    private JsonPathNode primary() {
        Token token = take();
        switch (token.kind()) {
            case STRING:
                return new JsonPathNode.Literal(new JsonNode.JsonString(token.text()));
            case NUMBER:
                return new JsonPathNode.Literal(new JsonNode.JsonNumber(new BigDecimal(token.text())));
            case VARIABLE:
                return new JsonPathNode.Variable(token.text());
            case WORD:
                switch (token.text()) {
                    case "true":
                        return new JsonPathNode.Literal(JsonNode.TRUE);
                    case "false":
                        return new JsonPathNode.Literal(JsonNode.FALSE);
                    case "null":
                        return new JsonPathNode.Literal(JsonNode.NULL);
                    case "last":
                        if (subscriptDepth == 0) {
                            throw BasaltException.of(SqlState.SYNTAX_ERROR,
                                    "LAST is allowed only in array subscripts");
                        }
                        return new JsonPathNode.Last();
                    default:
                        break;
                }
                break;
            case PUNCT:
                if (token.is("$")) {
                    return new JsonPathNode.Root();
                }
                if (token.is("@")) {
                    if (filterDepth == 0) {
                        throw BasaltException.of(SqlState.SYNTAX_ERROR, "@ is not allowed in root expressions");
                    }
                    return new JsonPathNode.Current();
                }
                if (token.is("(")) {
                    JsonPathNode inner = predicateOr();
                    expect(")");
                    if (peek().isWord("is") && tokens.get(at + 1).isWord("unknown")) {
                        at += 2;
                        return new JsonPathNode.IsUnknown(inner);
                    }
                    return inner;
                }
                break;
            default:
                break;
        }
        at--;
        throw unexpected();
    }

    private JsonPathNode dotStep() {
        Token token = take();
        if (token.is("*")) {
            return new JsonPathNode.AnyKey();
        }
        if (token.is("**")) {
            return anyPath();
        }
        if (token.kind() == Kind.STRING) {
            return new JsonPathNode.Key(token.text());
        }
        if (token.kind() == Kind.WORD) {
            if (peek().is("(")) {
                if (METHODS.contains(token.text())) {
                    at++;
                    List<BigDecimal> arguments = new ArrayList<>();
                    if (token.text().equals("decimal") && !peek().is(")")) {
                        arguments.add(signedNumber());
                        if (peek().is(",")) {
                            at++;
                            arguments.add(signedNumber());
                        }
                    }
                    expect(")");
                    return new JsonPathNode.Method(token.text(), arguments);
                }
                if (DATETIME_METHODS.contains(token.text())) {
                    at++;
                    return datetimeMethod(token.text());
                }
                at--;
                throw unexpected();
            }
            return new JsonPathNode.Key(token.text());
        }
        at--;
        throw unexpected();
    }

    /** After {@code .name(}: .datetime's optional template string or the others' optional precision. */
    private JsonPathNode datetimeMethod(String name) {
        String template = null;
        BigDecimal precision = null;
        if (name.equals("datetime")) {
            if (peek().kind() == Kind.STRING) {
                template = take().text();
            }
        } else if (!name.equals("date") && peek().kind() == Kind.NUMBER) {
            if (!peek().text().chars().allMatch(Character::isDigit)) {
                throw unexpected();
            }
            precision = new BigDecimal(take().text());
        }
        expect(")");
        return new JsonPathNode.DatetimeMethod(name, template, precision);
    }

    /** An integer literal with an optional sign (.decimal()'s precision and scale). */
    private BigDecimal signedNumber() {
        boolean minus = false;
        if (peek().is("+") || peek().is("-")) {
            minus = take().is("-");
        }
        Token token = take();
        if (token.kind() != Kind.NUMBER || !token.text().chars().allMatch(Character::isDigit)) {
            at--;
            throw unexpected();
        }
        BigDecimal value = new BigDecimal(token.text());
        return minus ? value.negate() : value;
    }

    private JsonPathNode anyPath() {
        if (!peek().is("{")) {
            return new JsonPathNode.AnyPath(0, -1);
        }
        at++;
        int from = level();
        int to = from;
        if (peek().isWord("to")) {
            at++;
            to = level();
        }
        expect("}");
        return new JsonPathNode.AnyPath(from, to);
    }

    private int level() {
        Token token = take();
        if (token.isWord("last")) {
            return -1;
        }
        if (token.kind() == Kind.NUMBER && token.text().chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(token.text());
        }
        at--;
        throw unexpected();
    }

    private JsonPathNode subscripts() {
        if (peek().is("*")) {
            at++;
            expect("]");
            return new JsonPathNode.AnyIndex();
        }
        subscriptDepth++;
        List<JsonPathNode.Subscript> list = new ArrayList<>();
        do {
            JsonPathNode from = additive();
            JsonPathNode to = null;
            if (peek().isWord("to")) {
                at++;
                to = additive();
            }
            list.add(new JsonPathNode.Subscript(from, to));
        } while (peek().is(",") && take() != null);
        subscriptDepth--;
        expect("]");
        return new JsonPathNode.Index(list);
    }
}
