package io.basalt.jdbc;

import io.basalt.api.ResultColumn;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;

/**
 * The columns of a result: names as PostgreSQL labels them, types as {@link java.sql.Types} codes and PostgreSQL's
 * type names ({@link JdbcTypes}). Results do not say which table a column came from, so table and schema names are
 * empty and nullability is unknown, as PostgreSQL's driver reports for computed columns.
 */
final class BasaltResultSetMetaData implements ResultSetMetaData {
    private final List<ResultColumn> columns;

    BasaltResultSetMetaData(List<ResultColumn> columns) {
        this.columns = List.copyOf(columns);
    }

    private LogicalType type(int column) throws SQLException {
        if (column < 1 || column > columns.size()) {
            throw SqlExceptions.usage("The column index is out of range: " + column + ", number of columns: "
                    + columns.size() + ".", "22023");
        }
        return columns.get(column - 1).type();
    }

    @Override
    public int getColumnCount() {
        return columns.size();
    }

    @Override
    public boolean isAutoIncrement(int column) throws SQLException {
        type(column);
        return false;
    }

    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
        return JdbcTypes.isText(type(column).id());
    }

    @Override
    public boolean isSearchable(int column) throws SQLException {
        type(column);
        return true;
    }

    @Override
    public boolean isCurrency(int column) throws SQLException {
        type(column);
        return false;
    }

    @Override
    public int isNullable(int column) throws SQLException {
        type(column);
        return columnNullableUnknown;
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
        return type(column).isNumber();
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        return JdbcTypes.displaySize(type(column));
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        type(column);
        return columns.get(column - 1).name();
    }

    @Override
    public String getColumnName(int column) throws SQLException {
        return getColumnLabel(column);
    }

    @Override
    public String getSchemaName(int column) throws SQLException {
        type(column);
        return "";
    }

    @Override
    public int getPrecision(int column) throws SQLException {
        return JdbcTypes.precision(type(column));
    }

    @Override
    public int getScale(int column) throws SQLException {
        LogicalType type = type(column);
        return type.id() == TypeId.NUMERIC ? Math.max(type.scale(), 0) : 0;
    }

    @Override
    public String getTableName(int column) throws SQLException {
        type(column);
        return "";
    }

    @Override
    public String getCatalogName(int column) throws SQLException {
        type(column);
        return "";
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        return JdbcTypes.sqlType(type(column));
    }

    @Override
    public String getColumnTypeName(int column) throws SQLException {
        return JdbcTypes.typeName(type(column));
    }

    @Override
    public boolean isReadOnly(int column) throws SQLException {
        type(column);
        return false;
    }

    @Override
    public boolean isWritable(int column) throws SQLException {
        type(column);
        return true;
    }

    @Override
    public boolean isDefinitelyWritable(int column) throws SQLException {
        type(column);
        return false;
    }

    @Override
    public String getColumnClassName(int column) throws SQLException {
        return JdbcTypes.javaClass(type(column)).getName();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw SqlExceptions.usage("not a wrapper for " + iface.getName(), "22023");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
