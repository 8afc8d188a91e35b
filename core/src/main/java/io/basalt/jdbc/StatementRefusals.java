package io.basalt.jdbc;

import java.sql.SQLException;

/**
 * The parts of {@link java.sql.Statement} Basalt's driver does not offer: named cursors and generated keys chosen
 * by column position. Each refuses with SQLSTATE 0A000.
 */
abstract class StatementRefusals implements java.sql.Statement {
    @Override
    public int executeUpdate(String sql, int[] value) throws SQLException {
        throw SqlExceptions.unsupported("Statement.executeUpdate");
    }

    @Override
    public boolean execute(String sql, int[] value) throws SQLException {
        throw SqlExceptions.unsupported("Statement.execute");
    }

    @Override
    public void setCursorName(String name) throws SQLException {
        throw SqlExceptions.unsupported("Statement.setCursorName");
    }

}
