package io.basalt.sql.parser;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.FromItem;
import io.basalt.sql.ast.LockingClause;
import io.basalt.sql.ast.OrderItem;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.Query;
import io.basalt.sql.ast.QueryBody;
import io.basalt.sql.ast.SelectItem;
import io.basalt.sql.ast.Statement;
import io.basalt.sql.ast.With;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Query expressions: an optional {@code WITH} clause, then {@code SELECT} blocks, {@code VALUES} lists and
 * {@code TABLE name}, combined by {@code UNION | EXCEPT} (left-associative) and {@code INTERSECT} (binding more
 * tightly), with parenthesised operands, then {@code ORDER BY}, {@code LIMIT | OFFSET | FETCH FIRST} for the
 * whole.
 *
 * <p>A parenthesised query carries its own WITH, ORDER BY and LIMIT. When it stands alone, the clauses written
 * around it are merged into it, and writing one clause twice is an error, as PostgreSQL reports it
 * ({@code (SELECT 1 LIMIT 1) LIMIT 2}: "multiple LIMIT clauses not allowed"). As a set-operation operand it
 * stays {@link QueryBody.Nested} only when it has such clauses of its own.
 */
final class QueryParser extends ParserBase {
    QueryParser(Grammar grammar) {
        super(grammar);
    }

    /** Whether {@code token} starts a query without parentheses. */
    static boolean isQueryStart(Token token) {
        return token.is(Keyword.SELECT) || token.is(Keyword.VALUES) || token.is(Keyword.TABLE)
                || token.is(Keyword.WITH);
    }

    /** Whether {@code token} continues a query after a parenthesised one: a set operator or a tail clause. */
    static boolean continuesQuery(Token token) {
        return token.is(Keyword.UNION) || token.is(Keyword.INTERSECT) || token.is(Keyword.EXCEPT)
                || token.is(Keyword.ORDER) || token.is(Keyword.LIMIT) || token.is(Keyword.OFFSET)
                || token.is(Keyword.FETCH) || token.is(Keyword.FOR);
    }

    /** A whole query: PostgreSQL's {@code select_no_parens} or {@code select_with_parens}. */
    Query query() {
        Token first = current();
        With with = null;
        if (first.is(Keyword.WITH)) {
            with = withClause();
            Keyword statement = current().keyword();
            if (statement == Keyword.INSERT || statement == Keyword.UPDATE || statement == Keyword.DELETE
                    || statement == Keyword.MERGE) {
                throw unsupported("WITH ... " + statement.name());
            }
        }
        QueryBody body = setExpression(0);
        return tail(with, body, first.position());
    }

    /**
     * A statement that starts with WITH: an INSERT, UPDATE or DELETE headed by the WITH clause, or a query (the
     * WITH at the cursor).
     */
    Statement withStatement() {
        Token first = current();
        With with = withClause();
        Keyword statement = current().keyword();
        if (statement == Keyword.INSERT) {
            return grammar.dml().insert().withWith(with);
        }
        if (statement == Keyword.UPDATE) {
            return grammar.dml().update().withWith(with);
        }
        if (statement == Keyword.DELETE) {
            return grammar.dml().delete().withWith(with);
        }
        if (statement == Keyword.MERGE) {
            return new MergeParser(grammar).merge().withWith(with);
        }
        return new io.basalt.sql.ast.QueryStatement(tail(with, setExpression(0), first.position()), first.position());
    }

    /** {@code WITH [RECURSIVE] name [(columns)] AS [[NOT] MATERIALIZED] (query) [, ...]}. */
    private With withClause() {
        Token withToken = tokens.expect(Keyword.WITH);
        // RECURSIVE is unreserved: before AS it names the table ("WITH recursive AS (...)").
        boolean recursive = false;
        if (tokens.at(Keyword.RECURSIVE) && !tokens.peek(1).is(Keyword.AS)) {
            tokens.next();
            recursive = true;
        }
        List<With.CommonTableExpression> tables = new ArrayList<>();
        do {
            tables.add(commonTableExpression());
        } while (tokens.accept(TokenKind.COMMA));
        return new With(recursive, tables, withToken.position());
    }

