package io.basalt.sql.parser;

import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.OrderItem;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.TypeName;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls of functions by name: {@code f()}, {@code f(*)}, {@code f([ALL | DISTINCT] args [ORDER BY ...])},
 * followed by {@code FILTER (WHERE ...)} and {@code OVER ...}. Also PostgreSQL's
 * {@code type(modifiers) 'text'} form of typed literal, which starts like a call.
 */
final class FunctionCallParser extends ParserBase {
    FunctionCallParser(Grammar grammar) {
        super(grammar);
    }

    /** The call of {@code name}, the opening parenthesis at the cursor. */
    Expression application(QualifiedName name) {
        return application(name, true);
    }

    /**
     * The call of {@code name}; without {@code aggregateClauses} (a function in FROM) no FILTER, OVER or
     * WITHIN GROUP may follow, so that a following word is the alias.
     */
    Expression application(QualifiedName name, boolean aggregateClauses) {
        tokens.expect(TokenKind.LEFT_PAREN);
        boolean star = false;
        boolean distinct = false;
        List<Expression> arguments = List.of();
        List<OrderItem> orderBy = List.of();
        if (tokens.atOperator("*") && tokens.peek(1).is(TokenKind.RIGHT_PAREN)) {
            tokens.next();
            star = true;
        } else if (!tokens.at(TokenKind.RIGHT_PAREN)) {
            distinct = tokens.accept(Keyword.DISTINCT);
            if (!distinct) {
                tokens.accept(Keyword.ALL);
            }
            arguments = arguments();
            if (tokens.accept(Keyword.ORDER)) {
                tokens.expect(Keyword.BY);
                orderBy = grammar.expressions().sortList();
            }
        }
        tokens.expect(TokenKind.RIGHT_PAREN);
        if (tokens.at(TokenKind.STRING) && !star && !distinct && orderBy.isEmpty()) {
            return typedLiteralWithModifiers(name, arguments);
        }
        if (!aggregateClauses) {
            return new Expression.FunctionCall(name, arguments, distinct, star, orderBy, null, null, name.position());
        }
        boolean withinGroup = false;
        if (tokens.at(Keyword.WITHIN) && tokens.peek(1).is(Keyword.GROUP)) {
            Token within = current();
            tokens.next();
            tokens.next();
            if (!orderBy.isEmpty()) {
                throw io.basalt.error.BasaltException.at(io.basalt.error.SqlState.SYNTAX_ERROR, within.position(),
                        "cannot use multiple ORDER BY clauses with WITHIN GROUP");
            }
            if (distinct) {
                throw io.basalt.error.BasaltException.at(io.basalt.error.SqlState.SYNTAX_ERROR, within.position(),
                        "cannot use DISTINCT with WITHIN GROUP");
            }
            tokens.expect(TokenKind.LEFT_PAREN);
            tokens.expect(Keyword.ORDER);
            tokens.expect(Keyword.BY);
            orderBy = grammar.expressions().sortList();
            tokens.expect(TokenKind.RIGHT_PAREN);
            withinGroup = true;
        }
        Expression filter = null;
        if (tokens.at(Keyword.FILTER) && tokens.peek(1).is(TokenKind.LEFT_PAREN)) {
            tokens.next();
            tokens.next();
            tokens.expect(Keyword.WHERE);
            filter = grammar.expressions().expression();
            tokens.expect(TokenKind.RIGHT_PAREN);
        }
        Expression.WindowSpec over = tokens.at(Keyword.OVER) ? grammar.windows().overClause() : null;
        return new Expression.FunctionCall(name, arguments, distinct, star, orderBy, filter, over, name.position(),
                withinGroup);
    }

