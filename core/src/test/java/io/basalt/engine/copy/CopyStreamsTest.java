package io.basalt.engine.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.api.Basalt;
import io.basalt.api.CopyStreams;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * COPY through a session with the client's streams: FROM STDIN and TO STDOUT, the command tag, the CONTEXT
 * of a conversion error, and the order of errors (a bad value in a later column of an earlier row wins, as in
 * PostgreSQL, which converts row by row).
 */
class CopyStreamsTest {
    @Test
    void copiesFromStdinAndToStdout() {
        try (Database database = Basalt.inMemory(); Session session = database.connect()) {
            session.execute("CREATE TABLE t (a integer, b text, c double precision)").close();
            try (QueryResult result = session.execute("COPY t FROM STDIN", streams("1\tx\t1.5\n2\t\\N\t-2\n"))) {
                assertThat(result.commandTag()).isEqualTo("COPY 2");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (QueryResult result = session.execute("COPY t TO STDOUT (FORMAT csv, HEADER)", streams("", out))) {
                assertThat(result.commandTag()).isEqualTo("COPY 2");
            }
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("a,b,c\n1,x,1.5\n2,,-2\n");
        }
    }

    @Test
    void conversionErrorsCarryTheLineColumnAndValue() {
        try (Database database = Basalt.inMemory(); Session session = database.connect()) {
            session.execute("CREATE TABLE t (a integer, b integer)").close();
            // Row 3's first column and row 2's second column are both bad: row 2 comes first.
            assertThatThrownBy(() -> session.execute("COPY t FROM STDIN", streams("1\t1\n2\tbad\nworse\t3\n")))
                    .isInstanceOfSatisfying(BasaltException.class, e -> {
                        assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_TEXT_REPRESENTATION);
                        assertThat(e.getMessage()).isEqualTo("invalid input syntax for type integer: \"bad\"");
                        assertThat(e.context()).isEqualTo("COPY t, line 2, column b: \"bad\"");
                    });
            try (QueryResult count = session.query("SELECT count(*) FROM t")) {
                assertThat(count.getText(0, 0)).isEqualTo("0");
            }
        }
    }

    @Test
    void aConstraintViolationBeforeABadValueIsReportedFirst() {
        try (Database database = Basalt.inMemory(); Session session = database.connect()) {
            session.execute("CREATE TABLE t (a integer NOT NULL, b integer)").close();
            assertThatThrownBy(() -> session.execute("COPY t FROM STDIN", streams("1\t1\n\\N\t2\n3\tbad\n")))
                    .isInstanceOfSatisfying(BasaltException.class,
                            e -> assertThat(e.sqlState()).isEqualTo(SqlState.NOT_NULL_VIOLATION));
        }
    }

    /**
     * With more than one thread the next batches are read ahead on another thread: many batches arrive whole and in
     * order, and a malformed record or a bad value in a later batch fails the COPY with the same error as on one
     * thread, after the rows before it (whose constraint violation would win) and with nothing inserted.
     */
    @Test
    void readingAheadKeepsRowsAndErrorsInOrder() {
        int rows = 50_000;
        StringBuilder good = new StringBuilder();
        for (int i = 1; i <= rows; i++) {
            good.append(i).append(",payload ").append(i).append('\n');
        }
        String malformed = good + "1,too,many\n";
        String badValue = good.substring(0, good.indexOf("\n40000,") + 1) + "x40000,payload\n"
                + good.substring(good.indexOf("\n40001,") + 1);
        String nullThenBad = good.substring(0, good.indexOf("\n30000,") + 1) + ",null key\n"
                + good.substring(good.indexOf("\n30001,") + 1, good.indexOf("\n45000,") + 1) + "bad,value\n";
        for (String threads : new String[] {"1", "2"}) {
            try (Database database = Basalt.inMemory(); Session session = database.connect()) {
                session.execute("SET threads = " + threads).close();
                session.execute("CREATE TABLE t (a integer NOT NULL, b text)").close();
                try (QueryResult result = session.execute("COPY t FROM STDIN (FORMAT csv)", streams(good.toString()))) {
                    assertThat(result.commandTag()).isEqualTo("COPY " + rows);
                }
                try (QueryResult sums = session.query("SELECT count(*), sum(a), count(DISTINCT b), "
                        + "min(b), max(b) FROM t WHERE b = 'payload ' || a")) {
                    assertThat(sums.getText(0, 0)).isEqualTo(String.valueOf(rows));
                    assertThat(sums.getText(0, 1)).isEqualTo(String.valueOf((long) rows * (rows + 1) / 2));
                    assertThat(sums.getText(0, 2)).isEqualTo(String.valueOf(rows));
                }
                assertThatThrownBy(() -> session.execute("COPY t FROM STDIN (FORMAT csv)", streams(malformed)))
                        .as("threads %s", threads)
                        .isInstanceOfSatisfying(BasaltException.class, e -> {
                            assertThat(e.sqlState()).isEqualTo(SqlState.BAD_COPY_FILE_FORMAT);
                            assertThat(e.getMessage()).isEqualTo("extra data after last expected column");
                            assertThat(e.context()).isEqualTo("COPY t, line " + (rows + 1) + ": \"1,too,many\"");
                        });
                assertThatThrownBy(() -> session.execute("COPY t FROM STDIN (FORMAT csv)", streams(badValue)))
                        .as("threads %s", threads)
                        .isInstanceOfSatisfying(BasaltException.class, e -> {
                            assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_TEXT_REPRESENTATION);
                            assertThat(e.context()).isEqualTo("COPY t, line 40000, column a: \"x40000\"");
                        });
                assertThatThrownBy(() -> session.execute("COPY t FROM STDIN (FORMAT csv)", streams(nullThenBad)))
                        .as("threads %s", threads)
                        .isInstanceOfSatisfying(BasaltException.class,
                                e -> assertThat(e.sqlState()).isEqualTo(SqlState.NOT_NULL_VIOLATION));
                try (QueryResult count = session.query("SELECT count(*) FROM t")) {
                    assertThat(count.getText(0, 0)).isEqualTo(String.valueOf(rows));
                }
            }
        }
    }

    @Test
    void withoutStreamsCopyFromStdinFails() {
        try (Database database = Basalt.inMemory(); Session session = database.connect()) {
            session.execute("CREATE TABLE t (a integer)").close();
            assertThatThrownBy(() -> session.execute("COPY t FROM STDIN"))
                    .isInstanceOfSatisfying(BasaltException.class,
                            e -> assertThat(e.sqlState()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED));
        }
    }

    private static CopyStreams streams(String input) {
        return streams(input, OutputStream.nullOutputStream());
    }

    private static CopyStreams streams(String input, OutputStream output) {
        return new CopyStreams() {
            @Override
            public InputStream input() {
                return new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public OutputStream output() {
                return output;
            }
        };
    }
}
