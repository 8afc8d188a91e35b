package io.basalt.engine;

import io.basalt.catalog.TableEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.DeleteStatement;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.FromItem;
import io.basalt.sql.ast.InsertStatement;
import io.basalt.sql.ast.MergeStatement;
import io.basalt.sql.ast.Query;
import io.basalt.sql.ast.QueryBody;
import io.basalt.sql.ast.QueryStatement;
import io.basalt.sql.ast.SelectItem;
import io.basalt.sql.ast.Statement;
import io.basalt.sql.ast.UpdateStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a MERGE into one data-changing statement per WHEN clause that changes rows, each a join of the target and the
 * source restricted to the rows that clause takes. A row takes the first clause of its kind (MATCHED or NOT MATCHED)
 * whose condition is true, so clause k's rows are those where the ON condition holds (MATCHED) or no target row
 * satisfies it (NOT MATCHED), its own condition IS TRUE, and every earlier clause of the same kind's condition IS
 * NOT TRUE:
 * <pre>
 *   WHEN MATCHED [AND c] THEN UPDATE SET ...  ->  UPDATE target alias SET ... FROM source WHERE on AND selection
 *   WHEN MATCHED [AND c] THEN DELETE          ->  DELETE FROM target alias USING source WHERE on AND selection
 *   WHEN NOT MATCHED [AND c] THEN INSERT ...  ->  INSERT INTO target (columns) SELECT values FROM source
 *                                                 WHERE NOT EXISTS (SELECT FROM target alias WHERE on) AND selection
 * </pre>
 * DO NOTHING clauses change nothing but still take their rows away from later clauses; each becomes a query that
 * reads nothing, only so that its condition is checked as PostgreSQL checks it. The statements are run by
 * {@link MergeStatements} over one snapshot, their changes applied together at the end, so none sees another's.
 * Each is a hash join (or anti-join) of the two relations planned like any UPDATE ... FROM, never a lookup per row.
 */
final class MergeRewrite {
    private MergeRewrite() {
    }

    /**
     * The statements for {@code merge}, in the order of its WHEN clauses ({@code target}: the resolved target).
     *
     * @throws BasaltException 42601 for a WHEN clause after an unconditional one of the same kind; 42712 when the
     *     source has the target's name
     */
    static List<Statement> statements(MergeStatement merge, TableEntry target) {
        checkSourceName(merge);
        List<Statement> statements = new ArrayList<>();
        List<MergeStatement.When> whens = merge.whens();
        for (int k = 0; k < whens.size(); k++) {
            MergeStatement.When when = whens.get(k);
            Expression selection = selection(whens, k);
            switch (when.action()) {
                case MergeStatement.Action.Update update -> statements.add(new UpdateStatement(merge.target(),
                        merge.alias(), update.assignments(), List.of(merge.source()),
                        and(merge.on(), selection), List.of(), merge.position(), merge.with(), merge.only()));
                case MergeStatement.Action.Delete ignored -> statements.add(new DeleteStatement(merge.target(),
                        merge.alias(), List.of(merge.source()), and(merge.on(), selection), List.of(),
                        merge.position(), merge.with(), merge.only()));
                case MergeStatement.Action.Insert insert -> statements.add(insert(merge, insert, selection, target));
                case MergeStatement.Action.DoNothing ignored -> statements.add(nothing(merge, when, selection));
            }
        }
        return statements;
    }

    /**
     * Clause {@code k}'s own condition IS TRUE and, for each earlier clause of its kind, that clause's IS NOT TRUE;
     * null when there is nothing to require.
     */
    private static Expression selection(List<MergeStatement.When> whens, int k) {
        MergeStatement.When when = whens.get(k);
        Expression selection = null;
        for (int j = 0; j < k; j++) {
            MergeStatement.When earlier = whens.get(j);
            if (earlier.matched() != when.matched()) {
                continue;
            }
            if (earlier.condition() == null) {
                throw BasaltException.of(SqlState.SYNTAX_ERROR,
                        "unreachable WHEN clause specified after unconditional WHEN clause");
            }
            selection = and(selection, new Expression.IsBoolean(earlier.condition(), true, true,
                    earlier.condition().position()));
        }
        if (when.condition() != null) {
            selection = and(selection, new Expression.IsBoolean(when.condition(), true, false,
                    when.condition().position()));
        }
        return selection;
    }

