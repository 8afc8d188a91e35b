package io.basalt.jdbc;

/**
 * The parts of {@link java.sql.Statement} Basalt's driver does not offer: named cursors and generated keys chosen
 * by column position. Each refuses with SQLSTATE 0A000.
 */
abstract class StatementRefusals implements java.sql.Statement {
    @Override
    public int executeUpdate(java.lang.String sql, int[] value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.executeUpdate");
    }

    @Override
    public boolean execute(java.lang.String sql, int[] value) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.execute");
    }

    @Override
    public void setCursorName(java.lang.String name) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.setCursorName");
    }

}
