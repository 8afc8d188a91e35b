package io.basalt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import java.math.BigInteger;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sums, averages, counts, minima and maxima without GROUP BY over a checkpointed table are taken straight from the
 * encoded chunks and zone maps of its stored row groups (io.basalt.exec.operator.SummingSource): the results equal the same aggregates computed from
 * the rows (the arguments written as expressions, which the scan cannot sum) and the values' exact sums, with
 * 128-bit totals, NULLs, deleted rows and rows a transaction added; nothing is decoded into the buffer cache, NULLs
 * between values or not ({@code basalt.encoded_sums=all}; by default a chunk with NULLs between values is read as rows).
 */
class StoredSumPushdownTest {
    /** Two full row groups of 122,880 rows. */
    private static final int ROWS = 245_760;
    private static final String WITHOUT_NULLS = "SELECT sum(id) || '/' || sum(big) || '/' || sum(small) || '/'"
            + " || count(*) || '/' || count(big) || '/' || avg(k) || '/' || min(id) || '/' || max(big) || '/'"
            + " || min(small) || '/' || max(small) || '/' || max(k) FROM t";
    private static final String SUMMED = "SELECT sum(id) || '/' || sum(big) || '/' || sum(small) || '/' || count(*)"
            + " || '/' || count(n) || '/' || sum(n) || '/' || avg(k) || '/' || min(n) || '/' || max(id) FROM t";
    private static final String FROM_ROWS = "SELECT sum(id + 0) || '/' || sum(big + 0) || '/' || sum(small + 0)"
            + " || '/' || count(1) || '/' || count(n + 0) || '/' || sum(n + 0) || '/' || avg(k + 0) || '/' || min(n + 0)"
            + " || '/' || max(id + 0) FROM t";

    @TempDir
    Path directory;

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

    @Test
    void sumsFromEncodedChunksEqualSumsFromRows() {
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            // id: a frame of reference or deltas; big: one constant whose total needs more than 64 bits;
            // small: few values; n: NULLs between values (summed under the validity mask); k: long runs
            run(session, "CREATE TABLE t (id int, big bigint, small smallint, n bigint, k int)",
                    "INSERT INTO t SELECT g, 4000000000000000000, (g % 100) - 50,"
                            + " CASE WHEN g % 7 = 0 THEN NULL ELSE g * 3 END, g / 5000"
                            + " FROM generate_series(1, " + ROWS + ") g",
                    "CHECKPOINT");
        }
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            BufferCacheProbe cache = new BufferCacheProbe(db);
            String withoutNulls = single(session, WITHOUT_NULLS);
            assertThat(cache.decoded()).as("chunks decoded for sums of columns without NULLs").isZero();
            String summed;
            System.setProperty("basalt.encoded_sums", "all");
            try {
                summed = single(session, SUMMED);
            } finally {
                System.clearProperty("basalt.encoded_sums");
            }
            assertThat(cache.decoded()).as("column n's NULLs between values are read as a mask, not decoded").isZero();
            // by default a column with NULLs between values is read as rows, through the cache
            assertThat(single(session, SUMMED)).isEqualTo(summed);
            assertThat(cache.decoded()).as("column n read as rows by default").isPositive();
            assertThat(summed).startsWith(expected(1, ROWS)).isEqualTo(single(session, FROM_ROWS));
            assertThat(withoutNulls).isEqualTo(single(session, "SELECT sum(id + 0) || '/' || sum(big + 0) || '/'"
                    + " || sum(small + 0) || '/' || count(1) || '/' || count(big + 0) || '/' || avg(k + 0) || '/'"
                    + " || min(id + 0) || '/' || max(big + 0) || '/' || min(small + 0) || '/' || max(small + 0) || '/'"
                    + " || max(k + 0) FROM t"));
            assertThat(withoutNulls).endsWith("/1/4000000000000000000/-50/49/" + ROWS / 5000);

            run(session, "DELETE FROM t WHERE id <= 10");
            assertThat(single(session, SUMMED)).startsWith(expected(11, ROWS)).isEqualTo(single(session, FROM_ROWS));
            run(session, "BEGIN", "INSERT INTO t SELECT g, 4000000000000000000, (g % 100) - 50,"
                    + " CASE WHEN g % 7 = 0 THEN NULL ELSE g * 3 END, g / 5000 FROM generate_series(1, 10) g");
            assertThat(single(session, SUMMED)).startsWith(expected(1, ROWS)).isEqualTo(single(session, FROM_ROWS));
            run(session, "ROLLBACK");
            assertThat(single(session, "SELECT count(*) FROM t")).isEqualTo(String.valueOf(ROWS - 10));
        }
    }

    /** The aggregates of {@link #SUMMED} but the average over rows {@code g} in {@code [from, to]}, value by value. */
    private static String expected(int from, int to) {
        BigInteger id = BigInteger.ZERO;
        BigInteger big = BigInteger.ZERO;
        BigInteger small = BigInteger.ZERO;
        BigInteger n = BigInteger.ZERO;
        long nonNull = 0;
        for (long g = from; g <= to; g++) {
            id = id.add(BigInteger.valueOf(g));
            big = big.add(BigInteger.valueOf(4_000_000_000_000_000_000L));
            small = small.add(BigInteger.valueOf(g % 100 - 50));
            if (g % 7 != 0) {
                n = n.add(BigInteger.valueOf(g * 3));
                nonNull++;
            }
        }
        return id + "/" + big + "/" + small + "/" + (to - from + 1L) + "/" + nonNull + "/" + n + "/";
    }

    /** The database's buffer cache's count of decoded chunks. */
    private record BufferCacheProbe(Database db) {
        long decoded() {
            return ((DatabaseImpl) db).bufferCache().decodedChunks();
        }
    }
}
