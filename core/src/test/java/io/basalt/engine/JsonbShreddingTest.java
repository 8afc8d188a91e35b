package io.basalt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import io.basalt.error.BasaltException;
import io.basalt.storage.column.shred.JsonbShredding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSONB path extractions give the same rows and the same errors whether they read a row group's shredded
 * sub-columns or the documents ({@code basalt.jsonb_shredding} on or off when the query is planned), over random
 * documents with missing keys, JSON nulls, nested objects, arrays on the way, unicode, type changes between rows and
 * between row groups, numbers such as 1.0, 1e3, -0 and 2^40 whose text must stay PostgreSQL's, and fractions of
 * mixed scales (2.5, 2.50, 1e-2, 1e-30, 20 digits) read as text and as double precision; also across a
 * reopen, rows still in the log after a checkpoint, and a checkpoint that copies unchanged row groups.
 */
class JsonbShreddingTest {
    @TempDir
    Path directory;

    @AfterEach
    void shreddingBackOn() {
        System.clearProperty(JsonbShredding.PROPERTY);
    }

    static final List<String> QUERIES = List.of(
            "SELECT id, doc->>'brand' FROM r ORDER BY id",
            "SELECT id, doc->'specs'->>'ram', doc #>> '{specs,ram}', doc #>> '{specs,cpu}' FROM r ORDER BY id",
            "SELECT count(*) FROM r WHERE doc->>'brand' = 'b3'",
            "SELECT id FROM r WHERE doc->>'brand' IN ('b1', 'b2') AND id % 5 = 0 ORDER BY id",
            "SELECT id FROM r WHERE doc->>'n' IS NULL ORDER BY id",
            "SELECT id, doc->>'n' FROM r WHERE doc->>'n' >= '5' ORDER BY id",
            "SELECT doc->>'flag', count(*) FROM r GROUP BY 1 ORDER BY 1",
            "SELECT (doc->>'flag')::boolean, count(*) FROM r GROUP BY 1 ORDER BY 1",
            "SELECT id FROM r WHERE jsonb_typeof(doc->'n') = 'number' AND (doc->>'n')::bigint > 100 ORDER BY id",
            "SELECT id FROM r WHERE (doc->>'n')::bigint > 100 ORDER BY id",
            "SELECT id FROM r WHERE (doc->>'n')::int > 100 ORDER BY id",
            "SELECT sum((doc->'specs'->>'ram')::int) FROM r WHERE doc->'specs'->>'ram' ~ '^[0-9]+$'",
            "SELECT count(*) FROM r WHERE (doc->'specs'->>'ram')::int > 32",
            "SELECT count(*) FROM r WHERE (doc->'specs'->>'ram')::smallint = 7",
            "SELECT count(*), sum((doc->'specs'->>'ram')::double precision) FROM r WHERE doc ? 'specs'"
                    + " AND jsonb_typeof(doc->'specs'->'ram') = 'number'",
            "SELECT id, doc->>'u' FROM r WHERE doc->>'u' > 'a' ORDER BY id",
            "SELECT doc->>'big', count(*) FROM r GROUP BY 1 ORDER BY 1",
            "SELECT count(*) FROM r WHERE (doc->>'big')::bigint = 1099511627776",
            "SELECT id FROM r WHERE (doc->>'big')::int = 1 ORDER BY id",
            "SELECT id, doc->>'brand' AS b FROM r WHERE doc->>'brand' = 'b1' AND doc->'specs'->>'ram' = '7' ORDER BY id",
            "SELECT id, doc->>'price', doc #>> '{price}' FROM r ORDER BY id",
            "SELECT id, (doc->>'price')::double precision FROM r WHERE jsonb_typeof(doc->'price') = 'number' ORDER BY id",
            "SELECT id FROM r WHERE (doc->>'price')::float8 > 100.5 ORDER BY id",
            "SELECT id FROM r WHERE jsonb_typeof(doc->'price') = 'number' AND (doc->>'price')::float8 < -10 ORDER BY id",
            "SELECT count(*) FROM r WHERE doc->>'price' = '2.50'",
            "SELECT doc->>'price', count(*) FROM r WHERE doc->>'price' LIKE '1%' GROUP BY 1 ORDER BY 1",
            "SELECT (doc->>'price')::numeric(20,4), count(*) FROM r WHERE jsonb_typeof(doc->'price') = 'number'"
                    + " GROUP BY 1 ORDER BY 1",
            "SELECT id, (doc->>'price')::numeric, (doc->'specs'->>'ram')::numeric FROM r"
                    + " WHERE jsonb_typeof(doc->'price') = 'number' ORDER BY id",
            "SELECT count(*) FROM r WHERE (doc->>'price')::numeric > 100.5",
            "SELECT count(*) FROM r WHERE jsonb_typeof(doc->'big') = 'number' AND (doc->>'big')::numeric >= 1099511627776",
            "SELECT id FROM r WHERE (doc->>'price')::int > 100 ORDER BY id",
            "SELECT id FROM r WHERE doc->>'price' IS NULL ORDER BY id",
            "SELECT id, doc->'price', doc->'brand', doc->'specs'->'ram', doc #> '{specs,cpu}', doc->'flag' FROM r"
                    + " ORDER BY id",
            "SELECT doc->'flag', count(*) FROM r GROUP BY 1 ORDER BY 1",
            "SELECT doc->'n', count(*) FROM r GROUP BY 1 ORDER BY 1",
            "SELECT id FROM r WHERE doc->'brand' IS NULL ORDER BY id",
            "SELECT id FROM r WHERE doc->'n' = '1.0'::jsonb OR doc->'price' = '2.5' ORDER BY id",
            // whole-document filters the path columns answer (ReadShreddedPaths.wholeDocumentConjuncts)
            "SELECT id FROM r WHERE doc @> '{\"flag\": true}' ORDER BY id",
            "SELECT count(*) FROM r WHERE doc @> '{\"flag\": \"yes\"}'",
            "SELECT count(*) FROM r WHERE doc @> '{\"brand\": \"b3\", \"specs\": {\"cpu\": \"c1\"}}'",
            "SELECT count(*) FROM r WHERE doc @> '{\"brand\": \"b1\"}' AND id % 2 = 0",
            "SELECT count(*) FROM r WHERE doc @> '{\"n\": 1}'",
            "SELECT count(*) FROM r WHERE doc @> '{\"n\": 1000}'",
            "SELECT count(*) FROM r WHERE doc @> '{\"price\": 2.5}'",
            "SELECT count(*) FROM r WHERE doc @> '{\"specs\": {\"ram\": 7}}'",
            "SELECT count(*) FROM r WHERE doc @> '{\"brand\": null}'",
            "SELECT count(*) FROM r WHERE doc @> '{\"specs\": {}}'",
            "SELECT id FROM r WHERE doc ? 'brand' ORDER BY id",
            "SELECT count(*) FROM r WHERE doc ? 'price' AND id % 3 = 0",
            "SELECT count(*) FROM r WHERE doc ? 'just a string'",
            "SELECT count(*) FROM r WHERE doc ? 'specs' AND doc @> '{\"flag\": false}'",
            "SELECT doc ? 'brand', doc @> '{\"flag\": true}', count(*) FROM r GROUP BY 1, 2 ORDER BY 1, 2",
            "SELECT id FROM r WHERE doc ?| ARRAY['price', 'just a string'] ORDER BY id",
            "SELECT count(*) FROM r WHERE doc ?| ARRAY['flag', NULL, 'n'] AND id % 3 = 0",
            "SELECT count(*) FROM r WHERE doc ?& ARRAY['brand', 'specs', 'price']",
            "SELECT id FROM r WHERE doc ?& ARRAY['n', 'flag'] AND NOT doc ?| ARRAY['big'] ORDER BY id",
            "SELECT jsonb_typeof(doc->'price'), count(*) FROM r GROUP BY 1 ORDER BY 1",
            "SELECT (doc->'big')::bigint, count(*) FROM r GROUP BY 1 ORDER BY 1",
            "SELECT id, (doc->'specs'->'ram')::int FROM r WHERE id % 7 = 0 ORDER BY id",
            "SELECT r.doc->>'brand', count(*), sum(s.id) FROM r JOIN r s ON s.id = r.id + 1 GROUP BY 1 ORDER BY 1",
            "SELECT r.id, r.doc->'specs'->>'ram', s.doc->>'price', s.doc->'flag' FROM r JOIN r s"
                    + " ON s.doc->>'brand' = r.doc->>'brand' AND s.id = r.id + 10 ORDER BY r.id",
            "SELECT (r.doc->>'n')::int, count(*) FROM r LEFT JOIN r s ON s.id = r.id * 2 WHERE r.id < 3000"
                    + " GROUP BY 1 ORDER BY 1",
            "SELECT r.id, s.doc->>'flag', s.doc #>> '{specs,cpu}' FROM r LEFT JOIN r s ON s.id = r.id + 9000"
                    + " WHERE r.id % 50 = 0 ORDER BY r.id",
            "SELECT count(*) FROM r WHERE EXISTS (SELECT 1 FROM r s WHERE s.doc->>'brand' = r.doc->>'brand'"
                    + " AND s.id = r.id - 1)",
            "SELECT s.doc->>'u', count(*) FROM (VALUES (1), (2), (3)) v(k) JOIN r s ON s.id % 3 = v.k - 1"
                    + " GROUP BY 1 ORDER BY 1",
            "SELECT id, doc->>'brand', rank() OVER (PARTITION BY doc->>'brand' ORDER BY doc->>'price', id),"
                    + " sum(id) OVER (PARTITION BY doc->'flag') FROM r ORDER BY id",
            "SELECT id, lag(doc->'price') OVER (ORDER BY id), (doc->>'n')::int FROM r WHERE id < 500 ORDER BY id",
            "SELECT id, count(*) OVER (PARTITION BY doc->'specs'->>'cpu') FROM r WHERE doc->>'brand' = 'b2'"
                    + " ORDER BY id",
            // arrays: containment and jsonpath tests over array members (json13)
            "SELECT id FROM r WHERE doc @> '{\"tags\": [\"t1\"]}' ORDER BY id",
            "SELECT count(*) FROM r WHERE doc @> '{\"tags\": [\"t1\", \"t2\"]}'",
            "SELECT count(*) FROM r WHERE doc @> '{\"tags\": []}'",
            "SELECT count(*) FROM r WHERE doc @> '{\"tags\": [1]}'",
            "SELECT count(*) FROM r WHERE doc @> '{\"tags\": [[\"t1\"]]}'",
            "SELECT count(*) FROM r WHERE doc @> '{\"tags\": [{\"k\": 1}]}'",
            "SELECT count(*) FROM r WHERE doc @> '{\"tags\": [null, true]}'",
            "SELECT count(*) FROM r WHERE doc @> '{\"brand\": \"b1\", \"tags\": [\"t3\"]}'",
            "SELECT count(*) FROM r WHERE doc @> '{\"specs\": {\"ports\": [\"usb\"]}, \"tags\": [\"t0\"]}'",
            "SELECT count(*) FROM r WHERE doc->'tags' @> '[\"t1\"]'",
            "SELECT count(*) FROM r WHERE doc->'tags' <@ '[\"t1\", \"t2\", \"t3\"]'",
            "SELECT count(*) FROM r WHERE '[\"t2\"]' <@ doc->'tags'",
            "SELECT count(*) FROM r WHERE doc->'tags' ? 't4'",
            "SELECT id FROM r WHERE doc @? '$.tags[*] ? (@ == \"t1\")' ORDER BY id",
            "SELECT count(*) FROM r WHERE doc @? '$.tags[*] ? (@ starts with \"t\")'",
            "SELECT count(*) FROM r WHERE doc @? '$.tags ? (@ == \"t2\")'",
            "SELECT count(*) FROM r WHERE doc @? '$.tags[last] ? (@ == \"t1\")'",
            "SELECT count(*) FROM r WHERE doc @? '$.tags[*] ? (@ == \"t1\")' AND doc @> '{\"flag\": true}'",
            "SELECT count(*) FROM r WHERE jsonb_path_exists(doc, '$.tags[*] ? (@ == $x)', '{\"x\": \"t2\"}')",
            "SELECT count(*) FROM r WHERE jsonb_path_exists(doc, '$.tags.size() ? (@ > 2)', '{}', true)",
            "SELECT count(*) FROM r WHERE doc @@ '$.tags[*] == \"t4\"'",
            "SELECT count(*) FROM r WHERE jsonb_path_match(doc, '$.tags[*] == \"t4\" || $.tags.size() > 3')",
            "SELECT count(*) FROM r WHERE doc @@ '$.tags.size() == 0'",
            "SELECT count(*) FROM r WHERE doc @@ '$.tags.type() == \"null\"'",
            "SELECT count(*) FROM r WHERE doc @? '$.specs.ports[*] ? (@ == \"usb\")'",
            "SELECT count(*) FROM r WHERE doc @? 'strict $.tags[*] ? (@ == \"t1\")'",
            "SELECT count(*) FROM r WHERE doc @? '$.tags[*] ? (@ == $.brand)'",
            "SELECT count(*) FROM r WHERE doc @@ '!($.tags[*] == \"t1\")'",
            "SELECT count(*) FROM r WHERE jsonb_path_exists(doc, 'strict $.tags[*] ? (@ == \"t1\")')",
            "SELECT count(*) FROM r WHERE jsonb_path_exists(doc, '$.tags[*] ? (@ like_regex \"^t[12]$\")')",
            "SELECT doc->'tags', count(*) FROM r GROUP BY 1 ORDER BY 1",
            "SELECT id, doc->>'tags', doc->'tags'->0, doc->'specs'->'ports' FROM r WHERE id % 13 = 0 ORDER BY id",
            "SELECT doc @? '$.tags[*] ? (@ == \"t1\")', count(*) FROM r GROUP BY 1 ORDER BY 1");