    private List<Expression> arguments() {
        List<Expression> arguments = new ArrayList<>();
        do {
            if (tokens.at(Keyword.VARIADIC)) {
                // PostgreSQL's grammar allows VARIADIC only on the last argument
                int position = tokens.next().position();
                Expression value;
                Token next = tokens.peek(1);
                if (NameParser.isColumnLabel(current())
                        && (next.is(TokenKind.COLON_EQUALS) || next.is(TokenKind.EQUALS_GREATER))) {
                    String name = grammar.names().columnLabel();
                    tokens.next();
                    value = new Expression.NamedArgument(name, grammar.expressions().expression(), position);
                } else {
                    value = grammar.expressions().expression();
                }
                arguments.add(new Expression.VariadicArgument(value, position));
                if (!tokens.at(TokenKind.RIGHT_PAREN) && !tokens.at(Keyword.ORDER)) {
                    throw tokens.syntaxError();
                }
                break;
            }
            Token next = tokens.peek(1);
            if (NameParser.isColumnLabel(current())
                    && (next.is(TokenKind.COLON_EQUALS) || next.is(TokenKind.EQUALS_GREATER))) {
                int position = current().position();
                String name = grammar.names().columnLabel();
                tokens.next();
                arguments.add(new Expression.NamedArgument(name, argumentValue(), position));
                continue;
            }
            arguments.add(argumentValue());
        } while (tokens.accept(TokenKind.COMMA));
        return arguments;
    }

    /**
     * One argument's value: an expression, or one of DuckDB's literals that its table functions take as options,
     * {@code {'a': 'INTEGER', ...}} (read as {@code struct_pack(a => 'INTEGER', ...)}, as DuckDB reads it) and
     * {@code ['x', 'y']} (read as {@code ARRAY['x', 'y']}). Neither starts a valid PostgreSQL expression.
     */
    private Expression argumentValue() {
        Token start = current();
        if (start.is(TokenKind.OTHER) && start.value().equals("{")) {
            tokens.next();
            List<Expression> fields = new ArrayList<>();
            if (!(current().is(TokenKind.OTHER) && current().value().equals("}"))) {
                do {
                    Token key = current();
                    if (!key.is(TokenKind.STRING) && !NameParser.isColumnLabel(key)) {
                        throw tokens.syntaxError();
                    }
                    String name = key.is(TokenKind.STRING) ? tokens.next().value() : grammar.names().columnLabel();
                    tokens.expect(TokenKind.COLON);
                    fields.add(new Expression.NamedArgument(name, argumentValue(), key.position()));
                } while (tokens.accept(TokenKind.COMMA));
            }
            if (!(current().is(TokenKind.OTHER) && current().value().equals("}"))) {
                throw tokens.syntaxError();
            }
            tokens.next();
            return new Expression.FunctionCall(QualifiedName.of("struct_pack", start.position()), fields, false, false,
                    List.of(), null, null, start.position());
        }
        if (start.is(TokenKind.LEFT_BRACKET)) {
            tokens.next();
            List<Expression> elements = new ArrayList<>();
            if (!tokens.at(TokenKind.RIGHT_BRACKET)) {
                do {
                    elements.add(argumentValue());
                } while (tokens.accept(TokenKind.COMMA));
            }
            tokens.expect(TokenKind.RIGHT_BRACKET);
            return new Expression.ArrayConstructor(elements, start.position());
        }
        return grammar.expressions().expression();
    }

    /** {@code name(10, 2) 'text'}: a typed literal whose type has modifiers, the string at the cursor. */
    private Expression typedLiteralWithModifiers(QualifiedName name, List<Expression> arguments) {
        List<Integer> modifiers = new ArrayList<>();
        for (Expression argument : arguments) {
            if (!(argument instanceof Expression.NumberLiteral number) || !number.text().matches("[0-9]{1,9}")) {
                throw unsupported("non-integer type modifiers");
            }
            modifiers.add(Integer.parseInt(number.text()));
        }
        Token text = tokens.next();
        TypeName type = new TypeName(TypeNameParser.genericName(name.parts()), modifiers, 0, name.position());
        return new Expression.TypedLiteral(type, text.value(), text.position());
    }
}
