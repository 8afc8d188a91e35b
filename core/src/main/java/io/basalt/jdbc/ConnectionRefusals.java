package io.basalt.jdbc;

import java.sql.SQLException;

/**
 * The parts of {@link java.sql.Connection} Basalt's driver does not offer: LOBs, XML, structs, stored-procedure
 * calls, type maps and generated keys chosen by column position. Each refuses with SQLSTATE 0A000.
 */
abstract class ConnectionRefusals implements java.sql.Connection {
    @Override
    public java.sql.Blob createBlob() throws SQLException {
        throw SqlExceptions.unsupported("Connection.createBlob");
    }

    @Override
    public java.sql.Clob createClob() throws SQLException {
        throw SqlExceptions.unsupported("Connection.createClob");
    }

    @Override
    public java.sql.NClob createNClob() throws SQLException {
        throw SqlExceptions.unsupported("Connection.createNClob");
    }

    @Override
    public java.sql.SQLXML createSQLXML() throws SQLException {
        throw SqlExceptions.unsupported("Connection.createSQLXML");
    }

    @Override
    public java.sql.Struct createStruct(String argument, Object[] value) throws SQLException {
        throw SqlExceptions.unsupported("Connection.createStruct");
    }

    @Override
    public java.sql.CallableStatement prepareCall(String argument) throws SQLException {
        throw SqlExceptions.unsupported("Connection.prepareCall");
    }

    @Override
    public java.sql.CallableStatement prepareCall(String argument, int value, int length) throws SQLException {
        throw SqlExceptions.unsupported("Connection.prepareCall");
    }

    @Override
    public java.sql.CallableStatement prepareCall(String argument, int value, int length, int arg3)
            throws SQLException {
        throw SqlExceptions.unsupported("Connection.prepareCall");
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(String argument, int[] value) throws SQLException {
        throw SqlExceptions.unsupported("Connection.prepareStatement");
    }

    @Override
    public void setTypeMap(java.util.Map<String, Class<?>> column) throws SQLException {
        throw SqlExceptions.unsupported("Connection.setTypeMap");
    }

}