    /** One random document as JSON text (or null for SQL NULL). */
    private static String document(Random random) {
        int shape = random.nextInt(100);
        if (shape == 0) {
            return null;
        }
        if (shape == 1) {
            return "[1, {\"brand\": \"b1\"}]";
        }
        if (shape == 2) {
            return "\"just a string\"";
        }
        StringBuilder json = new StringBuilder("{");
        List<String> members = new ArrayList<>();
        int brand = random.nextInt(100);
        if (brand < 85) {
            members.add("\"brand\": \"b" + random.nextInt(10) + "\"");
        } else if (brand < 89) {
            members.add("\"brand\": " + random.nextInt(10));
        } else if (brand < 92) {
            members.add("\"brand\": null");
        } else if (brand < 94) {
            members.add("\"brand\": {\"b\": 1}");
        } else if (brand < 96) {
            members.add("\"brand\": [\"b1\"]");
        }
        int n = random.nextInt(100);
        String[] odd = {"1.0", "1e3", "-0", "2.5", "\"12\"", "\"abc\"", "true", "null", "1E2", "0.0", "-1.50"};
        if (n < 80) {
            members.add("\"n\": " + (random.nextInt(400) - 100));
        } else if (n < 95) {
            members.add("\"n\": " + odd[random.nextInt(odd.length)]);
        }
        int flag = random.nextInt(100);
        if (flag < 85) {
            members.add("\"flag\": " + random.nextBoolean());
        } else if (flag < 90) {
            members.add("\"flag\": \"yes\"");
        }
        int specs = random.nextInt(100);
        if (specs < 80) {
            String ram = random.nextInt(20) == 0 ? "\"lots\"" : Integer.toString(random.nextInt(64));
            String ports = random.nextBoolean() ? "" : ", \"ports\": " + (random.nextInt(10) == 0 ? "\"usb\""
                    : random.nextBoolean() ? "[\"usb\", \"hdmi\"]" : "[\"usb" + random.nextInt(3) + "\"]");
            members.add("\"specs\": {\"ram\": " + ram + ", \"cpu\": \"c" + random.nextInt(4) + "\"" + ports + "}");
        } else if (specs < 85) {
            members.add("\"specs\": [64]");
        } else if (specs < 90) {
            members.add("\"specs\": 3");
        }
        String[] unicode = {"é", "日本語", "\\u00e9t\\u00e9", "emoji \uD83D\uDE00", "quote \\\" and \\\\", "a\\nb", "tab\\t"};
        if (random.nextInt(100) < 70) {
            members.add("\"u\": \"" + unicode[random.nextInt(unicode.length)] + random.nextInt(3) + "\"");
        }
        if (random.nextInt(100) < 90) {
            members.add("\"big\": " + (random.nextInt(50) == 0 ? "1" : "1099511627776"));
        }
        int price = random.nextInt(100);
        String[] oddPrices = {"\"9.99\"", "null", "true", "[1.5]", "1e-2", "12345678901234567890.5", "-0.00", "1.5e1",
            "2.50", "1e-30", "0.1", "{\"p\": 1}"};
        if (price < 80) {
            // mixed scales: 12, 12.5, 12.50, 0.125 all print as written
            members.add("\"price\": " + java.math.BigDecimal.valueOf(random.nextInt(300_000) - 50_000, random.nextInt(4))
                    .toPlainString());
        } else if (price < 95) {
            members.add("\"price\": " + oddPrices[random.nextInt(oddPrices.length)]);
        }
        int tags = random.nextInt(100);
        String[] oddTags = {"[]", "\"t1\"", "null", "{\"t1\": 1}", "[1, \"t1\", null, true, [\"t2\"], {\"k\": 1}]",
            "[[\"t1\"], \"t3\"]", "[\"t1\", \"t1\"]", "[1, 2.5, \"1\"]", "[{\"k\": \"t1\"}]"};
        if (tags < 70) {
            List<String> chosen = new ArrayList<>();
            for (int t = random.nextInt(5); t > 0; t--) {
                chosen.add("\"t" + random.nextInt(6) + "\"");
            }
            members.add("\"tags\": [" + String.join(", ", chosen) + "]");
        } else if (tags < 85) {
            members.add("\"tags\": " + oddTags[random.nextInt(oddTags.length)]);
        }
        java.util.Collections.shuffle(members, random);
        json.append(String.join(", ", members)).append('}');
        return json.toString();
    }

