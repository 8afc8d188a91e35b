package io.basalt.jdbc;

import java.sql.SQLException;
import java.sql.Savepoint;

/** A savepoint of a {@link BasaltConnection}: named by the caller, or numbered and named {@code JDBC_SAVEPOINT_n}. */
record BasaltSavepoint(int id, String name) implements Savepoint {

    /** The name in SQL, quoted. */
    String sqlName() {
        return io.basalt.sql.lexer.IdentifierQuoting.quote(name != null ? name : "JDBC_SAVEPOINT_" + id);
    }

    static BasaltSavepoint cast(Savepoint savepoint) throws SQLException {
        if (savepoint instanceof BasaltSavepoint own) {
            return own;
        }
        throw SqlExceptions.usage("not a savepoint of this driver", "3B001");
    }

    @Override
    public int getSavepointId() throws SQLException {
        if (name != null) {
            throw SqlExceptions.usage("Cannot retrieve the id of a named savepoint.", "3B001");
        }
        return id;
    }

    @Override
    public String getSavepointName() throws SQLException {
        if (name == null) {
            throw SqlExceptions.usage("Cannot retrieve the name of an unnamed savepoint.", "3B001");
        }
        return name;
    }
}
