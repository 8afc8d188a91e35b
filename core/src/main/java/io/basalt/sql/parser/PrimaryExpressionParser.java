package io.basalt.sql.parser;

import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.Query;
import io.basalt.sql.ast.TypeName;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The operands of operator expressions, PostgreSQL's {@code c_expr}: constants, typed literals
 * ({@code DATE '...'}, {@code INTERVAL '...'}, {@code int4 '5'}), parameters, column references, function calls,
 * {@code CASE}, {@code CAST}, {@code EXISTS}, {@code ARRAY[...]}, {@code ROW(...)}, parenthesised expressions,
 * row constructors and scalar subqueries, with their subscripts ({@code x[i]}, {@code x[lo:hi]}).
 *
 * <p>An opening parenthesis is ambiguous in PostgreSQL's grammar: {@code ((SELECT 1) + 1)} is an expression,
 * {@code ((SELECT 1) UNION (SELECT 2))} a subquery. This parser reads the inner part first and decides by what
 * follows it, as PostgreSQL's LALR parser does.
 */
final class PrimaryExpressionParser extends ParserBase {
    PrimaryExpressionParser(Grammar grammar) {
        super(grammar);
    }

    Expression primary() {
        Token token = current();
        switch (token.kind()) {
            case NUMBER -> {
                tokens.next();
                return new Expression.NumberLiteral(token.value(), token.position());
            }
            case STRING -> {
                tokens.next();
                return new Expression.StringLiteral(token.value(), token.position());
            }
            case BIT_STRING, HEX_STRING -> throw unsupported("bit string constants");
            case PARAMETER -> {
                tokens.next();
                return subscripts(new Expression.Parameter(Integer.parseInt(token.value()), token.position()));
            }
            case LEFT_PAREN -> {
                return parenthesized();
            }
            case IDENTIFIER, QUOTED_IDENTIFIER -> {
                return word();
            }
            default -> throw tokens.syntaxError();
        }
    }

    private Expression word() {
        Token token = current();
        Keyword keyword = token.keyword();
        if (keyword != null) {
            Expression special = keywordExpression(token, keyword);
            if (special != null) {
                return special;
            }
        }
        return nameExpression();
    }

    /** Constructs led by a keyword, or null when the keyword is used as a name here. */
    private Expression keywordExpression(Token token, Keyword keyword) {
        switch (keyword) {
            case TRUE, FALSE -> {
                tokens.next();
                return new Expression.BooleanLiteral(keyword == Keyword.TRUE, token.position());
            }
            case NULL -> {
                tokens.next();
                return new Expression.NullLiteral(token.position());
            }
            case CASE -> {
                return caseExpression();
            }
            case CAST -> {
                tokens.next();
                tokens.expect(TokenKind.LEFT_PAREN);
                Expression operand = grammar.expressions().expression();
                tokens.expect(Keyword.AS);
                TypeName type = grammar.types().typeName();
                tokens.expect(TokenKind.RIGHT_PAREN);
                return new Expression.Cast(operand, type, token.position());
            }
            case EXISTS -> {
                tokens.next();
                return new Expression.Exists(grammar.queries().selectWithParens(), token.position());
            }
            case ARRAY -> {
                tokens.next();
                if (tokens.at(TokenKind.LEFT_PAREN)) {
                    return new Expression.ArraySubquery(grammar.queries().selectWithParens(), token.position());
                }
                return arrayElements(token.position());
            }
            case ROW -> {
                if (tokens.peek(1).is(TokenKind.LEFT_PAREN)) {
                    tokens.next();
                    return row(token.position());
                }
                return null;
            }
            case DEFAULT -> {
                tokens.next();
                return new Expression.Default(token.position());
            }
            default -> {
                if (grammar.specialFunctions().handles(token)) {
                    return grammar.specialFunctions().parse();
                }
                if (TypeNameParser.isStandardTypeKeyword(token)) {
                    return standardTypedLiteral();
                }
                return null;
            }
        }
    }

    /**
     * A name-led operand: a column reference {@code a}, {@code t.a}, {@code s.t.a}, a function call
     * {@code f(...)}, {@code s.f(...)}, or a typed literal {@code type 'text'}. Type/function-name keywords
     * ({@code left}, {@code right}, ...) are functions or types only, never columns.
     */
    private Expression nameExpression() {
        Token first = current();
        boolean columnId = NameParser.isColumnId(first);
        boolean typeFunctionName = NameParser.isTypeFunctionName(first);
        if (!columnId && !typeFunctionName) {
            throw tokens.syntaxError();
        }
        tokens.next();
        List<String> parts = new ArrayList<>();
        parts.add(first.value());
        if (columnId) {
            while (tokens.at(TokenKind.DOT) && !tokens.peek(1).isOperator("*")) {
                tokens.next();
                parts.add(grammar.names().columnLabel());
            }
            if (tokens.at(TokenKind.DOT)) {
                // t.* as a value: the binder reads a reference ending in "*" as the whole row of t
                tokens.next();
                tokens.next();
                parts.add("*");
                return new Expression.ColumnRef(parts, first.position());
            }
        }
        boolean callable = parts.size() > 1 || typeFunctionName;
        if (tokens.at(TokenKind.LEFT_PAREN) && callable) {
            return grammar.functionCalls().application(new QualifiedName(parts, first.position()));
        }
        if (tokens.at(TokenKind.STRING) && callable) {
            Token text = tokens.next();
            TypeName type = new TypeName(TypeNameParser.genericName(parts), List.of(), 0, first.position());
            if (type.name().equals("interval")) {
                type = grammar.types().withIntervalFields(type);
            }
            return new Expression.TypedLiteral(type, text.value(), text.position());
        }
        if (!columnId) {
            throw tokens.syntaxError();
        }
        return subscripts(new Expression.ColumnRef(parts, first.position()));
    }

