package io.basalt.sql.parser;

import io.basalt.sql.ast.DiscardSequencesStatement;
import io.basalt.sql.ast.CreateTableAsStatement;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.Query;
import io.basalt.sql.ast.QueryStatement;
import io.basalt.sql.ast.Statement;
import io.basalt.sql.ast.UnsupportedStatement;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.List;

/**
 * Dispatches one statement on its leading keyword to the area parser that knows it, and reads the statements
 * that PREPARE and EXPLAIN wrap. A statement that turns
 * out to use syntax the tree cannot express is skipped to its end and returned as an
 * {@link UnsupportedStatement}; a statement whose leading word is no statement at all is a syntax error at
 * that word, as in PostgreSQL.
 */
final class StatementParser extends ParserBase {
    StatementParser(Grammar grammar) {
        super(grammar);
    }

    /** One statement, the cursor left at the {@code ;} or end of input that should follow it. */
    Statement statement() {
        Token first = current();
        int mark = tokens.mark();
        try {
            return dispatch(first);
        } catch (UnsupportedSyntax unsupported) {
            grammar.utility().skipStatement(mark, unsupported.description().equals("CREATE RULE"));
            return new UnsupportedStatement(unsupported.description(), first.position());
        }
    }

    private RoutineParser routines() {
        return new RoutineParser(grammar);
    }