    private With.CommonTableExpression commonTableExpression() {
        Token nameToken = current();
        String name = grammar.names().columnId();
        List<String> columns = tokens.at(TokenKind.LEFT_PAREN)
                ? grammar.names().parenthesizedColumnIdList()
                : List.of();
        tokens.expect(Keyword.AS);
        Boolean materialized = null;
        if (tokens.accept(Keyword.MATERIALIZED)) {
            materialized = true;
        } else if (tokens.at(Keyword.NOT) && tokens.peek(1).is(Keyword.MATERIALIZED)) {
            tokens.next();
            tokens.next();
            materialized = false;
        }
        tokens.expect(TokenKind.LEFT_PAREN);
        Keyword statement = current().keyword();
        if (statement == Keyword.MERGE) {
            throw io.basalt.error.BasaltException.at(io.basalt.error.SqlState.FEATURE_NOT_SUPPORTED,
                    nameToken.position(), "MERGE not supported in WITH query");
        }
        if (statement == Keyword.INSERT || statement == Keyword.UPDATE || statement == Keyword.DELETE) {
            Statement modifying = statement == Keyword.INSERT ? grammar.dml().insert()
                    : statement == Keyword.UPDATE ? grammar.dml().update() : grammar.dml().delete();
            tokens.expect(TokenKind.RIGHT_PAREN);
            return new With.CommonTableExpression(name, columns, materialized, null, nameToken.position(), modifying);
        }
        Query query = query();
        tokens.expect(TokenKind.RIGHT_PAREN);
        With.Search search = tokens.at(Keyword.SEARCH) ? search() : null;
        With.Cycle cycle = tokens.at(Keyword.CYCLE) ? cycle() : null;
        return new With.CommonTableExpression(name, columns, materialized, query, nameToken.position(), null, search,
                cycle);
    }

    /** {@code SEARCH {DEPTH | BREADTH} FIRST BY columns SET column}, SEARCH at the cursor. */
    private With.Search search() {
        Token first = tokens.expect(Keyword.SEARCH);
        boolean breadth = false;
        if (tokens.accept(Keyword.BREADTH)) {
            breadth = true;
        } else {
            tokens.expect(Keyword.DEPTH);
        }
        tokens.expect(Keyword.FIRST);
        tokens.expect(Keyword.BY);
        List<String> columns = columnList();
        tokens.expect(Keyword.SET);
        return new With.Search(breadth, columns, grammar.names().columnId(), first.position());
    }

    /** {@code CYCLE columns SET column [TO value DEFAULT value] USING column}, CYCLE at the cursor. */
    private With.Cycle cycle() {
        Token first = tokens.expect(Keyword.CYCLE);
        List<String> columns = columnList();
        tokens.expect(Keyword.SET);
        String mark = grammar.names().columnId();
        io.basalt.sql.ast.Expression value = null;
        io.basalt.sql.ast.Expression otherwise = null;
        if (tokens.accept(Keyword.TO)) {
            value = grammar.expressions().restrictedExpression();
            tokens.expect(Keyword.DEFAULT);
            otherwise = grammar.expressions().restrictedExpression();
        }
        tokens.expect(Keyword.USING);
        return new With.Cycle(columns, mark, value, otherwise, grammar.names().columnId(), first.position());
    }

    private List<String> columnList() {
        List<String> columns = new ArrayList<>();
        do {
            columns.add(grammar.names().columnId());
        } while (tokens.accept(TokenKind.COMMA));
        return columns;
    }

    /** {@code ( query )}, the parenthesis at the cursor. */
    Query selectWithParens() {
        tokens.expect(TokenKind.LEFT_PAREN);
        Query query = query();
        tokens.expect(TokenKind.RIGHT_PAREN);
        return query;
    }

    /** A query whose first, parenthesised operand {@code first} has been read already. */
    Query continueQuery(Query first, int position) {
        QueryBody body = continueSetExpression(operand(first, position), 0);
        return tail(null, body, position);
    }

    private QueryBody setExpression(int minimum) {
        return continueSetExpression(setOperand(), minimum);
    }

    /** Set operators by precedence: INTERSECT (2) binds more tightly than UNION and EXCEPT (1). */
    private QueryBody continueSetExpression(QueryBody first, int minimum) {
        QueryBody left = first;
        while (true) {
            Token operator = current();
            int precedence = operator.is(Keyword.INTERSECT) ? 2
                    : operator.is(Keyword.UNION) || operator.is(Keyword.EXCEPT) ? 1
                    : 0;
            if (precedence == 0 || precedence < minimum) {
                return left;
            }
            tokens.next();
            boolean all = tokens.accept(Keyword.ALL);
            if (!all) {
                tokens.accept(Keyword.DISTINCT);
            }
            QueryBody right = setExpression(precedence + 1);
            QueryBody.SetOperator setOperator = switch (operator.keyword()) {
                case UNION -> QueryBody.SetOperator.UNION;
                case INTERSECT -> QueryBody.SetOperator.INTERSECT;
                default -> QueryBody.SetOperator.EXCEPT;
            };
            left = new QueryBody.SetOperation(setOperator, all, left, right, operator.position());
        }
    }

