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

    /** The roles as psql's {@code \du} lists them (predefined {@code pg_} roles left out), by name. */
    default List<RoleInfo> roles() {
        return List.of();
    }

    /**
     * The access privileges of the tables, views and sequences the session sees, as psql's {@code \dp} lists them,
     * by schema and name.
     */
    default List<AccessInfo> accessPrivileges() {
        return List.of();
    }

    /** A role: its attributes as psql words them ({@code Superuser, Create role}), and the roles it is a member of. */
    record RoleInfo(String name, String attributes, List<String> memberOf) {
        public RoleInfo {
            memberOf = List.copyOf(memberOf);
        }
    }

    /**
     * A relation's privileges: PostgreSQL's aclitem texts ({@code joe=r/owner}; empty while the defaults hold), and per
     * column with privileges of its own, the column's name and its aclitems.
     */
    record AccessInfo(String schema, String name, String type, List<String> privileges,
                      java.util.Map<String, List<String>> columnPrivileges) {
        public AccessInfo {
            privileges = List.copyOf(privileges);
            columnPrivileges = java.util.Map.copyOf(columnPrivileges);
        }
    }
}
