package io.basalt.jdbc;

import io.basalt.api.ResultColumn;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A read-only, scrollable result over {@link ResultRows}: a query's Arrow batches read in place (no copy into
 * row objects), or the driver's metadata rows. Getters convert as {@link ResultValues} describes; updating through
 * the result set is refused ({@link ResultSetRefusals}).
 */
final class BasaltResultSet extends ResultSetRefusals {
    private final Statement statement;
    private final ResultRows rows;
    private Map<String, Integer> columnIndexes;
    /** The current row, 0-based; -1 before the first row, size() after the last. */
    private long row = -1;
    private boolean wasNull;
    private boolean closed;
    private int fetchSize;
    private long maxRows;

    BasaltResultSet(Statement statement, ResultRows rows) {
        this.statement = statement;
        this.rows = rows;
    }

    /** Only the first {@code limit} rows are seen (Statement.setMaxRows); 0: all. */
    BasaltResultSet limitedTo(long limit) {
        this.maxRows = limit;
        return this;
    }

    private long size() {
        long size = rows.size();
        return maxRows > 0 ? Math.min(size, maxRows) : size;
    }

    // ---- navigation ----------------------------------------------------------------------------------------

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        if (row < size()) {
            row++;
        }
        return row < size();
    }

    @Override
    public boolean previous() throws SQLException {
        checkOpen();
        if (row >= 0) {
            row--;
        }
        return row >= 0;
    }

    @Override
    public boolean absolute(int position) throws SQLException {
        checkOpen();
        long target = position >= 0 ? position - 1L : size() + position;
        row = Math.max(-1, Math.min(target, size()));
        return row >= 0 && row < size();
    }

    @Override
    public boolean relative(int count) throws SQLException {
        return absolute((int) Math.max(Integer.MIN_VALUE + 1, Math.min(Integer.MAX_VALUE, row + 1 + count)))
                && row >= 0;
    }

    @Override
    public boolean first() throws SQLException {
        return absolute(1);
    }

    @Override
    public boolean last() throws SQLException {
        return absolute(-1);
    }

    @Override
    public void beforeFirst() throws SQLException {
        checkOpen();
        row = -1;
    }

    @Override
    public void afterLast() throws SQLException {
        checkOpen();
        row = size();
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        checkOpen();
        return row < 0 && size() > 0;
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        checkOpen();
        return row >= size() && size() > 0;
    }

    @Override
    public boolean isFirst() throws SQLException {
        checkOpen();
        return row == 0 && size() > 0;
    }

    @Override
    public boolean isLast() throws SQLException {
        checkOpen();
        return row == size() - 1 && size() > 0;
    }

    @Override
    public int getRow() throws SQLException {
        checkOpen();
        return row >= 0 && row < size() ? (int) row + 1 : 0;
    }

    // ---- values ------------------------------------------------------------------------------------------------

    private LogicalType type(int column) throws SQLException {
        checkColumn(column);
        return rows.columns().get(column - 1).type();
    }

    /** The canonical value of {@code column} (1-based) on the current row; sets wasNull. */
    private Object value(int column) throws SQLException {
        checkOpen();
        checkColumn(column);
        if (row < 0 || row >= size()) {
            throw SqlExceptions.usage("ResultSet not positioned properly, perhaps you need to call next.", "24000");
        }
        Object value = rows.value(row, column - 1);
        wasNull = value == null;
        return value;
    }

    private String text(int column) {
        return rows.text(row, column - 1);
    }

    private void checkColumn(int column) throws SQLException {
        if (column < 1 || column > rows.columns().size()) {
            throw SqlExceptions.usage("The column index is out of range: " + column + ", number of columns: "
                    + rows.columns().size() + ".", "22023");
        }
    }

    @Override
    public boolean wasNull() throws SQLException {
        checkOpen();
        return wasNull;
    }

    @Override
    public String getString(int column) throws SQLException {
        return value(column) == null ? null : text(column);
    }

    @Override
    public boolean getBoolean(int column) throws SQLException {
        Object value = value(column);
        return value != null && ResultValues.bool(value, type(column), text(column));
    }

    @Override
    public byte getByte(int column) throws SQLException {
        Object value = value(column);
        return value == null ? 0 : (byte) ResultValues.longValue(value, type(column), text(column),
                Byte.MIN_VALUE, Byte.MAX_VALUE);
    }

    @Override
    public short getShort(int column) throws SQLException {
        Object value = value(column);
        return value == null ? 0 : (short) ResultValues.longValue(value, type(column), text(column),
                Short.MIN_VALUE, Short.MAX_VALUE);
    }

    @Override
    public int getInt(int column) throws SQLException {
        Object value = value(column);
        return value == null ? 0 : (int) ResultValues.longValue(value, type(column), text(column),
                Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    @Override
    public long getLong(int column) throws SQLException {
        Object value = value(column);
        return value == null ? 0 : ResultValues.longValue(value, type(column), text(column),
                Long.MIN_VALUE, Long.MAX_VALUE);
    }

    @Override
    public float getFloat(int column) throws SQLException {
        Object value = value(column);
        return value == null ? 0 : (float) ResultValues.doubleValue(value, type(column), text(column));
    }

    @Override
    public double getDouble(int column) throws SQLException {
        Object value = value(column);
        return value == null ? 0 : ResultValues.doubleValue(value, type(column), text(column));
    }

    @Override
    public BigDecimal getBigDecimal(int column) throws SQLException {
        Object value = value(column);
        return value == null ? null : ResultValues.bigDecimal(value, type(column), text(column));
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(int column, int scale) throws SQLException {
        BigDecimal value = getBigDecimal(column);
        return value == null ? null : value.setScale(scale, RoundingMode.HALF_UP);
    }

    @Override
    public byte[] getBytes(int column) throws SQLException {
        return getObject(column, byte[].class);
    }

    @Override
    public Date getDate(int column) throws SQLException {
        return getObject(column, Date.class);
    }

    @Override
    public Time getTime(int column) throws SQLException {
        return getObject(column, Time.class);
    }

    @Override
    public Timestamp getTimestamp(int column) throws SQLException {
        return getObject(column, Timestamp.class);
    }

    /** The calendar's zone is the one a timestamp without time zone is read in. */
    @Override
    public Date getDate(int column, Calendar calendar) throws SQLException {
        Timestamp timestamp = getTimestamp(column, calendar);
        return timestamp == null ? null : new Date(timestamp.getTime());
    }

    @Override
    public Time getTime(int column, Calendar calendar) throws SQLException {
        if (calendar == null || type(column).id() != TypeId.TIME) {
            return getTime(column);
        }
        java.time.LocalTime local = getObject(column, java.time.LocalTime.class);
        if (local == null) {
            return null;
        }
        return new Time(local.atDate(java.time.LocalDate.EPOCH).atZone(calendar.getTimeZone().toZoneId())
                .toInstant().toEpochMilli());
    }

    @Override
    public Timestamp getTimestamp(int column, Calendar calendar) throws SQLException {
        TypeId id = type(column).id();
        if (calendar == null || (id != TypeId.TIMESTAMP && id != TypeId.DATE)) {
            return getTimestamp(column);
        }
        java.time.LocalDateTime local = getObject(column, java.time.LocalDateTime.class);
        return local == null ? null
                : Timestamp.from(local.atZone(calendar.getTimeZone().toZoneId()).toInstant());
    }

    @Override
    public Object getObject(int column) throws SQLException {
        Object value = value(column);
        return value == null ? null : ResultValues.defaultObject(value, type(column), text(column));
    }

    @Override
    public <T> T getObject(int column, Class<T> target) throws SQLException {
        if (target == null) {
            throw SqlExceptions.usage("conversion to null class is not supported", "22023");
        }
        Object value = value(column);
        return value == null ? null : ResultValues.as(value, type(column), text(column), target);
    }

    @Override
    public Array getArray(int column) throws SQLException {
        return getObject(column, Array.class);
    }

    @Override
    public Reader getCharacterStream(int column) throws SQLException {
        String text = getString(column);
        return text == null ? null : new StringReader(text);
    }

    @Override
    public InputStream getBinaryStream(int column) throws SQLException {
        byte[] bytes = getBytes(column);
        return bytes == null ? null : new ByteArrayInputStream(bytes);
    }

    @Override
    public String getNString(int column) throws SQLException {
        return getString(column);
    }

    // ---- by label ----------------------------------------------------------------------------------------------

    @Override
    public int findColumn(String label) throws SQLException {
        checkOpen();
        if (columnIndexes == null) {
            columnIndexes = new HashMap<>();
            int index = 1;
            for (ResultColumn column : rows.columns()) {
                columnIndexes.putIfAbsent(column.name().toLowerCase(Locale.ROOT), index++);
            }
        }
        Integer index = label == null ? null : columnIndexes.get(label.toLowerCase(Locale.ROOT));
        if (index == null) {
            throw SqlExceptions.usage("The column name " + label + " was not found in this ResultSet.", "42703");
        }
        return index;
    }

    @Override
    public String getString(String label) throws SQLException {
        return getString(findColumn(label));
    }

    @Override
    public boolean getBoolean(String label) throws SQLException {
        return getBoolean(findColumn(label));
    }

    @Override
    public byte getByte(String label) throws SQLException {
        return getByte(findColumn(label));
    }

    @Override
    public short getShort(String label) throws SQLException {
        return getShort(findColumn(label));
    }

    @Override
    public int getInt(String label) throws SQLException {
        return getInt(findColumn(label));
    }

    @Override
    public long getLong(String label) throws SQLException {
        return getLong(findColumn(label));
    }

    @Override
    public float getFloat(String label) throws SQLException {
        return getFloat(findColumn(label));
    }

    @Override
    public double getDouble(String label) throws SQLException {
        return getDouble(findColumn(label));
    }

    @Override
    public BigDecimal getBigDecimal(String label) throws SQLException {
        return getBigDecimal(findColumn(label));
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(String label, int scale) throws SQLException {
        return getBigDecimal(findColumn(label), scale);
    }

    @Override
    public byte[] getBytes(String label) throws SQLException {
        return getBytes(findColumn(label));
    }

    @Override
    public Date getDate(String label) throws SQLException {
        return getDate(findColumn(label));
    }

    @Override
    public Time getTime(String label) throws SQLException {
        return getTime(findColumn(label));
    }

    @Override
    public Timestamp getTimestamp(String label) throws SQLException {
        return getTimestamp(findColumn(label));
    }

    @Override
    public Date getDate(String label, Calendar calendar) throws SQLException {
        return getDate(findColumn(label), calendar);
    }

    @Override
    public Time getTime(String label, Calendar calendar) throws SQLException {
        return getTime(findColumn(label), calendar);
    }

    @Override
    public Timestamp getTimestamp(String label, Calendar calendar) throws SQLException {
        return getTimestamp(findColumn(label), calendar);
    }

    @Override
    public Object getObject(String label) throws SQLException {
        return getObject(findColumn(label));
    }

    @Override
    public <T> T getObject(String label, Class<T> target) throws SQLException {
        return getObject(findColumn(label), target);
    }

    @Override
    public Array getArray(String label) throws SQLException {
        return getArray(findColumn(label));
    }

    @Override
    public Reader getCharacterStream(String label) throws SQLException {
        return getCharacterStream(findColumn(label));
    }

    @Override
    public InputStream getBinaryStream(String label) throws SQLException {
        return getBinaryStream(findColumn(label));
    }

    @Override
    public String getNString(String label) throws SQLException {
        return getNString(findColumn(label));
    }

    // ---- the result set itself ---------------------------------------------------------------------------------

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return new BasaltResultSetMetaData(rows.columns());
    }

    @Override
    public Statement getStatement() {
        return statement;
    }

    @Override
    public SQLWarning getWarnings() {
        return null;
    }

    @Override
    public void clearWarnings() {
    }

    @Override
    public String getCursorName() throws SQLException {
        throw SqlExceptions.unsupported("Named cursors");
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
    }

    @Override
    public int getFetchDirection() {
        return ResultSet.FETCH_FORWARD;
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        fetchSize = rows;
    }

    @Override
    public int getFetchSize() {
        return fetchSize;
    }

    @Override
    public int getType() {
        return ResultSet.TYPE_SCROLL_INSENSITIVE;
    }

    @Override
    public int getConcurrency() {
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getHoldability() {
        return ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    /** Closed by {@link #close()}, or with its statement or connection (the session frees the rows then). */
    @Override
    public boolean isClosed() {
        try {
            return closed || (statement != null && statement.isClosed());
        } catch (SQLException unreachable) {
            return true;
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            rows.close();
        }
    }

    private void checkOpen() throws SQLException {
        if (isClosed()) {
            throw SqlExceptions.closed("ResultSet");
        }
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
