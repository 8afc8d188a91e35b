package io.basalt.planner;

import io.basalt.catalog.CheckConstraintEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.storage.table.CheckConstraint;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a table's CHECK constraints into what INSERT evaluates: each condition planned over the inserted rows,
 * whose column i is the table's column i (the binder projects every INSERT onto the full row), kept in the
 * catalog's name order.
 */
final class CheckConstraintPlanner {
    private CheckConstraintPlanner() {
    }

    static List<CheckConstraint> plan(TableEntry table) {
        List<CheckConstraint> checks = new ArrayList<>(table.checks().size());
        for (CheckConstraintEntry check : table.checks()) {
            if (check.notEnforced()) {
                continue;
            }
            checks.add(new CheckConstraint(check.name(), ExpressionPlanner.plan(check.condition())));
        }
        return checks;
    }
}
