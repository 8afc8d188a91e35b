package io.basalt.sql.parser;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.DeleteStatement;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.FromItem;
import io.basalt.sql.ast.InsertStatement;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.Query;
import io.basalt.sql.ast.SelectItem;
import io.basalt.sql.ast.UpdateStatement;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The data-changing statements: {@code INSERT INTO table [AS alias] [(columns)] {VALUES ... | query | DEFAULT
 * VALUES} [RETURNING ...]}, {@code UPDATE} and {@code DELETE} (see {@link UpdateStatement} and
 * {@link DeleteStatement}), with {@code ON CONFLICT}. MERGE is recognised by {@link UtilityStatementParser};
 * {@code WHERE CURRENT OF} and inserts into fields or subscripts of a column end the
 * statement as unsupported.
 */
final class DmlParser extends ParserBase {
    DmlParser(Grammar grammar) {
        super(grammar);
    }

    InsertStatement insert() {
        Token insert = tokens.expect(Keyword.INSERT);
        tokens.expect(Keyword.INTO);
        QualifiedName table = grammar.names().qualifiedName();
        String alias = tokens.accept(Keyword.AS) ? grammar.names().columnId() : null;
        List<String> columns = new ArrayList<>();
        List<Expression> subscripts = new ArrayList<>();
        if (tokens.at(TokenKind.LEFT_PAREN) && !startsParenthesizedQuery()) {
            columnList(columns, subscripts);
        }
        InsertStatement.Overriding overriding = null;
        if (tokens.accept(Keyword.OVERRIDING)) {
            overriding = tokens.accept(Keyword.USER) ? InsertStatement.Overriding.USER_VALUE : null;
            if (overriding == null) {
                tokens.expect(Keyword.SYSTEM);
                overriding = InsertStatement.Overriding.SYSTEM_VALUE;
            }
            tokens.expect(Keyword.VALUE);
        }
        Query source = null;
        if (tokens.accept(Keyword.DEFAULT)) {
            tokens.expect(Keyword.VALUES);
        } else {
            source = grammar.queries().query();
        }
        InsertStatement.OnConflict onConflict = null;
        if (tokens.at(Keyword.ON) && tokens.peek(1).is(Keyword.CONFLICT)) {
            onConflict = onConflict();
        }
        List<SelectItem> returning = List.of();
        if (tokens.accept(Keyword.RETURNING)) {
            ReturningRenames renames = new ReturningOptionsParser(grammar).options(alias != null ? alias : table.last());
            returning = grammar.selects().targetList();
            if (renames != null) {
                returning = renames.apply(returning);
            }
        }
        return new InsertStatement(table, alias, columns, source, onConflict, returning, insert.position(),
                subscripts, null, overriding);
    }

    /** {@code ON CONFLICT [(columns) [WHERE ...] | ON CONSTRAINT name] DO NOTHING | DO UPDATE SET ... [WHERE ...]}. */
    private InsertStatement.OnConflict onConflict() {
        Token on = tokens.expect(Keyword.ON);
        tokens.expect(Keyword.CONFLICT);
        List<String> columns = List.of();
        List<Expression> expressions = new ArrayList<>();
        String constraint = null;
        Expression targetWhere = null;
        if (tokens.at(TokenKind.LEFT_PAREN)) {
            tokens.next();
            columns = new ArrayList<>();
            do {
                if (tokens.accept(TokenKind.LEFT_PAREN)) {
                    expressions.add(grammar.expressions().expression());
                    tokens.expect(TokenKind.RIGHT_PAREN);
                } else if (grammar.names().atColumnId() && !tokens.peek(1).is(TokenKind.LEFT_PAREN)
                        && !tokens.peek(1).is(TokenKind.DOT)) {
                    columns.add(grammar.names().columnId());
                } else {
                    expressions.add(grammar.expressions().expression());
                }
                acceptCollate();
                if (grammar.names().atColumnId()
                        && (tokens.peek(1).is(TokenKind.COMMA) || tokens.peek(1).is(TokenKind.RIGHT_PAREN))) {
                    grammar.names().columnId(); // an operator class: the index's own is taken as matching
                }
            } while (tokens.accept(TokenKind.COMMA));
            tokens.expect(TokenKind.RIGHT_PAREN);
            if (tokens.accept(Keyword.WHERE)) {
                targetWhere = grammar.expressions().expression();
            }
        } else if (tokens.accept(Keyword.ON)) {
            tokens.expect(Keyword.CONSTRAINT);
            constraint = grammar.names().columnId();
        }
        tokens.expect(Keyword.DO);
        if (tokens.accept(Keyword.NOTHING)) {
            return new InsertStatement.OnConflict(columns, constraint, List.of(), null, on.position(), targetWhere,
                    expressions);
        }
        tokens.expect(Keyword.UPDATE);
        tokens.expect(Keyword.SET);
        List<UpdateStatement.Assignment> assignments = new ArrayList<>();
        do {
            assignments.add(assignment());
        } while (tokens.accept(TokenKind.COMMA));
        Expression where = tokens.accept(Keyword.WHERE) ? grammar.expressions().expression() : null;
        return new InsertStatement.OnConflict(columns, constraint, assignments, where, on.position(), targetWhere,
                expressions);
    }

