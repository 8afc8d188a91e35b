package io.basalt.sql.parser;

import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The functions SQL spells with keywords, turned into ordinary {@link Expression.FunctionCall}s under the names
 * of the PostgreSQL functions they mean:
 *
 * <ul>
 *   <li>{@code CURRENT_DATE}, {@code CURRENT_TIME[(p)]}, {@code CURRENT_TIMESTAMP[(p)]}, {@code LOCALTIME[(p)]},
 *       {@code LOCALTIMESTAMP[(p)]}, {@code CURRENT_USER}, {@code CURRENT_ROLE}, {@code SESSION_USER},
 *       {@code USER}, {@code CURRENT_CATALOG}, {@code CURRENT_SCHEMA}: calls of their own lower-case name
 *       (the precision, when given, as the one argument);</li>
 *   <li>{@code COALESCE}, {@code NULLIF}, {@code GREATEST}, {@code LEAST}, {@code GROUPING}: calls by name;</li>
 *   <li>{@code EXTRACT(field FROM x)}: {@code extract('field', x)};</li>
 *   <li>{@code POSITION(a IN b)}: {@code position(b, a)};</li>
 *   <li>{@code SUBSTRING(x FROM a FOR b)}: {@code substring(x, a, b)}, {@code FOR} alone starting at 1,
 *       {@code SIMILAR p ESCAPE e}: {@code substring(x, p, e)};</li>
 *   <li>{@code TRIM([BOTH | LEADING | TRAILING] [chars] FROM x)}: {@code btrim | ltrim | rtrim(x [, chars])};</li>
 *   <li>{@code OVERLAY(x PLACING y FROM a [FOR b])}: {@code overlay(x, y, a [, b])};</li>
 *   <li>{@code NORMALIZE(x [, form])}: {@code normalize(x, 'NFC')};</li>
 *   <li>{@code COLLATION FOR (x)}: {@code pg_collation_for(x)}.</li>
 * </ul>
 */
final class SpecialFunctionParser extends ParserBase {
    SpecialFunctionParser(Grammar grammar) {
        super(grammar);
    }

    /** Whether the keyword at the cursor starts one of these constructs here. */
    boolean handles(Token token) {
        Keyword keyword = token.keyword();
        if (keyword == null) {
            return false;
        }
        boolean call = tokens.peek(1).is(TokenKind.LEFT_PAREN);
        return switch (keyword) {
            case CURRENT_DATE, CURRENT_TIME, CURRENT_TIMESTAMP, LOCALTIME, LOCALTIMESTAMP, CURRENT_ROLE,
                 CURRENT_USER, SESSION_USER, USER, CURRENT_CATALOG -> true;
            case CURRENT_SCHEMA -> !call;
            case COLLATION -> tokens.peek(1).is(Keyword.FOR);
            case COALESCE, NULLIF, GREATEST, LEAST, GROUPING, EXTRACT, POSITION, SUBSTRING, TRIM, OVERLAY,
                 NORMALIZE, TREAT -> call;
            default -> call && keyword.text().startsWith("xml");
        };
    }

    Expression parse() {
        Token token = tokens.next();
        Keyword keyword = token.keyword();
        return switch (keyword) {
            case CURRENT_DATE, CURRENT_ROLE, CURRENT_USER, SESSION_USER, USER, CURRENT_CATALOG, CURRENT_SCHEMA ->
                    call(keyword.text(), List.of(), token);
            case CURRENT_TIME, CURRENT_TIMESTAMP, LOCALTIME, LOCALTIMESTAMP -> {
                List<Expression> precision = List.of();
                if (tokens.accept(TokenKind.LEFT_PAREN)) {
                    Token number = tokens.expect(TokenKind.NUMBER);
                    tokens.expect(TokenKind.RIGHT_PAREN);
                    precision = List.of(new Expression.NumberLiteral(number.value(), number.position()));
                }
                yield call(keyword.text(), precision, token);
            }
            case COLLATION -> {
                tokens.expect(Keyword.FOR);
                tokens.expect(TokenKind.LEFT_PAREN);
                Expression operand = grammar.expressions().expression();
                tokens.expect(TokenKind.RIGHT_PAREN);
                yield call("pg_collation_for", List.of(operand), token);
            }
            case COALESCE, GREATEST, LEAST, GROUPING -> {
                tokens.expect(TokenKind.LEFT_PAREN);
                List<Expression> arguments = grammar.expressions().expressionList();
                tokens.expect(TokenKind.RIGHT_PAREN);
                yield call(keyword.text(), arguments, token);
            }
            case NULLIF -> {
                tokens.expect(TokenKind.LEFT_PAREN);
                Expression left = grammar.expressions().expression();
                tokens.expect(TokenKind.COMMA);
                Expression right = grammar.expressions().expression();
                tokens.expect(TokenKind.RIGHT_PAREN);
                yield call("nullif", List.of(left, right), token);
            }
            case EXTRACT -> extract(token);
            case POSITION -> position(token);
            case SUBSTRING -> substring(token);
            case TRIM -> trim(token);
            case OVERLAY -> overlay(token);
            case NORMALIZE -> normalize(token);
            case TREAT -> throw unsupported("TREAT");
            default -> throw unsupported("XML functions");
        };
    }

    private static Expression call(String name, List<Expression> arguments, Token token) {
        return new Expression.FunctionCall(QualifiedName.of(name, token.position()), arguments, false, false,
                List.of(), null, null, token.position());
    }

