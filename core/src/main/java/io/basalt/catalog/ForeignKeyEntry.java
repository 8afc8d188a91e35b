package io.basalt.catalog;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.table.ReferentialAction;
import java.util.List;

/**
 * A FOREIGN KEY constraint of a table: its name, the referencing columns (indexes in the table), the referenced
 * table by schema and name with its referenced columns (indexes there, paired with the referencing ones in order)
 * and the unique key over them that enforces it, MATCH FULL or SIMPLE, and the ON DELETE / ON UPDATE actions with
 * the ON DELETE SET NULL / SET DEFAULT column list (indexes in the referencing table; null: all referencing
 * columns), and whether it is DEFERRABLE and INITIALLY DEFERRED (checked at COMMIT unless SET CONSTRAINTS says
 * otherwise).
 */
public record ForeignKeyEntry(String name, List<Integer> columns, String referencedSchema, String referencedTable,
                              List<Integer> referencedColumns, String referencedKey, boolean matchFull,
                              ReferentialAction onDelete, ReferentialAction onUpdate, List<Integer> deleteSetColumns,
                              boolean deferrable, boolean initiallyDeferred) {
    public ForeignKeyEntry {
        requireNonNull(name, "name is null");
        columns = List.copyOf(columns);
        requireNonNull(referencedSchema, "referencedSchema is null");
        requireNonNull(referencedTable, "referencedTable is null");
        referencedColumns = List.copyOf(referencedColumns);
        requireNonNull(referencedKey, "referencedKey is null");
        requireNonNull(onDelete, "onDelete is null");
        requireNonNull(onUpdate, "onUpdate is null");
        deleteSetColumns = deleteSetColumns == null ? null : List.copyOf(deleteSetColumns);
    }

    /** Whether it references the table {@code schema.table}. */
    public boolean references(String schema, String table) {
        return referencedSchema.equals(schema) && referencedTable.equals(table);
    }
}
