package io.basalt.planner;

import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.ForeignKeyEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.storage.table.ForeignKey;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a catalog FOREIGN KEY into what the stores enforce ({@link ForeignKey}): both tables' key columns with
 * their names and types, and the referencing table's NOT NULL flags, CHECK constraints and column defaults
 * (bound by the caller, planned here) that rows made by cascades must respect.
 */
public final class ForeignKeyPlanner {
    private ForeignKeyPlanner() {
    }

    /**
     * @param defaults the referencing table's column defaults, bound and cast to the column's type, one per
     *                 column (null: no default)
     */
    public static ForeignKey plan(ForeignKeyEntry entry, TableEntry referencing, TableEntry referenced,
                                  List<BoundExpression> defaults) {
        List<String> names = new ArrayList<>();
        boolean[] notNull = new boolean[referencing.columns().size()];
        for (int c = 0; c < notNull.length; c++) {
            ColumnEntry column = referencing.columns().get(c);
            names.add(column.name());
            notNull[c] = column.notNull();
        }
        List<PhysicalExpression> plannedDefaults = new ArrayList<>();
        for (BoundExpression expression : defaults) {
            plannedDefaults.add(expression == null ? null : ExpressionPlanner.plan(expression));
        }
        int[] setColumns = null;
        if (entry.deleteSetColumns() != null) {
            setColumns = indexes(entry.deleteSetColumns());
        }
        return new ForeignKey(entry.name(), side(referencing, entry.columns()), side(referenced,
                entry.referencedColumns()), entry.referencedKey(), entry.matchFull(), entry.onDelete(),
                entry.onUpdate(), setColumns, new ForeignKey.RowRules(names, notNull,
                CheckConstraintPlanner.plan(referencing), plannedDefaults), entry.deferrable(),
                entry.initiallyDeferred());
    }

    private static ForeignKey.Side side(TableEntry table, List<Integer> columns) {
        List<String> names = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        for (int column : columns) {
            names.add(table.columns().get(column).name());
            types.add(table.columns().get(column).type());
        }
        return new ForeignKey.Side(table.name(), table.store(), indexes(columns), names, types);
    }

    private static int[] indexes(List<Integer> columns) {
        int[] out = new int[columns.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = columns.get(i);
        }
        return out;
    }
}
