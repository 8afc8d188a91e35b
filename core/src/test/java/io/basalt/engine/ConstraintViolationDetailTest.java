package io.basalt.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.Session;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import org.junit.jupiter.api.Test;

/**
 * The DETAIL lines of constraint violations (the sqllogictest runner compares only SQLSTATE and message), as
 * PostgreSQL 15 writes them, and the constraints Basalt still rejects (foreign keys: {@link ForeignKeyMessagesTest}).
 */
class ConstraintViolationDetailTest {
    private static final String TABLE = "CREATE TABLE t (id integer PRIMARY KEY, name text, "
            + "price numeric(8,2) CHECK (price > 0), day date, UNIQUE (name, day))";

    @Test
    void checkViolationShowsTheFailingRow() {
        try (Database db = Basalt.inMemory(); Session session = db.connect()) {
            session.execute(TABLE).close();
            assertThatThrownBy(() -> session.execute(
                    "INSERT INTO t VALUES (1, 'a', 1.5, '2024-01-01'), (2, NULL, -2, NULL)"))
                    .isInstanceOfSatisfying(BasaltException.class, e -> {
                        assertThat(e.sqlState()).isEqualTo(SqlState.CHECK_VIOLATION);
                        assertThat(e.getMessage())
                                .isEqualTo("new row for relation \"t\" violates check constraint \"t_price_check\"");
                        assertThat(e.detail()).isEqualTo("Failing row contains (2, null, -2.00, null).");
                    });
        }
    }

    @Test
    void aRoutedRowIsShownInThePartitionedTablesColumnOrder() {
        try (Database db = Basalt.inMemory(); Session session = db.connect()) {
            session.execute("CREATE TABLE errtst_parent (partid int NOT NULL, shdata int NOT NULL, data int, "
                    + "CONSTRAINT shdata_small CHECK (shdata < 3)) PARTITION BY RANGE (partid)").close();
            session.execute("CREATE TABLE errtst_child_reorder (data int NOT NULL DEFAULT 0, shdata int NOT NULL, "
                    + "partid int NOT NULL, CONSTRAINT shdata_small CHECK (shdata < 3), CHECK (data < 10))").close();
            session.execute("ALTER TABLE errtst_parent ATTACH PARTITION errtst_child_reorder "
                    + "FOR VALUES FROM (20) TO (30)").close();
            assertThatThrownBy(() -> session.execute(
                    "INSERT INTO errtst_parent (partid, shdata, data) VALUES (20, 1, NULL)"))
                    .isInstanceOfSatisfying(BasaltException.class, e -> {
                        assertThat(e.getMessage()).isEqualTo("null value in column \"data\" of relation "
                                + "\"errtst_child_reorder\" violates not-null constraint");
                        assertThat(e.detail()).isEqualTo("Failing row contains (20, 1, null).");
                    });
            assertThatThrownBy(() -> session.execute(
                    "INSERT INTO errtst_parent (partid, shdata, data) VALUES (20, 1, 10)"))
                    .isInstanceOfSatisfying(BasaltException.class,
                            e -> assertThat(e.detail()).isEqualTo("Failing row contains (20, 1, 10)."));
        }
    }

    @Test
    void aPartitionConstraintShowsTheRowInTheNamedRelationsColumnOrder() {
        try (Database db = Basalt.inMemory(); Session session = db.connect()) {
            session.execute("CREATE TABLE rp (a text, b bigint, c numeric, d int) PARTITION BY RANGE (a, b)").close();
            session.execute("CREATE TABLE rp_b (d int, c numeric, a text, b bigint) PARTITION BY RANGE (c)").close();
            session.execute("ALTER TABLE rp ATTACH PARTITION rp_b FOR VALUES FROM ('b', 1) TO ('b', 20)").close();
            session.execute("CREATE TABLE rp_b_low (c numeric, b bigint, d int, a text)").close();
            session.execute("ALTER TABLE rp_b ATTACH PARTITION rp_b_low FOR VALUES FROM (1) TO (100)").close();
            session.execute("CREATE TABLE rp_b_high (b bigint, a text, d int, c numeric)").close();
            session.execute("ALTER TABLE rp_b ATTACH PARTITION rp_b_high FOR VALUES FROM (100) TO (200)").close();
            session.execute("INSERT INTO rp VALUES ('b', 12, 96, 1), ('b', 13, 150, 2)").close();
            assertPartitionConstraintDetail(session, "UPDATE rp_b SET a = 'a'", "rp_b",
                    "Failing row contains (1, 96, a, 12).");
            assertPartitionConstraintDetail(session, "UPDATE rp_b SET b = b + 10 WHERE c > 100", "rp_b",
                    "Failing row contains (2, 150, b, 23).");
            assertPartitionConstraintDetail(session, "INSERT INTO rp_b VALUES (1, 50, 'a', 4)", "rp_b",
                    "Failing row contains (1, 50, a, 4).");
            assertPartitionConstraintDetail(session, "UPDATE rp_b_low SET c = 150", "rp_b_low",
                    "Failing row contains (150, 12, 1, b).");
        }
    }

