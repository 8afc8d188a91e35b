package io.basalt.engine;

import io.basalt.binder.BindContext;
import io.basalt.binder.PartitionConstraints;
import io.basalt.binder.PartitionExpressions;
import io.basalt.catalog.Catalog;
import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.TableHierarchy;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.PartitionBound;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's check when a partition is added beside a DEFAULT partition: the rows the new partition would hold must
 * not already sit in the DEFAULT partition (or, when it is partitioned itself, in its descendants), or the statement
 * fails with 23514 "updated partition constraint for default partition ... would be violated by some row". Rows are
 * read as a table rewrite reads them, through {@link TableRewrite#anyRow}.
 */
final class DefaultPartitionCheck {
    private DefaultPartitionCheck() {
    }

    /**
     * Fails when the DEFAULT partition of {@code parentSchema.parentName} (if any) holds a row that the new partition
     * {@code schema.name} with {@code bound} and {@code values} would hold. Does nothing for a DEFAULT bound.
     */
    static void check(Catalog catalog, TableRewrite rewrite, String parentSchema, String parentName, String schema,
                      String name, PartitionBound bound, TableHierarchy.PartitionValues values,
                      BindContext context) {
        if (rewrite == null || bound == null || bound instanceof PartitionBound.Default) {
            return;
        }
        TableHierarchy hierarchy = catalog.hierarchy();
        TableHierarchy.PartitionKey key = hierarchy.partitionKey(parentSchema, parentName);
        if (key == null) {
            return;
        }
        List<TableHierarchy.Link> siblings = hierarchy.children(parentSchema, parentName);
        TableHierarchy.Link fallback = null;
        for (TableHierarchy.Link sibling : siblings) {
            if (sibling.isDefault()) {
                fallback = sibling;
            }
        }
        if (fallback == null) {
            return;
        }
        TableHierarchy.Link added = new TableHierarchy.Link(parentSchema, parentName, schema, name, bound, values);
        Expression condition = PartitionConstraints.of(added, key, siblings);
        List<TableEntry> tables = new ArrayList<>();
        collect(catalog, fallback.childSchema(), fallback.childName(), tables);
        for (TableEntry table : tables) {
            List<ColumnEntry> columns = table.columns();
            BoundExpression condition2 = PartitionExpressions.predicate(condition, table.name(), columns, context);
            List<LogicalType> types = new ArrayList<>(columns.size());
            for (ColumnEntry column : columns) {
                types.add(column.type());
            }
            if (rewrite.anyRow(table.store(), types, condition2)) {
                throw BasaltException.of(SqlState.CHECK_VIOLATION, "updated partition constraint for default"
                        + " partition \"" + fallback.childName() + "\" would be violated by some row");
            }
        }
    }

    /** The table {@code schema.name} and its descendants. */
    private static void collect(Catalog catalog, String schema, String name, List<TableEntry> into) {
        catalog.findTable(schema, name).ifPresent(into::add);
        for (TableHierarchy.Link child : catalog.hierarchy().children(schema, name)) {
            collect(catalog, child.childSchema(), child.childName(), into);
        }
    }
}