    private QueryBody setOperand() {
        Token first = current();
        if (first.is(TokenKind.LEFT_PAREN)) {
            return operand(selectWithParens(), first.position());
        }
        if (first.is(Keyword.SELECT)) {
            return grammar.selects().select();
        }
        if (first.is(Keyword.VALUES)) {
            return values();
        }
        if (first.is(Keyword.TABLE)) {
            tokens.next();
            if (tokens.at(Keyword.ONLY)) {
                tokens.next();
            }
            QualifiedName table = grammar.names().qualifiedName();
            FromItem item = new FromItem.Table(table, null, List.of(), table.position());
            return new QueryBody.Select(false, List.of(new SelectItem.Star(null, first.position())), List.of(item),
                    null, List.of(), null, first.position());
        }
        throw tokens.syntaxError();
    }

    /** A parenthesised query as a set operand: its body, unless it has clauses of its own. */
    private static QueryBody operand(Query query, int position) {
        if (query.with() == null && query.orderBy().isEmpty() && query.limit() == null && query.offset() == null) {
            return query.body();
        }
        return new QueryBody.Nested(query, position);
    }

    /** {@code VALUES (a, b), (c, d)}. */
    QueryBody values() {
        Token valuesToken = tokens.expect(Keyword.VALUES);
        List<List<Expression>> rows = new ArrayList<>();
        do {
            tokens.expect(TokenKind.LEFT_PAREN);
            rows.add(grammar.expressions().expressionList());
            tokens.expect(TokenKind.RIGHT_PAREN);
        } while (tokens.accept(TokenKind.COMMA));
        return new QueryBody.Values(rows, valuesToken.position());
    }

    /** ORDER BY, LIMIT, OFFSET and FETCH after a query body, merged into a lone parenthesised query. */
    private Query tail(With with, QueryBody body, int position) {
        List<OrderItem> orderBy = List.of();
        if (tokens.accept(Keyword.ORDER)) {
            tokens.expect(Keyword.BY);
            orderBy = grammar.expressions().sortList();
        }
        Expression limit = null;
        Expression offset = null;
        withTies = false;
        boolean limitWritten = false;
        boolean offsetWritten = false;
        List<LockingClause> locking = new ArrayList<>();
        for (int clause = 0; clause < 2; clause++) {
            lockingClauses(locking);
            if (!limitWritten && (tokens.at(Keyword.LIMIT) || tokens.at(Keyword.FETCH))) {
                limitWritten = true;
                limit = limitClause();
            } else if (!offsetWritten && tokens.at(Keyword.OFFSET)) {
                offsetWritten = true;
                offset = offsetClause();
            }
        }
        lockingClauses(locking);
        boolean ties = withTies;
        if (ties && orderBy.isEmpty() && !(body instanceof QueryBody.Nested inner && !inner.query().orderBy().isEmpty())) {
            throw BasaltException.at(SqlState.SYNTAX_ERROR, withTiesPosition,
                    "WITH TIES cannot be specified without ORDER BY clause");
        }
        if (ties) {
            for (LockingClause clause : locking) {
                if (clause.waitPolicy() == LockingClause.Wait.SKIP_LOCKED) {
                    throw BasaltException.at(SqlState.SYNTAX_ERROR, withTiesPosition,
                            "SKIP LOCKED and WITH TIES options cannot be used together");
                }
            }
        }
        if (body instanceof QueryBody.Nested nested) {
            Query merged = merge(nested.query(), with, orderBy, limit, offset);
            merged = ties ? new Query(merged.with(), merged.body(), merged.orderBy(), merged.limit(), merged.offset(),
                    merged.position(), true) : merged;
            if (!locking.isEmpty()) {
                List<LockingClause> all = new ArrayList<>(nested.query().locking());
                all.addAll(locking);
                merged = merged.withLocking(all);
            }
            return merged;
        }
        return new Query(with, body, orderBy, limit, offset, position, ties, locking);
    }

    /** Whether the FETCH clause just read said WITH TIES. */
    private boolean withTies;
    /** Where the WITH of the last WITH TIES read stands (PostgreSQL's errors about it point there). */
    private int withTiesPosition;

