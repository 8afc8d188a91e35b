package io.basalt.sql.parser;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.AlterViewStatement;
import io.basalt.sql.ast.CreateMaterializedViewStatement;
import io.basalt.sql.ast.CreateViewStatement;
import io.basalt.sql.ast.RefreshMaterializedViewStatement;
import io.basalt.sql.ast.DropViewStatement;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.Query;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.List;

/**
 * {@code CREATE [OR REPLACE] [TEMP | TEMPORARY] VIEW name [(column names)] AS query}, CREATE and REFRESH
 * MATERIALIZED VIEW, and {@code DROP [MATERIALIZED] VIEW [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}.
 * Recursive views end the statement as unsupported.
 */
final class ViewParser extends ParserBase {
    ViewParser(Grammar grammar) {
        super(grammar);
    }

    /** Whether the cursor (at CREATE) is at {@code CREATE [OR REPLACE] [TEMP | TEMPORARY] [RECURSIVE] VIEW}. */
    boolean atCreateView() {
        int ahead = 1;
        if (tokens.peek(ahead).is(Keyword.OR) && tokens.peek(ahead + 1).is(Keyword.REPLACE)) {
            ahead += 2;
        }
        if (tokens.peek(ahead).is(Keyword.TEMP) || tokens.peek(ahead).is(Keyword.TEMPORARY)) {
            ahead++;
        }
        if (tokens.peek(ahead).is(Keyword.RECURSIVE)) {
            ahead++;
        }
        return tokens.peek(ahead).is(Keyword.VIEW);
    }

    CreateViewStatement createView() {
        Token create = tokens.expect(Keyword.CREATE);
        boolean orReplace = false;
        if (tokens.accept(Keyword.OR)) {
            tokens.expect(Keyword.REPLACE);
            orReplace = true;
        }
        boolean temporary = tokens.accept(Keyword.TEMP) | tokens.accept(Keyword.TEMPORARY);
        if (tokens.at(Keyword.RECURSIVE)) {
            throw unsupported("CREATE RECURSIVE VIEW");
        }
        tokens.expect(Keyword.VIEW);
        QualifiedName name = grammar.names().qualifiedName();
        List<String> columns = tokens.at(TokenKind.LEFT_PAREN) ? grammar.names().parenthesizedColumnIdList()
                : List.of();
        String checkOption = null;
        List<String> options = new java.util.ArrayList<>();
        if (tokens.at(Keyword.WITH)) {
            checkOption = viewOptions(options);
        }
        tokens.expect(Keyword.AS);
        Query query = grammar.queries().query();
        if (tokens.at(Keyword.WITH)) {
            tokens.next();
            checkOption = "cascaded";
            if (tokens.accept(Keyword.LOCAL)) {
                checkOption = "local";
            } else {
                tokens.accept(Keyword.CASCADED);
            }
            tokens.expect(Keyword.CHECK);
            tokens.expect(Keyword.OPTION);
        }
        if (checkOption != null && options.stream().noneMatch(option -> option.startsWith("check_option="))) {
            options.add("check_option=" + checkOption);
        }
        return new CreateViewStatement(name, orReplace, temporary, columns, query, create.position(), checkOption,
                options);
    }

    /**
     * {@code WITH (name [= value], ...)}, WITH at the cursor. {@code security_barrier} and {@code security_invoker}
     * (booleans) are checked and have no effect: Basalt has neither leaky functions nor roles yet;
     * {@code check_option} is {@code local} or {@code cascaded} (returned, else null); any other name is
     * PostgreSQL's 22023. Each option is added to {@code into} as reloptions keeps it ({@code name=value}).
     */
    private String viewOptions(List<String> into) {
        tokens.expect(Keyword.WITH);
        return optionList(into);
    }

