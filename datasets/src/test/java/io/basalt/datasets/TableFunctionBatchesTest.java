package io.basalt.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.Basalt;
import io.basalt.api.BasaltConfig;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A table function's cursor refills its vectors for every batch. Everything that keeps rows past a batch
 * (INSERT, ORDER BY, the query result) must still see each batch's own values: this once inserted rows of
 * NULLs for every batch but the last.
 */
class TableFunctionBatchesTest {
    private static String single(Session session, String sql) {
        try (QueryResult result = session.query(sql)) {
            return result.getText(0, 0);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 2048})
    void rowsKeptAcrossBatchesKeepTheirValues(int vectorSize) {
        try (Database db = Basalt.inMemory(BasaltConfig.defaults().withVectorSize(vectorSize));
             Session session = db.connect()) {
            session.execute("CREATE TABLE nation (key bigint, name text)").close();
            session.execute("INSERT INTO nation SELECT n_nationkey, n_name FROM tpch_nation(0.01)").close();
            assertThat(single(session, "SELECT count(*) FROM nation WHERE name IS NOT NULL")).isEqualTo("25");
            assertThat(single(session, "SELECT sum(key) FROM nation")).isEqualTo("300");
            try (QueryResult sorted = session.query("SELECT n_name FROM tpch_nation(0.01) ORDER BY n_nationkey DESC")) {
                assertThat(sorted.rowCount()).isEqualTo(25);
                assertThat(sorted.getText(0, 0)).isEqualTo("UNITED STATES");
                assertThat(sorted.getText(24, 0)).isEqualTo("ALGERIA");
            }
            try (QueryResult all = session.query("SELECT n_nationkey FROM tpch_nation(0.01)")) {
                for (long row = 0; row < all.rowCount(); row++) {
                    assertThat(all.getText(row, 0)).isEqualTo(Long.toString(row));
                }
            }
        }
    }
}
