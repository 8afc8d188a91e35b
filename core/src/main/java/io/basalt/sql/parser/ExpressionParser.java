package io.basalt.sql.parser;

import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.OrderItem;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.KeywordCategory;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Operator expressions by precedence climbing over PostgreSQL's precedence table (section 4.1.6 of its
 * manual), lowest first:
 *
 * <pre>
 *   OR  <  AND  <  NOT  <  IS, ISNULL, NOTNULL  <  &lt; &gt; = &lt;= &gt;= &lt;&gt;  <  BETWEEN IN LIKE ILIKE SIMILAR
 *   <  any other operator  <  + -  <  * / %  <  ^  <  AT TIME ZONE  <  COLLATE  <  unary minus  <  ::
 * </pre>
 *
 * Binary operators associate to the left, except that comparisons and the pattern operators do not associate
 * at all ({@code a = b = c} and {@code a LIKE b LIKE c} are syntax errors at the second operator, as in
 * PostgreSQL). The <em>restricted</em> form is PostgreSQL's {@code b_expr}, used where a following keyword
 * would otherwise be ambiguous (column DEFAULT, the lower bound of BETWEEN): it has no boolean connectives,
 * IS tests other than DISTINCT FROM, or pattern operators.
 *
 * <p>Positions follow PostgreSQL's: an operator node is placed at its operator (where PostgreSQL reports
 * "operator does not exist"), {@code x::t} at the {@code ::}.
 */
final class ExpressionParser extends ParserBase {
    static final int OR = 1;
    static final int AND = 2;
    static final int NOT = 3;
    static final int IS = 4;
    static final int COMPARISON = 5;
    static final int PATTERN = 6;
    static final int OTHER_OPERATOR = 7;
    static final int ADDITIVE = 8;
    static final int MULTIPLICATIVE = 9;
    static final int EXPONENT = 10;
    static final int AT_TIME_ZONE = 11;
    static final int COLLATE = 12;
    static final int UNARY_MINUS = 13;
    static final int TYPECAST = 14;
    private static final int NONE = -1;

    ExpressionParser(Grammar grammar) {
        super(grammar);
    }

    /** PostgreSQL's {@code a_expr}: any expression. */
    Expression expression() {
        return parse(OR, false);
    }

    /**
     * An expression that a bare column label may follow (a SELECT or RETURNING item). Keyword operators that
     * are also bare labels ({@code AND}, {@code IS}, {@code AT}, {@code LIKE}, ...) act as operators only when
     * the next token can continue the operation, as PostgreSQL decides: {@code SELECT 1 is} labels the column
     * "is", {@code SELECT a is null} tests a.
     */
    Expression labeledExpression() {
        return continueInfix(prefix(false), OR, false, true);
    }

    /** PostgreSQL's {@code b_expr}: an expression without boolean connectives, IS tests and pattern operators. */
    Expression restrictedExpression() {
        return parse(OR, true);
    }

    /** {@code expression [, expression ...]}. */
    List<Expression> expressionList() {
        List<Expression> expressions = new ArrayList<>();
        do {
            expressions.add(expression());
        } while (tokens.accept(TokenKind.COMMA));
        return expressions;
    }

    /** An expression made only of operators binding at least as tightly as {@code minimum}. */
    Expression parse(int minimum, boolean restricted) {
        return continueInfix(prefix(restricted), minimum, restricted, false);
    }

    /** Continues an expression whose first operand has already been parsed. */
    Expression continueExpression(Expression left) {
        return continueInfix(left, OR, false, false);
    }

