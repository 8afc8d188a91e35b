package io.basalt.engine;

import io.basalt.binder.BindContext;
import io.basalt.binder.DefaultExpressions;
import io.basalt.catalog.Catalog;
import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.ForeignKeyEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.planner.ForeignKeyPlanner;
import io.basalt.storage.table.ForeignKey;
import io.basalt.storage.table.TableStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Ties the catalog's FOREIGN KEY constraints to the stores that enforce them, and answers which constraints of
 * other tables depend on a table (for DROP TABLE and TRUNCATE). A constraint is registered with the referencing
 * and the referenced table's stores when its table is created, and taken off both when it or its table goes.
 */
final class ForeignKeyLinks {
    /** A foreign key of {@code table} that references another table. */
    record Dependent(TableEntry table, ForeignKeyEntry key) {
    }

    private ForeignKeyLinks() {
    }

    /** Registers every foreign key of the new table {@code table} (already in the catalog) with the stores. */
    static void link(TableEntry table, Catalog catalog, BindContext context) {
        if (table.foreignKeys().isEmpty()) {
            return;
        }
        List<BoundExpression> defaults = new ArrayList<>();
        for (ColumnEntry column : table.columns()) {
            defaults.add(column.defaultExpression() == null ? null
                    : DefaultExpressions.bind(column.defaultExpression(), column.type(), context));
        }
        for (ForeignKeyEntry entry : table.foreignKeys()) {
            TableEntry referenced = entry.references(table.schema(), table.name()) ? table
                    : catalog.findTable(entry.referencedSchema(), entry.referencedTable()).orElseThrow(() ->
                            BasaltException.internal("foreign key " + entry.name() + " references a missing table"));
            ForeignKey key = ForeignKeyPlanner.plan(entry, table, referenced, defaults);
            table.store().addForeignKey(key);
            if (referenced.store() != table.store()) {
                referenced.store().addForeignKey(key);
            }
        }
    }

    /** Takes the foreign key {@code name} of {@code table} off the stores. */
    static void unlink(TableEntry table, String name) {
        for (ForeignKey key : table.store().foreignKeys()) {
            if (key.name().equals(name) && key.referencing().store() == table.store()) {
                TableStore referenced = key.referenced().store();
                table.store().removeForeignKey(key);
                referenced.removeForeignKey(key);
            }
        }
    }

    /** The foreign keys of tables other than {@code table} that reference it, by table then constraint. */
    static List<Dependent> dependents(Catalog catalog, TableEntry table) {
        List<Dependent> dependents = new ArrayList<>();
        for (TableEntry other : catalog.tables()) {
            if (other == table || other.schema().equals(table.schema()) && other.name().equals(table.name())) {
                continue;
            }
            for (ForeignKeyEntry key : other.foreignKeys()) {
                if (key.references(table.schema(), table.name())) {
                    dependents.add(new Dependent(other, key));
                }
            }
        }
        return dependents;
    }

    /** Drops the foreign key {@code key} of {@code table} (DROP TABLE ... CASCADE of the table it references). */
    static void drop(Catalog catalog, TableEntry table, ForeignKeyEntry key) {
        TableEntry current = catalog.findTable(table.schema(), table.name()).orElse(table);
        List<ForeignKeyEntry> kept = new ArrayList<>(current.foreignKeys());
        kept.removeIf(entry -> entry.name().equals(key.name()));
        catalog.replaceTable(current, current.withForeignKeys(kept));
        unlink(current, key.name());
    }

    /**
     * 2BP01 for dropping {@code victim} while {@code dependents} reference it, in PostgreSQL's words: one DETAIL
     * line per dependent constraint.
     */
    static BasaltException stillDepended(Catalog catalog, String description, List<Dependent> dependents,
                                         String dependedOn) {
        return stillDepended(description, List.of(), details(catalog, dependents, dependedOn));
    }

    /** The DETAIL lines of {@link #stillDepended}: "constraint k on table t depends on table s.u". */
    static List<String> details(Catalog catalog, List<Dependent> dependents, String dependedOn) {
        List<String> lines = new ArrayList<>();
        for (Dependent dependent : dependents) {
            lines.add("constraint " + dependent.key().name() + " on table " + catalog.shownName(
                    dependent.table().schema(), dependent.table().name()) + " depends on " + dependedOn);
        }
        return lines;
    }

    /** 2BP01 with {@code description} and a DETAIL of the lines of {@code first} and then {@code then}. */
    static BasaltException stillDepended(String description, List<String> first, List<String> then) {
        List<String> lines = new ArrayList<>(first);
        lines.addAll(then);
        return BasaltException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, description)
                .withDetail(String.join("\n", lines))
                .withHint("Use DROP ... CASCADE to drop the dependent objects too.");
    }

    /** The NOTICE of a DROP ... CASCADE that drops {@code dependents}. */
    static String cascadeNotice(Catalog catalog, List<Dependent> dependents) {
        List<String> lines = new ArrayList<>();
        for (Dependent dependent : dependents) {
            lines.add("drop cascades to constraint " + dependent.key().name() + " on table "
                    + catalog.shownName(dependent.table().schema(), dependent.table().name()));
        }
        if (lines.size() == 1) {
            return lines.getFirst();
        }
        return "drop cascades to " + lines.size() + " other objects\nDETAIL:  " + String.join("\n", lines);
    }
}
