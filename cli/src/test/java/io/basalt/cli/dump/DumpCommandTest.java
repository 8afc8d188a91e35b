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

    /** A partitioned table (with a sub-partitioned and a default partition) and an inheritance tree. */
    private static final String[] HIERARCHY = {
        "CREATE SCHEMA s",
        "CREATE TABLE s.m (k int NOT NULL, v text CHECK (v <> 'zz'), n numeric DEFAULT 0) PARTITION BY RANGE (k)",
        "CREATE TABLE s.m1 PARTITION OF s.m FOR VALUES FROM (0) TO (10)",
        "CREATE TABLE s.m2 PARTITION OF s.m (CONSTRAINT m2_n CHECK (n >= 0)) FOR VALUES FROM (10) TO (20)"
                + " PARTITION BY LIST (v)",
        "CREATE TABLE s.m2a PARTITION OF s.m2 FOR VALUES IN ('a', 'b')",
        "CREATE TABLE s.m2d PARTITION OF s.m2 DEFAULT",
        "CREATE TABLE s.mdef PARTITION OF s.m DEFAULT",
        "CREATE INDEX m_v ON s.m (v)",
        "CREATE TABLE s.m3 (n numeric DEFAULT 0, v text CONSTRAINT m_v_check CHECK (v <> 'zz'), k int NOT NULL)",
        "CREATE INDEX m3_own ON s.m3 (v)",
        "ALTER TABLE s.m ATTACH PARTITION s.m3 FOR VALUES FROM (20) TO (30)",
        "CREATE TABLE h (id int PRIMARY KEY, name text CHECK (name IN ('a', 'b', 'c')))",
        "CREATE TABLE hc (extra int CHECK (extra > 0)) INHERITS (h)",
        "CREATE TABLE hp (id int PRIMARY KEY, k int) PARTITION BY HASH (id)",
        "CREATE TABLE hp0 PARTITION OF hp FOR VALUES WITH (MODULUS 2, REMAINDER 0)",
        "CREATE TABLE hp1 PARTITION OF hp FOR VALUES WITH (MODULUS 2, REMAINDER 1)",
        "INSERT INTO s.m VALUES (1, 'x', 1), (11, 'a', 2), (12, 'q', 3), (25, 'r', 4), (99, 'd', 5)",
        "INSERT INTO h VALUES (1, 'a'), (200, 'c')",
        "INSERT INTO hc VALUES (2, 'b', 7)",
        "INSERT INTO hp VALUES (1, 1), (2, 2), (3, 3)",
        "ALTER TABLE h ADD CONSTRAINT h_id CHECK (id < 100) NOT VALID"};

    /** What must come out the same after a restore: each table's description, rows per table, the catalog's links. */
    private static final String[] HIERARCHY_CHECKS = {
        "\\d+ s.m", "\\d+ s.m2", "\\d+ s.m2a", "\\d+ s.m3", "\\d+ s.mdef", "\\d+ h", "\\d+ hc", "\\d+ hp",
        "\\d+ hp0", "\\d s.m_v", "\\d s.m3_own", "\\di s.*",
        "SELECT tableoid::regclass, * FROM s.m ORDER BY k",
        "SELECT tableoid::regclass, * FROM h ORDER BY id",
        "SELECT tableoid::regclass, * FROM hp ORDER BY id",
        "SELECT conrelid::regclass, conname, pg_get_constraintdef(oid), convalidated FROM pg_constraint"
                + " WHERE contype <> 'n' ORDER BY 1, 2",
        "SELECT c.relname, p.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                + " JOIN pg_class p ON p.oid = i.inhparent ORDER BY 1, 2"};

    private String[] commands(String database, String... statements) {
        String[] arguments = new String[statements.length * 2 + 3];
        arguments[0] = "-v";
        arguments[1] = "ON_ERROR_STOP=1";
        arguments[2] = database;
        for (int i = 0; i < statements.length; i++) {
            arguments[3 + 2 * i] = "-c";
            arguments[4 + 2 * i] = statements[i];
        }
        return arguments;
    }

    @Test
    void partitionsAndInheritanceChildrenComeBackAsTheyWere() throws IOException {
        String source = directory.resolve("source").toString();
        Outcome setup = run(commands(source, HIERARCHY));
        assertThat(setup.err()).isEmpty();

        Outcome dump = run("dump", source);
        assertThat(dump.err()).isEmpty();
        assertThat(dump.out())
                .contains("CREATE TABLE s.m2 PARTITION OF s.m (\n    CONSTRAINT m2_n CHECK ((n >= (0)::numeric))\n)"
                        + " FOR VALUES FROM (10) TO (20)\nPARTITION BY LIST (v);")
                .contains("CREATE TABLE s.m2d PARTITION OF s.m2 DEFAULT;")
                .contains("CREATE TABLE public.hc (\n    extra integer,\n    CONSTRAINT hc_extra_check CHECK ((extra > 0))"
                        + "\n)\nINHERITS (public.h);")
                .contains("ALTER TABLE s.m ATTACH PARTITION s.m3 FOR VALUES FROM (20) TO (30);")
                .contains("ALTER TABLE public.h ADD CONSTRAINT h_id CHECK ((id < 100)) NOT VALID;")
                .doesNotContain("COPY s.m (").doesNotContain("COPY s.m2 (").doesNotContain("m1_v_idx");
        assertThat(dump.out().indexOf("CREATE INDEX m3_own")).isLessThan(dump.out().indexOf("CREATE INDEX m_v"));
        Path script = directory.resolve("dump.sql");
        Files.writeString(script, dump.out());
        String target = directory.resolve("target").toString();
        Outcome restore = run("-q", "-v", "ON_ERROR_STOP=1", target, "-f", script.toString());
        assertThat(restore.err()).isEmpty();
        assertThat(restore.status()).isZero();

        String exported = directory.resolve("exported").toString();
        assertThat(run(source, "-c", "EXPORT DATABASE '" + exported + "'").err()).isEmpty();
        String imported = directory.resolve("imported").toString();
        assertThat(run(imported, "-c", "IMPORT DATABASE '" + exported + "'").err()).isEmpty();

        String before = run(commands(source, HIERARCHY_CHECKS)).out();
        assertThat(before).contains("Partitions: s.m1 FOR VALUES FROM (0) TO (10),").contains(" m2d      | 12 | q | 3");
        assertThat(run(commands(target, HIERARCHY_CHECKS)).out()).isEqualTo(before);
        assertThat(run(commands(imported, HIERARCHY_CHECKS)).out()).isEqualTo(before);
        assertThat(run(target, "-c", "INSERT INTO s.m VALUES (13, 'zz', 1)").err())
                .contains("violates check constraint \"m_v_check\"");
    }

    @Test
    void usageErrors() {
        Outcome outcome = run("dump");
        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.err()).isEqualTo("basalt: usage: basalt dump DBPATH > file.sql\n");
    }
}
