package io.basalt.engine;

import io.basalt.binder.BindContext;
import io.basalt.catalog.Catalog;
import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.TableHierarchy;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.AlterTableHierarchyStatement;
import io.basalt.sql.ast.QualifiedName;
import java.util.List;
import java.util.function.Consumer;

/**
 * ALTER TABLE ... ATTACH PARTITION, DETACH PARTITION, INHERIT and NO INHERIT: they change only the catalog's
 * {@link TableHierarchy}, with PostgreSQL's checks of the tables' columns and of the bound against the siblings.
 * The statement is logged as written, so that replay makes the same change. ATTACH does not yet check that the
 * table's rows satisfy the new partition constraint.
 */
final class HierarchyStatements {
    private final Catalog catalog;
    private final Consumer<String> log;

    HierarchyStatements(Catalog catalog, Consumer<String> log) {
        this.catalog = catalog;
        this.log = log;
    }

    QueryResultImpl run(AlterTableHierarchyStatement statement, BindContext context, String sql) {
        TableEntry table = find(statement.table(), statement.ifExists());
        if (table == null) {
            return QueryResultImpl.command("ALTER TABLE", 0,
                    List.of("relation \"" + statement.table().last() + "\" does not exist, skipping"));
        }
        TableEntry other = find(statement.other(), false);
        TableHierarchy hierarchy = catalog.hierarchy();
        switch (statement.kind()) {
            case ATTACH_PARTITION -> {
                TableHierarchy.PartitionKey key = hierarchy.partitionKey(table.schema(), table.name());
                if (key == null) {
                    throw BasaltException.of(SqlState.INVALID_OBJECT_DEFINITION,
                            "table \"" + table.name() + "\" is not partitioned");
                }
                if (other == table || descends(table, other)) {
                    throw BasaltException.of(SqlState.DUPLICATE_TABLE, "circular inheritance not allowed")
                            .withDetail("\"" + table.name() + "\" is already a child of \"" + other.name()
                                    + "\".");
                }
                if (hierarchy.partitionOf(other.schema(), other.name()) != null) {
                    throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE,
                            "\"" + other.name() + "\" is already a partition");
                }
                for (ColumnEntry column : other.columns()) {
                    if (table.columnIndex(column.name()) < 0) {
                        throw BasaltException.of(SqlState.DATATYPE_MISMATCH, "table \"" + other.name()
                                        + "\" contains column \"" + column.name() + "\" not found in parent \""
                                        + table.name() + "\"")
                                .withDetail("The new partition may contain only the columns present in parent.");
                    }
                }
                for (ColumnEntry column : other.columns()) {
                    if (column.identity() != null) {
                        throw BasaltException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "table \""
                                        + other.name() + "\" being attached contains an identity column \""
                                        + column.name() + "\"")
                                .withDetail("The new partition may not contain an identity column.");
                    }
                }
                requireColumnsOf(table, other);
                TableHierarchy.PartitionValues values = PartitionBounds.check(other.name(), statement.bound(), key,
                        hierarchy.children(table.schema(), table.name()), context);
                hierarchy.addLink(new TableHierarchy.Link(table.schema(), table.name(), other.schema(),
                        other.name(), statement.bound(), values));
            }
            case DETACH_PARTITION -> {
                TableHierarchy.Link link = hierarchy.partitionOf(other.schema(), other.name());
                if (hierarchy.partitionKey(table.schema(), table.name()) == null) {
                    throw BasaltException.of(SqlState.INVALID_OBJECT_DEFINITION,
                            "table \"" + table.name() + "\" is not partitioned");
                }
                if (link == null || !link.parentSchema().equals(table.schema())
                        || !link.parentName().equals(table.name())) {
                    throw BasaltException.of(SqlState.UNDEFINED_TABLE, "relation \"" + other.name()
                            + "\" is not a partition of relation \"" + table.name() + "\"");
                }
                hierarchy.removeLink(link);
            }
            case INHERIT -> {
                if (hierarchy.partitionOf(table.schema(), table.name()) != null) {
                    throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE,
                            "cannot change inheritance of a partition");
                }
                if (hierarchy.partitionKey(other.schema(), other.name()) != null) {
                    throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE,
                            "cannot inherit from partitioned table \"" + other.name() + "\"");
                }
                if (other == table || descends(other, table)) {
                    throw BasaltException.of(SqlState.DUPLICATE_TABLE, "circular inheritance not allowed")
                            .withDetail("\"" + other.name() + "\" is already a child of \"" + table.name()
                                    + "\".");
                }
                for (TableHierarchy.Link link : hierarchy.parents(table.schema(), table.name())) {
                    if (link.parentSchema().equals(other.schema()) && link.parentName().equals(other.name())) {
                        throw BasaltException.of(SqlState.DUPLICATE_TABLE, "relation \"" + other.name()
                                + "\" would be inherited from more than once");
                    }
                }
                requireColumnsOf(other, table);
                for (io.basalt.catalog.CheckConstraintEntry check : other.checks()) {
                    boolean present = false;
                    for (io.basalt.catalog.CheckConstraintEntry own : table.checks()) {
                        present |= own.name().equals(check.name());
                    }
                    if (!present) {
                        throw BasaltException.of(SqlState.DATATYPE_MISMATCH,
                                "child table is missing constraint \"" + check.name() + "\"");
                    }
                }
                hierarchy.addLink(new TableHierarchy.Link(other.schema(), other.name(), table.schema(),
                        table.name(), null, null));
            }
            case NO_INHERIT -> {
                if (hierarchy.partitionOf(table.schema(), table.name()) != null) {
                    throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE,
                            "cannot change inheritance of a partition");
                }
                TableHierarchy.Link found = null;
                for (TableHierarchy.Link link : hierarchy.parents(table.schema(), table.name())) {
                    if (link.parentSchema().equals(other.schema()) && link.parentName().equals(other.name())) {
                        found = link;
                    }
                }
                if (found == null) {
                    throw BasaltException.of(SqlState.UNDEFINED_TABLE, "relation \"" + other.name()
                            + "\" is not a parent of relation \"" + table.name() + "\"");
                }
                hierarchy.removeLink(found);
            }
        }
        if (!table.schema().equals(catalog.tempSchema())) {
            log.accept(sql);
        }
        return QueryResultImpl.command("ALTER TABLE", 0, List.of());
    }

    /** Whether {@code table} is below {@code ancestor}. */
    private boolean descends(TableEntry table, TableEntry ancestor) {
        for (TableHierarchy.Link link : catalog.hierarchy().parents(table.schema(), table.name())) {
            if (link.parentSchema().equals(ancestor.schema()) && link.parentName().equals(ancestor.name())) {
                return true;
            }
            TableEntry parent = catalog.findTable(link.parentSchema(), link.parentName()).orElse(null);
            if (parent != null && descends(parent, ancestor)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The child must have every column of the parent, of the same type, generated where the parent's is and only
     * there.
     */
    private static void requireColumnsOf(TableEntry parent, TableEntry child) {
        for (ColumnEntry column : parent.columns()) {
            int at = child.columnIndex(column.name());
            if (at < 0) {
                throw BasaltException.of(SqlState.DATATYPE_MISMATCH,
                        "child table is missing column \"" + column.name() + "\"");
            }
            if (!child.columns().get(at).type().equals(column.type())) {
                throw BasaltException.of(SqlState.DATATYPE_MISMATCH, "child table \"" + child.name()
                        + "\" has different type for column \"" + column.name() + "\"");
            }
            if (column.generated() != child.columns().get(at).generated()) {
                throw BasaltException.of(SqlState.DATATYPE_MISMATCH, "column \"" + column.name()
                        + "\" in child table must " + (column.generated() ? "" : "not ") + "be a generated column");
            }
        }
    }

    private TableEntry find(QualifiedName name, boolean missingOk) {
        List<String> parts = name.parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        TableEntry table = catalog.findTable(schema, name.last()).orElse(null);
        if (table == null && !missingOk) {
            throw BasaltException.at(SqlState.UNDEFINED_TABLE, name.position(),
                    "relation \"" + name.last() + "\" does not exist");
        }
        return table;
    }
}