    private Expression prefix(boolean restricted) {
        Token token = current();
        if (token.is(Keyword.NOT) && !restricted) {
            tokens.next();
            return new Expression.Unary("NOT", parse(NOT, false), token.position());
        }
        if (token.kind() == TokenKind.OPERATOR) {
            String operator = token.value();
            if (operator.equals("-") || operator.equals("+")) {
                tokens.next();
                return new Expression.Unary(operator, parse(UNARY_MINUS, restricted), token.position());
            }
            if (isPrefixOperator(operator)) {
                tokens.next();
                return new Expression.Unary(operator, parse(ADDITIVE, restricted), token.position());
            }
            throw tokens.syntaxError();
        }
        if (token.is(Keyword.OPERATOR) && tokens.peek(1).is(TokenKind.LEFT_PAREN)) {
            String operator = qualifiedOperator();
            return new Expression.Unary(operator, parse(ADDITIVE, restricted), token.position());
        }
        return grammar.primaries().primary();
    }

    /**
     * Whether {@code operator} may be written before its operand. PostgreSQL's lexer hands the one-character
     * operators and the comparison pairs to the grammar as tokens of their own, which are never prefix.
     */
    private static boolean isPrefixOperator(String operator) {
        return switch (operator) {
            case "*", "/", "%", "^", "<", ">", "=", "<=", ">=", "<>", "!=" -> false;
            default -> true;
        };
    }

    /** Precedence of the infix or postfix operator at the cursor, or NONE. */
    private int infixPrecedence(boolean restricted) {
        Token token = current();
        if (token.kind() == TokenKind.OPERATOR) {
            return switch (token.value()) {
                case "<", ">", "=", "<=", ">=", "<>", "!=" -> COMPARISON;
                case "+", "-" -> ADDITIVE;
                case "*", "/", "%" -> MULTIPLICATIVE;
                case "^" -> EXPONENT;
                default -> OTHER_OPERATOR;
            };
        }
        if (token.kind() == TokenKind.TYPECAST) {
            return TYPECAST;
        }
        Keyword keyword = token.keyword();
        if (keyword == null) {
            return NONE;
        }
        return switch (keyword) {
            case OPERATOR -> tokens.peek(1).is(TokenKind.LEFT_PAREN) ? OTHER_OPERATOR : NONE;
            case IS -> IS;
            case OR -> restricted ? NONE : OR;
            case AND -> restricted ? NONE : AND;
            case ISNULL, NOTNULL -> restricted ? NONE : IS;
            case BETWEEN, IN, LIKE, ILIKE, SIMILAR -> !restricted && isPatternKeyword(0) ? PATTERN : NONE;
            case NOT -> !restricted && isPatternKeyword(1) ? PATTERN : NONE;
            case AT -> restricted ? NONE : AT_TIME_ZONE;
            case COLLATE -> COLLATE;
            default -> NONE;
        };
    }

    /**
     * Whether the token {@code ahead} places on starts a pattern operator. SIMILAR counts only before TO: in
     * {@code SUBSTRING(x SIMILAR p ESCAPE e)} it separates arguments.
     */
    private boolean isPatternKeyword(int ahead) {
        Token token = tokens.peek(ahead);
        return token.is(Keyword.BETWEEN) || token.is(Keyword.IN) || token.is(Keyword.LIKE)
                || token.is(Keyword.ILIKE) || (token.is(Keyword.SIMILAR) && tokens.peek(ahead + 1).is(Keyword.TO));
    }

