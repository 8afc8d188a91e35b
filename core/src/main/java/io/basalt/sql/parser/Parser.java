package io.basalt.sql.parser;

import io.basalt.sql.ast.Statement;
import io.basalt.sql.lexer.Lexer;
import io.basalt.sql.lexer.SqlSource;
import io.basalt.sql.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry points of the PostgreSQL-dialect parser. Errors are {@link io.basalt.error.BasaltException}s with
 * SQLSTATE 42601 and PostgreSQL's wording and positions ({@code syntax error at or near "FORM"},
 * {@code syntax error at end of input}, {@code unterminated quoted string at or near "'abc"}, ...). Statements
 * that PostgreSQL accepts but Basalt's syntax tree cannot express yet come back as
 * {@link io.basalt.sql.ast.UnsupportedStatement}s rather than errors.
 */
public final class Parser {
    private Parser() {
    }

    /** Every statement of a script: statements separated by {@code ;}, empty statements skipped. */
    public static List<Statement> parseScript(String sql) {
        Grammar grammar = grammarFor(sql);
        TokenStream tokens = grammar.tokens();
        List<Statement> statements = new ArrayList<>();
        while (true) {
            while (tokens.accept(TokenKind.SEMICOLON)) {
                // empty statement
            }
            if (tokens.at(TokenKind.END_OF_INPUT)) {
                return statements;
            }
            statements.add(grammar.statements().statement());
            if (!tokens.at(TokenKind.SEMICOLON) && !tokens.at(TokenKind.END_OF_INPUT)) {
                throw tokens.syntaxError();
            }
        }
    }

    /** Exactly one statement, optionally followed by {@code ;}. */
    public static Statement parseStatement(String sql) {
        Grammar grammar = grammarFor(sql);
        TokenStream tokens = grammar.tokens();
        Statement statement = grammar.statements().statement();
        tokens.accept(TokenKind.SEMICOLON);
        if (!tokens.at(TokenKind.END_OF_INPUT)) {
            throw tokens.syntaxError();
        }
        return statement;
    }

    /**
     * A type name written as text, as {@code pg_input_is_valid} and the {@code regtype} input read it
     * ({@code numeric(7,4)}, {@code int4[]}); a syntax error otherwise.
     */
    public static io.basalt.sql.ast.TypeName parseTypeName(String text) {
        Grammar grammar = grammarFor(text);
        io.basalt.sql.ast.TypeName type = grammar.types().typeName();
        if (!grammar.tokens().at(TokenKind.END_OF_INPUT)) {
            throw grammar.tokens().syntaxError();
        }
        return type;
    }

    /** One value expression written as text (a stored row-level security condition), a syntax error otherwise. */
    public static io.basalt.sql.ast.Expression parseExpression(String text) {
        Grammar grammar = grammarFor(text);
        io.basalt.sql.ast.Expression expression = grammar.expressions().expression();
        if (!grammar.tokens().at(TokenKind.END_OF_INPUT)) {
            throw grammar.tokens().syntaxError();
        }
        return expression;
    }

    private static Grammar grammarFor(String sql) {
        SqlSource source = new SqlSource(sql);
        return new Grammar(source, Lexer.tokenize(source));
    }
}
