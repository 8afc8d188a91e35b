package io.basalt.catalog.system;

import static java.util.Objects.requireNonNull;

import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * One relation of {@code pg_catalog} or {@code information_schema}: its name, fixed oid, columns (PostgreSQL 15's
 * names; oid columns are bigint, name and "char" columns text, as Basalt has no such types) and the function that
 * computes its rows from the catalog's objects when a statement reads it.
 */
public record SystemRelation(String schema, String name, long oid, List<String> columnNames,
                             List<LogicalType> columnTypes, Rows rows) {
    /** Computes the rows (one value per column, in the column's canonical Java form) from a catalog snapshot. */
    @FunctionalInterface
    public interface Rows {
        List<Object[]> of(CatalogObjects objects);
    }

    public SystemRelation {
        requireNonNull(schema, "schema is null");
        requireNonNull(name, "name is null");
        columnNames = List.copyOf(columnNames);
        columnTypes = List.copyOf(columnTypes);
        requireNonNull(rows, "rows is null");
    }

    /** Column types by PostgreSQL's name for them, in Basalt's terms. */
    static final LogicalType OID = LogicalType.BIGINT;
    static final LogicalType NAME = LogicalType.TEXT;
    static final LogicalType TEXT = LogicalType.TEXT;
    static final LogicalType INT2 = LogicalType.SMALLINT;
    static final LogicalType INT4 = LogicalType.INTEGER;
    static final LogicalType INT8 = LogicalType.BIGINT;
    static final LogicalType BOOL = LogicalType.BOOLEAN;
    static final LogicalType INT2_ARRAY = LogicalType.arrayOf(LogicalType.SMALLINT);
    static final LogicalType TEXT_ARRAY = LogicalType.arrayOf(LogicalType.TEXT);

    /** Collects a relation's columns as {@code name, type} pairs. */
    static final class Columns {
        final List<String> names = new ArrayList<>();
        final List<LogicalType> types = new ArrayList<>();

        Columns add(String name, LogicalType type) {
            names.add(name);
            types.add(type);
            return this;
        }

        /** Several columns of one type. */
        Columns all(LogicalType type, String... columnNames) {
            for (String column : columnNames) {
                add(column, type);
            }
            return this;
        }
    }

    static SystemRelation of(String schema, String name, long oid, Columns columns, Rows rows) {
        return new SystemRelation(schema, name, oid, columns.names, columns.types, rows);
    }
}
