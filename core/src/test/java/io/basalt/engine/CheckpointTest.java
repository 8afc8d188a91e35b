package io.basalt.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.api.Basalt;
import io.basalt.api.BasaltConfig;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CHECKPOINT and reopening from data files: every type comes back value for value, the catalog (schemas, ALTER
 * TABLE, views, materialized views, sequences, indexes, constraints, foreign keys) survives the log's removal,
 * deletes and updates of checkpointed rows survive, open transactions and snapshots keep working across a
 * checkpoint, and damaged or newer files fail with XX001 naming the file.
 */
class CheckpointTest {
    private static final String ALL_TYPES = """
            CREATE TABLE every_type (id int PRIMARY KEY, s smallint, i integer, b bigint, r real, d double precision,
              n numeric(10,2), big numeric(30,10), f boolean, t text, v varchar(20), c char(3), y bytea, dt date,
              tm time, ts timestamp, tz timestamptz, iv interval, u uuid, j jsonb, ia int[], ta text[])""";

    @TempDir
    Path directory;

    private static String single(Session session, String sql) {
        try (QueryResult result = session.query(sql)) {
            return result.getText(0, 0);
        }
    }

    /** Every row of a query as text, for comparing a table before and after reopening. */
    private static void run(Session session, String... statements) {
        for (String sql : statements) {
            session.execute(sql).close();
        }
    }

    private List<Path> files(String subdirectory) throws IOException {
        try (Stream<Path> files = Files.list(directory.resolve(subdirectory))) {
            return files.sorted().toList();
        }
    }

