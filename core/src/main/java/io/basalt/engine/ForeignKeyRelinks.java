package io.basalt.engine;

import io.basalt.binder.BindContext;
import io.basalt.binder.DefaultExpressions;
import io.basalt.catalog.Catalog;
import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.ForeignKeyEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.error.BasaltException;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.planner.ForeignKeyPlanner;
import io.basalt.storage.table.ForeignKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keeps the stores' FOREIGN KEY constraints right when ALTER TABLE replaces a table's definition (and maybe its
 * store): a registered {@link ForeignKey} holds the store, the column positions, names, types, NOT NULL flags,
 * CHECK constraints and defaults of both tables as they were when it was planned. So every constraint with the
 * altered table at either end is taken off the stores and planned again from the new definitions: the table's own
 * constraints, and those of other tables referencing it ({@code incoming}, with their new catalog entries). The
 * other tables' stores refuse changes meanwhile, so no write runs unchecked. The caller holds the DDL lock.
 */
final class ForeignKeyRelinks {
    private ForeignKeyRelinks() {
    }

    /**
     * Re-registers the constraints after {@code old} was replaced by {@code replacement} in the catalog;
     * {@code incoming} maps each referencing table (as it was) to its new list of foreign keys.
     */
    static void relink(Catalog catalog, TableEntry old, TableEntry replacement,
                       Map<TableEntry, List<ForeignKeyEntry>> incoming, BindContext context) {
        if (old.foreignKeys().isEmpty() && replacement.foreignKeys().isEmpty() && incoming.isEmpty()) {
            return;
        }
        List<TableEntry> others = new ArrayList<>();
        for (TableEntry other : incoming.keySet()) {
            other.store().refuseChanges(true);
        }
        try {
            for (ForeignKeyEntry key : old.foreignKeys()) {
                ForeignKeyLinks.unlink(old, key.name());
            }
            for (Map.Entry<TableEntry, List<ForeignKeyEntry>> other : incoming.entrySet()) {
                TableEntry previous = other.getKey();
                for (ForeignKeyEntry key : previous.foreignKeys()) {
                    if (key.references(old.schema(), old.name())) {
                        ForeignKeyLinks.unlink(previous, key.name());
                    }
                }
                TableEntry current = catalog.findTable(previous.schema(), previous.name()).orElse(previous);
                TableEntry updated = current.withForeignKeys(other.getValue());
                catalog.replaceTable(current, updated);
                others.add(updated);
            }
            for (ForeignKeyEntry key : replacement.foreignKeys()) {
                link(catalog, replacement, key, context);
            }
            for (TableEntry other : others) {
                for (ForeignKeyEntry key : other.foreignKeys()) {
                    if (key.references(replacement.schema(), replacement.name())) {
                        link(catalog, other, key, context);
                    }
                }
            }
        } finally {
            for (TableEntry other : incoming.keySet()) {
                other.store().refuseChanges(false);
            }
        }
    }

    /** Plans {@code entry} of {@code table} and registers it with both tables' stores. */
    private static void link(Catalog catalog, TableEntry table, ForeignKeyEntry entry, BindContext context) {
        ForeignKey key = plan(catalog, table, entry, context);
        table.store().addForeignKey(key);
        if (key.referenced().store() != table.store()) {
            key.referenced().store().addForeignKey(key);
        }
    }

    /** {@code entry} of {@code table} planned for the stores, not registered. */
    static ForeignKey plan(Catalog catalog, TableEntry table, ForeignKeyEntry entry, BindContext context) {
        List<BoundExpression> defaults = new ArrayList<>();
        for (ColumnEntry column : table.columns()) {
            defaults.add(column.defaultExpression() == null ? null
                    : DefaultExpressions.bind(column.defaultExpression(), column.type(), context));
        }
        TableEntry referenced = entry.references(table.schema(), table.name()) ? table
                : catalog.findTable(entry.referencedSchema(), entry.referencedTable()).orElseThrow(() ->
                        BasaltException.internal("foreign key " + entry.name() + " references a missing table"));
        return ForeignKeyPlanner.plan(entry, table, referenced, defaults);
    }
}