    /** The parenthesized option list of WITH (...) or ALTER VIEW ... SET (...), at its parenthesis. */
    private String optionList(List<String> into) {
        String checkOption = null;
        tokens.expect(TokenKind.LEFT_PAREN);
        do {
            String name = grammar.names().columnLabel();
            String value = null;
            if (tokens.acceptOperator("=")) {
                value = tokens.next().value();
            }
            into.add(name + "=" + (value == null ? "true" : value));
            switch (name) {
                case "security_barrier", "security_invoker" -> {
                    if (value != null && !isBoolean(value)) {
                        throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                                "invalid value for boolean option \"" + name + "\": " + value);
                    }
                }
                case "check_option" -> {
                    String lower = value == null ? "" : value.toLowerCase(java.util.Locale.ROOT);
                    if (!lower.equals("local") && !lower.equals("cascaded")) {
                        throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                                        "invalid value for enum option \"check_option\": " + value)
                                .withDetail("Valid values are \"local\" and \"cascaded\".");
                    }
                    checkOption = lower;
                }
                default -> throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                        "unrecognized parameter \"" + name + "\"");
            }
        } while (tokens.accept(TokenKind.COMMA));
        tokens.expect(TokenKind.RIGHT_PAREN);
        return checkOption;
    }

    private static boolean isBoolean(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "false", "on", "off", "yes", "no", "1", "0", "t", "f", "y", "n" -> true;
            default -> false;
        };
    }

    /**
     * {@code CREATE MATERIALIZED VIEW [IF NOT EXISTS] name [(column names)] AS query [WITH [NO] DATA]}; access
     * methods, storage options and tablespaces are unsupported.
     */
    CreateMaterializedViewStatement createMaterializedView() {
        Token create = tokens.expect(Keyword.CREATE);
        tokens.expect(Keyword.MATERIALIZED);
        tokens.expect(Keyword.VIEW);
        boolean ifNotExists = false;
        if (tokens.at(Keyword.IF) && tokens.peek(1).is(Keyword.NOT)) {
            tokens.next();
            tokens.next();
            tokens.expect(Keyword.EXISTS);
            ifNotExists = true;
        }
        QualifiedName name = grammar.names().qualifiedName();
        List<String> columns = tokens.at(TokenKind.LEFT_PAREN) ? grammar.names().parenthesizedColumnIdList()
                : List.of();
        if (tokens.at(Keyword.USING)) {
            throw unsupported("table access methods");
        }
        if (tokens.accept(Keyword.WITH)) {
            // validated as PostgreSQL does, not kept: see docs/STATUS.md
            io.basalt.catalog.StorageParameters.checkTable(new StorageParameterParser(tokens).list());
        }
        if (tokens.at(Keyword.TABLESPACE)) {
            throw unsupported("TABLESPACE");
        }
        tokens.expect(Keyword.AS);
        Query query = grammar.queries().query();
        boolean withData = withData();
        return new CreateMaterializedViewStatement(name, ifNotExists, columns, query, withData, create.position());
    }

    /** {@code [WITH [NO] DATA]}: whether the rows are computed (the default). */
    private boolean withData() {
        if (!tokens.at(Keyword.WITH)) {
            return true;
        }
        tokens.next();
        boolean withData = !tokens.accept(Keyword.NO);
        tokens.expect(Keyword.DATA);
        return withData;
    }

    RefreshMaterializedViewStatement refreshMaterializedView() {
        Token refresh = tokens.expect(Keyword.REFRESH);
        tokens.expect(Keyword.MATERIALIZED);
        tokens.expect(Keyword.VIEW);
        boolean concurrently = tokens.accept(Keyword.CONCURRENTLY);
        QualifiedName name = grammar.names().qualifiedName();
        return new RefreshMaterializedViewStatement(name, concurrently, withData(), refresh.position());
    }

    /** Whether the cursor (at ALTER) is at {@code ALTER VIEW}. */
    boolean atAlterView() {
        return tokens.peek(1).is(Keyword.VIEW)
                || tokens.peek(1).is(Keyword.MATERIALIZED) && tokens.peek(2).is(Keyword.VIEW);
    }

    /** {@code ALTER VIEW [IF EXISTS] name action}; the forms not listed in {@link AlterViewStatement} are 0A000. */
    AlterViewStatement alterView() {
        Token alter = tokens.expect(Keyword.ALTER);
        if (tokens.accept(Keyword.MATERIALIZED)) {
            tokens.expect(Keyword.VIEW);
            return alterMaterializedView(alter);
        }
        tokens.expect(Keyword.VIEW);
        boolean ifExists = acceptIfExists();
        QualifiedName name = grammar.names().qualifiedName();
        AlterViewStatement.Action action;
        if (tokens.accept(Keyword.RENAME)) {
            if (tokens.accept(Keyword.TO)) {
                action = new AlterViewStatement.RenameTo(grammar.names().columnLabel());
            } else {
                tokens.accept(Keyword.COLUMN);
                String column = grammar.names().columnLabel();
                tokens.expect(Keyword.TO);
                action = new AlterViewStatement.RenameColumn(column, grammar.names().columnLabel());
            }
        } else if (tokens.at(Keyword.SET) && tokens.peek(1).is(Keyword.SCHEMA)) {
            tokens.next();
            tokens.next();
            action = new AlterViewStatement.SetSchema(grammar.names().columnLabel());
        } else if (tokens.at(Keyword.SET) && tokens.peek(1).is(TokenKind.LEFT_PAREN)) {
            tokens.next();
            List<String> options = new java.util.ArrayList<>();
            optionList(options);
            action = new AlterViewStatement.SetOptions(options, false);
        } else if (tokens.accept(Keyword.RESET)) {
            tokens.expect(TokenKind.LEFT_PAREN);
            List<String> names = new java.util.ArrayList<>();
            do {
                names.add(grammar.names().columnLabel());
            } while (tokens.accept(TokenKind.COMMA));
            tokens.expect(TokenKind.RIGHT_PAREN);
            action = new AlterViewStatement.SetOptions(names, true);
        } else if (tokens.accept(Keyword.ALTER)) {
            tokens.accept(Keyword.COLUMN);
            String column = grammar.names().columnLabel();
            if (tokens.accept(Keyword.SET)) {
                tokens.expect(Keyword.DEFAULT);
                action = new AlterViewStatement.SetDefault(column, grammar.expressions().expression());
            } else {
                tokens.expect(Keyword.DROP);
                tokens.expect(Keyword.DEFAULT);
                action = new AlterViewStatement.SetDefault(column, null);
            }
        } else {
            throw unsupported("ALTER VIEW ... " + current().value().toUpperCase(java.util.Locale.ROOT));
        }
        return new AlterViewStatement(name, ifExists, action, alter.position());
    }

    /**
     * {@code ALTER MATERIALIZED VIEW [IF EXISTS] name} RENAME TO, RENAME [COLUMN] or SET SCHEMA, the cursor after
     * VIEW ({@code OWNER TO} is a privilege statement); the other forms are 0A000.
     */
    private AlterViewStatement alterMaterializedView(Token alter) {
        if (tokens.at(Keyword.ALL)) {
            throw unsupported("ALTER MATERIALIZED VIEW ALL IN TABLESPACE");
        }
        boolean ifExists = acceptIfExists();
        QualifiedName name = grammar.names().qualifiedName();
        AlterViewStatement.Action action;
        if (tokens.accept(Keyword.RENAME)) {
            if (tokens.accept(Keyword.TO)) {
                action = new AlterViewStatement.RenameTo(grammar.names().columnId());
            } else {
                tokens.accept(Keyword.COLUMN);
                String column = grammar.names().columnId();
                tokens.expect(Keyword.TO);
                action = new AlterViewStatement.RenameColumn(column, grammar.names().columnId());
            }
        } else if (tokens.at(Keyword.SET) && tokens.peek(1).is(Keyword.SCHEMA)) {
            tokens.next();
            tokens.next();
            action = new AlterViewStatement.SetSchema(grammar.names().columnId());
        } else {
            if (current().keyword() == null) {
                throw tokens.syntaxError();
            }
            throw unsupported("ALTER MATERIALIZED VIEW ... " + current().value().toUpperCase(java.util.Locale.ROOT));
        }
        return new AlterViewStatement(name, ifExists, action, true, alter.position());
    }

    DropViewStatement dropView() {
        Token drop = tokens.expect(Keyword.DROP);
        boolean materialized = tokens.accept(Keyword.MATERIALIZED);
        tokens.expect(Keyword.VIEW);
        boolean ifExists = acceptIfExists();
        List<QualifiedName> names = qualifiedNameList();
        boolean cascade = acceptDropBehavior();
        return new DropViewStatement(names, materialized, ifExists, cascade, drop.position());
    }
}