    static void insertRandom(Session session, Random random, int from, int rows) {
        for (int start = from; start < from + rows; start += 500) {
            StringBuilder insert = new StringBuilder("INSERT INTO r VALUES ");
            for (int id = start; id < Math.min(from + rows, start + 500); id++) {
                if (id > start) {
                    insert.append(", ");
                }
                String json = document(random);
                insert.append('(').append(id).append(", ")
                        .append(json == null ? "NULL" : "'" + json.replace("'", "''") + "'").append(")");
            }
            session.execute(insert.toString()).close();
        }
    }

    /** A query's rows as text, or its error as SQLSTATE and message. */
    private static List<String> outcome(Session session, String sql) {
        List<String> rows = new ArrayList<>();
        try (QueryResult result = session.query(sql)) {
            for (long row = 0; row < result.rowCount(); row++) {
                StringBuilder line = new StringBuilder();
                for (int column = 0; column < result.columns().size(); column++) {
                    line.append(column == 0 ? "" : "|").append(result.getText(row, column));
                }
                rows.add(line.toString());
            }
        } catch (BasaltException e) {
            rows.add("ERROR " + e.sqlState().code() + ": " + e.getMessage());
        }
        return rows;
    }

    /** Every query gives the same outcome with shredding on and off; returns how many queries raised errors. */
    static int assertSameWithAndWithout(Session session) {
        int errors = 0;
        for (String sql : QUERIES) {
            System.setProperty(JsonbShredding.PROPERTY, "off");
            List<String> documents = outcome(session, sql);
            System.setProperty(JsonbShredding.PROPERTY, "on");
            List<String> shredded = outcome(session, sql);
            assertThat(shredded).as(sql).isEqualTo(documents);
            if (!documents.isEmpty() && documents.getFirst().startsWith("ERROR")) {
                errors++;
            }
        }
        return errors;
    }

