package io.basalt.binder;

import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The transition tables of the trigger being fired (CREATE TRIGGER ... REFERENCING OLD TABLE AS o NEW TABLE AS n):
 * while its function runs, a FROM item naming one of them without a schema reads the statement's old or new rows,
 * before any table of that name, as PostgreSQL's ephemeral named relations do. The rows are constants captured when
 * the statement ran, so a query binds them as VALUES.
 */
public record TransitionTables(Map<String, Relation> relations) {
    /** The transition tables in reach; unbound outside a trigger that has them. */
    public static final ScopedValue<TransitionTables> CURRENT = ScopedValue.newInstance();

    public TransitionTables {
        relations = Map.copyOf(relations);
    }

    /** One transition table: the triggering table's column names and types, and the rows (one value per column). */
    public record Relation(List<String> names, List<LogicalType> types, List<Object[]> rows) {
        public Relation {
            names = List.copyOf(names);
            types = List.copyOf(types);
            rows = List.copyOf(rows);
        }

        /** The rows as a VALUES plan of constants. */
        LogicalPlan plan() {
            List<List<BoundExpression>> values = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                List<BoundExpression> constants = new ArrayList<>(row.length);
                for (int c = 0; c < row.length; c++) {
                    constants.add(new BoundExpression.Constant(row[c], types.get(c), 0));
                }
                values.add(constants);
            }
            return new LogicalPlan.Values(values, types);
        }
    }

    /** The transition table {@code name} in reach, or null. */
    static Relation find(String name) {
        return CURRENT.isBound() ? CURRENT.get().relations().get(name) : null;
    }
}
