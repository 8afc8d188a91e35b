package io.basalt.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver through plain JDBC: connections, transactions, parameters and getters of every type, metadata, errors. */
class JdbcDriverTest {
    @TempDir
    Path directory;

    private static Connection memory() throws SQLException {
        return DriverManager.getConnection("jdbc:basalt:mem:");
    }

    private static void run(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> column(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    @Test
    void driverManagerFindsTheDriverThroughTheServiceLoader() throws SQLException {
        assertThat(DriverManager.getDriver("jdbc:basalt:mem:")).isInstanceOf(BasaltDriver.class);
        try (Connection connection = memory(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT 1 + 1 AS two")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt("two")).isEqualTo(2);
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void connectionsToOneUrlShareTheDatabase() throws SQLException {
        String url = "jdbc:basalt:" + directory.resolve("db");
        try (Connection first = DriverManager.getConnection(url); Connection second = DriverManager.getConnection(url)) {
            run(first, "CREATE TABLE t (a int)");
            run(first, "INSERT INTO t VALUES (1), (2)");
            assertThat(column(second, "SELECT a FROM t ORDER BY a")).containsExactly("1", "2");
        }
        try (Connection reopened = DriverManager.getConnection(url)) {
            assertThat(column(reopened, "SELECT count(*) FROM t")).containsExactly("2");
        }
        try (Connection named = DriverManager.getConnection("jdbc:basalt:mem:shared");
             Connection other = DriverManager.getConnection("jdbc:basalt:mem:shared");
             Connection privateOne = memory()) {
            run(named, "CREATE TABLE s (a int)");
            assertThat(column(other, "SELECT count(*) FROM s")).containsExactly("0");
            assertThatThrownBy(() -> column(privateOne, "SELECT count(*) FROM s"))
                    .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState())
                    .isEqualTo("42P01");
        }
    }

    @Test
    void transactionsCommitAndRollBackWithSavepoints() throws SQLException {
        String url = "jdbc:basalt:mem:transactions";
        try (Connection writer = DriverManager.getConnection(url); Connection reader = DriverManager.getConnection(url)) {
            run(writer, "CREATE TABLE t (a int)");
            writer.setAutoCommit(false);
            run(writer, "INSERT INTO t VALUES (1)");
            assertThat(column(reader, "SELECT count(*) FROM t")).containsExactly("0");
            writer.commit();
            assertThat(column(reader, "SELECT count(*) FROM t")).containsExactly("1");

            run(writer, "INSERT INTO t VALUES (2)");
            Savepoint savepoint = writer.setSavepoint();
            run(writer, "INSERT INTO t VALUES (3)");
            writer.rollback(savepoint);
            Savepoint named = writer.setSavepoint("named");
            run(writer, "INSERT INTO t VALUES (4)");
            writer.releaseSavepoint(named);
            writer.commit();
            assertThat(column(reader, "SELECT a FROM t ORDER BY a")).containsExactly("1", "2", "4");

            run(writer, "DELETE FROM t");
            writer.rollback();
            assertThat(column(reader, "SELECT count(*) FROM t")).containsExactly("3");

            writer.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            assertThat(column(writer, "SELECT count(*) FROM t")).containsExactly("3");
            assertThat(column(writer, "SHOW transaction_isolation")).containsExactly("repeatable read");
            run(reader, "INSERT INTO t VALUES (5)");
            assertThat(column(writer, "SELECT count(*) FROM t")).containsExactly("3");
            writer.commit();
            assertThat(column(writer, "SELECT count(*) FROM t")).containsExactly("4");
            writer.setAutoCommit(true);
            assertThatThrownBy(writer::commit).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void parametersAndGettersOfEveryType() throws SQLException {
        try (Connection connection = memory()) {
            run(connection, "CREATE TABLE v (b boolean, s smallint, i integer, l bigint, r real, d double precision,"
                    + " n numeric(12,3), wide numeric, t text, vc varchar(10), c char(3), dt date, tm time,"
                    + " ts timestamp, tz timestamptz, ttz timetz, iv interval, u uuid, by bytea, j jsonb,"
                    + " ia integer[], ta text[])");
            UUID uuid = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
            LocalDateTime stamp = LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123456000);
            OffsetDateTime instant = OffsetDateTime.of(2024, 3, 1, 8, 0, 0, 0, ZoneOffset.ofHours(2));
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO v VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::interval, ?, ?, ?::jsonb,"
                            + " ?, ?)")) {
                insert.setBoolean(1, true);
                insert.setShort(2, (short) -7);
                insert.setInt(3, 42);
                insert.setLong(4, 9_000_000_000L);
                insert.setFloat(5, 1.5f);
                insert.setDouble(6, 2.25);
                insert.setBigDecimal(7, new BigDecimal("123.456"));
                insert.setBigDecimal(8, new BigDecimal("12345678901234567890123456789012345678901.5"));
                insert.setString(9, "it's");
                insert.setString(10, "short");
                insert.setString(11, "ab");
                insert.setObject(12, LocalDate.of(2024, 2, 29));
                insert.setObject(13, LocalTime.of(23, 59, 58, 1000));
                insert.setObject(14, stamp);
                insert.setObject(15, instant);
                insert.setObject(16, OffsetTime.of(10, 30, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)));
                insert.setString(17, "1 day 2 hours");
                insert.setObject(18, uuid);
                insert.setBytes(19, new byte[] {0, 1, (byte) 0xff});
                insert.setString(20, "{\"k\": [1, 2]}");
                insert.setArray(21, connection.createArrayOf("int4", new Object[] {1, null, 3}));
                insert.setObject(22, new String[] {"x", "y z"});
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            try (PreparedStatement nulls = connection.prepareStatement("INSERT INTO v (i, dt, u, by) VALUES (?, ?, ?, ?)")) {
                nulls.setNull(1, Types.INTEGER);
                nulls.setNull(2, Types.DATE);
                nulls.setObject(3, null);
                nulls.setBytes(4, null);
                nulls.executeUpdate();
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT * FROM v ORDER BY i NULLS LAST")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getBoolean("b")).isTrue();
                assertThat(rows.getObject("b")).isEqualTo(Boolean.TRUE);
                assertThat(rows.getShort("s")).isEqualTo((short) -7);
                assertThat(rows.getObject("s")).isEqualTo(-7);
                assertThat(rows.getInt("i")).isEqualTo(42);
                assertThat(rows.getLong("l")).isEqualTo(9_000_000_000L);
                assertThat(rows.getObject("l")).isEqualTo(9_000_000_000L);
                assertThat(rows.getFloat("r")).isEqualTo(1.5f);
                assertThat(rows.getObject("r")).isEqualTo(1.5f);
                assertThat(rows.getDouble("d")).isEqualTo(2.25);
                assertThat(rows.getBigDecimal("n")).isEqualTo(new BigDecimal("123.456"));
                assertThat(rows.getObject("n")).isEqualTo(new BigDecimal("123.456"));
                assertThat(rows.getString("n")).isEqualTo("123.456");
                assertThat(rows.getBigDecimal("wide"))
                        .isEqualTo(new BigDecimal("12345678901234567890123456789012345678901.5"));
                assertThat(rows.getString("t")).isEqualTo("it's");
                assertThat(rows.getString("vc")).isEqualTo("short");
                assertThat(rows.getString("c")).isEqualTo("ab ");
                assertThat(rows.getObject("dt", LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
                assertThat(rows.getDate("dt")).isEqualTo(java.sql.Date.valueOf("2024-02-29"));
                assertThat(rows.getObject("tm", LocalTime.class)).isEqualTo(LocalTime.of(23, 59, 58, 1000));
                assertThat(rows.getTime("tm")).isEqualTo(java.sql.Time.valueOf("23:59:58"));
                assertThat(rows.getObject("ts", LocalDateTime.class)).isEqualTo(stamp);
                assertThat(rows.getTimestamp("ts")).isEqualTo(java.sql.Timestamp.valueOf(stamp));
                assertThat(rows.getString("ts")).isEqualTo("2024-02-29 13:45:30.123456");
                assertThat(rows.getObject("tz", OffsetDateTime.class)).isEqualTo(instant.withOffsetSameInstant(ZoneOffset.UTC));
                assertThat(rows.getObject("tz", Instant.class)).isEqualTo(instant.toInstant());
                assertThat(rows.getTimestamp("tz").toInstant()).isEqualTo(instant.toInstant());
                assertThat(rows.getObject("ttz", OffsetTime.class))
                        .isEqualTo(OffsetTime.of(10, 30, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)));
                assertThat(rows.getString("iv")).isEqualTo("1 day 02:00:00");
                assertThat(rows.getObject("u")).isEqualTo(uuid);
                assertThat(rows.getObject("u", UUID.class)).isEqualTo(uuid);
                assertThat(rows.getBytes("by")).containsExactly(0, 1, 0xff);
                assertThat(rows.getString("by")).isEqualTo("\\x0001ff");
                assertThat(rows.getString("j")).isEqualTo("{\"k\": [1, 2]}");
                Array ints = rows.getArray("ia");
                assertThat(ints.getBaseTypeName()).isEqualTo("int4");
                assertThat((Object[]) ints.getArray()).containsExactly(1, null, 3);
                assertThat(rows.getString("ia")).isEqualTo("{1,NULL,3}");
                try (ResultSet elements = ints.getResultSet()) {
                    assertThat(elements.next()).isTrue();
                    assertThat(elements.getLong(1)).isEqualTo(1);
                    assertThat(elements.getInt(2)).isEqualTo(1);
                }
                assertThat((Object[]) rows.getArray("ta").getArray()).containsExactly("x", "y z");
                assertThat(rows.wasNull()).isFalse();

                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt("i")).isZero();
                assertThat(rows.wasNull()).isTrue();
                assertThat(rows.getObject("dt", LocalDate.class)).isNull();
                assertThat(rows.getObject("u")).isNull();
                assertThat(rows.getBytes("by")).isNull();
                assertThat(rows.getString("t")).isNull();
                assertThat(rows.wasNull()).isTrue();
                assertThat(rows.next()).isFalse();
            }
        }
    }

    @Test
    void closingTheConnectionClosesItsStatementsAndResults() throws SQLException {
        Connection connection = memory();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT 1");
        connection.close();
        assertThat(statement.isClosed()).isTrue();
        assertThat(rows.isClosed()).isTrue();
        assertThatThrownBy(rows::next).isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08003");
        rows.close();
    }

    @Test
    void parametersKeepPostgresTypingOfUntypedStrings() throws SQLException {
        try (Connection connection = memory();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT ?::date + 1, ? = 'x', pg_typeof(?), '?' AS q, $q$?$q$ AS d")) {
            statement.setString(1, "2024-12-31");
            statement.setString(2, "x");
            statement.setLong(3, 5);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getObject(1, LocalDate.class)).isEqualTo(LocalDate.of(2025, 1, 1));
                assertThat(rows.getBoolean(2)).isTrue();
                assertThat(rows.getString(3)).isEqualTo("bigint");
                assertThat(rows.getString("q")).isEqualTo("?");
                assertThat(rows.getString("d")).isEqualTo("?");
            }
            assertThatThrownBy(() -> {
                statement.clearParameters();
                statement.executeQuery();
            }).isInstanceOf(SQLException.class).hasMessageContaining("No value specified for parameter 1");
            assertThatThrownBy(() -> statement.executeQuery("SELECT 1")).isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42809");
        }
    }

    @Test
    void batchesAndGeneratedKeys() throws SQLException {
        try (Connection connection = memory()) {
            run(connection, "CREATE TABLE items (id serial PRIMARY KEY, name text NOT NULL UNIQUE)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO items (name) VALUES (?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, "first");
                assertThat(insert.executeUpdate()).isEqualTo(1);
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    assertThat(keys.next()).isTrue();
                    assertThat(keys.getLong("id")).isEqualTo(1);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO items (name) VALUES (?)")) {
                for (String name : List.of("a", "b", "c")) {
                    insert.setString(1, name);
                    insert.addBatch();
                }
                assertThat(insert.executeBatch()).containsExactly(1, 1, 1);
                insert.setString(1, "d");
                insert.addBatch();
                insert.setString(1, "a");
                insert.addBatch();
                assertThatThrownBy(insert::executeBatch).isInstanceOf(BatchUpdateException.class)
                        .satisfies(e -> {
                            assertThat(((BatchUpdateException) e).getSQLState()).isEqualTo("23505");
                            assertThat(((BatchUpdateException) e).getUpdateCounts()).containsExactly(1);
                        });
            }
            try (Statement statement = connection.createStatement()) {
                statement.addBatch("UPDATE items SET name = name || '!' WHERE id > 2");
                statement.addBatch("DELETE FROM items WHERE id = 1");
                assertThat(statement.executeBatch()).containsExactly(3, 1);
                assertThat(statement.execute("CREATE TABLE other (a int)")).isFalse();
                assertThat(statement.getUpdateCount()).isZero();
                assertThat(statement.execute("SELECT 1")).isTrue();
                assertThat(statement.getUpdateCount()).isEqualTo(-1);
                assertThat(statement.getMoreResults()).isFalse();
            }
        }
    }

    @Test
    void errorsCarryTheSqlStateAndPostgresMessage() throws SQLException {
        try (Connection connection = memory(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (a int PRIMARY KEY)");
            statement.execute("INSERT INTO t VALUES (1)");
            assertThatThrownBy(() -> statement.execute("INSERT INTO t VALUES (1)"))
                    .isInstanceOf(SQLIntegrityConstraintViolationException.class)
                    .hasMessageStartingWith("duplicate key value violates unique constraint \"t_pkey\"")
                    .hasMessageContaining("Detail: Key (a)=(1) already exists.")
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("23505");
            assertThatThrownBy(() -> statement.executeQuery("SELEC 1"))
                    .isInstanceOf(java.sql.SQLSyntaxErrorException.class)
                    .hasMessage("syntax error at or near \"SELEC\"");
            assertThatThrownBy(() -> statement.executeQuery("SELECT 1/0"))
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22012");
        }
    }

    @Test
    void resultSetMetaDataNamesTypes() throws SQLException {
        try (Connection connection = memory(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT 1::int4 AS a, 'x'::varchar(5) AS b, 1.5::numeric(6,2) AS c,"
                     + " now() AS d, ARRAY[1::bigint] AS e, gen_random_uuid() AS f, true AS g")) {
            ResultSetMetaData meta = rows.getMetaData();
            assertThat(meta.getColumnCount()).isEqualTo(7);
            assertThat(meta.getColumnLabel(1)).isEqualTo("a");
            assertThat(List.of(meta.getColumnType(1), meta.getColumnType(2), meta.getColumnType(3),
                    meta.getColumnType(4), meta.getColumnType(5), meta.getColumnType(6), meta.getColumnType(7)))
                    .containsExactly(Types.INTEGER, Types.VARCHAR, Types.NUMERIC, Types.TIMESTAMP_WITH_TIMEZONE,
                            Types.ARRAY, Types.OTHER, Types.BIT);
            assertThat(List.of(meta.getColumnTypeName(1), meta.getColumnTypeName(2), meta.getColumnTypeName(3),
                    meta.getColumnTypeName(4), meta.getColumnTypeName(5), meta.getColumnTypeName(6)))
                    .containsExactly("int4", "varchar", "numeric", "timestamptz", "_int8", "uuid");
            assertThat(meta.getPrecision(3)).isEqualTo(6);
            assertThat(meta.getScale(3)).isEqualTo(2);
            assertThat(meta.getColumnClassName(6)).isEqualTo("java.util.UUID");
        }
    }

    @Test
    void databaseMetaDataListsSchemasTablesColumnsAndKeys() throws SQLException {
        try (Connection connection = memory()) {
            run(connection, "CREATE SCHEMA shop");
            run(connection, "CREATE TABLE shop.customers (id bigint PRIMARY KEY, email varchar(100) NOT NULL UNIQUE)");
            run(connection, "CREATE TABLE shop.orders (id serial, customer_id bigint REFERENCES shop.customers"
                    + " ON DELETE CASCADE, total numeric(10,2) DEFAULT 0, PRIMARY KEY (id))");
            run(connection, "CREATE VIEW shop.big AS SELECT id FROM shop.orders WHERE total > 100");
            var meta = connection.getMetaData();
            assertThat(meta.getDatabaseProductName()).isEqualTo("Basalt");
            List<String> schemas = new ArrayList<>();
            try (ResultSet rows = meta.getSchemas()) {
                while (rows.next()) {
                    schemas.add(rows.getString("TABLE_SCHEM"));
                }
            }
            assertThat(schemas).contains("public", "shop");
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = meta.getTables(null, "shop", "%", null)) {
                while (rows.next()) {
                    tables.add(rows.getString("TABLE_NAME") + ":" + rows.getString("TABLE_TYPE"));
                }
            }
            assertThat(tables).containsExactly("customers:TABLE", "orders:TABLE", "big:VIEW");
            List<String> columns = new ArrayList<>();
            try (ResultSet rows = meta.getColumns(null, "shop", "orders", null)) {
                while (rows.next()) {
                    columns.add(rows.getString("COLUMN_NAME") + " " + rows.getString("TYPE_NAME") + " "
                            + rows.getInt("DATA_TYPE") + " " + rows.getString("IS_NULLABLE") + " "
                            + rows.getString("COLUMN_DEF") + " " + rows.getInt("ORDINAL_POSITION") + " "
                            + rows.getString("IS_AUTOINCREMENT"));
                }
            }
            assertThat(columns).containsExactly(
                    "id int4 4 NO nextval('shop.orders_id_seq'::regclass) 1 YES",
                    "customer_id int8 -5 YES null 2 NO",
                    "total numeric 2 YES 0 3 NO");
            try (ResultSet rows = meta.getPrimaryKeys(null, "shop", "customers")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString("COLUMN_NAME")).isEqualTo("id");
                assertThat(rows.getString("PK_NAME")).isEqualTo("customers_pkey");
                assertThat(rows.getShort("KEY_SEQ")).isEqualTo((short) 1);
                assertThat(rows.next()).isFalse();
            }
            try (ResultSet rows = meta.getImportedKeys(null, "shop", "orders")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString("PKTABLE_NAME")).isEqualTo("customers");
                assertThat(rows.getString("PKCOLUMN_NAME")).isEqualTo("id");
                assertThat(rows.getString("FKCOLUMN_NAME")).isEqualTo("customer_id");
                assertThat(rows.getString("FK_NAME")).isEqualTo("orders_customer_id_fkey");
                assertThat(rows.getInt("DELETE_RULE")).isEqualTo(java.sql.DatabaseMetaData.importedKeyCascade);
                assertThat(rows.next()).isFalse();
            }
            try (ResultSet rows = meta.getExportedKeys(null, "shop", "customers")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString("FKTABLE_NAME")).isEqualTo("orders");
            }
            try (ResultSet rows = meta.getTypeInfo()) {
                List<String> names = new ArrayList<>();
                while (rows.next()) {
                    names.add(rows.getString("TYPE_NAME"));
                }
                assertThat(names).contains("int4", "text", "numeric", "timestamptz", "uuid", "jsonb");
            }
        }
    }
}
