package io.basalt.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import io.basalt.datasets.h2o.GroupByLoader;
import io.basalt.datasets.h2o.GroupByParameters;
import io.basalt.datasets.shop.ShopLoader;
import io.basalt.datasets.shop.ShopScale;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The H2O and e-commerce loaders against a real in-memory Basalt: every type they write (NULLs, booleans,
 * doubles, TEXT, NUMERIC(12,2), DATE) goes in and comes back, and the table functions answer in FROM.
 * Skipped while the engine is not ready.
 */
class DatasetsInBasaltTest {
    private static Database openOrSkip() {
        try {
            return Basalt.inMemory();
        } catch (BasaltException e) {
            Assumptions.assumeTrue(e.sqlState() != SqlState.FEATURE_NOT_SUPPORTED, "engine not ready: " + e.getMessage());
            throw e;
        }
    }

    private static String text(Session session, String sql) {
        try (QueryResult result = session.query(sql)) {
            return result.getText(0, 0);
        }
    }

    @Test
    void groupByDataWithMissingValues() {
        try (Database database = openOrSkip(); Session session = database.connect()) {
            GroupByLoader.load(session, "x", new GroupByParameters(20_000, 100, 5, false, 108), 4093);
            assertThat(text(session, "SELECT count(*) FROM x")).isEqualTo("20000");
            assertThat(text(session, "SELECT count(v1) FROM x")).isEqualTo("19000");
            assertThat(text(session, "SELECT count(*) FROM x WHERE v3 IS NULL")).isEqualTo("1000");
        }
    }

    @Test
    void shopTablesLoad() {
        try (Database database = openOrSkip(); Session session = database.connect()) {
            ShopLoader.load(session, ShopScale.of(0.002), 1000);
            assertThat(text(session, "SELECT count(*) FROM orders")).isEqualTo("1000");
            assertThat(text(session, "SELECT count(*) FROM categories WHERE parent_id IS NULL")).isEqualTo("7");
            assertThat(text(session, "SELECT count(*) FROM users WHERE is_active")).isNotEqualTo("0");
            assertThat(text(session, "SELECT min(created_at) FROM orders")).startsWith("20");
        }
    }

    @Test
    void tableFunctionsAnswerInFrom() {
        try (Database database = openOrSkip(); Session session = database.connect()) {
            assertThat(text(session, "SELECT count(*) FROM tpch_lineitem(0.01)")).isEqualTo("60175");
            assertThat(text(session, "SELECT sum(n_regionkey) FROM tpch_nation(1)")).isEqualTo("50");
            assertThat(text(session, "SELECT count(*) FROM h2o_groupby(1000, 10, 5)")).isEqualTo("1000");
            assertThat(text(session, "SELECT count(*) FROM shop('tags', 1)")).isEqualTo("40");
        }
    }
}
