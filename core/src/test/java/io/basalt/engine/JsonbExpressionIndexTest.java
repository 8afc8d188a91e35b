package io.basalt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * B-tree indexes over expressions answer exactly as a scan of every row does: random documents (the indexed keys
 * missing, JSON null, of other types, numbers in several scales, unicode text; some documents not objects or NULL)
 * and random comparisons, BETWEENs and IN lists of the indexed expressions, run once through the index (enable_seqscan
 * off) and once without it (enable_bitmapscan off) in the same snapshot; while another session inserts, updates and
 * deletes; after a checkpoint, and after reopening the database from its log and from a checkpoint. Also: a large
 * enough table uses the index without being told to, for selective conditions only.
 */
class JsonbExpressionIndexTest {
    private static final String[] BRANDS = {"acme", "zenith", "orbit", "Acme", "émile", "ü", "", "a b", "zz"};

    @TempDir
    Path directory;

    @Test
    void indexAnswersEqualScanAnswersUnderWritesAndAcrossReopens() throws Exception {
        Random random = new Random(20261123);
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            run(session, "CREATE TABLE docs (id int, j jsonb)",
                    "CREATE INDEX docs_brand ON docs ((j->>'brand'))",
                    "CREATE INDEX docs_price ON docs (((j->>'price')::numeric))",
                    "CREATE INDEX docs_level ON docs ((j->'meta'->>'level'), id)");
            insertDocuments(session, random, 1, 4000);
            compareQueries(session, random, 120);
            run(session, "CHECKPOINT");
            insertDocuments(session, random, 4001, 1000);
            run(session, "DELETE FROM docs WHERE id % 13 = 0",
                    "UPDATE docs SET j = jsonb_set(j, '{brand}', '\"acme\"') WHERE id % 11 = 0"
                            + " AND jsonb_typeof(j) = 'object'");
            compareQueries(session, random, 80);
            concurrentWrites(db, session, random);
        }
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            compareQueries(session, random, 80);
            run(session, "SET enable_seqscan = off");
            assertThat(single(session, "EXPLAIN (COSTS OFF) SELECT id FROM docs WHERE j->>'brand' = 'acme'"))
                    .isEqualTo("Bitmap Heap Scan on docs");
            run(session, "RESET enable_seqscan", "CHECKPOINT");
        }
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            compareQueries(session, random, 80);
            run(session, "TRUNCATE docs");
            insertDocuments(session, random, 1, 500);
            compareQueries(session, random, 40);
        }
    }

    @Test
    void largeTablesUseTheIndexForSelectiveConditionsOnly() {
        try (Database db = Basalt.inMemory(); Session session = db.connect()) {
            run(session, "CREATE TABLE t (id int, doc jsonb)",
                    "INSERT INTO t SELECT g, jsonb_build_object('sku', 'sku' || g, 'brand', 'b' || (g % 4))"
                            + " FROM generate_series(1, 40000) g",
                    "CREATE INDEX t_sku ON t ((doc->>'sku'))",
                    "CREATE INDEX t_brand ON t ((doc->>'brand'))");
            assertThat(single(session, "EXPLAIN (COSTS OFF) SELECT id FROM t WHERE doc->>'sku' = 'sku77'"))
                    .isEqualTo("Bitmap Heap Scan on t");
            assertThat(single(session, "SELECT id FROM t WHERE doc->>'sku' = 'sku77'")).isEqualTo("77");
            // a quarter of the rows: reading every row is cheaper
            assertThat(single(session, "EXPLAIN (COSTS OFF) SELECT id FROM t WHERE doc->>'brand' = 'b1'"))
                    .isEqualTo("Seq Scan on t");
            assertThat(single(session, "SELECT count(*) FROM t WHERE doc->>'brand' = 'b1'")).isEqualTo("10000");
            run(session, "SET enable_bitmapscan = off");
            assertThat(single(session, "EXPLAIN (COSTS OFF) SELECT id FROM t WHERE doc->>'sku' = 'sku77'"))
                    .isEqualTo("Seq Scan on t");
        }
    }

    /** A writer session changes rows while this one compares answers, each comparison in one snapshot. */
    private void concurrentWrites(Database db, Session session, Random random) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long seed = random.nextLong();
        Thread writer = new Thread(() -> {
            Random writes = new Random(seed);
            try (Session other = db.connect()) {
                for (int i = 0; i < 300; i++) {
                    String document = document(writes);
                    switch (i % 3) {
                        case 0 -> run(other, "INSERT INTO docs VALUES (" + (10000 + i) + ", " + document + ")");
                        case 1 -> run(other, "UPDATE docs SET j = " + document + " WHERE id = "
                                + (1 + writes.nextInt(5000)));
                        default -> run(other, "DELETE FROM docs WHERE id = " + (1 + writes.nextInt(5000)));
                    }
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        writer.start();
        while (writer.isAlive()) {
            run(session, "BEGIN ISOLATION LEVEL REPEATABLE READ");
            compareQueries(session, random, 5);
            run(session, "COMMIT");
        }
        writer.join();
        assertThat(failure.get()).isNull();
        // the session's own uncommitted changes are read too
        run(session, "BEGIN", "INSERT INTO docs VALUES (20000, '{\"brand\": \"acme\", \"price\": 3}')",
                "UPDATE docs SET j = '{\"brand\": \"zz\", \"price\": 2.50}' WHERE id < 50");
        compareQueries(session, random, 20);
        run(session, "ROLLBACK");
        compareQueries(session, random, 30);
    }

    static void insertDocuments(Session session, Random random, int firstId, int count) {
        for (int start = 0; start < count; start += 500) {
            StringBuilder sql = new StringBuilder("INSERT INTO docs VALUES ");
            for (int i = start; i < Math.min(count, start + 500); i++) {
                sql.append(i == start ? "" : ", ").append('(').append(firstId + i).append(", ")
                        .append(document(random)).append(')');
            }
            run(session, sql.toString());
        }
    }

    /**
     * Runs {@code count} random queries through the indexes and without them, and requires equal answers, and that
     * most went through an index.
     */
    static void compareQueries(Session session, Random random, int count) {
        int indexedPlans = 0;
        for (int q = 0; q < count; q++) {
            String condition = condition(random);
            String sql = "SELECT count(*) || '/' || coalesce(sum(id), 0) || '/' || coalesce(sum(id * id % 1000003), 0)"
                    + " FROM docs WHERE " + condition;
            run(session, "SET enable_seqscan = off");
            String indexed = single(session, sql);
            String plan = single(session, "EXPLAIN (COSTS OFF) SELECT id FROM docs WHERE " + condition);
            run(session, "RESET enable_seqscan", "SET enable_bitmapscan = off");
            String scanned = single(session, sql);
            run(session, "RESET enable_bitmapscan");
            assertThat(indexed).as(condition + " (plan " + plan + ")").isEqualTo(scanned);
            indexedPlans += plan.startsWith("Bitmap Heap Scan") ? 1 : 0;
        }
        assertThat(indexedPlans).isGreaterThan(count / 2);
    }

    private static String condition(Random random) {
        String brand = quote(BRANDS[random.nextInt(BRANDS.length)]);
        String price = price(random);
        String operator = new String[] {"=", "<", "<=", ">", ">="}[random.nextInt(5)];
        return switch (random.nextInt(8)) {
            case 0 -> "j->>'brand' = " + brand;
            case 1 -> "j->>'brand' " + operator + " " + brand;
            case 2 -> "j->>'brand' IN (" + brand + ", " + quote(BRANDS[random.nextInt(BRANDS.length)]) + ")";
            case 3 -> "(j->>'price')::numeric " + operator + " " + price;
            case 4 -> "(j->>'price')::numeric BETWEEN " + price + " AND " + price(random);
            case 5 -> price + " = (j->>'price')::numeric";
            case 6 -> "j->'meta'->>'level' = '" + random.nextInt(5) + "' AND id % 2 = 0";
            default -> "j->>'brand' = " + brand + " AND (j->>'price')::numeric > " + price;
        };
    }

    private static String price(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> String.valueOf(random.nextInt(20));
            case 1 -> random.nextInt(20) + ".50";
            default -> random.nextInt(20) + ".0";
        };
    }

    /** A document: mostly an object with the indexed keys (sometimes missing, null or of another type). */
    private static String document(Random random) {
        int kind = random.nextInt(30);
        if (kind == 0) {
            return "NULL";
        }
        if (kind == 1) {
            return "'[\"acme\", 1]'";
        }
        if (kind == 2) {
            return "'\"acme\"'";
        }
        StringBuilder object = new StringBuilder("{");
        if (random.nextInt(10) > 0) {
            object.append("\"brand\": ").append(switch (random.nextInt(12)) {
                case 0 -> "null";
                case 1 -> "7";
                case 2 -> "[\"acme\"]";
                default -> "\"" + BRANDS[random.nextInt(BRANDS.length)] + "\"";
            }).append(", ");
        }
        if (random.nextInt(10) > 0) {
            // numbers only: the index's cast must not fail on the rows the queries read
            object.append("\"price\": ").append(switch (random.nextInt(4)) {
                case 0 -> String.valueOf(random.nextInt(20));
                case 1 -> random.nextInt(20) + ".50";
                case 2 -> random.nextInt(20) + ".000";
                default -> "null";
            }).append(", ");
        }
        object.append("\"meta\": {\"level\": \"").append(random.nextInt(5)).append("\"}}");
        return "'" + object.toString().replace("'", "''") + "'";
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String single(Session session, String sql) {
        try (QueryResult result = session.query(sql)) {
            return result.getText(0, 0);
        }
    }

    private static void run(Session session, String... statements) {
        for (String sql : statements) {
            session.execute(sql).close();
        }
    }
}
