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
 * The statement is logged as written, so that replay makes the same change. ATTACH checks the rows of the new
 * partition and of the DEFAULT partition against the new bound when it is given {@link PartitionAttachChecks}.
 */
final class HierarchyStatements {
    private final Catalog catalog;
    private final Consumer<String> log;

    /** The row checks of ATTACH PARTITION, or null to attach without them. */
    private final PartitionAttachChecks attachChecks;

    HierarchyStatements(Catalog catalog, Consumer<String> log) {
        this(catalog, log, null);
    }

    HierarchyStatements(Catalog catalog, Consumer<String> log, PartitionAttachChecks attachChecks) {
        this.catalog = catalog;
        this.log = log;
        this.attachChecks = attachChecks;
    }

    QueryResultImpl run(AlterTableHierarchyStatement statement, BindContext context, String sql) {
        TableEntry table = find(statement.table(), statement.ifExists());
        if (table == null) {
            return QueryResultImpl.command("ALTER TABLE", 0,
                    List.of("relation \"" + statement.table().last() + "\" does not exist, skipping"));
        }
        TableHierarchy hierarchy = catalog.hierarchy();
        boolean attaches = statement.kind() == AlterTableHierarchyStatement.Kind.ATTACH_PARTITION;
        if ((attaches || detaches(statement.kind())) && hierarchy.partitionKey(table.schema(), table.name()) == null) {
            // PostgreSQL 18 refuses the action for a table that is not partitioned before it looks for the other
            throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "ALTER action "
                            + (attaches ? "ATTACH" : "DETACH") + " PARTITION"
                            + (statement.kind() == AlterTableHierarchyStatement.Kind.DETACH_PARTITION_FINALIZE
                            ? " ... FINALIZE" : "") + " cannot be performed on relation \"" + table.name() + "\"")
                    .withDetail("This operation is not supported for tables.");
        }
        TableEntry other = find(statement.other(), false);
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
                for (TableHierarchy.Link parent : hierarchy.parents(other.schema(), other.name())) {
                    if (!parent.isPartition()) {
                        throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE,
                                "cannot attach inheritance child as partition");
                    }
                }
                for (TableHierarchy.Link child : hierarchy.children(other.schema(), other.name())) {
                    if (!child.isPartition()) {
                        throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE,
                                "cannot attach inheritance parent as partition");
                    }
                }
                boolean temporaryParent = table.schema().equals(catalog.tempSchema());
                if (temporaryParent != other.schema().equals(catalog.tempSchema())) {
                    throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "cannot attach a "
                            + (temporaryParent ? "permanent" : "temporary") + " relation as partition of "
                            + (temporaryParent ? "temporary" : "permanent") + " relation \"" + table.name() + "\"");
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
                for (io.basalt.catalog.CheckConstraintEntry check : table.checks()) {
                    boolean present = check.noInherit();
                    for (io.basalt.catalog.CheckConstraintEntry own : other.checks()) {
                        present |= own.name().equals(check.name());
                    }
                    if (!present) {
                        throw BasaltException.of(SqlState.DATATYPE_MISMATCH,
                                "child table is missing constraint \"" + check.name() + "\"");
                    }
                }
                TableHierarchy.PartitionValues values = PartitionBounds.check(other.name(), statement.bound(), key,
                        hierarchy.children(table.schema(), table.name()), context);
                TableHierarchy.Link link = new TableHierarchy.Link(table.schema(), table.name(), other.schema(),
                        other.name(), statement.bound(), values);
                if (attachChecks != null) {
                    attachChecks.check(table, other, link, key, context);
                }
                // the partitioned table's indexes are made on the partition first: if one fails, nothing changed
                new IndexExecutor(catalog).createOnPartition(table, other, context);
                hierarchy.addLink(link);
            }
            case DETACH_PARTITION, DETACH_PARTITION_CONCURRENTLY, DETACH_PARTITION_FINALIZE -> {
                TableHierarchy.Link link = hierarchy.partitionOf(other.schema(), other.name());
                if (link == null || !link.parentSchema().equals(table.schema())
                        || !link.parentName().equals(table.name())) {
                    throw BasaltException.of(SqlState.UNDEFINED_TABLE, "relation \"" + other.name()
                            + "\" is not a partition of relation \"" + table.name() + "\"");
                }
                if (statement.kind() == AlterTableHierarchyStatement.Kind.DETACH_PARTITION_FINALIZE) {
                    // a detach here is never left half done, so there is nothing to complete
                    throw BasaltException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                                    "cannot complete detaching partition \"" + other.name() + "\"")
                            .withDetail("There's no pending concurrent detach.");
                }
                if (statement.kind() == AlterTableHierarchyStatement.Kind.DETACH_PARTITION_CONCURRENTLY) {
                    for (TableHierarchy.Link sibling : hierarchy.children(table.schema(), table.name())) {
                        if (sibling.isDefault()) {
                            throw BasaltException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                                    "cannot detach partitions concurrently when a default partition exists");
                        }
                    }
                }
                hierarchy.removeLink(link);
            }
            case INHERIT -> {
                if (hierarchy.partitionOf(table.schema(), table.name()) != null) {
                    throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE,
                            "cannot change inheritance of a partition");
                }
                if (hierarchy.partitionOf(other.schema(), other.name()) != null) {
                    throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "cannot inherit from a partition");
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

    /**
     * Whether {@code kind} detaches a partition. DETACH ... CONCURRENTLY takes effect at once as a plain DETACH
     * does (Basalt's readers see the catalog as it is when they start), after PostgreSQL's checks.
     */
    private static boolean detaches(AlterTableHierarchyStatement.Kind kind) {
        return kind == AlterTableHierarchyStatement.Kind.DETACH_PARTITION
                || kind == AlterTableHierarchyStatement.Kind.DETACH_PARTITION_CONCURRENTLY
                || kind == AlterTableHierarchyStatement.Kind.DETACH_PARTITION_FINALIZE;
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
            // PostgreSQL reports it without a position
            throw BasaltException.of(SqlState.UNDEFINED_TABLE, "relation \"" + name.last() + "\" does not exist");
        }
        return table;
    }
}
