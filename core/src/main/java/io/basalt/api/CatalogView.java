package io.basalt.api;

import java.util.List;
import java.util.Optional;

/** A read-only view of the catalog as one session sees it. */
public interface CatalogView {
    /** Every table visible to the session, ordered by schema and name. */
    List<TableInfo> tables();

    /** The table of that (unqualified or schema-qualified) name, if visible. */
    Optional<TableInfo> table(String name);

    /** A table's description: schema, name and columns in order. */
    record TableInfo(String schema, String name, List<ColumnInfo> columns) {
        public TableInfo {
            columns = List.copyOf(columns);
        }
    }

    /** A column as {@code \d} shows it: the default is the expression's text, or null. */
    record ColumnInfo(String name, io.basalt.type.LogicalType type, boolean notNull, String defaultExpression) {
    }
}
