package io.basalt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.Basalt;
import io.basalt.api.BasaltConfig;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sum and avg of DOUBLE columns handed over per stored row group (io.basalt.exec.operator.SummingSource#DOUBLE_SUM)
 * equal the rows path's to the last bit: a double sum depends on the order of its additions, so the scan hands the
 * state each batch's sum, computed as the rows path computes it, in the rows path's order. The values mix magnitudes
 * 10^16 apart with inexact fractions, so any other order of additions shows in the printed digits; NULLs between
 * values, a row group of NULLs only, -0 and a partial last row group (read as rows in the same query) are among them.
 * One thread, so that the rows path itself adds in one order ({@code basalt.encoded_sums} on against off).
 */
class StoredDoubleSumPushdownTest {
    /** Three full row groups of 122,880 rows and a partial one. */
    private static final int ROWS = 3 * 122_880 + 777;
    private static final String PROPERTY = "basalt.encoded_sums";

    @TempDir
    Path directory;

    @Test
    void doubleSumsEqualTheRowsPathsBitForBit() {
        BasaltConfig defaults = BasaltConfig.defaults();
        BasaltConfig oneThread = new BasaltConfig(defaults.vectorSize(), 1, defaults.memoryLimit());
        try (Database db = Basalt.open(directory, oneThread); Session session = db.connect()) {
            // x: inexact fractions with a huge value every 997th row and NULLs; y: NULL in the whole second row
            // group, -0 in the first; z: no NULLs; k: sorted keys for filters the zone maps decide
            run(session, "CREATE TABLE t (k int, x double precision, y double precision, z double precision)",
                    "INSERT INTO t SELECT g,"
                            + " CASE WHEN g % 7 = 0 THEN NULL WHEN g % 997 = 0 THEN 1e16 * (g % 5 - 2)"
                            + "      ELSE ((g * 17) % 10007) * 0.1::float8 - 321.7 END,"
                            + " CASE WHEN g BETWEEN 122881 AND 245760 THEN NULL WHEN g <= 122880 AND g % 3 = 0"
                            + "      THEN '-0'::float8 ELSE g * 1e-3::float8 + 1e12 END,"
                            + " ((g * 31) % 1000003) / 3.0::float8"
                            + " FROM generate_series(1, " + ROWS + ") g",
                    "CHECKPOINT");
        }
        List<String> queries = List.of(
                "SELECT sum(x), avg(x), count(x), count(*) FROM t",
                "SELECT sum(y), avg(y), count(y) FROM t",
                "SELECT sum(z), avg(z), sum(x), min(z), max(x), sum(k) FROM t",
                "SELECT sum(y) FROM t WHERE k <= 122880",
                "SELECT sum(x), avg(z) FROM t WHERE k > 245760",
                "SELECT sum(x), count(*) FROM t WHERE k BETWEEN 100000 AND 300000",
                "SELECT sum(z), avg(x) FROM t WHERE k > 1000000");
        try (Database db = Basalt.open(directory, oneThread); Session session = db.connect()) {
            for (String sql : queries) {
                String on = rows(session, sql);
                String off;
                try {
                    System.setProperty(PROPERTY, "off");
                    off = rows(session, sql);
                } finally {
                    System.clearProperty(PROPERTY);
                }
                assertThat(on).as(sql).isEqualTo(off);
                // warm: the second run reads the cached chunks and must not drift either
                assertThat(rows(session, sql)).as(sql).isEqualTo(off);
            }
            // the data is order-sensitive: the same values summed in another order give other digits
            assertThat(rows(session, "SELECT sum(x) FROM t"))
                    .isNotEqualTo(rows(session, "SELECT sum(v) FROM (SELECT x AS v FROM t ORDER BY k DESC) s"));
        }
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
}
