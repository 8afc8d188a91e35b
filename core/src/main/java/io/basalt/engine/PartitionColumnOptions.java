package io.basalt.engine;

import io.basalt.binder.BindContext;
import io.basalt.catalog.ColumnEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.ColumnConstraint;
import io.basalt.sql.ast.ColumnDefinition;
import java.util.List;

/**
 * The column options of {@code CREATE TABLE ... PARTITION OF parent (column [WITH OPTIONS] constraints)}: a
 * definition without a type for one of the parent's columns, which the partition's column takes on over what it
 * inherits (a default, NOT NULL, a generation expression of its own, CHECK and key constraints). As in PostgreSQL,
 * the column must be the parent's and a partition cannot have an identity column.
 */
final class PartitionColumnOptions {
    private PartitionColumnOptions() {
    }

    /**
     * The partition's own definition of the inherited column {@code definition} names, typed as {@code inherited}
     * has it, for {@link TableInheritance#merge} to merge.
     *
     * @throws BasaltException 42703 when the parent has no such column, 0A000 for an identity
     */
    static ColumnEntry column(ColumnDefinition definition, List<ColumnEntry> inherited, String table,
                              DdlExecutor ddl, SequenceColumns sequenceColumns, BindContext context) {
        int at = TableInheritance.indexOf(inherited, definition.name());
        if (at < 0) {
            throw BasaltException.of(SqlState.UNDEFINED_COLUMN,
                    "column \"" + definition.name() + "\" does not exist");
        }
        for (ColumnConstraint constraint : definition.constraints()) {
            if (constraint instanceof ColumnConstraint.Identity) {
                throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                        "identity columns are not supported on partitions");
            }
        }
        return ddl.column(definition, inherited.get(at).type(), table, sequenceColumns, context);
    }
}
