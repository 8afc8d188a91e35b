package io.basalt.binder;

import io.basalt.catalog.TableEntry;
import io.basalt.catalog.UniqueConstraintEntry;
import io.basalt.exec.function.aggregate.AnyValueAggregate;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
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
 *
 * <p>The same rule lets a plain aggregation group on fewer keys, as PostgreSQL's planner does: a grouping key that
 * is a non-key column of a table whose whole primary key is grouped adds nothing to the groups, so it is carried as
 * a payload ({@code any_value}, every row of a group holds the same value) instead of being hashed and compared
 * with every row (TPC-H Q10 groups on {@code c_custkey, n_name} instead of seven columns with two long strings).
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
            if (!dependent.get(i) && groupedPrimaryKey(columns, i, grouped) != null) {
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

    /**
     * {@code aggregate} (a plain GROUP BY over {@code scope}'s columns) grouping only on the keys that are not
     * functionally dependent on other keys through a non-deferrable primary key; the dependent ones become
     * {@code any_value} aggregates after the others, and a projection restores the layout of {@code aggregate}
     * (keys, then aggregates). {@code aggregate} itself when no key is dependent.
     */
    static LogicalPlan groupOnIndependentKeys(LogicalPlan.Aggregate aggregate, Scope scope) {
        List<Scope.Column> columns = scope.columns();
        List<BoundExpression> keys = aggregate.groupKeys();
        BitSet grouped = new BitSet();
        for (BoundExpression key : keys) {
            if (key instanceof BoundExpression.ColumnRef ref && ref.index() < columns.size()) {
                grouped.set(ref.index());
            }
        }
        boolean[] carried = new boolean[keys.size()];
        boolean any = false;
        for (int k = 0; k < keys.size(); k++) {
            if (keys.get(k) instanceof BoundExpression.ColumnRef ref && ref.index() < columns.size()) {
                UniqueConstraintEntry primaryKey = groupedPrimaryKey(columns, ref.index(), grouped);
                carried[k] = primaryKey != null && !primaryKey.deferrable()
                        && !primaryKey.columns().contains(columns.get(ref.index()).tableColumn());
                any |= carried[k];
            }
        }
        if (!any) {
            return aggregate;
        }
        List<BoundExpression> kept = new ArrayList<>();
        List<LogicalPlan.AggregateSpec> specs = new ArrayList<>(aggregate.aggregates());
        int[] position = new int[keys.size()];
        for (int k = 0; k < keys.size(); k++) {
            if (!carried[k]) {
                position[k] = kept.size();
                kept.add(keys.get(k));
            }
        }
        for (int k = 0; k < keys.size(); k++) {
            if (carried[k]) {
                position[k] = kept.size() + specs.size();
                specs.add(new LogicalPlan.AggregateSpec(new AnyValueAggregate(keys.get(k).type()), keys.get(k)));
            }
        }
        LogicalPlan.Aggregate narrower = aggregate.with(aggregate.input(), kept, specs);
        List<io.basalt.type.LogicalType> types = narrower.outputTypes();
        List<BoundExpression> projected = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            projected.add(new BoundExpression.ColumnRef(position[k], null, "?column?", types.get(position[k]), 0));
        }
        for (int a = 0; a < aggregate.aggregates().size(); a++) {
            int column = kept.size() + a;
            projected.add(new BoundExpression.ColumnRef(column, null, "?column?", types.get(column), 0));
        }
        return new LogicalPlan.Project(narrower, projected);
    }

    /**
     * The primary key of the table column {@code at} belongs to when every one of its columns is grouped, read
     * through the same FROM item; null otherwise.
     */
    private static UniqueConstraintEntry groupedPrimaryKey(List<Scope.Column> columns, int at, BitSet grouped) {
        Scope.Column column = columns.get(at);
        if (column.table() == null) {
            return null;
        }
        for (UniqueConstraintEntry key : column.table().uniqueKeys()) {
            if (key.primaryKey()) {
                for (int keyColumn : key.columns()) {
                    int index = indexOf(columns, column, keyColumn);
                    if (index < 0 || !grouped.get(index)) {
                        return null;
                    }
                }
                return key;
            }
        }
        return null;
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
