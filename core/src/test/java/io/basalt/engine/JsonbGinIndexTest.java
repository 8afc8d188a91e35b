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
 * GIN indexes over jsonb answer exactly as a scan of every row does: random documents (objects, arrays, scalars and
 * NULLs, nested, with numbers written in several scales) and random {@code @>}, {@code ?}, {@code ?|}, {@code ?&},
 * {@code @?} and {@code @@} queries, run once through the index (enable_seqscan off) and once without it (enable_bitmapscan off) in the same
 * snapshot, on a jsonb_ops and a jsonb_path_ops index; while another session inserts, updates and deletes; and after
 * reopening the database from its log and from a checkpoint.
 */
class JsonbGinIndexTest {
    private static final String[] KEYS = {"a", "b", "c", "brand", "tags", "x y"};
    private static final String[] STRINGS = {"a", "b", "acme", "zenith", "", "x y", "tags"};

    @TempDir
    Path directory;

    @Test
    void indexAnswersEqualScanAnswersUnderWritesAndAcrossReopens() throws Exception {
        Random random = new Random(20261122);
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            run(session, "CREATE TABLE docs (id int, j jsonb, k jsonb)",
                    "CREATE INDEX docs_ops ON docs USING gin (j)",
                    "CREATE INDEX docs_path ON docs USING gin (k jsonb_path_ops)");
            insertDocuments(session, random, 1, 6000);
            compareQueries(session, random, 150);
            run(session, "CHECKPOINT");
            insertDocuments(session, random, 6001, 1000);
            run(session, "DELETE FROM docs WHERE id % 13 = 0",
                    "UPDATE docs SET j = j || '{\"brand\": \"acme\"}', k = k || '{\"brand\": \"acme\"}'"
                            + " WHERE id % 11 = 0 AND jsonb_typeof(j) = 'object'");
            compareQueries(session, random, 100);
            concurrentWrites(db, session, random);
        }
        // reopen: the checkpointed rows come from the data file, the rest from the log
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            compareQueries(session, random, 100);
            run(session, "SET enable_seqscan = off");
            assertThat(single(session, "EXPLAIN (COSTS OFF) SELECT id FROM docs WHERE j ? 'brand'"))
                    .isEqualTo("Bitmap Heap Scan on docs");
            run(session, "RESET enable_seqscan");
            run(session, "CHECKPOINT");
        }
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            compareQueries(session, random, 100);
            run(session, "TRUNCATE docs");
            insertDocuments(session, random, 1, 500);
            compareQueries(session, random, 50);
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
                    String document = document(writes, 0);
                    switch (i % 3) {
                        case 0 -> run(other, "INSERT INTO docs VALUES (" + (10000 + i) + ", " + document + ", "
                                + document + ")");
                        case 1 -> run(other, "UPDATE docs SET j = " + document + ", k = " + document
                                + " WHERE id = " + (1 + writes.nextInt(7000)));
                        default -> run(other, "DELETE FROM docs WHERE id = " + (1 + writes.nextInt(7000)));
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
        compareQueries(session, random, 50);
    }

    static void insertDocuments(Session session, Random random, int firstId, int count) {
        for (int start = 0; start < count; start += 500) {
            StringBuilder sql = new StringBuilder("INSERT INTO docs VALUES ");
            for (int i = start; i < Math.min(count, start + 500); i++) {
                String document = random.nextInt(40) == 0 ? "NULL" : document(random, 0);
                sql.append(i == start ? "" : ", ").append('(').append(firstId + i).append(", ").append(document)
                        .append(", ").append(document).append(')');
            }
            run(session, sql.toString());
        }
    }

    /**
     * Runs {@code count} random queries through the indexes and without them, and requires equal answers, and that
     * most went through an index (some patterns, such as {@code '[]'}, give an index nothing to look up).
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
        String column = random.nextBoolean() ? "j" : "k";
        return switch (random.nextInt(7)) {
            case 0, 1 -> column + " @> " + pattern(random);
            case 2 -> "j ? " + quote(key(random));
            case 3 -> "j ?| ARRAY[" + quote(key(random)) + ", " + quote(key(random)) + "]";
            case 4 -> "j ?& ARRAY[" + quote(key(random)) + ", " + quote(key(random)) + "]";
            case 5 -> column + " @? " + quote(existsPath(random));
            default -> column + " @@ " + quote(matchPath(random));
        };
    }

    /** A jsonpath for {@code @?}: chains over the documents' keys, with filters, wildcards and strict mode. */
    private static String existsPath(Random random) {
        String key = pathKey(random);
        String other = pathKey(random);
        String scalar = scalar(random);
        return switch (random.nextInt(7)) {
            case 0 -> "$" + key;
            case 1 -> "$" + key + "[*] ? (@ == " + scalar + ")";
            case 2 -> "$" + key + " ? (@" + other + " == " + scalar + ")";
            case 3 -> "$.** ? (@ == " + scalar + ")";
            case 4 -> "strict $" + key + " ? (@ == " + scalar + ")";
            case 5 -> "$ ? (@" + key + " == " + scalar + " || @" + other + " == " + scalar(random) + ")";
            default -> "$[*]" + key + " ? (exists (@" + other + ") && @ != " + scalar + ")";
        };
    }

    /** A jsonpath predicate for {@code @@}: equalities, &&, ||, exists, negation and a range. */
    private static String matchPath(Random random) {
        String key = pathKey(random);
        String scalar = scalar(random);
        return switch (random.nextInt(6)) {
            case 0 -> "$" + key + " == " + scalar;
            case 1 -> "$" + key + " == " + scalar + " && $" + pathKey(random) + " == " + scalar(random);
            case 2 -> "$" + key + " == " + scalar + " || exists($" + pathKey(random) + ")";
            case 3 -> "$" + key + "[*] == " + scalar;
            case 4 -> "!($" + key + " == " + scalar + ")";
            default -> "$" + key + " > 1 && $" + pathKey(random) + pathKey(random) + " == " + scalar;
        };
    }

    private static String pathKey(Random random) {
        return "." + json(key(random));
    }

    /** A containment pattern: mostly small objects over the documents' keys, sometimes arrays or scalars. */
    private static String pattern(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "'" + scalar(random).replace("'", "''") + "'";
            case 1 -> "'[" + scalar(random).replace("'", "''") + "]'";
            default -> {
                StringBuilder text = new StringBuilder("{");
                int members = 1 + random.nextInt(2);
                for (int m = 0; m < members; m++) {
                    text.append(m == 0 ? "" : ", ").append(json(key(random))).append(": ")
                            .append(random.nextInt(4) == 0 ? "[" + scalar(random) + "]" : scalar(random));
                }
                yield "'" + text.append('}').toString().replace("'", "''") + "'";
            }
        };
    }

    private static String document(Random random, int depth) {
        return "'" + value(random, depth, true).replace("'", "''") + "'";
    }

    private static String value(Random random, int depth, boolean top) {
        int kind = random.nextInt(top ? 10 : 8);
        if (depth >= 2 || kind < 3) {
            return scalar(random);
        }
        if (kind < 5) {
            StringBuilder array = new StringBuilder("[");
            int elements = random.nextInt(4);
            for (int i = 0; i < elements; i++) {
                array.append(i == 0 ? "" : ", ").append(value(random, depth + 1, false));
            }
            return array.append(']').toString();
        }
        StringBuilder object = new StringBuilder("{");
        int members = random.nextInt(5);
        for (int i = 0; i < members; i++) {
            object.append(i == 0 ? "" : ", ").append(json(key(random))).append(": ")
                    .append(value(random, depth + 1, false));
        }
        return object.append('}').toString();
    }

    private static String scalar(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> String.valueOf(random.nextInt(5));
            case 1 -> random.nextInt(4) + ".0";
            case 2 -> "1.50";
            case 3 -> random.nextBoolean() ? "true" : "false";
            case 4 -> "null";
            default -> json(STRINGS[random.nextInt(STRINGS.length)]);
        };
    }

    private static String key(Random random) {
        return KEYS[random.nextInt(KEYS.length)];
    }

    private static String json(String text) {
        return "\"" + text + "\"";
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
