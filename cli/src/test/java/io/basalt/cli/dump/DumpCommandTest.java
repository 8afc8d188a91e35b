package io.basalt.cli.dump;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.cli.BasaltCommand;
import io.basalt.cli.DatabaseOpener;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code basalt dump DB > file.sql} then {@code basalt NEWDB -f file.sql}, as pg_dump and psql are used. */
class DumpCommandTest {
    @TempDir
    Path directory;

    private record Outcome(int status, String out, String err) {
    }

    private Outcome run(String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int status = new BasaltCommand(new ByteArrayInputStream(new byte[0]), outStream, errStream,
                    DatabaseOpener.engine(), directory, false).run(arguments);
            return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void dumpRestoresIntoANewDatabaseThroughTheShell() throws IOException {
        String source = directory.resolve("source").toString();
        Outcome setup = run("-v", "ON_ERROR_STOP=1", source,
                "-c", "CREATE TABLE parents (id serial PRIMARY KEY, name text NOT NULL UNIQUE)",
                "-c", "CREATE TABLE children (id int PRIMARY KEY, parent int REFERENCES parents ON DELETE CASCADE,"
                        + " note text CHECK (note <> 'bad'), tags text[])",
                "-c", "INSERT INTO parents (name) VALUES ('a'), (E'b\\tc'), ('d\\e')",
                "-c", "INSERT INTO children VALUES (1, 1, NULL, '{x,\"y z\"}'), (2, 2, E'line\\nbreak', NULL)");
        assertThat(setup.err()).isEmpty();

        Outcome dump = run("dump", source);
        assertThat(dump.status()).isZero();
        assertThat(dump.err()).isEmpty();
        assertThat(dump.out()).contains("COPY public.parents (id, name) FROM stdin;\n");
        Path script = directory.resolve("dump.sql");
        Files.writeString(script, dump.out());

        String target = directory.resolve("target").toString();
        Outcome restore = run("-q", "-v", "ON_ERROR_STOP=1", target, "-f", script.toString());
        assertThat(restore.err()).isEmpty();
        assertThat(restore.status()).isZero();

        String query = "SELECT p.id, p.name, c.id, c.note, c.tags FROM parents p LEFT JOIN children c ON c.parent = p.id"
                + " ORDER BY p.id, c.id";
        assertThat(run(target, "-c", query).out()).isEqualTo(run(source, "-c", query).out());
        Outcome enforced = run(target, "-c", "INSERT INTO children VALUES (3, 99, NULL, NULL)",
                "-c", "INSERT INTO parents (name) VALUES ('next') RETURNING id");
        assertThat(enforced.err()).contains("children_parent_fkey");
        assertThat(enforced.out()).contains("  4\n");
    }

    @Test
    void usageErrors() {
        Outcome outcome = run("dump");
        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.err()).isEqualTo("basalt: usage: basalt dump DBPATH > file.sql\n");
    }
}