    /**
     * A DO NOTHING clause changes no row, but PostgreSQL still checks its condition (a NOT MATCHED one must not
     * name the target) and the source: a query over the rows it would take, with a false filter, is bound for that
     * and reads nothing.
     */
    private static QueryStatement nothing(MergeStatement merge, MergeStatement.When when, Expression selection) {
        List<FromItem> from = new ArrayList<>();
        Expression where = selection;
        if (when.matched()) {
            from.add(new FromItem.Table(merge.target(), merge.alias(), List.of(), merge.target().position(),
                    merge.only()));
            where = and(merge.on(), where);
        }
        from.add(merge.source());
        where = and(where, new Expression.BooleanLiteral(false, when.position()));
        Query query = new Query(merge.with(), new QueryBody.Select(false, List.of(), from, where, List.of(), null,
                when.position()), List.of(), null, null, when.position());
        return new QueryStatement(query, when.position());
    }

    private static InsertStatement insert(MergeStatement merge, MergeStatement.Action.Insert insert,
                                          Expression selection, TableEntry target) {
        List<String> columns = new ArrayList<>(insert.columns());
        List<Expression> values = insert.values() == null ? List.of() : new ArrayList<>(insert.values());
        boolean anyDefault = false;
        for (Expression value : values) {
            anyDefault |= value instanceof Expression.Default;
        }
        if (anyDefault) {
            // DEFAULT has no meaning in a SELECT list: leaving its column out of the list gives it its default
            if (columns.isEmpty()) {
                for (int c = 0; c < Math.min(values.size(), target.columns().size()); c++) {
                    columns.add(target.columns().get(c).name());
                }
            }
            if (columns.size() == values.size()) {
                List<String> keptColumns = new ArrayList<>();
                List<Expression> keptValues = new ArrayList<>();
                for (int i = 0; i < values.size(); i++) {
                    if (!(values.get(i) instanceof Expression.Default)) {
                        keptColumns.add(columns.get(i));
                        keptValues.add(values.get(i));
                    }
                }
                columns = keptColumns;
                values = keptValues;
            }
        }
        List<SelectItem> items = new ArrayList<>();
        for (Expression value : values) {
            items.add(new SelectItem.Item(value, null, value.position()));
        }
        FromItem targetItem = new FromItem.Table(merge.target(), merge.alias(), List.of(), merge.target().position(),
                merge.only());
        Query matching = new Query(new QueryBody.Select(false, List.of(), List.of(targetItem), merge.on(), List.of(),
                null, merge.position()), List.of(), null, null, merge.position());
        Expression unmatched = new Expression.Unary("NOT", new Expression.Exists(matching, merge.position()),
                merge.position());
        Query rows = new Query(new QueryBody.Select(false, items, List.of(merge.source()), and(unmatched, selection),
                List.of(), null, insert.position()), List.of(), null, null, insert.position());
        return new InsertStatement(merge.target(), null, columns, rows, null, List.of(), merge.position(),
                java.util.Collections.nCopies(columns.size(), null), merge.with(), insert.overriding());
    }

    /** PostgreSQL's 42712 when the source is known by the target's name. */
    private static void checkSourceName(MergeStatement merge) {
        String name = switch (merge.source()) {
            case FromItem.Table table -> table.alias() != null ? table.alias() : table.name().last();
            case FromItem.Subquery subquery -> subquery.alias();
            case FromItem.Function function -> function.alias();
            default -> null;
        };
        if (name != null && name.equals(merge.targetName())) {
            throw BasaltException.of(SqlState.DUPLICATE_ALIAS, "name \"" + name + "\" specified more than once")
                    .withDetail("The name is used both as MERGE target table and data source.");
        }
    }

    private static Expression and(Expression left, Expression right) {
        if (left == null) {
            return right;
        }
        if (right == null) {
            return left;
        }
        return new Expression.Binary("AND", left, right, left.position());
    }
}
