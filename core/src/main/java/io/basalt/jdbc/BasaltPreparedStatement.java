package io.basalt.jdbc;

import io.basalt.type.LogicalType;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;

/**
 * A statement with {@code ?} parameters, translated once to PostgreSQL's {@code $n} ({@link PlaceholderTranslation})
 * and run with the values set ({@link ParameterValues}). Each execution binds and plans the statement again with
 * its values as constants; a batch runs the statement once per parameter set.
 */
final class BasaltPreparedStatement extends PreparedStatementRefusals {
    private static final Object UNSET = new Object();

    private final String sql;
    private final int parameterCount;
    private final String[] keyColumns;
    private final Object[] values;
    private final List<Object[]> batch = new ArrayList<>();

    BasaltPreparedStatement(BasaltConnection connection, String jdbcSql, String[] keyColumns) {
        super(connection);
        PlaceholderTranslation translation = PlaceholderTranslation.of(jdbcSql);
        this.sql = translation.sql();
        this.parameterCount = translation.parameters();
        this.keyColumns = keyColumns;
        this.values = new Object[parameterCount];
        Arrays.fill(values, UNSET);
    }

    private Object[] boundValues() throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == UNSET) {
                throw SqlExceptions.usage("No value specified for parameter " + (i + 1) + ".", "22023");
            }
        }
        return values.clone();
    }

    private void set(int index, Object engineValue) throws SQLException {
        checkOpen();
        if (index < 1 || index > parameterCount) {
            throw SqlExceptions.usage("The column index is out of range: " + index + ", number of columns: "
                    + parameterCount + ".", "22023");
        }
        values[index - 1] = engineValue;
    }

    // ---- execution -----------------------------------------------------------------------------------------

    @Override
    public boolean execute() throws SQLException {
        return run(sql, boundValues(), keyColumns);
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        if (!execute()) {
            throw SqlExceptions.usage("No results were returned by the query.", "02000");
        }
        return getResultSet();
    }

    @Override
    public int executeUpdate() throws SQLException {
        return (int) executeLargeUpdate();
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        if (execute() && keyColumns == null) {
            throw SqlExceptions.usage("A result was returned when none was expected.", "0100E");
        }
        return getLargeUpdateCount();
    }

    // ---- the Statement methods that take SQL text: refused on a prepared statement, as JDBC requires -----------

    private static SQLException takesNoQueryString() {
        return SqlExceptions.usage("Can't use query methods that take a query string on a PreparedStatement.",
                "42809");
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        throw takesNoQueryString();
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        throw takesNoQueryString();
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        throw takesNoQueryString();
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        throw takesNoQueryString();
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        throw takesNoQueryString();
    }

    @Override
    public void addBatch() throws SQLException {
        checkOpen();
        batch.add(boundValues());
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch.clear();
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        List<Object[]> sets = new ArrayList<>(batch);
        batch.clear();
        long[] counts = new long[sets.size()];
        for (int i = 0; i < sets.size(); i++) {
            try {
                if (run(sql, sets.get(i), null)) {
                    throw SqlExceptions.usage("A result was returned when none was expected.", "0100E");
                }
            } catch (SQLException failure) {
                throw BatchFailures.of(failure, Arrays.copyOf(counts, i));
            }
            counts[i] = getLargeUpdateCount();
        }
        return counts;
    }

    @Override
    public void clearParameters() throws SQLException {
        checkOpen();
        Arrays.fill(values, UNSET);
    }

    /** Not known before the statement runs: null, which JDBC allows. */
    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        checkOpen();
        return new BasaltParameterMetaData(parameterCount);
    }

    // ---- setters -----------------------------------------------------------------------------------------------

    @Override
    public void setNull(int index, int sqlType) throws SQLException {
        set(index, ParameterValues.nullOf(JdbcTypes.bySqlType(sqlType)));
    }

    @Override
    public void setNull(int index, int sqlType, String typeName) throws SQLException {
        LogicalType type = typeName == null ? null : JdbcTypes.byName(typeName);
        set(index, ParameterValues.nullOf(type != null ? type : JdbcTypes.bySqlType(sqlType)));
    }

    @Override
    public void setBoolean(int index, boolean value) throws SQLException {
        set(index, value);
    }

    @Override
    public void setByte(int index, byte value) throws SQLException {
        set(index, (short) value);
    }

    @Override
    public void setShort(int index, short value) throws SQLException {
        set(index, value);
    }

    @Override
    public void setInt(int index, int value) throws SQLException {
        set(index, value);
    }

    @Override
    public void setLong(int index, long value) throws SQLException {
        set(index, value);
    }

    @Override
    public void setFloat(int index, float value) throws SQLException {
        set(index, ParameterValues.of(value));
    }

    @Override
    public void setDouble(int index, double value) throws SQLException {
        set(index, value);
    }

    @Override
    public void setBigDecimal(int index, BigDecimal value) throws SQLException {
        set(index, ParameterValues.of(value));
    }

    @Override
    public void setString(int index, String value) throws SQLException {
        set(index, value);
    }

    @Override
    public void setNString(int index, String value) throws SQLException {
        set(index, value);
    }

    @Override
    public void setBytes(int index, byte[] value) throws SQLException {
        set(index, value == null ? ParameterValues.nullOf(LogicalType.BYTEA) : ParameterValues.of(value));
    }

    @Override
    public void setDate(int index, Date value) throws SQLException {
        set(index, value == null ? ParameterValues.nullOf(LogicalType.DATE) : ParameterValues.of(value));
    }

    @Override
    public void setTime(int index, Time value) throws SQLException {
        set(index, value == null ? ParameterValues.nullOf(LogicalType.TIME) : ParameterValues.of(value));
    }

    @Override
    public void setTimestamp(int index, Timestamp value) throws SQLException {
        set(index, value == null ? ParameterValues.nullOf(LogicalType.TIMESTAMP) : ParameterValues.of(value));
    }

    /** The date at midnight in the calendar's zone, which is the day it names there. */
    @Override
    public void setDate(int index, Date value, Calendar calendar) throws SQLException {
        if (value == null || calendar == null) {
            setDate(index, value);
            return;
        }
        set(index, value.toInstant().atZone(calendar.getTimeZone().toZoneId()).toLocalDate());
    }

    @Override
    public void setTime(int index, Time value, Calendar calendar) throws SQLException {
        if (value == null || calendar == null) {
            setTime(index, value);
            return;
        }
        set(index, ParameterValues.of(java.time.Instant.ofEpochMilli(value.getTime())
                .atZone(calendar.getTimeZone().toZoneId()).toLocalTime()));
    }

    /** The instant written as a timestamp without time zone in the calendar's zone. */
    @Override
    public void setTimestamp(int index, Timestamp value, Calendar calendar) throws SQLException {
        if (value == null || calendar == null) {
            setTimestamp(index, value);
            return;
        }
        set(index, ParameterValues.of(value.toInstant().atZone(calendar.getTimeZone().toZoneId())
                .toLocalDateTime()));
    }

    @Override
    public void setObject(int index, Object value) throws SQLException {
        set(index, value == null ? ParameterValues.nullOf(LogicalType.UNKNOWN) : ParameterValues.of(value));
    }

    /**
     * The value as {@code targetSqlType}: a String or a number meant as text stays text (untyped, so the statement
     * decides), anything else as {@link #setObject(int, Object)}.
     */
    @Override
    public void setObject(int index, Object value, int targetSqlType) throws SQLException {
        if (value == null) {
            setNull(index, targetSqlType);
            return;
        }
        LogicalType target = JdbcTypes.bySqlType(targetSqlType);
        if (JdbcTypes.isText(target.id()) && !(value instanceof byte[])) {
            set(index, value instanceof String s ? s : value.toString());
        } else if (value instanceof String s) {
            set(index, s);
        } else if (targetSqlType == Types.NUMERIC || targetSqlType == Types.DECIMAL) {
            set(index, value instanceof Number number ? new BigDecimal(number.toString()) : ParameterValues.of(value));
        } else {
            set(index, ParameterValues.of(value));
        }
    }

    @Override
    public void setObject(int index, Object value, int targetSqlType, int scaleOrLength) throws SQLException {
        setObject(index, value, targetSqlType);
    }

    @Override
    public void setObject(int index, Object value, java.sql.SQLType targetSqlType) throws SQLException {
        Integer code = targetSqlType == null ? null : targetSqlType.getVendorTypeNumber();
        if (code == null) {
            setObject(index, value);
        } else {
            setObject(index, value, code);
        }
    }

    @Override
    public void setObject(int index, Object value, java.sql.SQLType targetSqlType, int scaleOrLength)
            throws SQLException {
        setObject(index, value, targetSqlType);
    }

    @Override
    public void setArray(int index, Array value) throws SQLException {
        set(index, value == null ? ParameterValues.nullOf(LogicalType.UNKNOWN) : ParameterValues.of(value));
    }

    @Override
    public void setBinaryStream(int index, InputStream stream) throws SQLException {
        try {
            setBytes(index, stream == null ? null : stream.readAllBytes());
        } catch (IOException failure) {
            throw SqlExceptions.usage("Cannot read the stream: " + failure.getMessage(), "58030");
        }
    }

    @Override
    public void setBinaryStream(int index, InputStream stream, int length) throws SQLException {
        setBinaryStream(index, stream, (long) length);
    }

    @Override
    public void setBinaryStream(int index, InputStream stream, long length) throws SQLException {
        try {
            setBytes(index, stream == null ? null : stream.readNBytes((int) length));
        } catch (IOException failure) {
            throw SqlExceptions.usage("Cannot read the stream: " + failure.getMessage(), "58030");
        }
    }

    @Override
    public void setCharacterStream(int index, Reader reader) throws SQLException {
        setCharacterStream(index, reader, Long.MAX_VALUE);
    }

    @Override
    public void setCharacterStream(int index, Reader reader, int length) throws SQLException {
        setCharacterStream(index, reader, (long) length);
    }

    @Override
    public void setCharacterStream(int index, Reader reader, long length) throws SQLException {
        if (reader == null) {
            setString(index, null);
            return;
        }
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        try {
            long left = length;
            int read;
            while (left > 0 && (read = reader.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                text.append(buffer, 0, read);
                left -= read;
            }
        } catch (IOException failure) {
            throw SqlExceptions.usage("Cannot read the stream: " + failure.getMessage(), "58030");
        }
        setString(index, text.toString());
    }
}