    private static void assertPartitionConstraintDetail(Session session, String sql, String relation, String detail) {
        assertThatThrownBy(() -> session.execute(sql)).isInstanceOfSatisfying(BasaltException.class, e -> {
            assertThat(e.sqlState()).isEqualTo(SqlState.CHECK_VIOLATION);
            assertThat(e.getMessage()).isEqualTo("new row for relation \"" + relation
                    + "\" violates partition constraint");
            assertThat(e.detail()).isEqualTo(detail);
        });
    }

    @Test
    void uniqueViolationShowsTheKey() {
        try (Database db = Basalt.inMemory(); Session session = db.connect()) {
            session.execute(TABLE).close();
            assertThatThrownBy(() -> session.execute(
                    "INSERT INTO t VALUES (1, 'a', 1.5, '2024-01-01'), (2, 'a', 2, '2024-01-01')"))
                    .isInstanceOfSatisfying(BasaltException.class, e -> {
                        assertThat(e.sqlState()).isEqualTo(SqlState.UNIQUE_VIOLATION);
                        assertThat(e.getMessage())
                                .isEqualTo("duplicate key value violates unique constraint \"t_name_day_key\"");
                        assertThat(e.detail()).isEqualTo("Key (name, day)=(a, 2024-01-01) already exists.");
                    });
            session.execute("INSERT INTO t VALUES (1, 'a', 1.5, '2024-01-01')").close();
            assertThatThrownBy(() -> session.execute("INSERT INTO t VALUES (1, 'b', 2, NULL)"))
                    .isInstanceOfSatisfying(BasaltException.class, e -> {
                        assertThat(e.getMessage())
                                .isEqualTo("duplicate key value violates unique constraint \"t_pkey\"");
                        assertThat(e.detail()).isEqualTo("Key (id)=(1) already exists.");
                    });
        }
    }

    @Test
    void deferredKeysAreCheckedAtCommitWithTheirDetail() {
        try (Database db = Basalt.inMemory(); Session session = db.connect()) {
            session.execute("CREATE TABLE r (a integer UNIQUE DEFERRABLE INITIALLY DEFERRED)");
            session.execute("INSERT INTO r VALUES (1)");
            session.execute("BEGIN");
            session.execute("INSERT INTO r VALUES (1)");
            assertThatThrownBy(() -> session.execute("COMMIT"))
                    .isInstanceOfSatisfying(BasaltException.class, e -> {
                        assertThat(e.sqlState()).isEqualTo(SqlState.UNIQUE_VIOLATION);
                        assertThat(e.getMessage()).contains("duplicate key value violates unique constraint \"r_a_key\"");
                        assertThat(e.detail()).isEqualTo("Key (a)=(1) already exists.");
                    });
        }
    }

    @Test
    void generatedNamesAreCutTo63Bytes() {
        String table = "t".repeat(40);
        String column = "c".repeat(40);
        assertThat(TableConstraints.objectName(table, column, "check"))
                .isEqualTo("t".repeat(28) + "_" + "c".repeat(28) + "_check");
        assertThat(TableConstraints.objectName(table, null, "pkey")).isEqualTo("t".repeat(40) + "_pkey");
    }
}
