package io.basalt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Aggregates without GROUP BY handed over per stored row group (io.basalt.exec.operator.SummingSource) give the same
 * results with the pushdown on, off and decoding everything ({@code basalt.encoded_sums} on, off, all): sums,
 * averages, counts, minima and maxima over SMALLINT, INTEGER, BIGINT (a total beyond 64 bits, which PostgreSQL's
 * numeric sum keeps), DATE, NUMERIC(12,2) (with NaN in one row group) and DOUBLE columns of random data with NULLs
 * between values, all-NULL chunks and the encodings those shapes get; and under filters that a row group's zone maps
 * decide (every row passes, none does) or not (the filter evaluated on the decoded integer and double columns). By
 * default chunks with NULLs between values and the columns of undecided row groups are read through the buffer cache
 * (decoded once: a second run decodes nothing); chunks summed from their encoding are never decoded.
 */
class StoredAggregatePushdownTest {
    /** Three full row groups of 122,880 rows and a partial one. */
    private static final int ROWS = 3 * 122_880 + 1000;
    private static final String PROPERTY = "basalt.encoded_sums";

    @TempDir
    Path directory;

    @Test
    void aggregatesEqualWithPushdownOnAndOff() {
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            run(session, "CREATE TABLE t (k int, i int, b bigint, s smallint, d date, n numeric(12,2),"
                            + " x double precision, e bigint)",
                    // k: sorted keys (deltas); i: random with NULLs after the first row group; b: huge (a 128-bit
                    // total), NULL in places; s: few values; d: dates in runs; n: NULLs every 11th row, a NaN in the
                    // third row group; x: doubles with NULLs; e: NULL in the whole second row group
                    "INSERT INTO t SELECT g,"
                            + " CASE WHEN g > 122880 AND g % 7 = 0 THEN NULL ELSE (g::bigint * 7919) % 100003 - 50000 END,"
                            + " CASE WHEN g % 13 = 5 THEN NULL ELSE 4000000000000000000 + g END,"
                            + " (g % 100) - 50,"
                            + " DATE '2000-01-01' + g / 3000,"
                            + " CASE WHEN g % 11 = 0 THEN NULL WHEN g = 250000 THEN 'NaN'::numeric"
                            + "      ELSE ((g * 31) % 1000003) / 100.0 - 5000 END,"
                            + " CASE WHEN g % 5 = 0 THEN NULL ELSE ((g * 17) % 10007) / 8.0 - 600 END,"
                            + " CASE WHEN g BETWEEN 122881 AND 245760 THEN NULL ELSE g % 3 END"
                            + " FROM generate_series(1, " + ROWS + ") g",
                    "CHECKPOINT");
        }
        List<String> queries = new ArrayList<>(List.of(
                "SELECT count(*), sum(k), sum(i), avg(i), sum(b), avg(b), sum(s), count(i), count(d), min(d), max(d),"
                        + " min(i), max(b), min(s), max(s), sum(e), count(e), min(e) FROM t",
                "SELECT sum(n), avg(n), min(n), max(n), count(n) FROM t WHERE k <= 245760",
                "SELECT sum(n), avg(n), min(n), max(n), count(n) FROM t",
                "SELECT min(x), max(x), count(x), count(*) FROM t",
                "SELECT sum(i), count(*), min(b), max(d) FROM t WHERE k BETWEEN 1 AND 245760",
                "SELECT sum(i), count(*), min(b), max(d) FROM t WHERE k BETWEEN 100000 AND 300000",
                "SELECT sum(b), count(i), max(x) FROM t WHERE k > 400000",
                "SELECT sum(s), count(*) FROM t WHERE d >= DATE '2000-01-01' AND k < 122881",
                "SELECT sum(i), count(*) FROM t WHERE x < 1e9",
                "SELECT sum(i), count(*) FROM t WHERE x >= -600",
                "SELECT sum(i), count(*), count(x), max(k) FROM t WHERE x < 0 AND x <> -599.5",
                "SELECT sum(n), count(*) FROM t WHERE x = 100 OR x IS NULL",
                "SELECT count(*), sum(s), min(s) FROM t WHERE s <= -45 AND k > 1000",
                "SELECT count(*), sum(k) FROM t WHERE e = 1",
                "SELECT count(*) FROM t WHERE s <> 1000",
                "SELECT sum(s) FROM t WHERE 245760 < k",
                "SELECT sum(k), count(*), max(i), min(n) FROM t WHERE i > 0",
                "SELECT sum(n), count(n), count(*) FROM t WHERE n < 0 AND k < 245000",
                "SELECT sum(n), max(n), count(*) FROM t WHERE i <> 5 AND d < DATE '2000-02-01'",
                "SELECT count(*), sum(i) FROM t WHERE k = 77777",
                "SELECT count(*), sum(i) FROM t WHERE b >= 4000000000000200000"));
        Random random = new Random(6);
        for (int q = 0; q < 6; q++) {
            int low = random.nextInt(ROWS);
            int high = low + random.nextInt(ROWS);
            queries.add("SELECT sum(i), avg(s), min(d), max(b), count(n), count(*) FROM t WHERE k BETWEEN " + low
                    + " AND " + high);
            queries.add("SELECT sum(k), count(*), min(i), max(x) FROM t WHERE i BETWEEN " + (low % 50000) + " AND "
                    + (high % 50000));
        }
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            // the default: chunks without NULLs between values summed where they lie, the others decoded into the
            // buffer cache once, and a filter the zone maps leave undecided evaluated on the cached chunks
            BufferCacheProbe cache = new BufferCacheProbe(db);
            String first = rows(session, "SELECT sum(k), sum(s), count(*) FROM t");
            assertThat(cache.decoded()).as("chunks decoded for sums of columns without NULLs").isZero();
            assertThat(first).isEqualTo((long) ROWS * (ROWS + 1) / 2 + "|" + sumOfS() + "|" + ROWS + "\n");
            String nulls = "SELECT sum(i), sum(b), sum(n), count(i) FROM t";
            String cold = rows(session, nulls);
            long decodedCold = cache.decoded();
            assertThat(decodedCold).as("chunks with NULLs between values decoded into the cache").isPositive();
            assertThat(rows(session, nulls)).isEqualTo(cold);
            assertThat(cache.decoded()).as("warm: the cached chunks summed in place").isEqualTo(decodedCold);
            String cut = "SELECT sum(i), count(*), min(b), max(d) FROM t WHERE k BETWEEN 100000 AND 300000 AND x < 500";
            String cutCold = rows(session, cut);
            long decodedCut = cache.decoded();
            assertThat(rows(session, cut)).isEqualTo(cutCold);
            assertThat(cache.decoded()).as("warm: a filter on integers and doubles evaluated on cached chunks")
                    .isEqualTo(decodedCut);
        }
        System.setProperty(PROPERTY, "all");
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            // decoding outside the cache, with nothing cached: decided row groups are never decoded; read from
            // rows, they are
            BufferCacheProbe cache = new BufferCacheProbe(db);
            String whole = rows(session, queries.getFirst());
            assertThat(cache.decoded()).as("chunks decoded for aggregates of whole row groups, NULLs and all").isZero();
            assertThat(whole).startsWith(ROWS + "|" + (long) ROWS * (ROWS + 1) / 2 + "|");
            assertThat(whole).contains("|" + bigSum() + "|");
            String filtered = "SELECT sum(i), count(*), min(b) FROM t WHERE k BETWEEN 1000 AND 245000";
            rows(session, filtered);
            assertThat(cache.decoded()).as("row groups a filter passes whole, rules out or cuts are not read as rows")
                    .isZero();
            System.setProperty(PROPERTY, "off");
            rows(session, filtered);
            assertThat(cache.decoded()).as("the same row groups read as rows").isPositive();
        } finally {
            System.clearProperty(PROPERTY);
        }
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            for (String sql : queries) {
                // the default (through the cache), decoded outside the cache, nothing pushed down
                String on = rows(session, sql);
                String all;
                String off;
                try {
                    System.setProperty(PROPERTY, "all");
                    all = rows(session, sql);
                    System.setProperty(PROPERTY, "off");
                    off = rows(session, sql);
                } finally {
                    System.clearProperty(PROPERTY);
                }
                assertThat(on).as(sql).isEqualTo(off);
                assertThat(all).as(sql).isEqualTo(off);
            }
        }
    }

    /** sum(s) computed value by value. */
    private static long sumOfS() {
        long sum = 0;
        for (long g = 1; g <= ROWS; g++) {
            sum += g % 100 - 50;
        }
        return sum;
    }

    /** sum(b) computed value by value: beyond 64 bits. */
    private static BigInteger bigSum() {
        BigInteger sum = BigInteger.ZERO;
        for (long g = 1; g <= ROWS; g++) {
            if (g % 13 != 5) {
                sum = sum.add(BigInteger.valueOf(4_000_000_000_000_000_000L + g));
            }
        }
        return sum;
    }

    private static String rows(Session session, String sql) {
        StringBuilder out = new StringBuilder();
        try (QueryResult result = session.query(sql)) {
            for (int row = 0; row < result.rowCount(); row++) {
                for (int column = 0; column < result.columns().size(); column++) {
                    out.append(column == 0 ? "" : "|").append(result.getText(row, column));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static void run(Session session, String... statements) {
        for (String sql : statements) {
            session.execute(sql).close();
        }
    }

    /** The database's buffer cache's count of decoded chunks. */
    private record BufferCacheProbe(Database db) {
        long decoded() {
            return ((DatabaseImpl) db).bufferCache().decodedChunks();
        }
    }
}