    /** Puts clauses written after {@code (inner)} into it, refusing a clause written on both sides. */
    private Query merge(Query inner, With with, List<OrderItem> orderBy, Expression limit, Expression offset) {
        if (with != null && inner.with() != null) {
            throw BasaltException.at(SqlState.SYNTAX_ERROR, with.position(), "multiple WITH clauses not allowed");
        }
        if (!orderBy.isEmpty() && !inner.orderBy().isEmpty()) {
            throw multipleClauses("multiple ORDER BY clauses not allowed", orderBy.getFirst().expression());
        }
        if (limit != null && inner.limit() != null) {
            throw multipleClauses("multiple LIMIT clauses not allowed", limit);
        }
        if (offset != null && inner.offset() != null) {
            throw multipleClauses("multiple OFFSET clauses not allowed", offset);
        }
        return new Query(with == null ? inner.with() : with, inner.body(),
                orderBy.isEmpty() ? inner.orderBy() : orderBy, limit == null ? inner.limit() : limit,
                offset == null ? inner.offset() : offset, inner.position(),
                limit == null && inner.limitWithTies());
    }

    /**
     * The locking clauses at this point, added to {@code clauses}: {@code FOR UPDATE | NO KEY UPDATE | SHARE |
     * KEY SHARE [OF name, ...] [NOWAIT | SKIP LOCKED]}, repeated; {@code FOR READ ONLY} is accepted and means nothing.
     */
    private void lockingClauses(List<LockingClause> clauses) {
        while (tokens.at(Keyword.FOR)) {
            Token first = tokens.next();
            LockingClause.Strength strength;
            if (tokens.accept(Keyword.UPDATE)) {
                strength = LockingClause.Strength.UPDATE;
            } else if (tokens.accept(Keyword.NO)) {
                tokens.expect(Keyword.KEY);
                tokens.expect(Keyword.UPDATE);
                strength = LockingClause.Strength.NO_KEY_UPDATE;
            } else if (tokens.accept(Keyword.SHARE)) {
                strength = LockingClause.Strength.SHARE;
            } else if (tokens.accept(Keyword.KEY)) {
                tokens.expect(Keyword.SHARE);
                strength = LockingClause.Strength.KEY_SHARE;
            } else if (tokens.accept(Keyword.READ)) {
                tokens.expect(Keyword.ONLY);
                continue;
            } else {
                throw tokens.syntaxError();
            }
            List<QualifiedName> tables = new ArrayList<>();
            if (tokens.accept(Keyword.OF)) {
                do {
                    tables.add(grammar.names().qualifiedName());
                } while (tokens.accept(TokenKind.COMMA));
            }
            LockingClause.Wait wait = LockingClause.Wait.WAIT;
            if (tokens.accept(Keyword.NOWAIT)) {
                wait = LockingClause.Wait.NOWAIT;
            } else if (tokens.accept(Keyword.SKIP)) {
                tokens.expect(Keyword.LOCKED);
                wait = LockingClause.Wait.SKIP_LOCKED;
            }
            clauses.add(new LockingClause(strength, tables, wait, first.position()));
        }
    }

    /** PostgreSQL places these errors at the second clause's first expression. */
    private static BasaltException multipleClauses(String message, Expression clause) {
        return BasaltException.at(SqlState.SYNTAX_ERROR, clause.position(), message);
    }

    /** {@code LIMIT n | ALL} or {@code FETCH FIRST|NEXT [n] ROW|ROWS ONLY}; null for LIMIT ALL. */
    private Expression limitClause() {
        Token clause = tokens.next();
        if (clause.is(Keyword.LIMIT)) {
            if (tokens.accept(Keyword.ALL)) {
                return null;
            }
            Expression limit = grammar.expressions().expression();
            if (tokens.at(TokenKind.COMMA)) {
                throw tokens.errorAt(clause, "LIMIT #,# syntax is not supported")
                        .withHint("Use separate LIMIT and OFFSET clauses.");
            }
            return limit;
        }
        if (!tokens.accept(Keyword.FIRST)) {
            tokens.expect(Keyword.NEXT);
        }
        Expression count;
        if (tokens.at(Keyword.ROW) || tokens.at(Keyword.ROWS)) {
            count = new Expression.NumberLiteral("1", clause.position());
        } else {
            count = grammar.expressions().parse(ExpressionParser.UNARY_MINUS, false);
        }
        if (!tokens.accept(Keyword.ROW)) {
            tokens.expect(Keyword.ROWS);
        }
        if (tokens.at(Keyword.WITH) && tokens.peek(1).is(Keyword.TIES)) {
            withTiesPosition = tokens.next().position();
            tokens.next();
            withTies = true;
            return count;
        }
        tokens.expect(Keyword.ONLY);
        return count;
    }

    /** {@code OFFSET n [ROW | ROWS]}. */
    private Expression offsetClause() {
        tokens.expect(Keyword.OFFSET);
        Expression offset = grammar.expressions().expression();
        if (!tokens.accept(Keyword.ROW)) {
            tokens.accept(Keyword.ROWS);
        }
        return offset;
    }
}