    private Statement dispatch(Token first) {
        PrivilegeParser privileges = new PrivilegeParser(grammar);
        if (privileges.at()) {
            return privileges.statement();
        }
        PolicyParser policies = new PolicyParser(grammar);
        if (policies.at()) {
            return policies.statement();
        }
        if (first.is(TokenKind.LEFT_PAREN) || first.is(Keyword.SELECT) || first.is(Keyword.VALUES)
                || first.is(Keyword.TABLE) || first.is(Keyword.WITH)) {
            return queryStatement(first);
        }
        if (first.is(Keyword.INSERT)) {
            return grammar.dml().insert();
        }
        if (first.is(Keyword.UPDATE)) {
            return grammar.dml().update();
        }
        if (first.is(Keyword.DELETE)) {
            return grammar.dml().delete();
        }
        if (first.is(Keyword.MERGE)) {
            return new MergeParser(grammar).merge();
        }
        if (first.is(Keyword.CREATE) && new AggregateParser(grammar).atCreate()) {
            return new AggregateParser(grammar).create();
        }
        if (first.is(Keyword.DROP) && tokens.peek(1).is(Keyword.AGGREGATE)) {
            return new AggregateParser(grammar).drop();
        }
        if (first.is(Keyword.CREATE) && routines().atCreate()) {
            return routines().create();
        }
        if (first.is(Keyword.DROP) && (tokens.peek(1).is(Keyword.FUNCTION) || tokens.peek(1).is(Keyword.PROCEDURE)
                || tokens.peek(1).is(Keyword.ROUTINE))) {
            return routines().drop();
        }
        if (first.is(Keyword.DROP) && tokens.peek(1).is(Keyword.TRIGGER)) {
            return routines().dropTrigger();
        }
        RuleParser rules = new RuleParser(grammar);
        if (rules.atCreate() || rules.atDropOrAlter()) {
            return rules.statement();
        }
        if (first.is(Keyword.CALL)) {
            return routines().call();
        }
        if (first.is(Keyword.DO)) {
            return routines().doBlock();
        }
        if (first.is(Keyword.ALTER) && routines().atEnableTrigger()) {
            return routines().enableTrigger();
        }
        if (first.is(Keyword.CREATE) && grammar.ddl().atCreateTable()) {
            return grammar.ddl().createTable();
        }
        if (first.is(Keyword.DROP) && tokens.peek(1).is(Keyword.TABLE)) {
            return grammar.ddl().dropTable();
        }
        if (grammar.indexes().atCreateIndex()) {
            return grammar.indexes().createIndex();
        }
        if (first.is(Keyword.DROP) && tokens.peek(1).is(Keyword.INDEX)) {
            return grammar.indexes().dropIndex();
        }
        if (first.is(Keyword.CREATE) && grammar.views().atCreateView()) {
            return grammar.views().createView();
        }
        if (first.is(Keyword.DROP) && (tokens.peek(1).is(Keyword.VIEW)
                || tokens.peek(1).is(Keyword.MATERIALIZED) && tokens.peek(2).is(Keyword.VIEW))) {
            return grammar.views().dropView();
        }
        if (first.is(Keyword.CREATE) && tokens.peek(1).is(Keyword.MATERIALIZED) && tokens.peek(2).is(Keyword.VIEW)) {
            return grammar.views().createMaterializedView();
        }
        if (first.is(Keyword.REFRESH) && tokens.peek(1).is(Keyword.MATERIALIZED)) {
            return grammar.views().refreshMaterializedView();
        }
        if (first.is(Keyword.CREATE) && tokens.peek(1).is(Keyword.SCHEMA)) {
            return grammar.schemas().createSchema();
        }
        if (first.is(Keyword.DROP) && tokens.peek(1).is(Keyword.SCHEMA)) {
            return grammar.schemas().dropSchema();
        }
        if (first.is(Keyword.ALTER) && tokens.peek(1).is(Keyword.TABLE)) {
            return grammar.alterTable().alterTable();
        }
        if (first.is(Keyword.ALTER) && tokens.peek(1).is(Keyword.INDEX)) {
            return new AlterIndexParser(grammar).alterIndex();
        }
        if (first.is(Keyword.CREATE) && grammar.sequences().atCreateSequence()) {
            return grammar.sequences().createSequence();
        }
        if (first.is(Keyword.ALTER) && tokens.peek(1).is(Keyword.SEQUENCE)) {
            return grammar.sequences().alterSequence();
        }
        if (first.is(Keyword.DROP) && tokens.peek(1).is(Keyword.SEQUENCE)) {
            return grammar.sequences().dropSequence();
        }
        if (first.is(Keyword.CHECKPOINT)) {
            tokens.next();
            return new io.basalt.sql.ast.CheckpointStatement(first.position());
        }
        if (first.is(Keyword.DISCARD) && tokens.peek(1).is(Keyword.SEQUENCES)) {
            tokens.next();
            tokens.next();
            return new DiscardSequencesStatement(first.position());
        }
        if (first.is(Keyword.ALTER) && grammar.views().atAlterView()) {
            return grammar.views().alterView();
        }
        if (grammar.userTypes().atTypeStatement()) {
            return grammar.userTypes().statement();
        }
        DomainParser domains = new DomainParser(grammar);
        if (domains.atDomainStatement()) {
            return domains.statement();
        }
        if (grammar.transactions().atTransactionControl()) {
            return grammar.transactions().statement();
        }
        if (first.keyword() != null) {
            switch (first.keyword()) {
                case SET -> {
                    return grammar.settings().set();
                }
                case SHOW -> {
                    return grammar.settings().show();
                }
                case RESET -> {
                    return grammar.settings().reset();
                }
                case EXPLAIN -> {
                    return grammar.explain().explain();
                }
                case PREPARE -> {
                    if (!tokens.peek(1).is(Keyword.TRANSACTION)) {
                        return grammar.prepared().prepare();
                    }
                }
                case EXECUTE -> {
                    return grammar.prepared().execute();
                }
                case DEALLOCATE -> {
                    return grammar.prepared().deallocate();
                }
                case DECLARE -> {
                    return grammar.cursors().declare();
                }
                case FETCH, MOVE -> {
                    return grammar.cursors().fetch();
                }
                case CLOSE -> {
                    return grammar.cursors().close();
                }
                case TRUNCATE -> {
                    return grammar.truncate().truncate();
                }
                case COPY -> {
                    return grammar.copy().copy();
                }
                case VACUUM, ANALYZE, ANALYSE -> {
                    return grammar.vacuum().vacuum();
                }
                case REINDEX -> {
                    return grammar.reindex().reindex();
                }
                case LOCK -> {
                    return new LockParser(grammar).lock();
                }
                case COMMENT -> {
                    return new CommentParser(grammar).comment();
                }
                default -> {
                    // every other statement is recognised by the utility parser
                }
            }
        }
        return grammar.utility().statement();
    }

