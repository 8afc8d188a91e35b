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
