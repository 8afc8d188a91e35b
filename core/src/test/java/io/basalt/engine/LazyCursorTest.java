package io.basalt.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cursors run their query as FETCH asks: rows are produced batch by batch, so a failing row is reported by the FETCH
 * that reaches it after the rows before it were handed out, a sequence the query calls advances only as far as the
 * rows fetched, and a cursor WITH HOLD is run to its end when its block commits (as PostgreSQL does).
 */
class LazyCursorTest {
    private static List<String> column(Session session, String sql) {
        try (QueryResult result = session.execute(sql)) {
            List<String> values = new ArrayList<>();
            for (int row = 0; row < result.rowCount(); row++) {
                values.add(result.getText(row, 0));
            }
            return values;
        }
    }

    private static Database numbers(int count) {
        Database database = Basalt.inMemory();
        try (Session session = database.connect()) {
            session.execute("CREATE TABLE big (n int)").close();
            session.execute("INSERT INTO big SELECT g FROM generate_series(1, " + count + ") g").close();
        }
        return database;
    }

    @Test
    void rowsBeforeAFailingRowAreHandedOutFirst() {
        try (Database database = numbers(100_000); Session session = database.connect()) {
            session.execute("BEGIN").close();
            session.execute("DECLARE c NO SCROLL CURSOR FOR SELECT 1 / (n - 90000) FROM big").close();
            assertThat(column(session, "FETCH 3 FROM c")).containsExactly("0", "0", "0");
            try (QueryResult move = session.execute("MOVE 50000 IN c")) {
                assertThat(move.commandTag()).isEqualTo("MOVE 50000");
            }
            assertThatThrownBy(() -> session.execute("FETCH 50000 FROM c"))
                    .isInstanceOfSatisfying(BasaltException.class,
                            failure -> assertThat(failure.sqlState()).isEqualTo(SqlState.DIVISION_BY_ZERO));
            session.execute("ROLLBACK").close();
        }
    }

    @Test
    void aSequenceAdvancesOnlyAsFarAsTheRowsRead() {
        try (Database database = numbers(100_000); Session session = database.connect()) {
            session.execute("CREATE SEQUENCE s").close();
            session.execute("BEGIN").close();
            session.execute("DECLARE c CURSOR FOR SELECT nextval('s') FROM big").close();
            assertThat(column(session, "FETCH 2 FROM c")).containsExactly("1", "2");
            session.execute("CLOSE c").close();
            session.execute("COMMIT").close();
            long used = Long.parseLong(column(session, "SELECT last_value FROM s").getFirst());
            // the first batch was computed, not the table's 100,000 rows
            assertThat(used).isLessThan(100_000);
        }
    }

    @Test
    void fetchingForwardAndBackwardReadsAsFarAsNeeded() {
        try (Database database = numbers(10_000); Session session = database.connect()) {
            session.execute("BEGIN").close();
            session.execute("DECLARE c SCROLL CURSOR FOR SELECT n FROM big WHERE n % 1000 = 0").close();
            assertThat(column(session, "FETCH 2 FROM c")).containsExactly("1000", "2000");
            assertThat(column(session, "FETCH BACKWARD 1 FROM c")).containsExactly("1000");
            assertThat(column(session, "FETCH ABSOLUTE -1 FROM c")).containsExactly("10000");
            assertThat(column(session, "FETCH PRIOR FROM c")).containsExactly("9000");
            assertThat(column(session, "FETCH ALL FROM c")).containsExactly("10000");
            assertThat(column(session, "FETCH ABSOLUTE 3 FROM c")).containsExactly("3000");
            session.execute("COMMIT").close();
        }
    }

    @Test
    void aNoScrollCursorReadsAHugeTableInPieces() {
        try (Database database = numbers(300_000); Session session = database.connect()) {
            session.execute("BEGIN").close();
            session.execute("DECLARE c NO SCROLL CURSOR FOR SELECT n FROM big").close();
            long sum = 0;
            long rows = 0;
            while (true) {
                try (QueryResult result = session.execute("FETCH 7000 FROM c")) {
                    if (result.rowCount() == 0) {
                        break;
                    }
                    for (int row = 0; row < result.rowCount(); row++) {
                        sum += Long.parseLong(result.getText(row, 0));
                    }
                    rows += result.rowCount();
                }
            }
            assertThat(rows).isEqualTo(300_000);
            assertThat(sum).isEqualTo(300_000L * 300_001 / 2);
            assertThatThrownBy(() -> session.execute("FETCH BACKWARD 1 FROM c"))
                    .isInstanceOfSatisfying(BasaltException.class,
                            failure -> assertThat(failure.getMessage()).isEqualTo("cursor can only scan forward"));
            session.execute("ROLLBACK").close();
        }
    }

    @Test
    void aHoldCursorIsReadWholeAtCommitAndSeesItsSnapshot() {
        try (Database database = numbers(5); Session session = database.connect(); Session other = database.connect()) {
            session.execute("BEGIN").close();
            session.execute("INSERT INTO big VALUES (6)").close();
            session.execute("DECLARE c CURSOR WITH HOLD FOR SELECT n FROM big ORDER BY n").close();
            assertThat(column(session, "FETCH 2 FROM c")).containsExactly("1", "2");
            session.execute("COMMIT").close();
            other.execute("DELETE FROM big").close();
            assertThat(column(session, "FETCH ALL FROM c")).containsExactly("3", "4", "5", "6");
            assertThat(column(session, "FETCH ABSOLUTE 1 FROM c")).containsExactly("1");
            session.execute("CLOSE c").close();
        }
    }

    @Test
    void joinsFanOutAcrossFetches() {
        try (Database database = numbers(3); Session session = database.connect()) {
            session.execute("CREATE TABLE pairs (n int, m int)").close();
            session.execute("INSERT INTO pairs SELECT 1, g FROM generate_series(1, 5000) g").close();
            session.execute("BEGIN").close();
            session.execute("DECLARE c CURSOR FOR SELECT big.n, pairs.m FROM big JOIN pairs ON big.n = pairs.n")
                    .close();
            long rows = 0;
            while (true) {
                try (QueryResult result = session.execute("FETCH 999 FROM c")) {
                    if (result.rowCount() == 0) {
                        break;
                    }
                    rows += result.rowCount();
                }
            }
            assertThat(rows).isEqualTo(5000);
            session.execute("COMMIT").close();
        }
    }
}
