package io.basalt.catalog;

import static java.util.Objects.requireNonNull;

import io.basalt.sql.ast.Expression;
import java.util.List;

/**
 * An index made by CREATE INDEX: its name (a relation name in the table's schema), whether it is UNIQUE, its key
 * columns (indexes in the table; -1 for an expression), its WHERE predicate as written (null for none), and its
 * access method. A unique index over plain columns is enforced by a unique key of the same name in the table's
 * store, which for a partial index holds the keys of the rows its predicate is true for; only one without a
 * predicate may be referenced by a foreign key. Other indexes are recorded only: no plan reads them yet.
 */
public record IndexEntry(String name, boolean unique, List<Integer> columns, Expression predicate, String method) {
    public IndexEntry {
        requireNonNull(name, "name is null");
        columns = List.copyOf(columns);
        requireNonNull(method, "method is null");
    }

    /** Whether it has a WHERE predicate. */
    public boolean partial() {
        return predicate != null;
    }

    /** Whether the table's store enforces it (a unique index over plain columns, partial or not). */
    public boolean enforced() {
        return unique && !columns.contains(-1);
    }

    /** Whether a foreign key may reference it: an enforced unique index without a predicate. */
    public boolean referenceable() {
        return enforced() && !partial();
    }
}
