package io.basalt.engine;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.TableHierarchy;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.AlterTableAction;
import io.basalt.sql.ast.AlterTableStatement;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.TableConstraint;
import java.util.List;

/**
 * PostgreSQL's rules for an ALTER TABLE in an inheritance or partition hierarchy, checked on the statement as
 * written (not on the statements it sends down to the children): a column a parent has cannot be dropped, renamed
 * or retyped in the child alone; a partition takes no column of its own; with ONLY, a column cannot be added, a
 * column the children have cannot be renamed, a partitioned table with partitions cannot lose a column nor gain a
 * CHECK or NOT NULL constraint; a partitioned table takes no NO INHERIT constraint; and a column in the partition
 * key of the table or of a partitioned table below it cannot be dropped or retyped. All are 42P16 but adding a
 * column to a partition (42809).
 */
final class InheritanceAlterationChecks {
    private InheritanceAlterationChecks() {
    }

    /** Throws PostgreSQL's error when {@code alter} breaks one of the rules; nothing for a table it cannot find. */
    static void check(AlterTableStatement alter, Catalog catalog) {
        List<String> parts = alter.name().parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        if (schema != null && !catalog.schemaExists(schema)) {
            return;
        }
        TableEntry table = catalog.findTable(schema, alter.name().last()).orElse(null);
        if (table == null) {
            return;
        }
        TableHierarchy hierarchy = catalog.hierarchy();
        boolean partition = hierarchy.partitionOf(table.schema(), table.name()) != null;
        boolean partitioned = hierarchy.partitionKey(table.schema(), table.name()) != null;
        List<TableHierarchy.Link> children = hierarchy.children(table.schema(), table.name());
        for (AlterTableAction action : alter.actions()) {
            switch (action) {
                case AlterTableAction.AddColumn add when table.columnIndex(add.column().name()) < 0 -> {
                    if (partition) {
                        throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "cannot add column to a partition");
                    }
                    if (alter.only() && !children.isEmpty()) {
                        throw invalid("column must be added to child tables too");
                    }
                }
                case AlterTableAction.DropColumn drop when table.columnIndex(drop.column()) >= 0 -> {
                    if (inherited(catalog, table, drop.column())) {
                        throw invalid("cannot drop inherited column \"" + drop.column() + "\"");
                    }
                    if (alter.only() && partitioned && !children.isEmpty()) {
                        throw invalid("cannot drop column from only the partitioned table when partitions exist")
                                .withHint("Do not specify the ONLY keyword.");
                    }
                    TableEntry keyed = keyedBy(catalog, table, drop.column(), !alter.only());
                    if (keyed != null) {
                        throw invalid("cannot drop column \"" + drop.column() + "\" because it is part of the "
                                + "partition key of relation \"" + keyed.name() + "\"");
                    }
                }
                case AlterTableAction.RenameColumn rename when table.columnIndex(rename.from()) >= 0 -> {
                    if (inherited(catalog, table, rename.from())) {
                        throw invalid("cannot rename inherited column \"" + rename.from() + "\"");
                    }
                    if (alter.only() && childHas(catalog, children, rename.from())) {
                        throw invalid("inherited column \"" + rename.from() + "\" must be renamed in child tables too");
                    }
                }
                case AlterTableAction.AlterColumnType change when table.columnIndex(change.column()) >= 0 -> {
                    if (inherited(catalog, table, change.column())) {
                        throw BasaltException.at(SqlState.INVALID_TABLE_DEFINITION, change.position(),
                                "cannot alter inherited column \"" + change.column() + "\"");
                    }
                    TableEntry keyed = keyedBy(catalog, table, change.column(), true);
                    if (keyed != null) {
                        throw BasaltException.at(SqlState.INVALID_TABLE_DEFINITION, change.position(),
                                "cannot alter column \"" + change.column() + "\" because it is part of the "
                                        + "partition key of relation \"" + keyed.name() + "\"");
                    }
                }
                case AlterTableAction.AddConstraint add when add.constraint() instanceof TableConstraint.Check check -> {
                    if (check.noInherit() && partitioned) {
                        throw invalid("cannot add NO INHERIT constraint to partitioned table \"" + table.name()
                                + "\"");
                    }
                    if (alter.only() && partitioned && !children.isEmpty()) {
                        throw invalid("constraint must be added to child tables too");
                    }
                }
                case AlterTableAction.SetNotNull set when set.notNull() && alter.only() && partitioned
                        && !children.isEmpty() -> throw invalid("constraint must be added to child tables too")
                        .withHint("Do not specify the ONLY keyword.");
                default -> {
                }
            }
        }
    }

    private static BasaltException invalid(String message) {
        return BasaltException.of(SqlState.INVALID_TABLE_DEFINITION, message);
    }

    /** Whether a parent of {@code table} has the column. */
    private static boolean inherited(Catalog catalog, TableEntry table, String column) {
        for (TableHierarchy.Link link : catalog.hierarchy().parents(table.schema(), table.name())) {
            TableEntry parent = catalog.findTable(link.parentSchema(), link.parentName()).orElse(null);
            if (parent != null && parent.columnIndex(column) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean childHas(Catalog catalog, List<TableHierarchy.Link> children, String column) {
        for (TableHierarchy.Link link : children) {
            TableEntry child = catalog.findTable(link.childSchema(), link.childName()).orElse(null);
            if (child != null && child.columnIndex(column) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The table (this one, or with {@code below} a partitioned table under it) whose partition key names
     * {@code column}, or null.
     */
    private static TableEntry keyedBy(Catalog catalog, TableEntry table, String column, boolean below) {
        TableHierarchy.PartitionKey key = catalog.hierarchy().partitionKey(table.schema(), table.name());
        if (key != null) {
            for (Expression expression : key.expressions()) {
                if (expression instanceof Expression.ColumnRef reference && reference.parts().getLast().equals(column)) {
                    return table;
                }
            }
        }
        if (!below) {
            return null;
        }
        for (TableHierarchy.Link link : catalog.hierarchy().children(table.schema(), table.name())) {
            TableEntry child = catalog.findTable(link.childSchema(), link.childName()).orElse(null);
            if (child != null && child.columnIndex(column) >= 0) {
                TableEntry keyed = keyedBy(catalog, child, column, true);
                if (keyed != null) {
                    return keyed;
                }
            }
        }
        return null;
    }
}
