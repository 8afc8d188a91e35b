package io.basalt.engine;

import io.basalt.catalog.CheckConstraintEntry;
import io.basalt.catalog.ForeignKeyEntry;
import io.basalt.plan.expression.ColumnReferences;
import java.util.BitSet;

/**
 * What {@code ALTER TABLE ... ALTER COLUMN ... SET EXPRESSION} asks of the stored rows beyond the new definition:
 * every row gets the column's new value (the table is rewritten, as PostgreSQL rewrites it), and the constraints
 * that read the column are checked again against the new values: its NOT NULL, the CHECK constraints over it, the
 * foreign keys it is part of, and the unique keys it is part of (the rewrite rebuilds their indexes).
 */
final class GeneratedExpressionChange {
    private GeneratedExpressionChange() {
    }

    /** Marks {@code draft}'s column {@code index}, whose expression changed, for the rewrite and the checks. */
    static void rewrite(TableDraft draft, int index) {
        draft.columnsChanged = true;
        draft.columnsOnlyAdded = false;
        if (draft.columns.get(index).notNull()) {
            draft.notNullToValidate.add(draft.columns.get(index).name());
        }
        for (CheckConstraintEntry check : draft.checks) {
            BitSet used = new BitSet();
            ColumnReferences.collect(check.condition(), used);
            if (used.get(index) && !check.notEnforced()) {
                draft.checksToValidate.add(check.name());
            }
        }
        for (ForeignKeyEntry key : draft.foreignKeys) {
            if (key.columns().contains(index)) {
                draft.foreignKeysToValidate.add(key.name());
            }
        }
        if (draft.inKey(index)) {
            draft.keysChanged = true;
        }
    }
}
