package io.basalt.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A UNIQUE or PRIMARY KEY constraint of a table: its name (which is also its index's name), the indexes of its
 * key columns in the table, whether NULLs compare equal (NULLS NOT DISTINCT), and whether it is DEFERRABLE
 * ({@code deferrable}; checked at the end of the statement, or at COMMIT while deferred) and INITIALLY DEFERRED.
 * The table's store enforces it.
 *
 * <p>An EXCLUDE constraint whose operators are all {@code =} ({@code exclusion} true) is such a key too: two rows
 * conflict when every key column is equal, and a NULL never conflicts; only its name, its errors (23P01) and its
 * catalog entry (contype {@code x}) differ.
 */
public record UniqueConstraintEntry(String name, List<Integer> columns, boolean primaryKey, boolean nullsNotDistinct,
                                    boolean deferrable, boolean initiallyDeferred, boolean exclusion) {
    public UniqueConstraintEntry {
        requireNonNull(name, "name is null");
        columns = List.copyOf(columns);
    }

    /** A UNIQUE or PRIMARY KEY constraint. */
    public UniqueConstraintEntry(String name, List<Integer> columns, boolean primaryKey, boolean nullsNotDistinct,
                                 boolean deferrable, boolean initiallyDeferred) {
        this(name, columns, primaryKey, nullsNotDistinct, deferrable, initiallyDeferred, false);
    }

    /** A constraint that is not deferrable. */
    public UniqueConstraintEntry(String name, List<Integer> columns, boolean primaryKey, boolean nullsNotDistinct) {
        this(name, columns, primaryKey, nullsNotDistinct, false, false);
    }

    /** This constraint under another name and over renumbered columns, its other properties kept. */
    public UniqueConstraintEntry renamed(String newName, List<Integer> newColumns) {
        return new UniqueConstraintEntry(newName, newColumns, primaryKey, nullsNotDistinct, deferrable,
                initiallyDeferred, exclusion);
    }
}