    /** A query, or with {@code SELECT ... INTO table} a CREATE TABLE AS of the query without its INTO. */
    private Statement queryStatement(Token first) {
        Query query;
        QualifiedName into;
        boolean temporary;
        grammar.selects().allowInto(true);
        try {
            if (first.is(Keyword.WITH)) {
                Statement statement = grammar.queries().withStatement();
                if (!(statement instanceof QueryStatement withQuery)) {
                    return statement;
                }
                query = withQuery.query();
            } else {
                query = grammar.queries().query();
            }
            into = grammar.selects().into();
            temporary = grammar.selects().intoTemporary();
        } finally {
            grammar.selects().allowInto(false);
        }
        if (into != null) {
            return new CreateTableAsStatement(into, temporary, false, List.of(), query, true, first.position());
        }
        return new QueryStatement(query, first.position());
    }

    /**
     * The statement of a PREPARE: PostgreSQL's {@code PreparableStmt}, a query or a data-changing statement.
     * Anything else is a syntax error at its first word.
     */
    Statement preparable() {
        Token first = current();
        if (first.is(TokenKind.LEFT_PAREN) || QueryParser.isQueryStart(first)) {
            return new QueryStatement(grammar.queries().query(), first.position());
        }
        if (first.is(Keyword.INSERT)) {
            return grammar.dml().insert();
        }
        if (first.is(Keyword.UPDATE)) {
            return grammar.dml().update();
        }
        if (first.is(Keyword.DELETE)) {
            return grammar.dml().delete();
        }
        if (first.is(Keyword.MERGE)) {
            return new MergeParser(grammar).merge();
        }
        throw tokens.syntaxError();
    }

    /**
     * The statement of an EXPLAIN: PostgreSQL's {@code ExplainableStmt}, a preparable statement, an EXECUTE, or
     * one of the statements that run a query to fill something (CREATE TABLE AS, CREATE MATERIALIZED VIEW,
     * REFRESH MATERIALIZED VIEW, DECLARE), which Basalt does not have yet.
     */
    Statement explainable() {
        Token first = current();
        if (first.is(Keyword.EXECUTE)) {
            return grammar.prepared().execute();
        }
        if (first.is(Keyword.DECLARE)) {
            throw unsupported("DECLARE CURSOR");
        }
        if (first.is(Keyword.REFRESH)) {
            throw unsupported("REFRESH MATERIALIZED VIEW");
        }
        if (first.is(Keyword.CREATE)) {
            throw createAs();
        }
        return preparable();
    }

    /**
     * Reads {@code CREATE [TEMP] TABLE name [(columns)]} or {@code CREATE MATERIALIZED VIEW} as far as PostgreSQL
     * does before it knows whether this is a CREATE ... AS, and returns what to throw: unsupported if it is, a
     * syntax error where PostgreSQL reports one if it is not.
     */
    private RuntimeException createAs() {
        tokens.expect(Keyword.CREATE);
        if (tokens.at(Keyword.MATERIALIZED)) {
            return unsupported("CREATE MATERIALIZED VIEW");
        }
        if (tokens.at(Keyword.GLOBAL) || tokens.at(Keyword.LOCAL)) {
            tokens.next();
        }
        if (tokens.at(Keyword.TEMP) || tokens.at(Keyword.TEMPORARY) || tokens.at(Keyword.UNLOGGED)) {
            tokens.next();
        }
        tokens.expect(Keyword.TABLE);
        if (tokens.accept(Keyword.IF)) {
            tokens.expect(Keyword.NOT);
            tokens.expect(Keyword.EXISTS);
        }
        grammar.names().qualifiedName();
        if (tokens.accept(TokenKind.LEFT_PAREN)) {
            grammar.names().columnIdList();
            tokens.expect(TokenKind.RIGHT_PAREN);
        }
        Token next = current();
        if (next.is(Keyword.AS) || next.is(Keyword.WITH) || next.is(Keyword.WITHOUT) || next.is(Keyword.USING)
                || next.is(Keyword.ON) || next.is(Keyword.TABLESPACE)) {
            return unsupported("CREATE TABLE AS");
        }
        return tokens.syntaxError();
    }
}
