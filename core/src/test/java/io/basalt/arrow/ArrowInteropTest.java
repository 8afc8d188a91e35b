package io.basalt.arrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.api.Basalt;
import io.basalt.api.BasaltConfig;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import io.basalt.error.BasaltException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Arrow in and out: results as ArrowReader streams and IPC files, and Arrow data queried as tables. */
class ArrowInteropTest {
    private static final String EVERY_TYPE = "SELECT i, i % 2 = 0 AS even, i::smallint AS s, i * 1000000000000 AS l,"
            + " i / 3.0 AS d, (i * 1.25)::numeric(10,2) AS n, 'row ' || i AS t, DATE '2024-01-01' + i AS dt,"
            + " TIMESTAMP '2024-01-01 00:00' + i * INTERVAL '1 hour' AS ts,"
            + " TIMESTAMPTZ '2024-01-01 00:00+00' + i * INTERVAL '1 minute' AS tz, make_interval(days => i) AS iv,"
            + " ('00000000-0000-0000-0000-00000000000' || (i % 10))::uuid AS u, ('{\"i\": ' || i || '}')::jsonb AS j,"
            + " ARRAY[i, NULL, -i] AS a, CASE WHEN i % 3 = 0 THEN NULL ELSE decode('00ff', 'hex') END AS b"
            + " FROM generate_series(1, 20) AS g(i)";

    @TempDir
    Path directory;