    private Expression continueInfix(Expression first, int minimum, boolean restricted, boolean labelMayFollow) {
        Expression left = first;
        while (true) {
            int precedence = infixPrecedence(restricted);
            if (precedence == NONE || precedence < minimum) {
                return left;
            }
            if (labelMayFollow && current().keyword() != null && current().keyword().isBareLabel()
                    && !continuesKeywordOperator()) {
                return left;
            }
            Token operator = current();
            boolean nonAssociative;
            switch (precedence) {
                case OR, AND -> {
                    tokens.next();
                    Expression right = parse(precedence + 1, false);
                    left = new Expression.Binary(precedence == OR ? "OR" : "AND", left, right, operator.position());
                    nonAssociative = false;
                }
                case IS -> {
                    left = grammar.predicates().isTest(left, restricted);
                    nonAssociative = left instanceof Expression.IsDistinctFrom;
                }
                case PATTERN -> {
                    left = grammar.predicates().patternPredicate(left);
                    nonAssociative = !(left instanceof Expression.InList || left instanceof Expression.InSubquery
                            || left instanceof Expression.Quantified);
                }
                case AT_TIME_ZONE -> {
                    tokens.next();
                    if (tokens.accept(Keyword.LOCAL)) {
                        // PostgreSQL 17's AT LOCAL: the session's zone, timezone(value).
                        left = new Expression.FunctionCall(QualifiedName.of("timezone", operator.position()),
                                List.of(left), false, false, List.of(), null, null, operator.position());
                        nonAssociative = false;
                        break;
                    }
                    tokens.expect(Keyword.TIME);
                    tokens.expect(Keyword.ZONE);
                    Expression zone = parse(AT_TIME_ZONE + 1, restricted);
                    left = new Expression.FunctionCall(QualifiedName.of("timezone", operator.position()),
                            List.of(zone, left), false, false, List.of(), null, null, operator.position());
                    nonAssociative = false;
                }
                case COLLATE -> {
                    acceptCollate();
                    nonAssociative = false;
                }
                case TYPECAST -> {
                    tokens.next();
                    left = new Expression.Cast(left, grammar.types().typeName(), operator.position());
                    nonAssociative = false;
                }
                default -> {
                    left = binaryOperator(left, precedence, restricted);
                    nonAssociative = precedence == COMPARISON && !(left instanceof Expression.Quantified);
                }
            }
            if (nonAssociative && infixPrecedence(restricted) == precedence) {
                throw tokens.syntaxError();
            }
        }
    }

    /** Whether the keyword operator at the cursor is followed by what it needs rather than ending the item. */
    private boolean continuesKeywordOperator() {
        Token next = tokens.peek(1);
        return switch (current().keyword()) {
            case IS -> next.is(Keyword.NOT) || next.is(Keyword.NULL) || next.is(Keyword.TRUE) || next.is(Keyword.FALSE)
                    || next.is(Keyword.UNKNOWN) || next.is(Keyword.DISTINCT) || next.is(Keyword.DOCUMENT)
                    || next.is(Keyword.NORMALIZED) || next.is(Keyword.NFC) || next.is(Keyword.NFD)
                    || next.is(Keyword.NFKC) || next.is(Keyword.NFKD);
            case AT -> next.is(Keyword.TIME);
            case IN -> next.is(TokenKind.LEFT_PAREN);
            case NOT, SIMILAR -> true;
            case BETWEEN -> next.is(Keyword.SYMMETRIC) || next.is(Keyword.ASYMMETRIC) || canStartExpression(next);
            default -> canStartExpression(next);
        };
    }

    /** Whether {@code token} can begin an operand (used to tell an operator keyword from a column label). */
    static boolean canStartExpression(Token token) {
        return switch (token.kind()) {
            case NUMBER, STRING, PARAMETER, LEFT_PAREN, QUOTED_IDENTIFIER, BIT_STRING, HEX_STRING -> true;
            case OPERATOR -> token.value().equals("+") || token.value().equals("-") || isPrefixOperator(token.value());
            case IDENTIFIER -> token.keyword() == null
                    || token.keyword().category() != KeywordCategory.RESERVED
                    || switch (token.keyword()) {
                        case NOT, CASE, CAST, NULL, TRUE, FALSE, ARRAY, DEFAULT, CURRENT_DATE, CURRENT_TIME,
                             CURRENT_TIMESTAMP, LOCALTIME, LOCALTIMESTAMP, CURRENT_ROLE, CURRENT_USER, SESSION_USER,
                             USER, CURRENT_CATALOG, ANY, SOME, ALL -> true;
                        default -> false;
                    };
            default -> false;
        };
    }

