package io.basalt.sql.parser;

import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.Query;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The predicates that are more than a binary operator: {@code IS [NOT] NULL | TRUE | FALSE | UNKNOWN |
 * DISTINCT FROM}, {@code ISNULL} / {@code NOTNULL}, {@code [NOT] BETWEEN [SYMMETRIC]}, {@code [NOT] IN},
 * {@code [NOT] LIKE | ILIKE ... [ESCAPE]}, {@code [NOT] SIMILAR TO} and {@code op ANY | SOME | ALL (...)}.
 * {@link ExpressionParser} decides where they bind; this class reads them once the left operand is known.
 */
final class PredicateParser extends ParserBase {
    PredicateParser(Grammar grammar) {
        super(grammar);
    }

    private ExpressionParser expressions() {
        return grammar.expressions();
    }

    /**
     * {@code left IS ...}, {@code left ISNULL} or {@code left NOTNULL}, the keyword at the cursor. In the
     * restricted form ({@code b_expr}) only {@code IS [NOT] DISTINCT FROM} is allowed.
     */
    Expression isTest(Expression left, boolean restricted) {
        Token first = tokens.next();
        int position = first.position();
        if (first.is(Keyword.ISNULL)) {
            return new Expression.IsNull(left, false, position);
        }
        if (first.is(Keyword.NOTNULL)) {
            return new Expression.IsNull(left, true, position);
        }
        boolean negated = tokens.accept(Keyword.NOT);
        Token test = current();
        if (tokens.accept(Keyword.DISTINCT)) {
            tokens.expect(Keyword.FROM);
            Expression right = expressions().parse(ExpressionParser.IS + 1, restricted);
            return new Expression.IsDistinctFrom(left, right, negated, position);
        }
        if (test.is(Keyword.DOCUMENT)) {
            throw unsupported("IS DOCUMENT");
        }
        if (restricted) {
            throw tokens.syntaxError();
        }
        if (test.is(Keyword.NULL)) {
            tokens.next();
            return new Expression.IsNull(left, negated, position);
        }
        if (test.is(Keyword.TRUE) || test.is(Keyword.FALSE)) {
            tokens.next();
            return new Expression.IsBoolean(left, test.is(Keyword.TRUE), negated, position);
        }
        if (test.is(Keyword.UNKNOWN)) {
            tokens.next();
            return new Expression.IsBoolean(left, null, negated, position);
        }
        if (test.is(Keyword.NORMALIZED) || test.is(Keyword.NFC) || test.is(Keyword.NFD) || test.is(Keyword.NFKC)
                || test.is(Keyword.NFKD)) {
            throw unsupported("IS NORMALIZED");
        }
        throw tokens.syntaxError();
    }

    /** ANY, SOME and ALL are reserved: after an operator they can only start a quantified comparison. */
    boolean atQuantifierKeyword() {
        return tokens.at(Keyword.ANY) || tokens.at(Keyword.SOME) || tokens.at(Keyword.ALL);
    }

    /** {@code left op ANY|SOME|ALL (subquery | array)}, the quantifier at the cursor. */
    Expression quantified(String operator, Expression left, Token operatorToken) {
        boolean all = tokens.next().is(Keyword.ALL);
        if (!tokens.at(TokenKind.LEFT_PAREN)) {
            throw tokens.syntaxError();
        }
        if (QueryParser.isQueryStart(tokens.peek(1))) {
            Query query = grammar.queries().selectWithParens();
            return new Expression.Quantified(operator, all, left, query, null, operatorToken.position());
        }
        tokens.expect(TokenKind.LEFT_PAREN);
        Expression array = expressions().expression();
        tokens.expect(TokenKind.RIGHT_PAREN);
        if (array instanceof Expression.ScalarSubquery subquery) {
            // op ANY ((SELECT ...)): PostgreSQL's select_with_parens takes any number of parentheses
            return new Expression.Quantified(operator, all, left, subquery.query(), null, operatorToken.position());
        }
        return new Expression.Quantified(operator, all, left, null, array, operatorToken.position());
    }

    /** {@code [NOT] BETWEEN | IN | LIKE | ILIKE | SIMILAR TO}, the keyword (or NOT) at the cursor. */
    Expression patternPredicate(Expression left) {
        Token first = tokens.next();
        boolean negated = first.is(Keyword.NOT);
        Token keyword = negated ? tokens.next() : first;
        int position = first.position();
        switch (keyword.keyword()) {
            case BETWEEN -> {
                boolean symmetric = tokens.accept(Keyword.SYMMETRIC);
                if (!symmetric) {
                    tokens.accept(Keyword.ASYMMETRIC);
                }
                Expression low = expressions().restrictedExpression();
                tokens.expect(Keyword.AND);
                Expression high = operandAbovePattern();
                return new Expression.Between(left, low, high, negated, symmetric, position);
            }
            case IN -> {
                return inPredicate(left, negated, position);
            }
            case LIKE, ILIKE -> {
                boolean caseInsensitive = keyword.is(Keyword.ILIKE);
                if (atQuantifierKeyword()) {
                    String operator = (negated ? "!" : "") + (caseInsensitive ? "~~*" : "~~");
                    return quantified(operator, left, first);
                }
                Expression pattern = operandAbovePattern();
                Expression escape = tokens.accept(Keyword.ESCAPE) ? operandAbovePattern() : null;
                return new Expression.Like(left, pattern, escape, negated, caseInsensitive, position);
            }
            case SIMILAR -> {
                tokens.expect(Keyword.TO);
                Expression pattern = operandAbovePattern();
                List<Expression> arguments = new ArrayList<>();
                arguments.add(pattern);
                if (tokens.accept(Keyword.ESCAPE)) {
                    arguments.add(operandAbovePattern());
                }
                // PostgreSQL rewrites SIMILAR TO into a regular-expression match on similar_to_escape(...).
                Expression regex = new Expression.FunctionCall(
                        QualifiedName.of("similar_to_escape", keyword.position()), arguments, false, false,
                        List.of(), null, null, keyword.position());
                return new Expression.Binary(negated ? "!~" : "~", left, regex, position);
            }
            default -> throw tokens.syntaxErrorAt(keyword);
        }
    }

    /** The right operand of a pattern operator: operators binding more tightly than LIKE only. */
    private Expression operandAbovePattern() {
        return expressions().parse(ExpressionParser.PATTERN + 1, false);
    }

    /** {@code x [NOT] IN (subquery)} or {@code x [NOT] IN (a, b, ...)}. */
    private Expression inPredicate(Expression left, boolean negated, int position) {
        if (!tokens.at(TokenKind.LEFT_PAREN)) {
            throw tokens.syntaxError();
        }
        if (QueryParser.isQueryStart(tokens.peek(1))) {
            return new Expression.InSubquery(left, grammar.queries().selectWithParens(), negated, position);
        }
        tokens.next();
        List<Expression> values = expressions().expressionList();
        tokens.expect(TokenKind.RIGHT_PAREN);
        if (values.size() == 1 && values.getFirst() instanceof Expression.ScalarSubquery subquery) {
            // x IN ((SELECT ...)): PostgreSQL reads the doubled parentheses as one subquery.
            return new Expression.InSubquery(left, subquery.query(), negated, position);
        }
        return new Expression.InList(left, values, negated, position);
    }
}
