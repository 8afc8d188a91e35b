package io.basalt.jdbc;

import java.sql.SQLException;

/**
 * The parts of {@link java.sql.ResultSet} Basalt's read-only results do not offer: updating rows through the
 * result set, LOBs, refs, row ids, XML, URLs and type maps. Each refuses with SQLSTATE 0A000. Kept apart so that
 * {@link BasaltResultSet} shows only what it does.
 */
abstract class ResultSetRefusals implements java.sql.ResultSet {
    @Override
    public void cancelRowUpdates() throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.cancelRowUpdates");
    }

    @Override
    public void deleteRow() throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.deleteRow");
    }

    @Override
    public java.io.InputStream getAsciiStream(int column) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.getAsciiStream");
    }

    @Override
    public java.io.InputStream getAsciiStream(String column) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.getAsciiStream");
    }

    @Override
    public java.sql.Blob getBlob(int column) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.getBlob");
    }

    @Override
    public java.sql.Blob getBlob(String column) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.getBlob");
    }

    @Override
    public java.sql.Clob getClob(int column) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.getClob");
    }

    @Override
    public java.sql.Clob getClob(String column) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.getClob");
    }

    @Override
    public java.io.Reader getNCharacterStream(int column) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.getNCharacterStream");
    }

    @Override
    public java.io.Reader getNCharacterStream(String column) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.getNCharacterStream");
    }

    @Override
    public java.sql.NClob getNClob(int column) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.getNClob");
    }

    @Override
    public java.sql.NClob getNClob(String column) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.getNClob");
    }

    @Override
    public Object getObject(int column, java.util.Map<String, Class<?>> value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.getObject");
    }

    @Override
    public Object getObject(String column, java.util.Map<String, Class<?>> value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.getObject");
    }

    @Override
    public java.sql.Ref getRef(int column) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.getRef");
    }

    @Override
    public java.sql.Ref getRef(String column) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.getRef");
    }

    @Override
    public java.sql.RowId getRowId(int column) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.getRowId");
    }

    @Override
    public java.sql.RowId getRowId(String column) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.getRowId");
    }

    @Override
    public java.sql.SQLXML getSQLXML(int column) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.getSQLXML");
    }

    @Override
    public java.sql.SQLXML getSQLXML(String column) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.getSQLXML");
    }

    @Override
    public java.net.URL getURL(int column) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.getURL");
    }

    @Override
    public java.net.URL getURL(String column) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.getURL");
    }

    @Override
    public java.io.InputStream getUnicodeStream(int column) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.getUnicodeStream");
    }

    @Override
    public java.io.InputStream getUnicodeStream(String column) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.getUnicodeStream");
    }

    @Override
    public void insertRow() throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.insertRow");
    }

    @Override
    public void moveToCurrentRow() throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.moveToCurrentRow");
    }

    @Override
    public void moveToInsertRow() throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.moveToInsertRow");
    }

    @Override
    public void refreshRow() throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.refreshRow");
    }

    @Override
    public boolean rowDeleted() throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.rowDeleted");
    }

    @Override
    public boolean rowInserted() throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.rowInserted");
    }

    @Override
    public boolean rowUpdated() throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.rowUpdated");
    }

    @Override
    public void updateArray(int column, java.sql.Array value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateArray");
    }

    @Override
    public void updateArray(String column, java.sql.Array value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateArray");
    }

    @Override
    public void updateAsciiStream(int column, java.io.InputStream value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateAsciiStream");
    }

    @Override
    public void updateAsciiStream(int column, java.io.InputStream value, int length) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateAsciiStream");
    }

    @Override
    public void updateAsciiStream(int column, java.io.InputStream value, long length) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateAsciiStream");
    }

    @Override
    public void updateAsciiStream(String column, java.io.InputStream value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateAsciiStream");
    }

    @Override
    public void updateAsciiStream(String column, java.io.InputStream value, int length) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateAsciiStream");
    }

    @Override
    public void updateAsciiStream(String column, java.io.InputStream value, long length) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateAsciiStream");
    }

    @Override
    public void updateBigDecimal(int column, java.math.BigDecimal value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBigDecimal");
    }

    @Override
    public void updateBigDecimal(String column, java.math.BigDecimal value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBigDecimal");
    }

    @Override
    public void updateBinaryStream(int column, java.io.InputStream value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBinaryStream");
    }

    @Override
    public void updateBinaryStream(int column, java.io.InputStream value, int length) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBinaryStream");
    }

    @Override
    public void updateBinaryStream(int column, java.io.InputStream value, long length) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBinaryStream");
    }

    @Override
    public void updateBinaryStream(String column, java.io.InputStream value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBinaryStream");
    }

    @Override
    public void updateBinaryStream(String column, java.io.InputStream value, int length) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBinaryStream");
    }

    @Override
    public void updateBinaryStream(String column, java.io.InputStream value, long length) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBinaryStream");
    }

    @Override
    public void updateBlob(int column, java.io.InputStream value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBlob");
    }

    @Override
    public void updateBlob(int column, java.io.InputStream value, long length) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBlob");
    }

    @Override
    public void updateBlob(int column, java.sql.Blob value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBlob");
    }

    @Override
    public void updateBlob(String column, java.io.InputStream value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBlob");
    }

    @Override
    public void updateBlob(String column, java.io.InputStream value, long length) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBlob");
    }

    @Override
    public void updateBlob(String column, java.sql.Blob value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBlob");
    }

    @Override
    public void updateBoolean(int column, boolean value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBoolean");
    }

    @Override
    public void updateBoolean(String column, boolean value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBoolean");
    }

    @Override
    public void updateBytes(int column, byte[] value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBytes");
    }

    @Override
    public void updateBytes(String column, byte[] value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBytes");
    }

    @Override
    public void updateByte(int column, byte value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateByte");
    }

    @Override
    public void updateByte(String column, byte value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateByte");
    }

    @Override
    public void updateCharacterStream(int column, java.io.Reader value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateCharacterStream");
    }

    @Override
    public void updateCharacterStream(int column, java.io.Reader value, int length) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateCharacterStream");
    }

    @Override
    public void updateCharacterStream(int column, java.io.Reader value, long length) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateCharacterStream");
    }

    @Override
    public void updateCharacterStream(String column, java.io.Reader value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateCharacterStream");
    }

    @Override
    public void updateCharacterStream(String column, java.io.Reader value, int length) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateCharacterStream");
    }

    @Override
    public void updateCharacterStream(String column, java.io.Reader value, long length) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateCharacterStream");
    }

    @Override
    public void updateClob(int column, java.io.Reader value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateClob");
    }

    @Override
    public void updateClob(int column, java.io.Reader value, long length) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateClob");
    }

    @Override
    public void updateClob(int column, java.sql.Clob value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateClob");
    }

    @Override
    public void updateClob(String column, java.io.Reader value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateClob");
    }

    @Override
    public void updateClob(String column, java.io.Reader value, long length) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateClob");
    }

    @Override
    public void updateClob(String column, java.sql.Clob value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateClob");
    }

    @Override
    public void updateDate(int column, java.sql.Date value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateDate");
    }

    @Override
    public void updateDate(String column, java.sql.Date value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateDate");
    }

    @Override
    public void updateDouble(int column, double value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateDouble");
    }

    @Override
    public void updateDouble(String column, double value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateDouble");
    }

    @Override
    public void updateFloat(int column, float value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateFloat");
    }

    @Override
    public void updateFloat(String column, float value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateFloat");
    }

    @Override
    public void updateInt(int column, int value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateInt");
    }

    @Override
    public void updateInt(String column, int value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateInt");
    }

    @Override
    public void updateLong(int column, long value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateLong");
    }

    @Override
    public void updateLong(String column, long value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateLong");
    }

    @Override
    public void updateNCharacterStream(int column, java.io.Reader value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNCharacterStream");
    }

    @Override
    public void updateNCharacterStream(int column, java.io.Reader value, long length) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNCharacterStream");
    }

    @Override
    public void updateNCharacterStream(String column, java.io.Reader value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNCharacterStream");
    }

    @Override
    public void updateNCharacterStream(String column, java.io.Reader value, long length) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNCharacterStream");
    }

    @Override
    public void updateNClob(int column, java.io.Reader value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNClob");
    }

    @Override
    public void updateNClob(int column, java.io.Reader value, long length) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNClob");
    }

    @Override
    public void updateNClob(int column, java.sql.NClob value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNClob");
    }

    @Override
    public void updateNClob(String column, java.io.Reader value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNClob");
    }

    @Override
    public void updateNClob(String column, java.io.Reader value, long length) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNClob");
    }

    @Override
    public void updateNClob(String column, java.sql.NClob value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNClob");
    }

    @Override
    public void updateNString(int column, String value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNString");
    }

    @Override
    public void updateNString(String column, String value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNString");
    }

    @Override
    public void updateNull(int column) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNull");
    }

    @Override
    public void updateNull(String column) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNull");
    }

    @Override
    public void updateObject(int column, Object value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateObject");
    }

    @Override
    public void updateObject(int column, Object value, int length) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateObject");
    }

    @Override
    public void updateObject(String column, Object value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateObject");
    }

    @Override
    public void updateObject(String column, Object value, int length) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateObject");
    }

    @Override
    public void updateRef(int column, java.sql.Ref value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateRef");
    }

    @Override
    public void updateRef(String column, java.sql.Ref value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateRef");
    }

    @Override
    public void updateRowId(int column, java.sql.RowId value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateRowId");
    }

    @Override
    public void updateRowId(String column, java.sql.RowId value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateRowId");
    }

    @Override
    public void updateRow() throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateRow");
    }

    @Override
    public void updateSQLXML(int column, java.sql.SQLXML value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateSQLXML");
    }

    @Override
    public void updateSQLXML(String column, java.sql.SQLXML value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateSQLXML");
    }

    @Override
    public void updateShort(int column, short value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateShort");
    }

    @Override
    public void updateShort(String column, short value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateShort");
    }

    @Override
    public void updateString(int column, String value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateString");
    }

    @Override
    public void updateString(String column, String value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateString");
    }

    @Override
    public void updateTimestamp(int column, java.sql.Timestamp value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateTimestamp");
    }

    @Override
    public void updateTimestamp(String column, java.sql.Timestamp value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateTimestamp");
    }

    @Override
    public void updateTime(int column, java.sql.Time value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateTime");
    }

    @Override
    public void updateTime(String column, java.sql.Time value) throws SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateTime");
    }

}
