package io.basalt.jdbc;

/**
 * The parts of {@link java.sql.ResultSet} Basalt's read-only results do not offer: updating rows through the
 * result set, LOBs, refs, row ids, XML, URLs and type maps. Each refuses with SQLSTATE 0A000. Kept apart so that
 * {@link BasaltResultSet} shows only what it does.
 */
abstract class ResultSetRefusals implements java.sql.ResultSet {
    @Override
    public void cancelRowUpdates() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.cancelRowUpdates");
    }

    @Override
    public void deleteRow() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.deleteRow");
    }

    @Override
    public java.io.InputStream getAsciiStream(int column) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getAsciiStream");
    }

    @Override
    public java.io.InputStream getAsciiStream(java.lang.String column) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getAsciiStream");
    }

    @Override
    public java.sql.Blob getBlob(int column) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getBlob");
    }

    @Override
    public java.sql.Blob getBlob(java.lang.String column) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getBlob");
    }

    @Override
    public java.sql.Clob getClob(int column) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getClob");
    }

    @Override
    public java.sql.Clob getClob(java.lang.String column) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getClob");
    }

    @Override
    public java.io.Reader getNCharacterStream(int column) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getNCharacterStream");
    }

    @Override
    public java.io.Reader getNCharacterStream(java.lang.String column) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getNCharacterStream");
    }

    @Override
    public java.sql.NClob getNClob(int column) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getNClob");
    }

    @Override
    public java.sql.NClob getNClob(java.lang.String column) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getNClob");
    }

    @Override
    public java.lang.Object getObject(int column, java.util.Map<java.lang.String, java.lang.Class<?>> value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getObject");
    }

    @Override
    public java.lang.Object getObject(java.lang.String column, java.util.Map<java.lang.String, java.lang.Class<?>> value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getObject");
    }

    @Override
    public java.sql.Ref getRef(int column) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getRef");
    }

    @Override
    public java.sql.Ref getRef(java.lang.String column) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getRef");
    }

    @Override
    public java.sql.RowId getRowId(int column) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getRowId");
    }

    @Override
    public java.sql.RowId getRowId(java.lang.String column) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getRowId");
    }

    @Override
    public java.sql.SQLXML getSQLXML(int column) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getSQLXML");
    }

    @Override
    public java.sql.SQLXML getSQLXML(java.lang.String column) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getSQLXML");
    }

    @Override
    public java.net.URL getURL(int column) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getURL");
    }

    @Override
    public java.net.URL getURL(java.lang.String column) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getURL");
    }

    @Override
    public java.io.InputStream getUnicodeStream(int column) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getUnicodeStream");
    }

    @Override
    public java.io.InputStream getUnicodeStream(java.lang.String column) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getUnicodeStream");
    }

    @Override
    public void insertRow() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.insertRow");
    }

    @Override
    public void moveToCurrentRow() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.moveToCurrentRow");
    }

    @Override
    public void moveToInsertRow() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.moveToInsertRow");
    }

    @Override
    public void refreshRow() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.refreshRow");
    }

    @Override
    public boolean rowDeleted() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.rowDeleted");
    }

    @Override
    public boolean rowInserted() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.rowInserted");
    }

    @Override
    public boolean rowUpdated() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.rowUpdated");
    }

    @Override
    public void updateArray(int column, java.sql.Array value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateArray");
    }

    @Override
    public void updateArray(java.lang.String column, java.sql.Array value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateArray");
    }

    @Override
    public void updateAsciiStream(int column, java.io.InputStream value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateAsciiStream");
    }

    @Override
    public void updateAsciiStream(int column, java.io.InputStream value, int length) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateAsciiStream");
    }

    @Override
    public void updateAsciiStream(int column, java.io.InputStream value, long length) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateAsciiStream");
    }

    @Override
    public void updateAsciiStream(java.lang.String column, java.io.InputStream value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateAsciiStream");
    }

    @Override
    public void updateAsciiStream(java.lang.String column, java.io.InputStream value, int length) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateAsciiStream");
    }

    @Override
    public void updateAsciiStream(java.lang.String column, java.io.InputStream value, long length) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateAsciiStream");
    }

    @Override
    public void updateBigDecimal(int column, java.math.BigDecimal value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBigDecimal");
    }

    @Override
    public void updateBigDecimal(java.lang.String column, java.math.BigDecimal value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBigDecimal");
    }

    @Override
    public void updateBinaryStream(int column, java.io.InputStream value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBinaryStream");
    }

    @Override
    public void updateBinaryStream(int column, java.io.InputStream value, int length) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBinaryStream");
    }

    @Override
    public void updateBinaryStream(int column, java.io.InputStream value, long length) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBinaryStream");
    }

    @Override
    public void updateBinaryStream(java.lang.String column, java.io.InputStream value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBinaryStream");
    }

    @Override
    public void updateBinaryStream(java.lang.String column, java.io.InputStream value, int length) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBinaryStream");
    }

    @Override
    public void updateBinaryStream(java.lang.String column, java.io.InputStream value, long length) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBinaryStream");
    }

    @Override
    public void updateBlob(int column, java.io.InputStream value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBlob");
    }

    @Override
    public void updateBlob(int column, java.io.InputStream value, long length) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBlob");
    }

    @Override
    public void updateBlob(int column, java.sql.Blob value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBlob");
    }

    @Override
    public void updateBlob(java.lang.String column, java.io.InputStream value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBlob");
    }

    @Override
    public void updateBlob(java.lang.String column, java.io.InputStream value, long length) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBlob");
    }

    @Override
    public void updateBlob(java.lang.String column, java.sql.Blob value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBlob");
    }

    @Override
    public void updateBoolean(int column, boolean value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBoolean");
    }

    @Override
    public void updateBoolean(java.lang.String column, boolean value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBoolean");
    }

    @Override
    public void updateBytes(int column, byte[] value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBytes");
    }

    @Override
    public void updateBytes(java.lang.String column, byte[] value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBytes");
    }

    @Override
    public void updateByte(int column, byte value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateByte");
    }

    @Override
    public void updateByte(java.lang.String column, byte value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateByte");
    }

    @Override
    public void updateCharacterStream(int column, java.io.Reader value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateCharacterStream");
    }

    @Override
    public void updateCharacterStream(int column, java.io.Reader value, int length) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateCharacterStream");
    }

    @Override
    public void updateCharacterStream(int column, java.io.Reader value, long length) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateCharacterStream");
    }

    @Override
    public void updateCharacterStream(java.lang.String column, java.io.Reader value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateCharacterStream");
    }

    @Override
    public void updateCharacterStream(java.lang.String column, java.io.Reader value, int length) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateCharacterStream");
    }

    @Override
    public void updateCharacterStream(java.lang.String column, java.io.Reader value, long length) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateCharacterStream");
    }

    @Override
    public void updateClob(int column, java.io.Reader value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateClob");
    }

    @Override
    public void updateClob(int column, java.io.Reader value, long length) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateClob");
    }

    @Override
    public void updateClob(int column, java.sql.Clob value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateClob");
    }

    @Override
    public void updateClob(java.lang.String column, java.io.Reader value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateClob");
    }

    @Override
    public void updateClob(java.lang.String column, java.io.Reader value, long length) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateClob");
    }

    @Override
    public void updateClob(java.lang.String column, java.sql.Clob value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateClob");
    }

    @Override
    public void updateDate(int column, java.sql.Date value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateDate");
    }

    @Override
    public void updateDate(java.lang.String column, java.sql.Date value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateDate");
    }

    @Override
    public void updateDouble(int column, double value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateDouble");
    }

    @Override
    public void updateDouble(java.lang.String column, double value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateDouble");
    }

    @Override
    public void updateFloat(int column, float value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateFloat");
    }

    @Override
    public void updateFloat(java.lang.String column, float value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateFloat");
    }

    @Override
    public void updateInt(int column, int value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateInt");
    }

    @Override
    public void updateInt(java.lang.String column, int value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateInt");
    }

    @Override
    public void updateLong(int column, long value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateLong");
    }

    @Override
    public void updateLong(java.lang.String column, long value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateLong");
    }

    @Override
    public void updateNCharacterStream(int column, java.io.Reader value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNCharacterStream");
    }

    @Override
    public void updateNCharacterStream(int column, java.io.Reader value, long length) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNCharacterStream");
    }

    @Override
    public void updateNCharacterStream(java.lang.String column, java.io.Reader value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNCharacterStream");
    }

    @Override
    public void updateNCharacterStream(java.lang.String column, java.io.Reader value, long length) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNCharacterStream");
    }

    @Override
    public void updateNClob(int column, java.io.Reader value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNClob");
    }

    @Override
    public void updateNClob(int column, java.io.Reader value, long length) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNClob");
    }

    @Override
    public void updateNClob(int column, java.sql.NClob value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNClob");
    }

    @Override
    public void updateNClob(java.lang.String column, java.io.Reader value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNClob");
    }

    @Override
    public void updateNClob(java.lang.String column, java.io.Reader value, long length) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNClob");
    }

    @Override
    public void updateNClob(java.lang.String column, java.sql.NClob value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNClob");
    }

    @Override
    public void updateNString(int column, java.lang.String value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNString");
    }

    @Override
    public void updateNString(java.lang.String column, java.lang.String value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNString");
    }

    @Override
    public void updateNull(int column) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNull");
    }

    @Override
    public void updateNull(java.lang.String column) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNull");
    }

    @Override
    public void updateObject(int column, java.lang.Object value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateObject");
    }

    @Override
    public void updateObject(int column, java.lang.Object value, int length) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateObject");
    }

    @Override
    public void updateObject(java.lang.String column, java.lang.Object value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateObject");
    }

    @Override
    public void updateObject(java.lang.String column, java.lang.Object value, int length) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateObject");
    }

    @Override
    public void updateRef(int column, java.sql.Ref value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateRef");
    }

    @Override
    public void updateRef(java.lang.String column, java.sql.Ref value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateRef");
    }

    @Override
    public void updateRowId(int column, java.sql.RowId value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateRowId");
    }

    @Override
    public void updateRowId(java.lang.String column, java.sql.RowId value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateRowId");
    }

    @Override
    public void updateRow() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateRow");
    }

    @Override
    public void updateSQLXML(int column, java.sql.SQLXML value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateSQLXML");
    }

    @Override
    public void updateSQLXML(java.lang.String column, java.sql.SQLXML value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateSQLXML");
    }

    @Override
    public void updateShort(int column, short value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateShort");
    }

    @Override
    public void updateShort(java.lang.String column, short value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateShort");
    }

    @Override
    public void updateString(int column, java.lang.String value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateString");
    }

    @Override
    public void updateString(java.lang.String column, java.lang.String value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateString");
    }

    @Override
    public void updateTimestamp(int column, java.sql.Timestamp value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateTimestamp");
    }

    @Override
    public void updateTimestamp(java.lang.String column, java.sql.Timestamp value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateTimestamp");
    }

    @Override
    public void updateTime(int column, java.sql.Time value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateTime");
    }

    @Override
    public void updateTime(java.lang.String column, java.sql.Time value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateTime");
    }

}