    /**
     * {@code INTEGER '5'}, {@code TIMESTAMP WITH TIME ZONE '...'}, {@code INTERVAL '1 day'}: a standard type
     * keyword followed by a string. Without the string the keyword is a column name ({@code SELECT int FROM t}
     * is legal), so this returns null and leaves the cursor where it was.
     */
    private Expression standardTypedLiteral() {
        int mark = tokens.mark();
        TypeName type;
        try {
            type = grammar.types().simpleTypeName(true);
        } catch (RuntimeException notAType) {
            tokens.reset(mark);
            return null;
        }
        if (!tokens.at(TokenKind.STRING)) {
            tokens.reset(mark);
            return null;
        }
        Token text = tokens.next();
        if (type.name().equals("interval")) {
            type = grammar.types().withIntervalFields(type);
        }
        return new Expression.TypedLiteral(type, text.value(), text.position());
    }

    /** Subscripts after a column reference, parameter or parenthesised expression. */
    private Expression subscripts(Expression base) {
        Expression result = base;
        while (true) {
            if (tokens.at(TokenKind.LEFT_BRACKET)) {
                tokens.next();
                Expression lower = tokens.at(TokenKind.COLON) ? null : grammar.expressions().expression();
                Expression upper = null;
                boolean slice = tokens.accept(TokenKind.COLON);
                if (slice && !tokens.at(TokenKind.RIGHT_BRACKET)) {
                    upper = grammar.expressions().expression();
                }
                tokens.expect(TokenKind.RIGHT_BRACKET);
                result = new Expression.Subscript(result, lower, upper, slice, base.position());
            } else if (tokens.at(TokenKind.DOT)) {
                Token dot = tokens.next();
                if (tokens.at(TokenKind.OPERATOR) && current().isOperator("*")) {
                    tokens.next();
                    result = new Expression.FieldSelection(result, "*", dot.position());
                } else {
                    result = new Expression.FieldSelection(result, grammar.names().columnLabel(), dot.position());
                }
            } else {
                return result;
            }
        }
    }

    /**
     * {@code (expression)}, {@code (a, b, ...)} or {@code (subquery)}, each possibly nested in further
     * parentheses, at the opening parenthesis.
     */
    Expression parenthesized() {
        Token open = current();
        if (QueryParser.isQueryStart(tokens.peek(1))) {
            Query query = grammar.queries().selectWithParens();
            return subscripts(new Expression.ScalarSubquery(query, open.position()));
        }
        tokens.next();
        Expression first;
        if (tokens.at(TokenKind.LEFT_PAREN)) {
            first = parenthesized();
            if (first instanceof Expression.ScalarSubquery subquery && QueryParser.continuesQuery(current())) {
                Query query = grammar.queries().continueQuery(subquery.query(), subquery.position());
                tokens.expect(TokenKind.RIGHT_PAREN);
                return subscripts(new Expression.ScalarSubquery(query, open.position()));
            }
            first = grammar.expressions().continueExpression(first);
        } else {
            first = grammar.expressions().expression();
        }
        if (tokens.at(TokenKind.COMMA)) {
            List<Expression> fields = new ArrayList<>();
            fields.add(first);
            while (tokens.accept(TokenKind.COMMA)) {
                fields.add(grammar.expressions().expression());
            }
            tokens.expect(TokenKind.RIGHT_PAREN);
            return new Expression.RowConstructor(fields, open.position());
        }
        tokens.expect(TokenKind.RIGHT_PAREN);
        return subscripts(first);
    }

    /** {@code CASE [operand] WHEN ... THEN ... [...] [ELSE ...] END}. */
    private Expression caseExpression() {
        Token caseToken = tokens.expect(Keyword.CASE);
        Expression operand = tokens.at(Keyword.WHEN) ? null : grammar.expressions().expression();
        List<Expression.When> whens = new ArrayList<>();
        do {
            Token when = tokens.expect(Keyword.WHEN);
            Expression condition = grammar.expressions().expression();
            tokens.expect(Keyword.THEN);
            Expression result = grammar.expressions().expression();
            whens.add(new Expression.When(condition, result, when.position()));
        } while (tokens.at(Keyword.WHEN));
        Expression otherwise = tokens.accept(Keyword.ELSE) ? grammar.expressions().expression() : null;
        tokens.expect(Keyword.END);
        return new Expression.Case(operand, whens, otherwise, caseToken.position());
    }

    /** {@code [a, b, ...]}, {@code [[...], [...]]} or {@code []} after ARRAY, the bracket at the cursor. */
    private Expression.ArrayConstructor arrayElements(int position) {
        tokens.expect(TokenKind.LEFT_BRACKET);
        List<Expression> elements = new ArrayList<>();
        if (tokens.at(TokenKind.LEFT_BRACKET)) {
            do {
                elements.add(arrayElements(position()));
            } while (tokens.accept(TokenKind.COMMA));
        } else if (!tokens.at(TokenKind.RIGHT_BRACKET)) {
            elements.addAll(grammar.expressions().expressionList());
        }
        tokens.expect(TokenKind.RIGHT_BRACKET);
        return new Expression.ArrayConstructor(elements, position);
    }

    /** {@code ( [a, b, ...] )} after ROW. */
    private Expression row(int position) {
        tokens.expect(TokenKind.LEFT_PAREN);
        List<Expression> fields = tokens.at(TokenKind.RIGHT_PAREN) ? List.of() : grammar.expressions().expressionList();
        tokens.expect(TokenKind.RIGHT_PAREN);
        return new Expression.RowConstructor(fields, position);
    }
}
