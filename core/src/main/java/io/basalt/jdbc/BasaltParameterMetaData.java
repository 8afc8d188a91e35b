package io.basalt.jdbc;

import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.sql.Types;

/**
 * What is known of a prepared statement's parameters before it runs: how many there are. Their types are decided
 * when the statement is bound with its values, so each reports as {@link Types#OTHER}: a NULL set with that type
 * is untyped and takes the type the statement needs, as a quoted literal does.
 */
final class BasaltParameterMetaData implements ParameterMetaData {
    private final int count;

    BasaltParameterMetaData(int count) {
        this.count = count;
    }

    private void check(int index) throws SQLException {
        if (index < 1 || index > count) {
            throw SqlExceptions.usage("The parameter index is out of range: " + index + ", number of parameters: "
                    + count + ".", "22023");
        }
    }

    @Override
    public int getParameterCount() {
        return count;
    }

    @Override
    public int isNullable(int index) throws SQLException {
        check(index);
        return parameterNullableUnknown;
    }

    @Override
    public boolean isSigned(int index) throws SQLException {
        check(index);
        return false;
    }

    @Override
    public int getPrecision(int index) throws SQLException {
        check(index);
        return 0;
    }

    @Override
    public int getScale(int index) throws SQLException {
        check(index);
        return 0;
    }

    @Override
    public int getParameterType(int index) throws SQLException {
        check(index);
        return Types.OTHER;
    }

    @Override
    public String getParameterTypeName(int index) throws SQLException {
        check(index);
        return "unknown";
    }

    @Override
    public String getParameterClassName(int index) throws SQLException {
        check(index);
        return Object.class.getName();
    }

    @Override
    public int getParameterMode(int index) throws SQLException {
        check(index);
        return parameterModeIn;
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw SqlExceptions.usage("not a wrapper for " + type.getName(), "22023");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
