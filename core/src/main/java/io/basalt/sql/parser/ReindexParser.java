package io.basalt.sql.parser;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.ExplainOption;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.ReindexStatement;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.Locale;

/**
 * {@code REINDEX [(options)] {INDEX | TABLE | SCHEMA | DATABASE | SYSTEM} [CONCURRENTLY] name}: the options list is
 * EXPLAIN's syntax; CONCURRENTLY and VERBOSE take an optional boolean, TABLESPACE a name, anything else is
 * PostgreSQL's 42601 "unrecognized REINDEX option".
 */
final class ReindexParser extends ParserBase {
    ReindexParser(Grammar grammar) {
        super(grammar);
    }

    ReindexStatement reindex() {
        Token first = tokens.expect(Keyword.REINDEX);
        boolean concurrently = false;
        boolean verbose = false;
        if (tokens.at(TokenKind.LEFT_PAREN)) {
            for (ExplainOption option : grammar.explain().optionList()) {
                switch (option.name().toLowerCase(Locale.ROOT)) {
                    case "concurrently" -> concurrently = enabled(option);
                    case "verbose" -> verbose = enabled(option);
                    case "tablespace" -> {
                        // Basalt has no tablespaces: the indexes stay where they are
                    }
                    default -> throw BasaltException.at(SqlState.SYNTAX_ERROR, option.position(),
                            "unrecognized REINDEX option \"" + option.name() + "\"");
                }
            }
        }
        ReindexStatement.Kind kind;
        if (tokens.accept(Keyword.INDEX)) {
            kind = ReindexStatement.Kind.INDEX;
        } else if (tokens.accept(Keyword.TABLE)) {
            kind = ReindexStatement.Kind.TABLE;
        } else if (tokens.accept(Keyword.SCHEMA)) {
            kind = ReindexStatement.Kind.SCHEMA;
        } else if (tokens.accept(Keyword.DATABASE)) {
            kind = ReindexStatement.Kind.DATABASE;
        } else if (tokens.accept(Keyword.SYSTEM)) {
            kind = ReindexStatement.Kind.SYSTEM;
        } else {
            throw tokens.syntaxError();
        }
        if (tokens.accept(Keyword.CONCURRENTLY)) {
            concurrently = true;
        }
        QualifiedName name = null;
        boolean optionalName = kind == ReindexStatement.Kind.DATABASE || kind == ReindexStatement.Kind.SYSTEM;
        if (!optionalName || grammar.names().atColumnId()) {
            name = grammar.names().qualifiedName();
        }
        return new ReindexStatement(kind, name, concurrently, verbose, first.position());
    }

    private static boolean enabled(ExplainOption option) {
        if (option.value() == null) {
            return true;
        }
        return switch (option.value().toLowerCase(Locale.ROOT)) {
            case "true", "on", "1", "yes" -> true;
            case "false", "off", "0", "no" -> false;
            default -> throw BasaltException.at(SqlState.SYNTAX_ERROR, option.position(),
                    option.name() + " requires a Boolean value");
        };
    }
}
