package io.basalt.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An index made by CREATE INDEX: its name (a relation name in the table's schema), whether it is UNIQUE, its key
 * columns (indexes in the table; -1 for an expression), whether it has a WHERE predicate, and its access method.
 * A unique index over plain columns without a predicate is enforced by a unique key of the same name in the
 * table's store (and may be referenced by a foreign key); other indexes are recorded only: no plan reads them
 * yet.
 */
public record IndexEntry(String name, boolean unique, List<Integer> columns, boolean partial, String method) {
    public IndexEntry {
        requireNonNull(name, "name is null");
        columns = List.copyOf(columns);
        requireNonNull(method, "method is null");
    }

    /** Whether the table's store enforces it (a unique index over plain columns, without a predicate). */
    public boolean enforced() {
        return unique && !partial && !columns.contains(-1);
    }
}
