package io.basalt.jdbc;

/**
 * The parts of {@link java.sql.Connection} Basalt's driver does not offer: LOBs, XML, structs, stored-procedure
 * calls, type maps and generated keys chosen by column position. Each refuses with SQLSTATE 0A000.
 */
abstract class ConnectionRefusals implements java.sql.Connection {
    @Override
    public java.sql.Blob createBlob() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.createBlob");
    }

    @Override
    public java.sql.Clob createClob() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.createClob");
    }

    @Override
    public java.sql.NClob createNClob() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.createNClob");
    }

    @Override
    public java.sql.SQLXML createSQLXML() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.createSQLXML");
    }

    @Override
    public java.sql.Struct createStruct(java.lang.String argument, java.lang.Object[] value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.createStruct");
    }

    @Override
    public java.sql.CallableStatement prepareCall(java.lang.String argument) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.prepareCall");
    }

    @Override
    public java.sql.CallableStatement prepareCall(java.lang.String argument, int value, int length) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.prepareCall");
    }

    @Override
    public java.sql.CallableStatement prepareCall(java.lang.String argument, int value, int length, int arg3) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.prepareCall");
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(java.lang.String argument, int[] value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.prepareStatement");
    }

    @Override
    public void setTypeMap(java.util.Map<java.lang.String, java.lang.Class<?>> column) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.setTypeMap");
    }

}
