package io.basalt.jdbc;

import io.basalt.exec.vector.ValueAccess;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.ArrayValue;
import io.basalt.type.LogicalType;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A PostgreSQL array as a {@link java.sql.Array}: read from a result ({@code getArray}) or made by
 * {@code Connection.createArrayOf} to be set as a parameter. {@link #getArray()} returns the elements as
 * {@code getObject} would return them, nested {@code Object[]} for more than one dimension.
 */
final class BasaltArray implements Array {
    private final LogicalType elementType;
    private final ArrayValue value;

    BasaltArray(LogicalType elementType, ArrayValue value) {
        this.elementType = elementType;
        this.value = value;
    }

    LogicalType elementType() {
        return elementType;
    }

    ArrayValue value() {
        return value;
    }

    /** Java elements (as a setter takes them) as a one-dimensional array value of {@code elementType}. */
    static ArrayValue canonical(Object[] elements, LogicalType elementType) throws SQLException {
        List<Object> values = new ArrayList<>(elements.length);
        for (Object element : elements) {
            values.add(canonicalElement(element, elementType));
        }
        return ArrayValue.of(values);
    }

    private static Object canonicalElement(Object element, LogicalType type) throws SQLException {
        Object engine = ParameterValues.of(element);
        Object value = switch (engine) {
            case null -> null;
            case BoundExpression.Constant constant -> constant.value();
            case Short s -> (long) s;
            case Integer i -> (long) i;
            case LocalDate date -> date.toEpochDay();
            default -> engine;
        };
        if (value == null) {
            return null;
        }
        return switch (type.id()) {
            case SMALLINT, INTEGER, BIGINT -> ((Number) value).longValue();
            case REAL, DOUBLE -> ((Number) value).doubleValue();
            case NUMERIC -> value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
            case TEXT, VARCHAR, CHAR, JSON, JSONPATH, REGCLASS, REGTYPE, REGNAMESPACE, TSVECTOR, TSQUERY -> value.toString();
            default -> value;
        };
    }

    @Override
    public String getBaseTypeName() {
        return JdbcTypes.typeName(elementType);
    }

    @Override
    public int getBaseType() {
        return JdbcTypes.sqlType(elementType);
    }

    @Override
    public Object getArray() throws SQLException {
        if (value.dimensionCount() <= 1) {
            return elements(0, value.length());
        }
        return nested(0, 0);
    }

    /** The sub-array of dimension {@code dimension} starting at flat element {@code offset}. */
    private Object[] nested(int dimension, int offset) throws SQLException {
        int length = value.dimensionLength(dimension);
        if (dimension == value.dimensionCount() - 1) {
            return elements(offset, length);
        }
        int stride = 1;
        for (int d = dimension + 1; d < value.dimensionCount(); d++) {
            stride *= value.dimensionLength(d);
        }
        Object[] out = new Object[length];
        for (int i = 0; i < length; i++) {
            out[i] = nested(dimension + 1, offset + i * stride);
        }
        return out;
    }

    private Object[] elements(int offset, int count) throws SQLException {
        Object[] out = (Object[]) java.lang.reflect.Array.newInstance(JdbcTypes.javaClass(elementType), count);
        for (int i = 0; i < count; i++) {
            Object element = value.get(offset + i);
            out[i] = ResultValues.defaultObject(element, elementType, ValueAccess.text(elementType, element));
        }
        return out;
    }

    @Override
    public Object getArray(Map<String, Class<?>> map) throws SQLException {
        return getArray();
    }

    @Override
    public Object getArray(long index, int count) throws SQLException {
        Object[] all = (Object[]) getArray();
        int from = (int) index - 1;
        return Arrays.copyOfRange(all, from, Math.min(all.length, from + count));
    }

    @Override
    public Object getArray(long index, int count, Map<String, Class<?>> map) throws SQLException {
        return getArray(index, count);
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        return getResultSet(1, value.length());
    }

    @Override
    public ResultSet getResultSet(Map<String, Class<?>> map) throws SQLException {
        return getResultSet();
    }

    /** Rows of (INDEX, VALUE) for elements {@code index .. index + count - 1} of the flattened array. */
    @Override
    public ResultSet getResultSet(long index, int count) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (long i = index; i < index + count && i <= value.length(); i++) {
            rows.add(new Object[] {i, value.get((int) i - 1)});
        }
        return new BasaltResultSet(null, new ListRows(List.of(
                new io.basalt.api.ResultColumn("INDEX", LogicalType.BIGINT),
                new io.basalt.api.ResultColumn("VALUE", elementType)), rows));
    }

    @Override
    public ResultSet getResultSet(long index, int count, Map<String, Class<?>> map) throws SQLException {
        return getResultSet(index, count);
    }

    @Override
    public void free() {
    }

    @Override
    public String toString() {
        return ValueAccess.text(LogicalType.arrayOf(elementType), value);
    }
}
