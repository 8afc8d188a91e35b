package io.basalt.engine;

import io.basalt.catalog.ColumnEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.ColumnConstraint;
import io.basalt.sql.ast.ColumnDefinition;
import io.basalt.sql.ast.TableConstraint;

/**
 * The names of not-null constraints under ALTER TABLE, as PostgreSQL 18 keeps them: {@code ADD [CONSTRAINT n] NOT
 * NULL col} names the column's constraint when the column was nullable, is a no-op under the name it has already,
 * and fails under another name; {@code ADD COLUMN c ... CONSTRAINT n NOT NULL} names the new column's constraint. A
 * name another constraint of the table has is refused (42710).
 */
final class NotNullNames {
    private NotNullNames() {
    }

    /**
     * Checks {@code ADD [CONSTRAINT n] NOT NULL col} against the column's existing not-null constraint; to call
     * before the column is made NOT NULL.
     *
     * @throws BasaltException 42710 when the column has a not-null constraint under another name, or another
     *         constraint of the table has that name
     */
    static void checkAdded(TableDraft draft, TableConstraint.NotNull notNull) {
        int index = draft.columnIndex(notNull.column());
        if (index < 0 || notNull.name() == null) {
            return;
        }
        ColumnEntry column = draft.columns.get(index);
        if (column.notNull()) {
            String existing = column.notNullName(draft.name);
            if (!existing.equals(notNull.name())) {
                throw BasaltException.of(SqlState.DUPLICATE_OBJECT, "cannot create not-null constraint \""
                                + notNull.name() + "\" on column \"" + column.name() + "\" of table \"" + draft.name
                                + "\"")
                        .withDetail("A not-null constraint named \"" + existing + "\" already exists for this column.");
            }
            return;
        }
        requireFree(draft, notNull.name());
    }

    /** Names the not-null constraint {@code ADD [CONSTRAINT n] NOT NULL col} made; to call after it was made. */
    static void named(TableDraft draft, TableConstraint.NotNull notNull) {
        int index = draft.columnIndex(notNull.column());
        if (index < 0 || notNull.name() == null) {
            return;
        }
        ColumnEntry column = draft.columns.get(index);
        if (column.notNull() && column.notNullName() == null) {
            draft.setColumn(index, column.withNotNullName(notNull.name()));
        }
    }

    /**
     * The column ADD COLUMN adds, its not-null constraint under the name {@code definition} gives it.
     *
     * @throws BasaltException 42710 when another constraint of the table has that name
     */
    static ColumnEntry newColumn(TableDraft draft, ColumnDefinition definition, ColumnEntry column) {
        for (ColumnConstraint constraint : definition.constraints()) {
            if (constraint instanceof ColumnConstraint.NotNull notNull && notNull.name() != null && column.notNull()) {
                requireFree(draft, notNull.name());
                return column.withNotNullName(notNull.name());
            }
        }
        return column;
    }

    private static void requireFree(TableDraft draft, String name) {
        boolean taken = draft.constraint(name) != null;
        for (ColumnEntry other : draft.columns) {
            taken |= name.equals(other.notNullName(draft.name));
        }
        if (taken) {
            throw BasaltException.of(SqlState.DUPLICATE_OBJECT,
                    "constraint \"" + name + "\" for relation \"" + draft.name + "\" already exists");
        }
    }
}
