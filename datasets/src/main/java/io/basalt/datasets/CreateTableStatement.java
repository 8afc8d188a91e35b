package io.basalt.datasets;

import io.basalt.api.ResultColumn;
import io.basalt.error.BasaltException;
import io.basalt.type.LogicalType;
import java.util.List;

/**
 * The {@code CREATE TABLE} text for a generated table, in the common subset of PostgreSQL's and DuckDB's
 * type names ({@code BIGINT}, {@code NUMERIC(15,2)}, {@code VARCHAR(25)}, {@code DOUBLE PRECISION}, ...),
 * so that the same statement creates the table in Basalt and in the peers the harness compares with.
 */
public final class CreateTableStatement {
    private CreateTableStatement() {
    }

    public static String of(String table, List<ResultColumn> columns) {
        return of(table, columns, CreateTableStatement::sqlType);
    }

    /** The statement with each column's type written by {@code typeNames} (a peer's own spelling). */
    public static String of(String table, List<ResultColumn> columns,
                            java.util.function.Function<LogicalType, String> typeNames) {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(table).append(" (");
        for (int i = 0; i < columns.size(); i++) {
            ResultColumn column = columns.get(i);
            if (i > 0) {
                sql.append(", ");
            }
            sql.append(column.name()).append(' ').append(typeNames.apply(column.type()));
        }
        return sql.append(')').toString();
    }

    public static String of(GeneratedTable table) {
        return of(table.name(), table.columns());
    }

    /** The type as written in DDL. */
    public static String sqlType(LogicalType type) {
        return switch (type.id()) {
            case BOOLEAN -> "BOOLEAN";
            case SMALLINT -> "SMALLINT";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case DOUBLE -> "DOUBLE PRECISION";
            case NUMERIC -> type.precision() < 0 ? "NUMERIC" : "NUMERIC(" + type.precision() + "," + type.scale() + ")";
            case TEXT -> "TEXT";
            case VARCHAR -> type.precision() < 0 ? "VARCHAR" : "VARCHAR(" + type.precision() + ")";
            case CHAR -> type.precision() < 0 ? "BPCHAR" : "CHAR(" + type.precision() + ")";
            case DATE -> "DATE";
            case REAL -> "REAL";
            case TIMESTAMP -> "TIMESTAMP";
            case TIMESTAMPTZ -> "TIMESTAMPTZ";
            case TIME -> "TIME";
            case TIMETZ -> "TIMETZ";
            case INTERVAL -> "INTERVAL";
            case UUID -> "UUID";
            case BYTEA -> "BYTEA";
            case JSON -> "JSON";
            case JSONPATH -> "JSONPATH";
            case TSVECTOR -> "TSVECTOR";
            case TSQUERY -> "TSQUERY";
            case REGCLASS, REGTYPE, REGNAMESPACE -> type.id().pgName().toUpperCase(java.util.Locale.ROOT);
            case JSONB -> "JSONB";
            case ARRAY -> sqlType(type.element()) + "[]";
            case ENUM -> type.enumType().name();
            case RECORD -> type.displayName();
            case POINT, LSEG, PATH, BOX, POLYGON, LINE, CIRCLE, RANGE, PG_LSN -> type.displayName();
            case UNKNOWN -> throw BasaltException.internal("a generated column has no type");
        };
    }
}