    private static List<String> rows(Session session, String sql) {
        List<String> rows = new ArrayList<>();
        try (QueryResult result = session.query(sql)) {
            for (long r = 0; r < result.rowCount(); r++) {
                StringBuilder row = new StringBuilder();
                for (int c = 0; c < result.columns().size(); c++) {
                    row.append(c == 0 ? "" : "|").append(result.getText(r, c));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static Database database() {
        return Basalt.inMemory(BasaltConfig.defaults().withVectorSize(7));
    }

    @Test
    void resultsStreamAsArrowReaders() throws IOException {
        try (Database db = database(); Session session = db.connect()) {
            long total = 0;
            int batches = 0;
            try (ArrowReader reader = ArrowResults.reader(session.query("SELECT i, 'x' || i AS t"
                    + " FROM generate_series(1, 20) AS g(i)"))) {
                VectorSchemaRoot root = reader.getVectorSchemaRoot();
                assertThat(root.getSchema().getFields()).extracting(f -> f.getName()).containsExactly("i", "t");
                while (reader.loadNextBatch()) {
                    batches++;
                    for (int row = 0; row < root.getRowCount(); row++) {
                        total += ((IntVector) root.getVector("i")).get(row);
                        assertThat(root.getVector("t").getObject(row).toString())
                                .isEqualTo("x" + ((IntVector) root.getVector("i")).get(row));
                    }
                }
            }
            assertThat(total).isEqualTo(210);
            assertThat(batches).isEqualTo(3);
            try (ArrowReader empty = ArrowResults.reader(session.query("SELECT 1 AS a WHERE false"))) {
                assertThat(empty.loadNextBatch()).isFalse();
            }
        }
    }

    @Test
    void ipcFilesRoundTripWithEveryType() {
        Path file = directory.resolve("every.arrow");
        try (Database db = database(); Session session = db.connect()) {
            try (QueryResult result = session.query(EVERY_TYPE)) {
                assertThat(ArrowResults.writeFile(result, file)).isEqualTo(20);
            }
            List<String> expected = rows(session, EVERY_TYPE);
            assertThat(rows(session, "SELECT * FROM read_arrow('" + file + "')")).isEqualTo(expected);
            assertThat(rows(session, "SELECT count(*), sum(n) FROM read_arrow('" + file + "') WHERE even"))
                    .containsExactly("10|137.50");
            session.execute("CREATE TABLE copied AS SELECT * FROM read_arrow('" + file + "')").close();
            assertThat(rows(session, "SELECT * FROM copied")).isEqualTo(expected);
        }
    }

    @Test
    void copyToAndFromArrowFiles() {
        Path file = directory.resolve("orders.arrow");
        Path some = directory.resolve("some.arrow");
        try (Database db = database(); Session session = db.connect()) {
            session.execute("CREATE TABLE orders (id int PRIMARY KEY, total numeric(10,2), placed date)").close();
            session.execute("INSERT INTO orders SELECT i, i * 1.5, DATE '2024-01-01' + i"
                    + " FROM generate_series(1, 30) AS g(i)").close();
            try (QueryResult copied = session.execute("COPY orders TO '" + file + "' (FORMAT arrow)")) {
                assertThat(copied.commandTag()).isEqualTo("COPY 30");
            }
            session.execute("COPY (SELECT id FROM orders WHERE id <= 3) TO '" + some + "' (FORMAT 'arrow')").close();
            session.execute("CREATE TABLE restored (id int PRIMARY KEY, total numeric(10,2), placed date)").close();
            try (QueryResult copied = session.execute("COPY restored FROM '" + file + "' (FORMAT arrow)")) {
                assertThat(copied.commandTag()).isEqualTo("COPY 30");
            }
            assertThat(rows(session, "SELECT * FROM restored ORDER BY id")).isEqualTo(rows(session,
                    "SELECT * FROM orders ORDER BY id"));
            assertThat(rows(session, "SELECT * FROM read_arrow('" + some + "')")).containsExactly("1", "2", "3");
            assertThatThrownBy(() -> session.execute("COPY restored FROM '" + file + "' (FORMAT arrow)"))
                    .isInstanceOf(BasaltException.class).hasMessageContaining("restored_pkey");
        }
    }

    @Test
    void streamFormatIsReadByArrowAndByReadArrow() throws IOException {
        Path file = directory.resolve("stream.arrows");
        try (Database db = database(); Session session = db.connect()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (QueryResult result = session.query("SELECT i::bigint AS id FROM generate_series(1, 10) AS g(i)")) {
                ArrowResults.writeStream(result, out);
            }
            Files.write(file, out.toByteArray());
            long sum = 0;
            try (BufferAllocator allocator = new RootAllocator();
                 ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(out.toByteArray()),
                         allocator)) {
                while (reader.loadNextBatch()) {
                    BigIntVector ids = (BigIntVector) reader.getVectorSchemaRoot().getVector("id");
                    for (int row = 0; row < ids.getValueCount(); row++) {
                        sum += ids.get(row);
                    }
                }
            }
            assertThat(sum).isEqualTo(55);
            assertThat(rows(session, "SELECT sum(id) FROM read_arrow('" + file + "')")).containsExactly("55");
        }
    }

    @Test
    void applicationArrowDataIsQueriedAsATable() throws IOException {
        try (BufferAllocator allocator = new RootAllocator();
             IntVector ids = new IntVector("id", allocator);
             VarCharVector names = new VarCharVector("name", allocator);
             Database db = database(); Session session = db.connect()) {
            for (int i = 0; i < 25; i++) {
                ids.setSafe(i, i);
                if (i % 5 == 0) {
                    names.setNull(i);
                } else {
                    names.setSafe(i, ("n" + i).getBytes(StandardCharsets.UTF_8));
                }
            }
            ids.setValueCount(25);
            names.setValueCount(25);
            try (VectorSchemaRoot root = VectorSchemaRoot.of(ids, names)) {
                db.register(ArrowTableFunction.of("feed", root));
                assertThat(rows(session, "SELECT count(*), count(name), sum(id) FROM feed()"))
                        .containsExactly("25|20|300");
                assertThat(rows(session, "SELECT f.name FROM feed() f WHERE f.id IN (3, 24) ORDER BY 1"))
                        .containsExactly("n24", "n3");
                assertThat(rows(session, "SELECT count(*) FROM feed()")).containsExactly("25");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (QueryResult result = session.query("SELECT i AS id FROM generate_series(1, 4) AS g(i)")) {
                ArrowResults.writeStream(result, out);
            }
            try (ArrowStreamReader stream = new ArrowStreamReader(new ByteArrayInputStream(out.toByteArray()),
                    allocator)) {
                db.register(ArrowTableFunction.of("once", stream));
                assertThat(rows(session, "SELECT sum(id) FROM once()")).containsExactly("10");
                assertThat(rows(session, "SELECT count(*) FROM once()")).containsExactly("0");
            }
        }
    }

    @Test
    void arrowLayoutsBasaltDoesNotUseAreRefused() {
        try (BufferAllocator allocator = new RootAllocator(); Float4Vector floats = new Float4Vector("f", allocator)) {
            floats.setSafe(0, 1.5f);
            floats.setValueCount(1);
            try (VectorSchemaRoot root = VectorSchemaRoot.of(floats)) {
                assertThatThrownBy(() -> ArrowTableFunction.of("floats", root)).isInstanceOf(BasaltException.class)
                        .hasMessageContaining("is not supported");
            }
        }
        try (Database db = database(); Session session = db.connect()) {
            assertThatThrownBy(() -> session.query("SELECT * FROM read_arrow('" + directory.resolve("none") + "')"))
                    .isInstanceOf(BasaltException.class).hasMessageContaining("could not open file");
        }
    }
}
