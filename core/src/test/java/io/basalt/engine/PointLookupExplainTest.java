package io.basalt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * EXPLAIN of point lookups: a filter fixing a whole unique key prints as PostgreSQL's "Index Scan using <key> on t"
 * with the key's equalities as "Index Cond" (in key column order) and the rest as "Filter", and is estimated at one
 * row; a filter that does not fix the whole key with plain {@code column = constant} equalities stays a Seq Scan.
 */
class PointLookupExplainTest {
    private Database database;
    private Session session;

    @BeforeEach
    void createTables() {
        database = Basalt.inMemory();
        session = database.connect();
        run("CREATE TABLE users (id bigint PRIMARY KEY, email text UNIQUE, name text)");
        run("CREATE TABLE lines (order_id int, line int, qty int, PRIMARY KEY (order_id, line))");
        run("INSERT INTO users SELECT g, 'u' || g, 'n' || g FROM generate_series(1, 500) g");
    }

    @AfterEach
    void close() {
        session.close();
        database.close();
    }

    @Test
    void aWholeKeyIsAnIndexScan() {
        assertThat(explain("SELECT * FROM users WHERE email = 'u7' AND name <> 'x'")).containsExactly(
                "Index Scan using users_email_key on users",
                "  Index Cond: (email = 'u7'::text)",
                "  Filter: (name <> 'x'::text)");
        assertThat(explain("SELECT qty FROM lines WHERE line = 2 AND order_id = 1")).containsExactly(
                "Index Scan using lines_pkey on lines",
                "  Index Cond: ((order_id = 1) AND (line = 2))");
    }

    @Test
    void otherFiltersStaySeqScans() {
        assertThat(explain("SELECT qty FROM lines WHERE order_id = 1")).containsExactly(
                "Seq Scan on lines",
                "  Filter: (order_id = 1)");
        assertThat(explain("SELECT * FROM users WHERE id + 0 = 1")).first().isEqualTo("Seq Scan on users");
        assertThat(explain("SELECT * FROM users WHERE id = 1 OR id = 2")).first().isEqualTo("Seq Scan on users");
        assertThat(explain("SELECT * FROM users WHERE id > 1")).first().isEqualTo("Seq Scan on users");
        assertThat(explain("SELECT * FROM users WHERE name = 'n1'")).first().isEqualTo("Seq Scan on users");
    }

    @Test
    void aLookupIsEstimatedAtOneRowAndAnswersAsAScanWould() {
        assertThat(lines("EXPLAIN SELECT * FROM users WHERE id = 3").getFirst()).contains("rows=1 ");
        assertThat(lines("SELECT name FROM users WHERE id = 3")).containsExactly("n3");
        assertThat(lines("SELECT name FROM users WHERE id + 0 = 3")).containsExactly("n3");
        run("ALTER TABLE users DROP CONSTRAINT users_email_key");
        assertThat(explain("SELECT * FROM users WHERE email = 'u7'")).first().isEqualTo("Seq Scan on users");
    }

    private List<String> explain(String statement) {
        return lines("EXPLAIN (COSTS OFF) " + statement);
    }

    private List<String> lines(String sql) {
        List<String> lines = new ArrayList<>();
        try (QueryResult result = session.execute(sql)) {
            for (long row = 0; row < result.rowCount(); row++) {
                lines.add(result.getText(row, 0));
            }
        }
        return lines;
    }

    private void run(String sql) {
        session.execute(sql).close();
    }
}
