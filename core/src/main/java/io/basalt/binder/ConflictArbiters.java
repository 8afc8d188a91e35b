package io.basalt.binder;

import io.basalt.catalog.TableEntry;
import io.basalt.catalog.UniqueConstraintEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.InsertStatement;
import java.util.HashSet;
import java.util.Set;

/**
 * The arbiters of INSERT ... ON CONFLICT: the unique constraints whose conflicts the clause handles, as PostgreSQL
 * infers them. {@code ON CONSTRAINT name} names one (42704 when the table has none of that name); a column list
 * picks every unique constraint on exactly those columns (42P10 when there is none); no target means all of them,
 * which only DO NOTHING allows (42601 for DO UPDATE).
 */
final class ConflictArbiters {
    private ConflictArbiters() {
    }

    /** The arbiters' names, or null without ON CONFLICT. */
    static Set<String> resolve(InsertStatement.OnConflict onConflict, TableEntry table) {
        if (onConflict == null) {
            return null;
        }
        if (!onConflict.doNothing() && onConflict.constraint() == null && onConflict.targetColumns().isEmpty()) {
            throw BasaltException.at(SqlState.SYNTAX_ERROR, onConflict.position(),
                            "ON CONFLICT DO UPDATE requires inference specification or constraint name")
                    .withHint("For example, ON CONFLICT (column_name).");
        }
        Set<String> arbiters = new HashSet<>();
        if (onConflict.constraint() != null) {
            for (UniqueConstraintEntry key : table.uniqueKeys()) {
                if (key.name().equals(onConflict.constraint())) {
                    arbiters.add(key.name());
                }
            }
            if (arbiters.isEmpty()) {
                throw BasaltException.of(SqlState.UNDEFINED_OBJECT, "constraint \"" + onConflict.constraint()
                        + "\" for table \"" + table.name() + "\" does not exist");
            }
        } else if (!onConflict.targetColumns().isEmpty()) {
            Set<Integer> target = new HashSet<>();
            for (String name : onConflict.targetColumns()) {
                int column = table.columnIndex(name);
                if (column < 0) {
                    throw BasaltException.at(SqlState.UNDEFINED_COLUMN, onConflict.position(),
                            "column \"" + name + "\" does not exist");
                }
                target.add(column);
            }
            for (UniqueConstraintEntry key : table.uniqueKeys()) {
                if (new HashSet<>(key.columns()).equals(target)) {
                    arbiters.add(key.name());
                }
            }
            if (arbiters.isEmpty()) {
                throw BasaltException.of(SqlState.INVALID_COLUMN_REFERENCE,
                        "there is no unique or exclusion constraint matching the ON CONFLICT specification");
            }
        } else {
            for (UniqueConstraintEntry key : table.uniqueKeys()) {
                arbiters.add(key.name());
            }
        }
        return arbiters;
    }
}
