package io.basalt.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A UNIQUE or PRIMARY KEY constraint of a table: its name (which is also its index's name), the indexes of its
 * key columns in the table, and whether NULLs compare equal (NULLS NOT DISTINCT). The table's store enforces it.
 */
public record UniqueConstraintEntry(String name, List<Integer> columns, boolean primaryKey, boolean nullsNotDistinct) {
    public UniqueConstraintEntry {
        requireNonNull(name, "name is null");
        columns = List.copyOf(columns);
    }
}