    @Test
    void everyTypeSurvivesCheckpointAndReopen() throws IOException {
        List<String> before;
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            run(session, ALL_TYPES, """
                    INSERT INTO every_type SELECT g, g::smallint, g * 1000, g * 1000000000000, g / 3.0, g / 7.0,
                      g * 1.25, g * 12345678901.0123456789, g % 2 = 0, 'text ' || g || ' ünïcødé', 'v' || g, 'c' || g % 10,
                      decode(lpad(to_hex(g), 8, '0'), 'hex'), DATE '2024-01-01' + g, TIME '10:00' + g * INTERVAL '1 minute',
                      TIMESTAMP '2024-01-01 00:00' + g * INTERVAL '1 hour', TIMESTAMPTZ '2024-01-01 00:00+02' + g * INTERVAL '1 day',
                      g * INTERVAL '1 day 2 hours 3 seconds', ('00000000-0000-0000-0000-' || lpad(g::text, 12, '0'))::uuid,
                      ('{"k": ' || g || ', "a": [1, "x", null]}')::jsonb, ARRAY[g, NULL, g + 1], ARRAY['a' || g, NULL]
                    FROM generate_series(1, 3000) g""",
                    "INSERT INTO every_type (id) VALUES (0)");
            before = SessionRows.rows(session, "SELECT * FROM every_type ORDER BY id");
            assertThat(session.execute("CHECKPOINT").commandTag()).isEqualTo("CHECKPOINT");
        }
        assertThat(files("data")).hasSize(1);
        assertThat(Files.size(files("wal").getLast())).isLessThan(4096);
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            assertThat(SessionRows.rows(session, "SELECT * FROM every_type ORDER BY id")).isEqualTo(before);
            assertThat(single(session, "SELECT count(*) FROM every_type WHERE j @> '{\"k\": 7}'")).isEqualTo("1");
            assertThatThrownBy(() -> session.execute("INSERT INTO every_type (id) VALUES (5)"))
                    .isInstanceOfSatisfying(BasaltException.class,
                            e -> assertThat(e.sqlState()).isEqualTo(SqlState.UNIQUE_VIOLATION));
        }
    }

    @Test
    void deletesAndUpdatesOfCheckpointedRowsSurvive() {
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            run(session, "CREATE TABLE t (a int PRIMARY KEY, b text)",
                    "INSERT INTO t SELECT g, 'row ' || g FROM generate_series(1, 10000) g",
                    "CHECKPOINT",
                    "DELETE FROM t WHERE a % 3 = 0",
                    "UPDATE t SET b = 'updated' WHERE a % 5 = 0",
                    "CHECKPOINT",
                    "DELETE FROM t WHERE a % 7 = 0",
                    "UPDATE t SET b = 'again' WHERE a % 11 = 0");
        }
        List<String> expected = new ArrayList<>();
        for (int a = 1; a <= 10000; a++) {
            if (a % 3 != 0 && a % 7 != 0) {
                expected.add(a + "|" + (a % 11 == 0 ? "again" : a % 5 == 0 ? "updated" : "row " + a));
            }
        }
        for (int reopen = 0; reopen < 2; reopen++) {
            try (Database db = Basalt.open(directory); Session session = db.connect()) {
                assertThat(SessionRows.rows(session, "SELECT a, b FROM t ORDER BY a")).isEqualTo(expected);
                // the rows' ids are those the log's tail names: a delete after reopening finds its rows
                run(session, "DELETE FROM t WHERE a = 1 OR a = 2");
                run(session, "INSERT INTO t VALUES (1, 'row 1'), (2, 'row 2')");
            }
        }
    }

    @Test
    void catalogSurvivesCheckpointAndLogRemoval() throws IOException {
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            run(session, "CREATE SCHEMA sales",
                    "CREATE TABLE sales.customers (id serial PRIMARY KEY, name text NOT NULL UNIQUE, tier int "
                            + "CHECK (tier BETWEEN 1 AND 3))",
                    "CREATE TABLE sales.orders (id bigint GENERATED ALWAYS AS IDENTITY, customer int REFERENCES "
                            + "sales.customers (id), amount numeric(12,2))",
                    "INSERT INTO sales.customers (name, tier) VALUES ('ann', 1), ('bob', 2), ('cy', 3)",
                    "INSERT INTO sales.orders (customer, amount) VALUES (1, 10.50), (2, 20), (1, 5.25)",
                    "ALTER TABLE sales.customers ADD COLUMN city text DEFAULT 'Oslo'",
                    "ALTER TABLE sales.orders RENAME COLUMN amount TO total",
                    "ALTER TABLE sales.customers ALTER COLUMN tier TYPE bigint",
                    "CREATE INDEX orders_customer ON sales.orders (customer)",
                    "CREATE UNIQUE INDEX customers_name_tier ON sales.customers (tier, name)",
                    "CREATE VIEW sales.totals AS SELECT customer, sum(total) AS total FROM sales.orders GROUP BY customer",
                    "CREATE MATERIALIZED VIEW sales.frozen AS SELECT count(*) AS orders FROM sales.orders",
                    "CREATE SEQUENCE sales.ticket START 100 INCREMENT 5",
                    "SELECT nextval('sales.ticket')", "SELECT nextval('sales.ticket')",
                    "CHECKPOINT",
                    "INSERT INTO sales.orders (customer, total) VALUES (3, 1)");
        }
        try (Stream<Path> wal = Files.list(directory.resolve("wal"))) {
            assertThat(wal.count()).isEqualTo(1);
        }
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            assertThat(SessionRows.rows(session, "SELECT * FROM sales.customers ORDER BY id"))
                    .containsExactly("1|ann|1|Oslo", "2|bob|2|Oslo", "3|cy|3|Oslo");
            assertThat(SessionRows.rows(session, "SELECT * FROM sales.totals ORDER BY customer"))
                    .containsExactly("1|15.75", "2|20.00", "3|1.00");
            // the materialized view keeps the rows of its last refresh, not the base table's now
            assertThat(single(session, "SELECT orders FROM sales.frozen")).isEqualTo("3");
            assertThat(single(session, "SELECT nextval('sales.ticket')")).isEqualTo("110");
            assertThat(single(session, "INSERT INTO sales.customers (name, tier) VALUES ('dee', 1) RETURNING id"))
                    .isEqualTo("4");
            assertThat(single(session, "INSERT INTO sales.orders (customer, total) VALUES (4, 2) RETURNING id"))
                    .isEqualTo("5");
            assertThat(single(session, "SELECT pg_typeof(tier)::text FROM sales.customers LIMIT 1")).isEqualTo("bigint");
            assertSqlState(session, "INSERT INTO sales.orders (customer, total) VALUES (99, 1)",
                    SqlState.FOREIGN_KEY_VIOLATION);
            assertSqlState(session, "INSERT INTO sales.customers (name, tier) VALUES ('ann', 1)",
                    SqlState.UNIQUE_VIOLATION);
            assertSqlState(session, "INSERT INTO sales.customers (name, tier) VALUES ('eve', 4)",
                    SqlState.CHECK_VIOLATION);
            assertSqlState(session, "INSERT INTO sales.customers (name, tier) VALUES (NULL, 1)",
                    SqlState.NOT_NULL_VIOLATION);
            run(session, "REFRESH MATERIALIZED VIEW sales.frozen");
            assertThat(single(session, "SELECT orders FROM sales.frozen")).isEqualTo("5");
        }
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            assertThat(single(session, "SELECT orders FROM sales.frozen")).isEqualTo("5");
            assertThat(single(session, "SELECT nextval('sales.ticket')")).isEqualTo("115");
        }
    }

    private static void assertSqlState(Session session, String sql, SqlState state) {
        assertThatThrownBy(() -> session.execute(sql)).isInstanceOfSatisfying(BasaltException.class,
                e -> assertThat(e.sqlState()).isEqualTo(state));
    }

    @Test
    void snapshotsAndOpenTransactionsKeepWorkingAcrossACheckpoint() {
        try (Database db = Basalt.open(directory); Session reader = db.connect(); Session writer = db.connect()) {
            run(writer, "CREATE TABLE t (a int)", "INSERT INTO t SELECT g FROM generate_series(1, 100) g");
            run(reader, "BEGIN ISOLATION LEVEL REPEATABLE READ");
            assertThat(single(reader, "SELECT count(*) FROM t")).isEqualTo("100");
            run(reader, "INSERT INTO t VALUES (-1)");
            run(writer, "DELETE FROM t WHERE a <= 50", "INSERT INTO t VALUES (1000)", "CHECKPOINT");
            assertThat(single(reader, "SELECT count(*) FROM t")).isEqualTo("101");
            assertThat(single(writer, "SELECT count(*) FROM t")).isEqualTo("51");
            run(reader, "COMMIT");
            assertThat(single(writer, "SELECT count(*) FROM t")).isEqualTo("52");
        }
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            assertThat(single(session, "SELECT count(*) || ' ' || min(a) || ' ' || max(a) FROM t"))
                    .isEqualTo("52 -1 1000");
        }
    }

    @Test
    void tablesSpanningManyRowGroupsReopenWithAnotherVectorSize() {
        BasaltConfig odd = BasaltConfig.defaults().withVectorSize(1000);
        try (Database db = Basalt.open(directory, odd); Session session = db.connect()) {
            run(session, "CREATE TABLE big (a bigint, b text)",
                    "INSERT INTO big SELECT g, CASE WHEN g % 1000 = 0 THEN NULL ELSE 'b' || g % 97 END "
                            + "FROM generate_series(1, 300000) g",
                    "DELETE FROM big WHERE a % 100000 = 7",
                    "CHECKPOINT",
                    // a second checkpoint copies the full row groups, re-encodes the last, masks the deletion
                    "INSERT INTO big SELECT g, NULL FROM generate_series(300001, 300010) g",
                    "DELETE FROM big WHERE a = 5 OR a > 300000",
                    "INSERT INTO big VALUES (5, 'b5')",
                    "CHECKPOINT");
        }
        for (BasaltConfig config : List.of(BasaltConfig.defaults().withVectorSize(2048),
                BasaltConfig.defaults().withVectorSize(7))) {
            try (Database db = Basalt.open(directory, config); Session session = db.connect()) {
                assertThat(SessionRows.rows(session, "SELECT count(*), sum(a), count(b), max(b) FROM big"))
                        .containsExactly("299997|44999849979|299697|b96");
                run(session, "DELETE FROM big WHERE a = 250000", "INSERT INTO big VALUES (250000, NULL)");
            }
        }
    }

    @Test
    void filtersPushedIntoScansOfCheckpointedTablesKeepEveryMatchingRow() {
        List<String> filters = List.of("a BETWEEN 1000 AND 1500", "a IN (3, 70000, 99999)", "b IS NULL",
                "b IS NOT NULL AND a < 50", "b LIKE 'b1%'", "b LIKE 'b1_'", "d >= DATE '2024-06-01'", "a = 12345",
                "a > 99990 AND b < 'b5'", "d IS NULL");
        List<List<String>> before = new ArrayList<>();
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            run(session, "CREATE TABLE t (a bigint, b text, d date)",
                    "INSERT INTO t SELECT g, CASE WHEN g % 17 = 0 THEN NULL ELSE 'b' || g % 1000 END, "
                            + "DATE '2024-01-01' + g % 300 FROM generate_series(1, 130000) g",
                    "CHECKPOINT", "DELETE FROM t WHERE a % 1000 = 3", "INSERT INTO t VALUES (200000, 'b1x', NULL)");
            for (String filter : filters) {
                before.add(SessionRows.rows(session, "SELECT count(*), sum(a), min(b), max(d) FROM t WHERE " + filter));
            }
        }
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            for (int i = 0; i < filters.size(); i++) {
                assertThat(SessionRows.rows(session, "SELECT count(*), sum(a), min(b), max(d) FROM t WHERE " + filters.get(i)))
                        .as(filters.get(i)).isEqualTo(before.get(i));
            }
            assertThat(SessionRows.rows(session, "SELECT count(*) FROM t WHERE b LIKE 'b1%'"))
                    .isEqualTo(SessionRows.rows(session, "SELECT count(*) FROM t WHERE substr(b, 1, 2) = 'b1'"));
        }
    }

    @Test
    void aTableRewrittenByAlterTableIsWrittenAnew() {
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            run(session, "CREATE TABLE t (a int, b text)",
                    "INSERT INTO t SELECT g, 'x' FROM generate_series(1, 10) g", "CHECKPOINT",
                    // a new store of the same generation number and column types: none of the old file is reused
                    "ALTER TABLE t ALTER COLUMN a TYPE int USING a * 10", "CHECKPOINT");
        }
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            assertThat(single(session, "SELECT sum(a) FROM t")).isEqualTo("550");
        }
    }

    @Test
    void logPastMaxWalSizeTriggersACheckpoint() throws IOException {
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            run(session, "SET max_wal_size = '64kB'", "CREATE TABLE t (a int, b text)");
            for (int i = 0; i < 20; i++) {
                run(session, "INSERT INTO t SELECT g, repeat('x', 100) FROM generate_series(1, 100) g");
            }
            assertThat(directory.resolve("manifest")).exists();
            assertThat(Files.size(files("wal").getLast())).isLessThan(64 * 1024 + 16 * 1024);
            assertThat(single(session, "SHOW max_wal_size")).isEqualTo("64kB");
        }
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            assertThat(single(session, "SELECT count(*) FROM t")).isEqualTo("2000");
        }
    }

    @Test
    void damagedColumnChunkFailsNamingTheFile() throws IOException {
        checkpointedTable();
        Path file = files("data").getFirst();
        flipByte(file, Files.size(file) / 3);
        assertCorrupt(file.getFileName().toString());
    }

    @Test
    void damagedFooterFailsNamingTheFile() throws IOException {
        checkpointedTable();
        Path file = files("data").getFirst();
        flipByte(file, Files.size(file) - 40);
        assertCorrupt(file.getFileName().toString());
    }

    @Test
    void damagedManifestFailsNamingIt() throws IOException {
        checkpointedTable();
        flipByte(directory.resolve("manifest"), 20);
        assertCorrupt("manifest");
    }

    @Test
    void manifestOfANewerFormatIsRefused() throws IOException {
        checkpointedTable();
        writeInt(directory.resolve("manifest"), 8, 99);
        assertThatThrownBy(() -> Basalt.open(directory)).isInstanceOfSatisfying(BasaltException.class, e -> {
            assertThat(e.sqlState()).isEqualTo(SqlState.DATA_CORRUPTED);
            assertThat(e.getMessage()).isEqualTo("database files are incompatible with server");
            assertThat(e.detail()).contains("manifest").contains("format version 99");
        });
    }

    @Test
    void dataFileOfANewerFormatIsRefused() throws IOException {
        checkpointedTable();
        Path file = files("data").getFirst();
        writeInt(file, 8, 7);
        assertThatThrownBy(() -> Basalt.open(directory)).isInstanceOfSatisfying(BasaltException.class, e -> {
            assertThat(e.sqlState()).isEqualTo(SqlState.DATA_CORRUPTED);
            assertThat(e.detail()).contains(file.getFileName().toString()).contains("format version 7");
        });
    }

    private void checkpointedTable() {
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            run(session, "CREATE TABLE t (a int, b text)",
                    "INSERT INTO t SELECT g, 'value ' || g FROM generate_series(1, 5000) g", "CHECKPOINT");
        }
    }

    private void assertCorrupt(String fileName) {
        assertThatThrownBy(() -> {
            try (Database db = Basalt.open(directory); Session session = db.connect()) {
                session.query("SELECT sum(a), max(b) FROM t").close();
            }
        }).isInstanceOfSatisfying(BasaltException.class, e -> {
            assertThat(e.sqlState()).isEqualTo(SqlState.DATA_CORRUPTED);
            assertThat(e.getMessage()).contains(fileName);
        });
        // a failed open leaves the directory as it was: it still fails, and is not locked
        assertThatThrownBy(() -> Basalt.open(directory).close()).isInstanceOf(BasaltException.class);
    }

    private static void flipByte(Path file, long position) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            one.put(0, (byte) (one.get(0) ^ 0x5A)).rewind();
            channel.write(one, position);
        }
    }

    private static void writeInt(Path file, long position, int value) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(4).putInt(0, value), position);
        }
    }
}
