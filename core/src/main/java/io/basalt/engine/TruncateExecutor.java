package io.basalt.engine;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.SequenceEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.TruncateStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * TRUNCATE: empties every named table, after checking that all exist, so that a missing name empties none.
 * A table named twice is emptied once. RESTART IDENTITY restarts the sequences the tables' columns own (serial
 * and identity columns). A table that another table's foreign key references can only be emptied together with
 * that table: named too, or added by CASCADE (with a NOTICE each, recursively). The caller serialises it with
 * other DDL and logs the statement, so that replay empties the tables at the same point of the log.
 */
final class TruncateExecutor {
    private TruncateExecutor() {
    }

    static QueryResultImpl truncate(TruncateStatement truncate, Catalog catalog) {
        List<TableEntry> tables = new ArrayList<>();
        for (QualifiedName name : truncate.tables()) {
            TableEntry table = find(name, catalog);
            if (!tables.contains(table)) {
                tables.add(table);
            }
            // inheritance children and partitions are emptied with their parent (ONLY is not told apart yet)
            List<TableEntry> descendants = new ArrayList<>();
            io.basalt.binder.InheritedScans.descendants(catalog, table, descendants);
            for (TableEntry descendant : descendants) {
                if (!tables.contains(descendant)) {
                    tables.add(descendant);
                }
            }
        }
        List<String> notices = new ArrayList<>();
        for (int next = 0; next < tables.size(); next++) {
            for (ForeignKeyLinks.Dependent dependent : ForeignKeyLinks.dependents(catalog, tables.get(next))) {
                if (tables.contains(dependent.table())) {
                    continue;
                }
                if (!truncate.cascade()) {
                    throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                                    "cannot truncate a table referenced in a foreign key constraint")
                            .withDetail("Table \"" + dependent.table().name() + "\" references \""
                                    + tables.get(next).name() + "\".")
                            .withHint("Truncate table \"" + dependent.table().name()
                                    + "\" at the same time, or use TRUNCATE ... CASCADE.");
                }
                tables.add(dependent.table());
                notices.add("truncate cascades to table \"" + dependent.table().name() + "\"");
            }
        }
        for (TableEntry table : tables) {
            table.store().truncate();
            if (truncate.restartIdentity()) {
                for (SequenceEntry owned : catalog.sequencesOwnedBy(table.schema(), table.name())) {
                    owned.alter(owned.options(), owned.options().start());
                }
            }
        }
        return QueryResultImpl.command("TRUNCATE TABLE", 0, notices);
    }

    private static TableEntry find(QualifiedName name, Catalog catalog) {
        List<String> parts = name.parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        if (schema != null && !catalog.schemaExists(schema)) {
            throw BasaltException.of(SqlState.INVALID_SCHEMA_NAME, "schema \"" + schema + "\" does not exist");
        }
        return catalog.findTable(schema, name.last()).orElseThrow(() -> BasaltException.of(SqlState.UNDEFINED_TABLE,
                "relation \"" + name + "\" does not exist"));
    }
}