    UpdateStatement update() {
        Token update = tokens.expect(Keyword.UPDATE);
        QualifiedName table = target();
        boolean onlyTable = only;
        String alias = alias(Keyword.SET);
        tokens.expect(Keyword.SET);
        List<UpdateStatement.Assignment> assignments = new ArrayList<>();
        do {
            assignments.add(assignment());
        } while (tokens.accept(TokenKind.COMMA));
        List<FromItem> from = tokens.accept(Keyword.FROM) ? grammar.fromClause().fromList() : List.of();
        Expression where = where();
        return new UpdateStatement(table, alias, assignments, from, where, returning(alias != null ? alias
                : table.last()), update.position(), null,
                onlyTable);
    }

    DeleteStatement delete() {
        Token delete = tokens.expect(Keyword.DELETE);
        tokens.expect(Keyword.FROM);
        QualifiedName table = target();
        boolean onlyTable = only;
        String alias = alias(Keyword.USING);
        List<FromItem> using = tokens.accept(Keyword.USING) ? grammar.fromClause().fromList() : List.of();
        Expression where = where();
        return new DeleteStatement(table, alias, using, where, returning(alias != null ? alias : table.last()),
                delete.position(), null, onlyTable);
    }

    /** Whether the last {@link #target()} was written with ONLY. */
    private boolean only;

    /** {@code [ONLY] name [*]} or {@code ONLY (name)}; sets {@link #only}. */
    private QualifiedName target() {
        only = tokens.accept(Keyword.ONLY);
        boolean parenthesized = only && tokens.accept(TokenKind.LEFT_PAREN);
        QualifiedName name = grammar.names().qualifiedName();
        if (parenthesized) {
            tokens.expect(TokenKind.RIGHT_PAREN);
        } else {
            tokens.acceptOperator("*");
        }
        return name;
    }

    /** {@code [AS] alias}; without AS, a name is an alias unless it is the keyword {@code next} that follows. */
    private String alias(Keyword next) {
        if (tokens.accept(Keyword.AS)) {
            return grammar.names().columnId();
        }
        if (grammar.names().atColumnId() && !tokens.at(next)) {
            return grammar.names().columnId();
        }
        return null;
    }

    private Expression where() {
        if (!tokens.accept(Keyword.WHERE)) {
            return null;
        }
        if (tokens.at(Keyword.CURRENT) && tokens.peek(1).is(Keyword.OF)) {
            throw unsupported("WHERE CURRENT OF");
        }
        return grammar.expressions().expression();
    }

    private List<SelectItem> returning(String targetName) {
        if (!tokens.accept(Keyword.RETURNING)) {
            return List.of();
        }
        ReturningRenames renames = new ReturningOptionsParser(grammar).options(targetName);
        List<SelectItem> items = grammar.selects().targetList();
        return renames == null ? items : renames.apply(items);
    }

