package io.basalt.sql.parser;

import io.basalt.catalog.StorageParameters;
import io.basalt.sql.ast.ColumnConstraint;
import io.basalt.sql.ast.ColumnDefinition;
import io.basalt.sql.ast.CreateTableAsStatement;
import io.basalt.sql.ast.ExecuteStatement;
import io.basalt.sql.ast.CreateTableStatement;
import io.basalt.sql.ast.DropTableStatement;
import io.basalt.sql.ast.PartitionBound;
import io.basalt.sql.ast.PartitionSpec;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.Query;
import io.basalt.sql.ast.Statement;
import io.basalt.sql.ast.StorageParameter;
import io.basalt.sql.ast.TableConstraint;
import io.basalt.sql.ast.TypeName;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CREATE [UNLOGGED] TABLE [IF NOT EXISTS] name (columns and table constraints)},
 * {@code CREATE [UNLOGGED] TABLE [IF NOT EXISTS] name [(column names)] AS query [WITH [NO] DATA]} and
 * {@code DROP TABLE [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}. The forms of CREATE TABLE that the syntax
 * tree cannot express (storage options) end the statement as unsupported; {@code INHERITS (parents)},
 * {@code PARTITION BY ...} and {@code PARTITION OF parent ...} ({@link PartitionClauseParser}) make the statement's
 * hierarchy. {@code UNLOGGED} only affects crash safety in
 * PostgreSQL and is accepted as an ordinary table.
 */
final class DdlParser extends ParserBase {
    DdlParser(Grammar grammar) {
        super(grammar);
    }

    /** Whether the cursor is at {@code CREATE [GLOBAL | LOCAL] [TEMP | TEMPORARY | UNLOGGED] TABLE}. */
    boolean atCreateTable() {
        return atCreateWithPersistence(Keyword.TABLE);
    }

    Statement createTable() {
        Token create = tokens.expect(Keyword.CREATE);
        boolean temporary = tokens.accept(Keyword.GLOBAL) | tokens.accept(Keyword.LOCAL);
        temporary |= tokens.accept(Keyword.TEMP) | tokens.accept(Keyword.TEMPORARY);
        tokens.accept(Keyword.UNLOGGED);
        tokens.expect(Keyword.TABLE);
        boolean ifNotExists = false;
        if (tokens.accept(Keyword.IF)) {
            tokens.expect(Keyword.NOT);
            tokens.expect(Keyword.EXISTS);
            ifNotExists = true;
        }
        QualifiedName name = grammar.names().qualifiedName();
        if (tokens.at(Keyword.OF)) {
            throw unsupported("CREATE TABLE ... OF type");
        }
        if (tokens.at(Keyword.PARTITION) && tokens.peek(1).is(Keyword.OF)) {
            return partitionOf(name, temporary, ifNotExists, create.position());
        }
        if (startsCreateTableAsOptions(current())) {
            return createTableAs(name, temporary, ifNotExists, List.of(), create.position());
        }
        tokens.expect(TokenKind.LEFT_PAREN);
        if (grammar.names().atColumnId() && !grammar.constraints().atTableConstraint()
                && (tokens.peek(1).is(TokenKind.COMMA) || tokens.peek(1).is(TokenKind.RIGHT_PAREN))) {
            // CREATE TABLE t (a, b) AS query: column names without types.
            List<String> columnNames = grammar.names().columnIdList();
            tokens.expect(TokenKind.RIGHT_PAREN);
            return createTableAs(name, temporary, ifNotExists, columnNames, create.position());
        }
        List<ColumnDefinition> columns = new ArrayList<>();
        List<TableConstraint> constraints = new ArrayList<>();
        List<CreateTableStatement.Like> likes = new ArrayList<>();
        if (!tokens.at(TokenKind.RIGHT_PAREN)) {
            do {
                if (tokens.at(Keyword.LIKE)) {
                    likes.add(like(columns.size()));
                } else if (grammar.constraints().atTableConstraint()) {
                    constraints.add(grammar.constraints().tableConstraint());
                } else {
                    columns.add(columnDefinition());
                }
            } while (tokens.accept(TokenKind.COMMA));
        }
        tokens.expect(TokenKind.RIGHT_PAREN);
        List<QualifiedName> inherits = new ArrayList<>();
        if (tokens.accept(Keyword.INHERITS)) {
            tokens.expect(TokenKind.LEFT_PAREN);
            inherits.addAll(qualifiedNameList());
            tokens.expect(TokenKind.RIGHT_PAREN);
        }
        PartitionSpec partitionBy = tokens.at(Keyword.PARTITION) ? grammar.partitionClauses().partitionBy() : null;
        List<StorageParameter> parameters = tableOptions();
        CreateTableStatement.Hierarchy hierarchy = inherits.isEmpty() && partitionBy == null ? null
                : new CreateTableStatement.Hierarchy(inherits, null, null, partitionBy);
        return new CreateTableStatement(name, ifNotExists, columns, constraints, temporary, likes, hierarchy,
                create.position(), parameters);
    }

    /**
     * {@code PARTITION OF parent [(table constraints | column options)] {FOR VALUES ... | DEFAULT}
     * [PARTITION BY ...]}, PARTITION at the cursor. Column options ({@code name [WITH OPTIONS] constraints}) are
     * column definitions without a type: the column is the parent's.
     */
    private CreateTableStatement partitionOf(QualifiedName name, boolean temporary, boolean ifNotExists,
                                             int position) {
        tokens.expect(Keyword.PARTITION);
        tokens.expect(Keyword.OF);
        QualifiedName parent = grammar.names().qualifiedName();
        List<TableConstraint> constraints = new ArrayList<>();
        List<ColumnDefinition> columns = new ArrayList<>();
        if (tokens.accept(TokenKind.LEFT_PAREN)) {
            if (!tokens.at(TokenKind.RIGHT_PAREN)) {
                do {
                    if (grammar.constraints().atTableConstraint()) {
                        constraints.add(grammar.constraints().tableConstraint());
                    } else {
                        columns.add(columnOptions());
                    }
                } while (tokens.accept(TokenKind.COMMA));
            }
            tokens.expect(TokenKind.RIGHT_PAREN);
        }
        PartitionBound bound = grammar.partitionClauses().bound();
        PartitionSpec partitionBy = tokens.at(Keyword.PARTITION) ? grammar.partitionClauses().partitionBy() : null;
        List<StorageParameter> parameters = tableOptions();
        return new CreateTableStatement(name, ifNotExists, columns, constraints, temporary, List.of(),
                new CreateTableStatement.Hierarchy(List.of(), parent, bound, partitionBy), position, parameters);
    }

    private static final List<String> LIKE_OPTIONS = List.of("COMMENTS", "COMPRESSION", "CONSTRAINTS", "DEFAULTS",
            "GENERATED", "IDENTITY", "INDEXES", "STATISTICS", "STORAGE");

    /** {@code LIKE source [{INCLUDING | EXCLUDING} option ...]}, LIKE at the cursor. */
    private CreateTableStatement.Like like(int columnIndex) {
        Token like = tokens.expect(Keyword.LIKE);
        QualifiedName source = grammar.names().qualifiedName();
        java.util.Set<String> including = new java.util.HashSet<>();
        while (tokens.at(Keyword.INCLUDING) || tokens.at(Keyword.EXCLUDING)) {
            boolean include = tokens.next().is(Keyword.INCLUDING);
            Token option = tokens.next();
            String word = option.keyword() == null ? "" : option.keyword().name();
            List<String> options;
            if (word.equals("ALL")) {
                options = LIKE_OPTIONS;
            } else if (LIKE_OPTIONS.contains(word)) {
                options = List.of(word);
            } else {
                throw tokens.syntaxErrorAt(option);
            }
            if (include) {
                including.addAll(options);
            } else {
                options.forEach(including::remove);
            }
        }
        return new CreateTableStatement.Like(source, columnIndex, including, like.position());
    }

    /**
     * The rest of {@code CREATE TABLE name [(column names)]} when it is a CREATE TABLE AS: {@code [WITHOUT OIDS]
     * AS query [WITH [NO] DATA]}. Storage options, access methods, ON COMMIT and TABLESPACE are unsupported.
     */
    private CreateTableAsStatement createTableAs(QualifiedName name, boolean temporary, boolean ifNotExists,
                                                 List<String> columnNames, int position) {
        if (tokens.at(Keyword.WITHOUT)) {
            tokens.next();
            tokens.expect(Keyword.OIDS);
        }
        if (tokens.accept(Keyword.WITH)) {
            // validated as PostgreSQL does, not kept: see docs/STATUS.md
            StorageParameters.checkTable(new StorageParameterParser(tokens).list());
        }
        if (tokens.at(Keyword.USING)) {
            throw unsupported("table access methods");
        }
        if (tokens.at(Keyword.ON)) {
            throw unsupported("ON COMMIT");
        }
        if (tokens.at(Keyword.TABLESPACE)) {
            throw unsupported("TABLESPACE");
        }
        tokens.expect(Keyword.AS);
        if (tokens.at(Keyword.EXECUTE)) {
            ExecuteStatement execute = grammar.prepared().execute();
            boolean executeWithData = true;
            if (tokens.at(Keyword.WITH)) {
                tokens.next();
                executeWithData = !tokens.accept(Keyword.NO);
                tokens.expect(Keyword.DATA);
            }
            return CreateTableAsStatement.ofExecute(name, temporary, ifNotExists, columnNames, execute,
                    executeWithData, position);
        }
        Query query = grammar.queries().query();
        boolean withData = true;
        if (tokens.at(Keyword.WITH)) {
            tokens.next();
            withData = !tokens.accept(Keyword.NO);
            tokens.expect(Keyword.DATA);
        }
        return new CreateTableAsStatement(name, temporary, ifNotExists, columnNames, query, withData, position);
    }

    /** Without a column list, only CREATE TABLE AS can go on: its options or AS itself. */
    private static boolean startsCreateTableAsOptions(Token token) {
        return token.is(Keyword.AS) || token.is(Keyword.WITH) || token.is(Keyword.WITHOUT) || token.is(Keyword.USING)
                || token.is(Keyword.ON) || token.is(Keyword.TABLESPACE);
    }

    /**
     * {@code name [WITH OPTIONS] [COLLATE "C" | "POSIX" | "default"] [column constraints]} in the list of a
     * {@code PARTITION OF}: options for an inherited column, as a definition without a type.
     */
    private ColumnDefinition columnOptions() {
        Token first = current();
        String name = grammar.names().columnId();
        if (tokens.at(Keyword.WITH) && tokens.peek(1).value().equalsIgnoreCase("options")) {
            tokens.next();
            tokens.next();
        }
        if (tokens.accept(Keyword.COLLATE)) {
            String collation = tokens.next().value();
            if (!collation.equals("C") && !collation.equals("POSIX") && !collation.equals("default")) {
                throw unsupported("COLLATE");
            }
        }
        List<ColumnConstraint> constraints = grammar.constraints().columnConstraints();
        return new ColumnDefinition(name, null, constraints, first.position());
    }

    ColumnDefinition columnDefinition() {
        Token first = current();
        String name = grammar.names().columnId();
        TypeName type = grammar.types().typeName();
        if (tokens.at(Keyword.COMPRESSION)) {
            throw unsupported("COMPRESSION");
        }
        List<ColumnConstraint> constraints = grammar.constraints().columnConstraints();
        return new ColumnDefinition(name, type, constraints, first.position());
    }

    /** What may follow the column list: the storage parameters of {@code WITH (...)} (empty without), or WITHOUT OIDS. */
    private List<StorageParameter> tableOptions() {
        if (tokens.at(Keyword.AS)) {
            // CREATE TABLE t (a int) AS ...: PostgreSQL's grammar has no such form.
            throw tokens.syntaxError();
        }
        if (tokens.at(Keyword.INHERITS) || tokens.at(Keyword.PARTITION)) {
            throw tokens.syntaxError();
        }
        if (tokens.at(Keyword.USING)) {
            throw unsupported("table access methods");
        }
        List<StorageParameter> parameters = List.of();
        if (tokens.accept(Keyword.WITH)) {
            parameters = new StorageParameterParser(tokens).list();
        } else if (tokens.at(Keyword.WITHOUT)) {
            tokens.next();
            tokens.expect(Keyword.OIDS);
        }
        if (tokens.at(Keyword.ON) && tokens.peek(1).is(Keyword.COMMIT)) {
            // PRESERVE ROWS is what a temporary table does without it; the other actions need transactions
            if (!(tokens.peek(2).is(Keyword.PRESERVE) && tokens.peek(3).is(Keyword.ROWS))) {
                throw unsupported("ON COMMIT DELETE ROWS / DROP");
            }
            tokens.next();
            tokens.next();
            tokens.next();
            tokens.next();
        }
        if (tokens.at(Keyword.TABLESPACE)) {
            throw unsupported("TABLESPACE");
        }
        return parameters;
    }

    DropTableStatement dropTable() {
        Token drop = tokens.expect(Keyword.DROP);
        tokens.expect(Keyword.TABLE);
        boolean ifExists = acceptIfExists();
        List<QualifiedName> names = qualifiedNameList();
        boolean cascade = acceptDropBehavior();
        return new DropTableStatement(names, ifExists, cascade, drop.position());
    }
}
