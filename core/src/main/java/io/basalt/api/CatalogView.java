package io.basalt.api;

import java.util.List;
import java.util.Optional;

/** A read-only view of the catalog as one session sees it. */
public interface CatalogView {
    /** Every table visible to the session, ordered by schema and name. */
    List<TableInfo> tables();

    /** The table of that (unqualified or schema-qualified) name, if visible. */
    Optional<TableInfo> table(String name);

    /** The schemas every session shares (not the temporary ones), sorted. */
    default List<String> schemas() {
        return List.of();
    }

    /** Every view (plain and materialized) visible to the session, ordered by schema and name, with its columns. */
    default List<TableInfo> views() {
        return List.of();
    }

    /** The PRIMARY KEY and UNIQUE constraints of a table, in creation order; empty for an unknown table. */
    default List<KeyInfo> uniqueKeys(String schema, String table) {
        return List.of();
    }

    /** The FOREIGN KEY constraints of a table (the keys it imports), in creation order. */
    default List<ForeignKeyInfo> foreignKeys(String schema, String table) {
        return List.of();
    }

    /** A PRIMARY KEY or UNIQUE constraint: its name and key columns in key order. */
    record KeyInfo(String name, List<String> columns, boolean primaryKey) {
        public KeyInfo {
            columns = List.copyOf(columns);
        }
    }

    /**
     * A FOREIGN KEY constraint: its name, the referencing columns, the referenced table and columns (paired in order),
     * the name of the referenced unique key and the actions as SQL spells them ({@code NO ACTION}, {@code CASCADE},
     * ...).
     */
    record ForeignKeyInfo(String name, List<String> columns, String referencedSchema, String referencedTable,
                          List<String> referencedColumns, String referencedKey, String onUpdate, String onDelete) {
        public ForeignKeyInfo {
            columns = List.copyOf(columns);
            referencedColumns = List.copyOf(referencedColumns);
        }
    }

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