    /** An arithmetic, comparison or other operator, possibly applied to ANY/SOME/ALL of a subquery or array. */
    private Expression binaryOperator(Expression left, int precedence, boolean restricted) {
        Token operatorToken = current();
        String operator;
        if (operatorToken.is(Keyword.OPERATOR)) {
            operator = qualifiedOperator();
        } else {
            tokens.next();
            operator = operatorSpelling(operatorToken.value());
        }
        if (!restricted && grammar.predicates().atQuantifierKeyword()) {
            return grammar.predicates().quantified(operator, left, operatorToken);
        }
        Expression right = parse(precedence + 1, restricted);
        return switch (operator) {
            case "~~" -> new Expression.Like(left, right, null, false, false, operatorToken.position());
            case "~~*" -> new Expression.Like(left, right, null, false, true, operatorToken.position());
            case "!~~" -> new Expression.Like(left, right, null, true, false, operatorToken.position());
            case "!~~*" -> new Expression.Like(left, right, null, true, true, operatorToken.position());
            default -> new Expression.Binary(operator, left, right, operatorToken.position());
        };
    }

    /** {@code !=} is another spelling of {@code <>}. */
    static String operatorSpelling(String operator) {
        return operator.equals("!=") ? "<>" : operator;
    }

    /**
     * The operator of {@code ORDER BY ... USING op} ({@code OPERATOR(schema.op)} too): whether it sorts descending.
     * {@code <} and {@code >} are the ordering operators of every btree-sortable type; {@code ~<~} and {@code ~>~},
     * text's pattern ordering, are the code-point order Basalt sorts text in anyway.
     *
     * @throws BasaltException 42809 for any other operator, as PostgreSQL reports it
     */
    private boolean orderingOperatorDescends() {
        int position = position();
        String operator = tokens.at(Keyword.OPERATOR) ? qualifiedOperator() : tokens.expect(TokenKind.OPERATOR).value();
        return switch (operator) {
            case "<", "~<~" -> false;
            case ">", "~>~" -> true;
            default -> throw io.basalt.error.BasaltException.at(io.basalt.error.SqlState.WRONG_OBJECT_TYPE, position,
                    "operator " + operator + " is not a valid ordering operator")
                    .withHint("Ordering operators must be \"<\" or \">\" members of btree operator families.");
        };
    }

    /** {@code OPERATOR(schema.op)}: the operator, its schema dropped. */
    private String qualifiedOperator() {
        tokens.expect(Keyword.OPERATOR);
        tokens.expect(TokenKind.LEFT_PAREN);
        while (NameParser.isColumnId(current()) && tokens.peek(1).is(TokenKind.DOT)) {
            tokens.next();
            tokens.next();
        }
        Token operator = tokens.expect(TokenKind.OPERATOR);
        tokens.expect(TokenKind.RIGHT_PAREN);
        return operatorSpelling(operator.value());
    }

    /** {@code expression [ASC | DESC] [NULLS FIRST | NULLS LAST] [, ...]}. */
    List<OrderItem> sortList() {
        List<OrderItem> items = new ArrayList<>();
        do {
            items.add(sortItem());
        } while (tokens.accept(TokenKind.COMMA));
        return items;
    }

    private OrderItem sortItem() {
        int position = position();
        Expression expression = expression();
        boolean descending = false;
        String usingOperator = null;
        if (tokens.accept(Keyword.DESC)) {
            descending = true;
        } else if (!tokens.accept(Keyword.ASC) && tokens.accept(Keyword.USING)) {
            String operator = current().value();
            descending = orderingOperatorDescends();
            usingOperator = operator.equals("~<~") || operator.equals("~>~") ? operator : null;
        }
        Boolean nullsFirst = null;
        if (tokens.at(Keyword.NULLS) && (tokens.peek(1).is(Keyword.FIRST) || tokens.peek(1).is(Keyword.LAST))) {
            tokens.next();
            nullsFirst = tokens.next().is(Keyword.FIRST);
        }
        return new OrderItem(expression, descending, nullsFirst, position, usingOperator);
    }
}
