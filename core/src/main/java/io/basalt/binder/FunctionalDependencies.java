package io.basalt.binder;

import io.basalt.catalog.TableEntry;
import io.basalt.catalog.UniqueConstraintEntry;
import io.basalt.plan.expression.BoundExpression;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * PostgreSQL's functional-dependency rule for GROUP BY: when the grouping keys include every primary-key
 * column of a table in FROM, any other column of that table may appear ungrouped in the select list, HAVING
 * and ORDER BY, since it has one value per group. Basalt adds such referenced columns as extra grouping keys,
 * which leaves the groups unchanged (they depend on keys already there) and lets the usual rewriting read them.
 * Applies to plain GROUP BY lists; grouping sets keep the strict rule, as the extra keys would change their
 * sets.
 */
final class FunctionalDependencies {
    private FunctionalDependencies() {
    }

    /**
     * The columns {@code clauses} read that depend on {@code keys} through a primary key and are not keys
     * themselves, as column references over {@code scope}, in order of first use; empty when there are none.
     */
    static List<BoundExpression> extraKeys(List<BoundExpression> keys, Scope scope, List<BoundExpression> clauses) {
        List<Scope.Column> columns = scope.columns();
        BitSet grouped = new BitSet();
        for (BoundExpression key : keys) {
            if (key instanceof BoundExpression.ColumnRef ref && ref.index() < columns.size()) {
                grouped.set(ref.index());
            }
        }
        BitSet dependent = new BitSet();
        for (int i = 0; i < columns.size(); i++) {
            Scope.Column column = columns.get(i);
            if (column.table() != null && !dependent.get(i) && primaryKeyGrouped(columns, i, grouped)) {
                markItem(columns, i, dependent);
            }
        }
        dependent.andNot(grouped);
        List<BoundExpression> extra = new ArrayList<>();
        if (dependent.isEmpty()) {
            return extra;
        }
        BitSet added = new BitSet();
        for (BoundExpression clause : clauses) {
            collect(clause, dependent, added, extra);
        }
        return extra;
    }

    /** Whether every primary-key column of the table column {@code at} belongs to is grouped, read through the same FROM item. */
    private static boolean primaryKeyGrouped(List<Scope.Column> columns, int at, BitSet grouped) {
        Scope.Column column = columns.get(at);
        for (UniqueConstraintEntry key : column.table().uniqueKeys()) {
            if (!key.primaryKey()) {
                continue;
            }
            for (int keyColumn : key.columns()) {
                int index = indexOf(columns, column, keyColumn);
                if (index < 0 || !grouped.get(index)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** The scope index of table column {@code tableColumn} read by the same FROM item as {@code sibling}, or -1. */
    private static int indexOf(List<Scope.Column> columns, Scope.Column sibling, int tableColumn) {
        for (int i = 0; i < columns.size(); i++) {
            Scope.Column column = columns.get(i);
            if (sameItem(column, sibling) && column.tableColumn() == tableColumn) {
                return i;
            }
        }
        return -1;
    }

    private static void markItem(List<Scope.Column> columns, int at, BitSet dependent) {
        for (int i = 0; i < columns.size(); i++) {
            if (sameItem(columns.get(i), columns.get(at))) {
                dependent.set(i);
            }
        }
    }

    private static boolean sameItem(Scope.Column a, Scope.Column b) {
        TableEntry table = a.table();
        return table != null && table == b.table() && java.util.Objects.equals(a.qualifier(), b.qualifier());
    }

    private static void collect(BoundExpression expression, BitSet dependent, BitSet added, List<BoundExpression> out) {
        switch (expression) {
            case BoundExpression.ColumnRef ref -> {
                if (dependent.get(ref.index()) && !added.get(ref.index())) {
                    added.set(ref.index());
                    out.add(ref);
                }
            }
            case BoundExpression.Constant ignored -> {
            }
            case BoundExpression.Arithmetic e -> {
                collect(e.left(), dependent, added, out);
                collect(e.right(), dependent, added, out);
            }
            case BoundExpression.Negate e -> collect(e.operand(), dependent, added, out);
            case BoundExpression.Comparison e -> {
                collect(e.left(), dependent, added, out);
                collect(e.right(), dependent, added, out);
            }
            case BoundExpression.Logical e -> collectAll(e.operands(), dependent, added, out);
            case BoundExpression.Not e -> collect(e.operand(), dependent, added, out);
            case BoundExpression.IsNull e -> collect(e.operand(), dependent, added, out);
            case BoundExpression.Cast e -> collect(e.operand(), dependent, added, out);
            case BoundExpression.Case e -> {
                collectAll(e.conditions(), dependent, added, out);
                collectAll(e.results(), dependent, added, out);
                collect(e.otherwise(), dependent, added, out);
            }
            case BoundExpression.Function e -> collectAll(e.arguments(), dependent, added, out);
            // inside an aggregate a column is aggregated, not grouped
            case BoundExpression.AggregateCall ignored -> {
            }
        }
    }

    private static void collectAll(List<BoundExpression> expressions, BitSet dependent, BitSet added,
                                   List<BoundExpression> out) {
        for (BoundExpression expression : expressions) {
            collect(expression, dependent, added, out);
        }
    }
}
