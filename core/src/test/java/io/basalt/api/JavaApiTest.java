package io.basalt.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.LogicalType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/** The Java API end to end: statements, parameters, Arrow results, bulk append, errors. */
class JavaApiTest {
    private static List<List<String>> rows(QueryResult result) {
        List<List<String>> rows = new ArrayList<>();
        for (long r = 0; r < result.rowCount(); r++) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < result.columns().size(); c++) {
                row.add(result.getText(r, c));
            }
            rows.add(row);
        }
        return rows;
    }

    @Test
    void createInsertAndQuery() {
        try (Database db = Basalt.inMemory(); Session session = db.connect()) {
            try (QueryResult created = session.execute("CREATE TABLE t (a integer, b text, c numeric(10,2))")) {
                assertThat(created.commandTag()).isEqualTo("CREATE TABLE");
                assertThat(created.returnsRows()).isFalse();
            }
            try (QueryResult inserted = session.execute("INSERT INTO t VALUES (1, 'x', 1.5), (2, NULL, NULL), (3, 'z', 10)")) {
                assertThat(inserted.commandTag()).isEqualTo("INSERT 0 3");
                assertThat(inserted.rowCount()).isEqualTo(3);
            }
            try (QueryResult result = session.query("SELECT a, b, c * 2 AS twice FROM t WHERE a >= $1 ORDER BY a", 2)) {
                assertThat(result.columns()).extracting(ResultColumn::name).containsExactly("a", "b", "twice");
                assertThat(result.columns().get(0).type()).isEqualTo(LogicalType.INTEGER);
                assertThat(rows(result)).containsExactly(
                        java.util.Arrays.asList("2", null, null),
                        List.of("3", "z", "20.00"));
                assertThat(result.commandTag()).isEqualTo("SELECT 2");
                VectorSchemaRoot first = result.batches().getFirst();
                assertThat(LogicalType.of(first.getSchema().getFields().get(2))).isEqualTo(LogicalType.numeric(11, 2));
            }
        }
    }

    @Test
    void aggregatesFollowPostgresTypes() {
        try (Database db = Basalt.inMemory(); Session session = db.connect()) {
            session.execute("CREATE TABLE t (g text, v integer)").close();
            session.execute("INSERT INTO t VALUES ('a', 1), ('a', 2), ('b', 3), ('b', NULL), (NULL, 5)").close();
            try (QueryResult result = session.query(
                    "SELECT g, count(*), count(v), sum(v), avg(v), min(v), max(v) FROM t GROUP BY g ORDER BY g NULLS FIRST")) {
                assertThat(result.columns()).extracting(c -> c.type().displayName())
                        .containsExactly("text", "bigint", "bigint", "bigint", "numeric", "integer", "integer");
                assertThat(rows(result)).containsExactly(
                        java.util.Arrays.asList(null, "1", "1", "5", "5.0000000000000000", "5", "5"),
                        List.of("a", "2", "2", "3", "1.5000000000000000", "1", "2"),
                        List.of("b", "2", "1", "3", "3.0000000000000000", "3", "3"));
            }
        }
    }

    @Test
    void parametersOfEveryJavaType() {
        try (Database db = Basalt.inMemory(); Session session = db.connect();
             QueryResult result = session.query("SELECT $1, $2, $3, $4, $5, $6, $7 = DATE '2024-03-01'",
                     true, 7L, 2.5, new BigDecimal("12.340"), "text", null, LocalDate.of(2024, 3, 1))) {
            assertThat(rows(result)).containsExactly(java.util.Arrays.asList("t", "7", "2.5", "12.340", "text", null, "t"));
        }
    }

    @Test
    void appendArrowBatch() {
        try (Database db = Basalt.inMemory(); Session session = db.connect();
             BufferAllocator allocator = new RootAllocator()) {
            session.execute("CREATE TABLE big (id bigint, name text)").close();
            List<FieldVector> vectors = List.of(
                    LogicalType.BIGINT.arrowField("id").createVector(allocator),
                    LogicalType.TEXT.arrowField("name").createVector(allocator));
            try (VectorSchemaRoot root = new VectorSchemaRoot(vectors)) {
                BigIntVector ids = (BigIntVector) root.getVector(0);
                VarCharVector names = (VarCharVector) root.getVector(1);
                for (int i = 0; i < 5000; i++) {
                    ids.setSafe(i, i);
                    names.setSafe(i, ("n" + (i % 10)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                root.setRowCount(5000);
                assertThat(session.append("big", root)).isEqualTo(5000);
            }
            try (QueryResult result = session.query("SELECT name, count(*), sum(id) FROM big GROUP BY name ORDER BY 1 LIMIT 2")) {
                assertThat(rows(result)).containsExactly(List.of("n0", "500", "1247500"), List.of("n1", "500", "1248000"));
            }
        }
    }

    @Test
    void errorsCarrySqlStateAndPosition() {
        try (Database db = Basalt.inMemory(); Session session = db.connect()) {
            assertThatThrownBy(() -> session.execute("SELECT * FROM missing"))
                    .isInstanceOfSatisfying(BasaltException.class, e -> {
                        assertThat(e.sqlState()).isEqualTo(SqlState.UNDEFINED_TABLE);
                        assertThat(e.getMessage()).isEqualTo("relation \"missing\" does not exist");
                        assertThat(e.position()).isEqualTo(15);
                    });
            assertThatThrownBy(() -> session.execute("SELECT 1/0"))
                    .isInstanceOfSatisfying(BasaltException.class,
                            e -> assertThat(e.sqlState()).isEqualTo(SqlState.DIVISION_BY_ZERO));
            assertThatThrownBy(() -> session.execute("SELEC 1"))
                    .isInstanceOfSatisfying(BasaltException.class, e -> {
                        assertThat(e.sqlState()).isEqualTo(SqlState.SYNTAX_ERROR);
                        assertThat(e.getMessage()).isEqualTo("syntax error at or near \"SELEC\"");
                        assertThat(e.position()).isEqualTo(1);
                    });
            session.execute("CREATE TABLE t (a integer NOT NULL, b text)").close();
            assertThatThrownBy(() -> session.execute("INSERT INTO t VALUES (1, 'ok'), (NULL, 'bad')"))
                    .isInstanceOfSatisfying(BasaltException.class, e -> {
                        assertThat(e.sqlState()).isEqualTo(SqlState.NOT_NULL_VIOLATION);
                        assertThat(e.detail()).isEqualTo("Failing row contains (null, bad).");
                    });
            try (QueryResult result = session.query("SELECT count(*) FROM t")) {
                assertThat(result.getText(0, 0)).as("a failed INSERT inserts nothing").isEqualTo("0");
            }
        }
    }

    @Test
    void unclosedResultsAreFreedWithTheirSession() {
        try (Database db = Basalt.inMemory()) {
            Session session = db.connect();
            session.query("SELECT 1");
            session.close();
        }
    }
}
