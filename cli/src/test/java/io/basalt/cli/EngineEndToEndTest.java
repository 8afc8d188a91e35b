package io.basalt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell over the real engine. Each expected text is what psql 15 printed for the same input
 * against PostgreSQL 15 (with "psql" in its messages where basalt says "basalt").
 */
class EngineEndToEndTest {
    @TempDir
    Path directory;

    private record Outcome(int status, String out, String err) {
    }

    private Outcome run(String stdin, String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int status = new BasaltCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), outStream,
                    errStream, DatabaseOpener.engine(), directory, false).run(arguments);
            return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void selectOnePlusOne() {
        Outcome outcome = run("", "-c", "SELECT 1 + 1");
        assertThat(outcome.out()).isEqualTo(" ?column? \n----------\n        2\n(1 row)\n\n");
        assertThat(outcome.err()).isEmpty();
        assertThat(outcome.status()).isZero();
    }

    @Test
    void createInsertAndSumInADatabaseDirectory() {
        Outcome outcome = run("", directory.resolve("db1").toString(), "-c", "CREATE TABLE t(a int)",
                "-c", "INSERT INTO t VALUES (1),(2)", "-c", "SELECT sum(a) FROM t");
        assertThat(outcome.out()).isEqualTo("CREATE TABLE\nINSERT 0 2\n sum \n-----\n   3\n(1 row)\n\n");
        assertThat(outcome.err()).isEmpty();
        assertThat(outcome.status()).isZero();
    }

    @Test
    void aScriptWithErrorsGoesOnAndReportsThemWithTheirPosition() throws IOException {
        Path script = directory.resolve("script.sql");
        Files.writeString(script, """
                CREATE TABLE t (a int, b text);
                INSERT INTO t VALUES (1, 'one'), (2, NULL);
                SELECT nocol FROM t;
                SELECT a, b FROM t ORDER BY a;
                """);
        Outcome outcome = run("", "-f", script.toString());
        assertThat(outcome.out()).isEqualTo("""
                CREATE TABLE
                INSERT 0 2
                 a |  b \s
                ---+-----
                 1 | one
                 2 |\s
                (2 rows)

                """);
        assertThat(outcome.err()).isEqualTo("basalt:" + script + ":3: ERROR:  column \"nocol\" does not exist\n"
                + "LINE 1: SELECT nocol FROM t;\n               ^\n");
        assertThat(outcome.status()).isZero();
        Outcome stopped = run("", "-v", "ON_ERROR_STOP=1", "-f", script.toString());
        assertThat(stopped.status()).isEqualTo(3);
    }

    @Test
    void backslashSemicolonSendsOneQueryStringThatPrintsEachResultAfterTheNextStatementsWarnings() {
        Outcome outcome = run("""
                CREATE TABLE i_table (f1 int);
                insert into i_table values(2)\\; select * from i_table\\; select 1/0;
                SELECT 1\\; COMMIT\\; SELECT 2;
                select count(*) from i_table;
                """, "-X", "-q");
        assertThat(outcome.out()).isEqualTo("""
                 f1\s
                ----
                  2
                (1 row)

                 ?column?\s
                ----------
                        1
                (1 row)

                 ?column?\s
                ----------
                        2
                (1 row)

                 count\s
                -------
                     0
                (1 row)

                """);
        assertThat(outcome.err()).isEqualTo("ERROR:  division by zero\nWARNING:  there is no transaction in progress\n");
    }

    @Test
    void aCommandStringIsOneTransaction() {
        Path database = directory.resolve("db2");
        Outcome failed = run("", database.toString(), "-c",
                "CREATE TABLE t(a int); INSERT INTO t VALUES (1); SELECT 1/0");
        assertThat(failed.err()).isEqualTo("ERROR:  division by zero\n");
        Outcome after = run("", database.toString(), "-c", "SELECT count(*) FROM pg_tables WHERE tablename = 't'");
        assertThat(after.out()).isEqualTo(" count \n-------\n     0\n(1 row)\n\n");
    }

    @Test
    void describeATableTheEngineCreated() {
        Outcome outcome = run("CREATE TABLE orders (id bigint NOT NULL, total numeric(10,2), note varchar(20));\n\\d orders\n",
                "-q");
        assertThat(outcome.out()).isEqualTo("""
                                      Table "public.orders"
                 Column |         Type          | Collation | Nullable | Default\s
                --------+-----------------------+-----------+----------+---------
                 id     | bigint                |           | not null |\s
                 total  | numeric(10,2)         |           |          |\s
                 note   | character varying(20) |           |          |\s

                """);
    }
}
