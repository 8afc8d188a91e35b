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
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * The row checks of ALTER TABLE ... ATTACH PARTITION, made before the partition is linked: every row of the new
 * partition (of each of its leaf partitions when it is partitioned itself) must satisfy its partition constraint
 * (its bound, and the constraint of the parent when the parent is a partition), else 23514 {@code partition
 * constraint of relation "leaf" is violated by some row}; and no row of the parent's DEFAULT partition may belong
 * to the new bound, else 23514 {@code updated partition constraint for default partition "name" would be violated
 * by some row}. A row passes when the constraint is true for it, as routing an inserted row decides.
 */
final class PartitionAttachChecks {
    private final Catalog catalog;
    private final TableRewrite rewrite;

    PartitionAttachChecks(Catalog catalog, TableRewrite rewrite) {
        this.catalog = catalog;
        this.rewrite = rewrite;
    }

    /**
     * Checks the rows for attaching {@code link} (not yet in the hierarchy) under {@code parent}, whose partition
     * key is {@code key}.
     */
    void check(TableEntry parent, TableEntry partition, TableHierarchy.Link link, TableHierarchy.PartitionKey key,
               BindContext context) {
        TableHierarchy hierarchy = catalog.hierarchy();
        List<TableHierarchy.Link> siblings = hierarchy.children(parent.schema(), parent.name());
        Expression constraint = PartitionConstraints.of(link, key, siblings);
        Expression inherited = PartitionConstraints.full(hierarchy, parent.schema(), parent.name());
        if (inherited != null) {
            constraint = new Expression.Binary("AND", inherited, constraint, 0);
        }
        Expression violated = new Expression.IsBoolean(constraint, true, true, 0);
        for (TableEntry leaf : leaves(partition)) {
            if (anyRow(leaf, violated, context)) {
                throw BasaltException.of(SqlState.CHECK_VIOLATION, "partition constraint of relation \""
                        + leaf.name() + "\" is violated by some row");
            }
        }
        if (link.isDefault()) {
            return;
        }
        Expression belongs = new Expression.IsBoolean(PartitionConstraints.of(link, key, siblings), true, false, 0);
        for (TableHierarchy.Link sibling : siblings) {
            if (!sibling.isDefault()) {
                continue;
            }
            TableEntry fallback = catalog.findTable(sibling.childSchema(), sibling.childName()).orElse(null);
            if (fallback == null) {
                continue;
            }
            for (TableEntry leaf : leaves(fallback)) {
                if (anyRow(leaf, belongs, context)) {
                    throw BasaltException.of(SqlState.CHECK_VIOLATION, "updated partition constraint for default "
                            + "partition \"" + fallback.name() + "\" would be violated by some row");
                }
            }
        }
    }

    /** {@code table} itself, or the leaf partitions below it when it is partitioned. */
    private List<TableEntry> leaves(TableEntry table) {
        List<TableEntry> found = new ArrayList<>();
        collectLeaves(table, found);
        return found;
    }

    private void collectLeaves(TableEntry table, List<TableEntry> into) {
        TableHierarchy hierarchy = catalog.hierarchy();
        if (hierarchy.partitionKey(table.schema(), table.name()) == null) {
            into.add(table);
            return;
        }
        for (TableHierarchy.Link child : hierarchy.children(table.schema(), table.name())) {
            catalog.findTable(child.childSchema(), child.childName()).ifPresent(entry -> collectLeaves(entry, into));
        }
    }

    /** Whether some row of {@code table} makes {@code condition} (over the parent's column names) true. */
    private boolean anyRow(TableEntry table, Expression condition, BindContext context) {
        BoundExpression bound = PartitionExpressions.predicate(condition, table.name(), table.columns(), context);
        List<LogicalType> types = new ArrayList<>();
        for (ColumnEntry column : table.columns()) {
            types.add(column.type());
        }
        return rewrite.anyRow(table.store(), types, bound);
    }
}