    /** {@code column [indirection] = value} or {@code (columns) = [ROW](values) | (SELECT ...)}. */
    UpdateStatement.Assignment assignment() {
        Token start = current();
        List<String> columns = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<Expression> subscripts = new ArrayList<>();
        boolean indirection = false;
        boolean multiple = tokens.accept(TokenKind.LEFT_PAREN);
        do {
            positions.add(current().position());
            columns.add(grammar.names().columnId());
            indirection |= tokens.at(TokenKind.DOT) || tokens.at(TokenKind.LEFT_BRACKET);
            subscripts.add(indirection(columns.getLast(), positions.getLast()));
        } while (multiple && tokens.accept(TokenKind.COMMA));
        if (multiple) {
            tokens.expect(TokenKind.RIGHT_PAREN);
        }
        if (!tokens.acceptOperator("=")) {
            throw tokens.syntaxError();
        }
        Expression value = grammar.expressions().expression();
        if (!multiple) {
            return new UpdateStatement.Assignment(columns, positions, List.of(value), null, indirection,
                    start.position(), subscripts);
        }
        return switch (value) {
            case Expression.RowConstructor row -> {
                // ROW(v.*) is counted once the binder has expanded it
                if (row.fields().size() != columns.size() && !hasStar(row)) {
                    throw BasaltException.at(SqlState.SYNTAX_ERROR, row.position(),
                            "number of columns does not match number of values");
                }
                yield new UpdateStatement.Assignment(columns, positions, row.fields(), null, indirection,
                        start.position(), subscripts);
            }
            case Expression.ScalarSubquery subquery -> new UpdateStatement.Assignment(columns, positions,
                    List.of(subquery), subquery.query(), indirection, start.position(), subscripts);
            default -> throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, value.position(),
                    "source for a multiple-column UPDATE item must be a sub-SELECT or ROW() expression");
        };
    }

    private static boolean hasStar(Expression.RowConstructor row) {
        for (Expression field : row.fields()) {
            if (field instanceof Expression.ColumnRef ref && ref.parts().size() >= 2
                    && ref.parts().getLast().equals("*")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The indirection after an assigned column: subscripts ({@code [i]}, {@code [i:j]}, {@code [:]}) and field
     * selections ({@code .name}) in any order, as a chain of {@link Expression.Subscript}s and
     * {@link Expression.FieldSelection}s over the column; null when there is none.
     */
    private Expression indirection(String column, int position) {
        Expression target = new Expression.ColumnRef(List.of(column), position);
        boolean indirect = false;
        while (tokens.at(TokenKind.DOT) || tokens.at(TokenKind.LEFT_BRACKET)) {
            indirect = true;
            if (tokens.accept(TokenKind.DOT)) {
                int fieldPosition = current().position();
                target = new Expression.FieldSelection(target, grammar.names().columnLabel(), fieldPosition);
                continue;
            }
            tokens.expect(TokenKind.LEFT_BRACKET);
            Expression lower = tokens.at(TokenKind.COLON) ? null : grammar.expressions().expression();
            Expression upper = null;
            boolean slice = tokens.accept(TokenKind.COLON);
            if (slice && !tokens.at(TokenKind.RIGHT_BRACKET)) {
                upper = grammar.expressions().expression();
            }
            tokens.expect(TokenKind.RIGHT_BRACKET);
            target = new Expression.Subscript(target, lower, upper, slice, position);
        }
        return indirect ? target : null;
    }

    /** {@code INSERT INTO t (SELECT ...)}: the parenthesis opens the source, not a column list. */
    private boolean startsParenthesizedQuery() {
        return QueryParser.isQueryStart(tokens.peek(1)) || tokens.peek(1).is(TokenKind.LEFT_PAREN);
    }

    /** {@code (column [subscripts], ...)}: the names into {@code columns}, each one's subscripted form or null into {@code subscripts}. */
    private void columnList(List<String> columns, List<Expression> subscripts) {
        tokens.expect(TokenKind.LEFT_PAREN);
        do {
            int position = current().position();
            columns.add(grammar.names().columnId());
            Expression indirection = indirection(columns.getLast(), position);
            // a plain column is kept as a reference for its position (see InsertStatement.columnPosition)
            subscripts.add(indirection != null ? indirection
                    : new Expression.ColumnRef(List.of(columns.getLast()), position));
        } while (tokens.accept(TokenKind.COMMA));
        tokens.expect(TokenKind.RIGHT_PAREN);
    }
}
