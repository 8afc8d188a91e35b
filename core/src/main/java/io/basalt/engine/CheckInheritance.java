package io.basalt.engine;

import io.basalt.catalog.CheckConstraintEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.List;

/**
 * PostgreSQL's rule for {@code CHECK ... NO INHERIT}: such a constraint stays with its table (children created with
 * INHERITS or added by ALTER TABLE do not take it on, see {@link TableInheritance} and {@link InheritedAlterations}),
 * so a partitioned table, whose rows all live in its partitions, cannot have one (42P16).
 */
final class CheckInheritance {
    private CheckInheritance() {
    }

    /** Refuses the NO INHERIT constraints among {@code checks} of partitioned table {@code table}. */
    static void refuseOnPartitioned(List<CheckConstraintEntry> checks, String table) {
        for (CheckConstraintEntry check : checks) {
            if (check.noInherit()) {
                throw BasaltException.of(SqlState.INVALID_TABLE_DEFINITION,
                        "cannot add NO INHERIT constraint to partitioned table \"" + table + "\"");
            }
        }
    }
}