    /** The first of {@link #QUERIES} that starts with {@code prefix}. */
    private static String startingWith(String prefix) {
        for (String sql : QUERIES) {
            if (sql.startsWith(prefix)) {
                return sql;
            }
        }
        throw new AssertionError("no query starts with " + prefix);
    }

    /** The "Shredded Paths:" line of {@code sql}'s EXPLAIN VERBOSE: the paths its scan reads from sub-columns. */
    private static String shreddedPaths(Session session, String sql) {
        for (String line : outcome(session, "EXPLAIN VERBOSE " + sql)) {
            if (line.strip().startsWith("Shredded Paths: ")) {
                return line.strip();
            }
        }
        return "";
    }

    @Test
    void randomDocumentsGiveTheSameRowsAndErrorsWithAndWithoutShredding() {
        Random random = new Random(20261122);
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            session.execute("CREATE TABLE r (id int, doc jsonb)").close();
            insertRandom(session, random, 0, 12_000);
            session.execute("CHECKPOINT").close();
            assertThat(shreddedPaths(session, QUERIES.get(2))).contains("doc #>> '{brand}'");
            assertThat(shreddedPaths(session, "SELECT doc->'specs'->'ram' FROM r")).contains("doc #> '{specs,ram}'");
            assertThat(shreddedPaths(session, startingWith("SELECT r.doc->>'brand', count(*)")))
                    .contains("doc #>> '{brand}'");
            assertThat(shreddedPaths(session, startingWith("SELECT id, doc->>'brand', rank()")))
                    .contains("doc #>> '{brand}'");
            assertThat(shreddedPaths(session, startingWith("SELECT id FROM r WHERE doc @? '$.tags[*]")))
                    .contains("doc #> '{tags}'");
            assertThat(shreddedPaths(session, startingWith("SELECT count(*) FROM r WHERE doc @> '{\"specs\": {\"ports\"")))
                    .contains("doc #> '{specs,ports}'").contains("doc #> '{tags}'");
            assertThat(shreddedPaths(session, "SELECT (doc->>'price')::numeric FROM r"))
                    .contains("doc #>> '{price}'::numeric");
            assertThat(shreddedPaths(session, "SELECT (doc->>'price')::float8 FROM r"))
                    .contains("doc #>> '{price}'::double precision");
            int errors = assertSameWithAndWithout(session);
            assertThat(errors).as("queries that fail on some document").isBetween(1, QUERIES.size() - 10);
            // rows in the log after the checkpoint are read from their documents, the stored ones from sub-columns
            insertRandom(session, random, 12_000, 3_000);
            session.execute("DELETE FROM r WHERE id % 97 = 0").close();
            assertSameWithAndWithout(session);
        }
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            assertSameWithAndWithout(session);
            session.execute("UPDATE r SET doc = '{\"brand\": \"b3\", \"n\": 7}' WHERE id % 101 = 0").close();
            session.execute("CHECKPOINT").close();  // copies unchanged row groups, sub-columns included
        }
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            assertSameWithAndWithout(session);
        }
    }

    /**
     * A row group whose sub-column rules out a comparison is not read at all (no chunk of it is asked of the buffer
     * cache), one that may match is, and the counts stay right. The sub-column's zone map
     * ({@code PathColumnReads.excludes}) and its encoded values ({@code selectRows}) each rule such a group out, so
     * this holds while either works.
     */
    @Test
    void rowGroupsThatCannotMatchAreNotRead() {
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            session.execute("CREATE TABLE r (id int, doc jsonb)").close();
            // two row groups of 122,880 rows: n in [0, 122879], then in [122880, 245759]
            session.execute("INSERT INTO r SELECT g, jsonb_build_object('n', g, 'brand', 'b' || (g % 10))"
                    + " FROM generate_series(0, 245759) g").close();
            session.execute("CHECKPOINT").close();
        }
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            io.basalt.storage.file.BufferCache cache = ((DatabaseImpl) db).bufferCache();
            assertThat(chunkReads(cache, session, "SELECT count(*) FROM r WHERE (doc->>'n')::int > 300000"))
                    .as("no row group may match").isZero();
            long oneGroup = chunkReads(cache, session, "SELECT count(*) FROM r WHERE (doc->>'n')::int >= 200000");
            long bothGroups = chunkReads(cache, session, "SELECT count(*) FROM r WHERE (doc->>'n')::int >= 100000");
            assertThat(oneGroup).isPositive();
            assertThat(bothGroups).as("the first group is read too").isGreaterThan(oneGroup);
            assertThat(chunkReads(cache, session, "SELECT count(*) FROM r WHERE (doc->>'n')::int < 0")).isZero();
            assertThat(outcome(session, "SELECT count(*) FROM r WHERE (doc->>'n')::int > 300000"))
                    .containsExactly("0");
            assertThat(outcome(session, "SELECT count(*) FROM r WHERE (doc->>'n')::int >= 200000"))
                    .containsExactly("45760");
            assertThat(outcome(session, "SELECT count(*) FROM r WHERE (doc->>'n')::int >= 100000"))
                    .containsExactly("145760");
        }
    }

    /**
     * {@code @>} with scalars and {@code ?} in a filter read the path columns of the keys they name, and with every
     * key shredded the documents chunk is not read (the buffer cache decodes only the sub-column), the same counts.
     */
    @Test
    void containmentAndExistenceReadShreddedPathsWithoutTheDocuments() {
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            session.execute("CREATE TABLE r (id int, doc jsonb)").close();
            // flag in a third of the rows (true or false), JSON null at 'note' in some, the rest without them
            session.execute("INSERT INTO r SELECT g, CASE WHEN g % 3 = 0 THEN jsonb_build_object('n', g, 'flag',"
                    + " g % 2 = 0) WHEN g % 7 = 1 THEN jsonb_build_object('n', g, 'note', null) ELSE"
                    + " jsonb_build_object('n', g) END FROM generate_series(0, 99999) g").close();
            session.execute("CHECKPOINT").close();
        }
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            io.basalt.storage.file.BufferCache cache = ((DatabaseImpl) db).bufferCache();
            String contains = "SELECT count(*) FROM r WHERE doc @> '{\"flag\": true}'";
            String exists = "SELECT count(*) FROM r WHERE doc ? 'flag'";
            String note = "SELECT count(*) FROM r WHERE doc ? 'note'";
            assertThat(shreddedPaths(session, contains)).contains("doc #> '{flag}'");
            assertThat(shreddedPaths(session, exists)).contains("doc #> '{flag}'");
            assertThat(outcome(session, contains)).containsExactly("16667");
            assertThat(outcome(session, exists)).containsExactly("33334");
            // bytes the cache holds: the sub-column's, then the documents' too
            long shredded = cache.residentBytes();
            System.setProperty(JsonbShredding.PROPERTY, "off");
            outcome(session, contains);
            outcome(session, exists);
            long documents = cache.residentBytes() - shredded;
            assertThat(outcome(session, contains)).containsExactly("16667");
            assertThat(outcome(session, exists)).containsExactly("33334");
            List<String> noteWithout = outcome(session, note);
            System.setProperty(JsonbShredding.PROPERTY, "on");
            assertThat(shredded).as("bytes decoded with shredding against the documents'").isPositive()
                    .isLessThan(documents / 20);
            assertThat(outcome(session, note)).isEqualTo(noteWithout).containsExactly("9524");
            // ?| and ?& read the path columns of their keys (n's, a distinct number per row, is no small read: after
            // the byte count above), the same counts without shredding
            String any = "SELECT count(*) FROM r WHERE doc ?| ARRAY['flag', 'n']";
            String all = "SELECT count(*) FROM r WHERE doc ?& ARRAY['flag', 'n']";
            assertThat(shreddedPaths(session, any)).contains("doc #> '{flag}'").contains("doc #> '{n}'");
            assertThat(outcome(session, any)).containsExactly("100000");
            assertThat(outcome(session, all)).containsExactly("33334");
            System.setProperty(JsonbShredding.PROPERTY, "off");
            assertThat(outcome(session, any)).containsExactly("100000");
            assertThat(outcome(session, all)).containsExactly("33334");
            System.setProperty(JsonbShredding.PROPERTY, "on");
        }
    }

    @Test
    void arrayMembersAnswerContainmentAndJsonpathWithoutTheDocuments() {
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            session.execute("CREATE TABLE r (id int, doc jsonb)").close();
            // tags an array of up to three of six tags in every row, empty in every 50th, long text besides, so that
            // the documents weigh far more than the arrays
            session.execute("INSERT INTO r SELECT g, jsonb_build_object('n', g, 'text', repeat('x', 200) || g,"
                    + " 'tags', CASE WHEN g % 50 = 0 THEN '[]'::jsonb ELSE (SELECT jsonb_agg('t' || ((g / k)"
                    + " % 6)) FROM generate_series(1, 1 + g % 3) k) END) FROM generate_series(0, 99999) g").close();
            session.execute("CHECKPOINT").close();
        }
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            io.basalt.storage.file.BufferCache cache = ((DatabaseImpl) db).bufferCache();
            List<String> queries = List.of(
                    "SELECT count(*) FROM r WHERE doc @> '{\"tags\": [\"t1\"]}'",
                    "SELECT count(*) FROM r WHERE doc @? '$.tags[*] ? (@ == \"t1\")'",
                    "SELECT count(*) FROM r WHERE jsonb_path_exists(doc, '$.tags[*] ? (@ == \"t2\")')",
                    "SELECT count(*) FROM r WHERE doc->'tags' <@ '[\"t1\", \"t2\"]'");
            for (String sql : queries) {
                assertThat(shreddedPaths(session, sql)).as(sql).contains("doc #> '{tags}'");
            }
            assertThat(outcome(session, "EXPLAIN " + queries.get(1)))
                    .anyMatch(line -> line.contains("Filter: (doc @? '$.\"tags\"[*]?(@ == \"t1\")'::jsonpath)"));
            assertThat(outcome(session, "EXPLAIN " + queries.get(0)))
                    .anyMatch(line -> line.contains("Filter: (doc @> '{\"tags\": [\"t1\"]}'::jsonb)"));
            List<List<String>> shreddedAnswers = new ArrayList<>();
            for (String sql : queries) {
                shreddedAnswers.add(outcome(session, sql));
            }
            long shredded = cache.residentBytes();
            System.setProperty(JsonbShredding.PROPERTY, "off");
            for (int q = 0; q < queries.size(); q++) {
                assertThat(outcome(session, queries.get(q))).as(queries.get(q)).isEqualTo(shreddedAnswers.get(q));
            }
            long documents = cache.residentBytes() - shredded;
            System.setProperty(JsonbShredding.PROPERTY, "on");
            assertThat(shredded).as("bytes decoded with shredding against the documents'").isPositive()
                    .isLessThan(documents / 4);
            assertThat(shreddedAnswers.get(0)).isNotEqualTo(List.of("0"));
        }
    }

    /** How many chunk reads (decoded or served from the cache) running {@code sql} asked of {@code cache}. */
    private static long chunkReads(io.basalt.storage.file.BufferCache cache, Session session, String sql) {
        long before = cache.decodedChunks() + cache.hits();
        outcome(session, sql);
        return cache.decodedChunks() + cache.hits() - before;
    }

    @Test
    void eachRowGroupShredsTheTypesItHolds() {
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            session.execute("CREATE TABLE r (id int, doc jsonb)").close();
            // the first row group holds n as numbers, the second as strings, the third mixes both
            session.execute("INSERT INTO r SELECT g, jsonb_build_object('brand', 'b' || (g % 10),"
                    + " 'n', CASE WHEN g < 122880 THEN to_jsonb(g % 1000) WHEN g < 245760 THEN to_jsonb('s' || (g % 7))"
                    + " WHEN g % 3 = 0 THEN to_jsonb(g % 1000) ELSE to_jsonb((g % 1000)::text) END,"
                    + " 'specs', jsonb_build_object('ram', g % 64, 'cpu', 'c' || (g % 4)), 'u', 'ünï ' || (g % 5),"
                    + " 'flag', g % 2 = 0) FROM generate_series(0, 300000) g").close();
            session.execute("CHECKPOINT").close();
            List<String> queries = List.of(
                    "SELECT doc->>'n', count(*) FROM r WHERE doc->>'n' < '2' GROUP BY 1 ORDER BY 1",
                    "SELECT count(*) FROM r WHERE doc->>'n' = '500'",
                    "SELECT count(*), min(id), max(id) FROM r WHERE (doc->>'n')::int = 999",
                    "SELECT count(*) FROM r WHERE id < 122880 AND (doc->>'n')::int > 990",
                    "SELECT count(*) FROM r WHERE (doc->>'n')::int > 990",
                    "SELECT doc->>'u', count(*) FROM r GROUP BY 1 ORDER BY 1",
                    "SELECT count(*) FROM r WHERE (doc->'specs'->>'ram')::int BETWEEN 10 AND 12",
                    "SELECT count(*) FROM r WHERE (doc->>'flag')::boolean",
                    "SELECT count(*) FROM r WHERE doc->'specs'->>'cpu' = 'c2' AND (doc->>'n')::int < 5");
            for (String sql : queries) {
                System.setProperty(JsonbShredding.PROPERTY, "off");
                List<String> documents = outcome(session, sql);
                System.setProperty(JsonbShredding.PROPERTY, "on");
                assertThat(outcome(session, sql)).as(sql).isEqualTo(documents);
            }
            assertThat(outcome(session, "SELECT count(*) FROM r WHERE (doc->>'n')::int > 990"))
                    .singleElement().asString().startsWith("ERROR 22P02: invalid input syntax for type integer");
            assertThat(outcome(session, "SELECT count(*) FROM r WHERE id < 122880 AND (doc->>'n')::int > 990"))
                    .containsExactly("1098");
        }
    }
}