    /** {@code EXTRACT(field FROM x)}; the field is a name, one of YEAR ... SECOND, or a string. */
    private Expression extract(Token token) {
        tokens.expect(TokenKind.LEFT_PAREN);
        Token field = current();
        boolean datePart = field.keyword() == Keyword.YEAR || field.keyword() == Keyword.MONTH
                || field.keyword() == Keyword.DAY || field.keyword() == Keyword.HOUR
                || field.keyword() == Keyword.MINUTE || field.keyword() == Keyword.SECOND;
        if (!(NameParser.isPlainName(field) || field.is(TokenKind.STRING) || datePart)) {
            throw tokens.syntaxError();
        }
        tokens.next();
        tokens.expect(Keyword.FROM);
        Expression source = grammar.expressions().expression();
        tokens.expect(TokenKind.RIGHT_PAREN);
        return call("extract", List.of(new Expression.StringLiteral(field.value(), field.position()), source),
                token);
    }

    /** {@code POSITION(substring IN string)} is {@code position(string, substring)}. */
    private Expression position(Token token) {
        tokens.expect(TokenKind.LEFT_PAREN);
        if (tokens.accept(TokenKind.RIGHT_PAREN)) {
            return call("position", List.of(), token);
        }
        Expression needle = grammar.expressions().restrictedExpression();
        tokens.expect(Keyword.IN);
        Expression haystack = grammar.expressions().restrictedExpression();
        tokens.expect(TokenKind.RIGHT_PAREN);
        return call("position", List.of(haystack, needle), token);
    }

    private Expression substring(Token token) {
        tokens.expect(TokenKind.LEFT_PAREN);
        if (tokens.accept(TokenKind.RIGHT_PAREN)) {
            return call("substring", List.of(), token);
        }
        Expression string = grammar.expressions().expression();
        List<Expression> arguments = new ArrayList<>();
        arguments.add(string);
        if (tokens.accept(Keyword.FROM)) {
            arguments.add(grammar.expressions().expression());
            if (tokens.accept(Keyword.FOR)) {
                arguments.add(grammar.expressions().expression());
            }
        } else if (tokens.accept(Keyword.FOR)) {
            Expression length = grammar.expressions().expression();
            if (tokens.accept(Keyword.FROM)) {
                arguments.add(grammar.expressions().expression());
            } else {
                arguments.add(new Expression.NumberLiteral("1", length.position()));
            }
            arguments.add(length);
        } else if (tokens.accept(Keyword.SIMILAR)) {
            arguments.add(grammar.expressions().expression());
            tokens.expect(Keyword.ESCAPE);
            arguments.add(grammar.expressions().expression());
        } else {
            while (tokens.accept(TokenKind.COMMA)) {
                arguments.add(grammar.expressions().expression());
            }
        }
        tokens.expect(TokenKind.RIGHT_PAREN);
        return call("substring", arguments, token);
    }

    /** {@code TRIM([BOTH | LEADING | TRAILING] [[chars] FROM] string [, ...])}. */
    private Expression trim(Token token) {
        tokens.expect(TokenKind.LEFT_PAREN);
        String name = "btrim";
        if (tokens.accept(Keyword.LEADING)) {
            name = "ltrim";
        } else if (tokens.accept(Keyword.TRAILING)) {
            name = "rtrim";
        } else {
            tokens.accept(Keyword.BOTH);
        }
        List<Expression> arguments = new ArrayList<>();
        if (tokens.accept(Keyword.FROM)) {
            arguments.addAll(grammar.expressions().expressionList());
        } else {
            Expression first = grammar.expressions().expression();
            if (tokens.accept(Keyword.FROM)) {
                arguments.addAll(grammar.expressions().expressionList());
                arguments.add(first);
            } else {
                arguments.add(first);
                while (tokens.accept(TokenKind.COMMA)) {
                    arguments.add(grammar.expressions().expression());
                }
            }
        }
        tokens.expect(TokenKind.RIGHT_PAREN);
        return call(name, arguments, token);
    }

    private Expression overlay(Token token) {
        tokens.expect(TokenKind.LEFT_PAREN);
        List<Expression> arguments = new ArrayList<>();
        if (!tokens.at(TokenKind.RIGHT_PAREN)) {
            arguments.add(grammar.expressions().expression());
            if (tokens.accept(Keyword.PLACING)) {
                arguments.add(grammar.expressions().expression());
                tokens.expect(Keyword.FROM);
                arguments.add(grammar.expressions().expression());
                if (tokens.accept(Keyword.FOR)) {
                    arguments.add(grammar.expressions().expression());
                }
            } else {
                while (tokens.accept(TokenKind.COMMA)) {
                    arguments.add(grammar.expressions().expression());
                }
            }
        }
        tokens.expect(TokenKind.RIGHT_PAREN);
        return call("overlay", arguments, token);
    }

    private Expression normalize(Token token) {
        tokens.expect(TokenKind.LEFT_PAREN);
        Expression string = grammar.expressions().expression();
        List<Expression> arguments = new ArrayList<>();
        arguments.add(string);
        if (tokens.accept(TokenKind.COMMA)) {
            Token form = current();
            if (!(form.is(Keyword.NFC) || form.is(Keyword.NFD) || form.is(Keyword.NFKC) || form.is(Keyword.NFKD))) {
                throw tokens.syntaxError();
            }
            tokens.next();
            arguments.add(new Expression.StringLiteral(form.keyword().name(), form.position()));
        }
        tokens.expect(TokenKind.RIGHT_PAREN);
        return call("normalize", arguments, token);
    }
}
