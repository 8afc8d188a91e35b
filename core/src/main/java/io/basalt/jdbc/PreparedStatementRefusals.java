package io.basalt.jdbc;

import java.sql.SQLException;

/**
 * The parts of {@link java.sql.PreparedStatement} Basalt's driver does not offer: LOBs, ASCII and national
 * character streams, refs, row ids, XML and URLs. Each refuses with SQLSTATE 0A000.
 */
abstract class PreparedStatementRefusals extends BasaltStatement implements java.sql.PreparedStatement {
    PreparedStatementRefusals(BasaltConnection connection) {
        super(connection);
    }

    @Override
    public void setAsciiStream(int column, java.io.InputStream value) throws SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setAsciiStream");
    }

    @Override
    public void setAsciiStream(int column, java.io.InputStream value, int length) throws SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setAsciiStream");
    }

    @Override
    public void setAsciiStream(int column, java.io.InputStream value, long length) throws SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setAsciiStream");
    }

    @Override
    public void setBlob(int column, java.io.InputStream value) throws SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setBlob");
    }

    @Override
    public void setBlob(int column, java.io.InputStream value, long length) throws SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setBlob");
    }

    @Override
    public void setBlob(int column, java.sql.Blob value) throws SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setBlob");
    }

    @Override
    public void setClob(int column, java.io.Reader value) throws SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setClob");
    }

    @Override
    public void setClob(int column, java.io.Reader value, long length) throws SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setClob");
    }

    @Override
    public void setClob(int column, java.sql.Clob value) throws SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setClob");
    }

    @Override
    public void setNCharacterStream(int column, java.io.Reader value) throws SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setNCharacterStream");
    }

    @Override
    public void setNCharacterStream(int column, java.io.Reader value, long length) throws SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setNCharacterStream");
    }

    @Override
    public void setNClob(int column, java.io.Reader value) throws SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setNClob");
    }

    @Override
    public void setNClob(int column, java.io.Reader value, long length) throws SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setNClob");
    }

    @Override
    public void setNClob(int column, java.sql.NClob value) throws SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setNClob");
    }

    @Override
    public void setRef(int column, java.sql.Ref value) throws SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setRef");
    }

    @Override
    public void setRowId(int column, java.sql.RowId value) throws SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setRowId");
    }

    @Override
    public void setSQLXML(int column, java.sql.SQLXML value) throws SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setSQLXML");
    }

    @Override
    public void setURL(int column, java.net.URL value) throws SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setURL");
    }

    @Override
    public void setUnicodeStream(int column, java.io.InputStream value, int length) throws SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setUnicodeStream");
    }

}
