package io.basalt.binder;

import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.List;

/**
 * PostgreSQL's rule for {@code GENERATED ALWAYS AS IDENTITY} columns on INSERT: the column takes its value from its
 * sequence, and a statement that supplies one fails (428C9). Basalt has neither {@code OVERRIDING SYSTEM VALUE} nor
 * {@code DEFAULT} in a VALUES list yet, so any value written for such a column is refused.
 */
final class IdentityColumns {
    private IdentityColumns() {
    }

    /**
     * @param targets the table's column indexes in the order the statement supplies values
     * @param suppliedWidth how many of them receive a value from the statement
     */
    static void checkInsert(TableEntry table, List<Integer> targets, int suppliedWidth) {
        for (int i = 0; i < suppliedWidth && i < targets.size(); i++) {
            ColumnEntry column = table.columns().get(targets.get(i));
            if (column.identity() == ColumnEntry.Identity.ALWAYS) {
                throw BasaltException.of(SqlState.GENERATED_ALWAYS,
                                "cannot insert a non-DEFAULT value into column \"" + column.name() + "\"")
                        .withDetail("Column \"" + column.name() + "\" is an identity column defined as GENERATED ALWAYS.")
                        .withHint("Use OVERRIDING SYSTEM VALUE to override.");
            }
        }
    }
}
