package io.basalt.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.basalt.api.Basalt;
import io.basalt.api.CopyStreams;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statements of one query string ({@link Session#executeAll}) in their implicit transaction, as PostgreSQL 15
 * runs a multi-statement simple query (the cases of its regression test {@code transactions.sql}; the expected
 * outcomes were taken from PostgreSQL 15): committed together at the end, rolled back together by an error, turned
 * into an ordinary block by BEGIN, ended with a warning by COMMIT or ROLLBACK, and no place for savepoints,
 * AND CHAIN or VACUUM.
 */
class ImplicitTransactionTest {
    @TempDir
    Path directory;

    private Database database;
    private Session session;
    /** The command tag (or the first value of a query) and the warnings of each statement that ran. */
    private final List<String> outcomes = new ArrayList<>();

    @BeforeEach
    void open() {
        database = Basalt.open(directory.resolve("db"));
        session = database.connect();
        run("CREATE TABLE i_table (f1 int)");
    }

    @AfterEach
    void close() {
        session.close();
        database.close();
    }

    private void run(String sql) {
        session.execute(sql).close();
    }

    private String value(String sql) {
        try (QueryResult result = session.query(sql)) {
            return result.rowCount() == 0 ? "" : result.getText(0, 0);
        }
    }

    private List<String> rows() {
        List<String> values = new ArrayList<>();
        try (QueryResult result = session.query("SELECT f1 FROM i_table ORDER BY f1")) {
            for (long row = 0; row < result.rowCount(); row++) {
                values.add(result.getText(row, 0));
            }
        }
        return values;
    }

    /** Runs the statements as one query string; returns its failure, or null. */
    private BasaltException string(String... statements) {
        outcomes.clear();
        try {
            session.executeAll(List.of(statements), CopyStreams.NONE, result -> {
                try (result) {
                    String outcome = result.returnsRows() ? result.getText(0, 0) : result.commandTag();
                    outcomes.add(result.warnings().isEmpty() ? outcome : outcome + " WARNING " + result.warnings());
                }
            });
            return null;
        } catch (BasaltException failure) {
            return failure;
        }
    }

    @Test
    void theStatementsCommitTogetherAndAnErrorRollsThemAllBack() {
        assertThat(string("INSERT INTO i_table VALUES (1)", "SELECT count(*) FROM i_table")).isNull();
        assertThat(outcomes).containsExactly("INSERT 0 1", "1");
        BasaltException failure = string("INSERT INTO i_table VALUES (2)", "SELECT count(*) FROM i_table",
                "SELECT 1/0", "INSERT INTO i_table VALUES (3)");
        assertThat(failure.sqlState()).isEqualTo(SqlState.DIVISION_BY_ZERO);
        assertThat(outcomes).containsExactly("INSERT 0 1", "2");
        assertThat(rows()).containsExactly("1");
        assertThat(value("SHOW transaction_isolation")).isEqualTo("read committed");
        try (QueryResult rollback = session.execute("ROLLBACK")) {
            assertThat(rollback.warnings()).containsExactly("there is no transaction in progress");
        }
    }

    @Test
    void beginMakesAnOrdinaryBlockThatOutlivesTheString() {
        assertThat(string("SELECT 1", "BEGIN", "INSERT INTO i_table VALUES (5)")).isNull();
        assertThat(outcomes).containsExactly("1", "BEGIN", "INSERT 0 1");
        run("ROLLBACK");
        assertThat(rows()).isEmpty();
        assertThat(string("BEGIN", "INSERT INTO i_table VALUES (3)", "COMMIT")).isNull();
        assertThat(rows()).containsExactly("3");
        assertThat(string("SELECT 1", "BEGIN", "SAVEPOINT sp", "ROLLBACK TO SAVEPOINT sp", "COMMIT")).isNull();
        assertThat(outcomes).containsExactly("1", "BEGIN", "SAVEPOINT", "ROLLBACK", "COMMIT");
    }

    @Test
    void commitAndRollbackEndTheImplicitTransactionWithAWarning() {
        BasaltException failure = string("INSERT INTO i_table VALUES (7)", "COMMIT", "INSERT INTO i_table VALUES (8)",
                "SELECT 1/0");
        assertThat(failure.sqlState()).isEqualTo(SqlState.DIVISION_BY_ZERO);
        assertThat(outcomes).containsExactly("INSERT 0 1", "COMMIT WARNING [there is no transaction in progress]",
                "INSERT 0 1");
        assertThat(string("INSERT INTO i_table VALUES (9)", "ROLLBACK", "SELECT 2")).isNull();
        assertThat(outcomes).containsExactly("INSERT 0 1", "ROLLBACK WARNING [there is no transaction in progress]",
                "2");
        assertThat(rows()).containsExactly("7");
    }

    @Test
    void savepointsAndChainsAreRefusedAsOutsideABlock() {
        assertThat(string("SELECT 1", "SAVEPOINT sp").getMessage())
                .isEqualTo("SAVEPOINT can only be used in transaction blocks");
        assertThat(string("ROLLBACK TO SAVEPOINT sp", "SELECT 2").getMessage())
                .isEqualTo("ROLLBACK TO SAVEPOINT can only be used in transaction blocks");
        assertThat(string("SELECT 2", "RELEASE SAVEPOINT sp", "SELECT 3").getMessage())
                .isEqualTo("RELEASE SAVEPOINT can only be used in transaction blocks");
        BasaltException chain = string("SET TRANSACTION READ ONLY", "COMMIT AND CHAIN");
        assertThat(chain.sqlState()).isEqualTo(SqlState.NO_ACTIVE_SQL_TRANSACTION);
        assertThat(chain.getMessage()).isEqualTo("COMMIT AND CHAIN can only be used in transaction blocks");
        assertThat(value("SHOW transaction_read_only")).isEqualTo("off");
        assertThat(string("INSERT INTO i_table VALUES (11)", "ROLLBACK AND CHAIN", "INSERT INTO i_table VALUES (12)")
                .getMessage()).isEqualTo("ROLLBACK AND CHAIN can only be used in transaction blocks");
        assertThat(rows()).isEmpty();
    }

    @Test
    void startTransactionSetsTheModesOfTheBlockItOpens() {
        assertThat(string("START TRANSACTION ISOLATION LEVEL REPEATABLE READ", "INSERT INTO i_table VALUES (15)",
                "COMMIT AND CHAIN")).isNull();
        assertThat(value("SHOW transaction_isolation")).isEqualTo("repeatable read");
        run("COMMIT");
        assertThat(value("SHOW transaction_isolation")).isEqualTo("read committed");
        assertThat(rows()).containsExactly("15");
    }

    @Test
    void vacuumRefusesTheImplicitBlockButNotAStatementOfItsOwn() {
        BasaltException failure = string("SELECT 1", "VACUUM");
        assertThat(failure.sqlState()).isEqualTo(SqlState.ACTIVE_SQL_TRANSACTION);
        assertThat(failure.getMessage()).isEqualTo("VACUUM cannot run inside a transaction block");
        assertThat(string("VACUUM")).isNull();
        run("BEGIN");
        BasaltException inBlock = catchThrowableOfType(BasaltException.class, () -> run("VACUUM"));
        assertThat(inBlock.getMessage()).isEqualTo("VACUUM cannot run inside a transaction block");
        run("ROLLBACK");
    }

    @Test
    void settingsChangedByAFailedStringAreRolledBack() {
        String before = value("SHOW work_mem");
        assertThat(string("SET work_mem = '1MB'", "SELECT 1/0")).isNotNull();
        assertThat(value("SHOW work_mem")).isEqualTo(before);
        assertThat(string("SET work_mem = '1MB'", "SELECT 1")).isNull();
        assertThat(value("SHOW work_mem")).isEqualTo("1MB");
    }
}
