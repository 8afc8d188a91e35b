package io.basalt.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Playing scripts through the real shell and engine in this process. */
class ShellScriptPlayerTest {
    private static final ScriptSetup NOTHING = new ScriptSetup(Map.of(), Map.of(), Map.of(), List.of());

    @TempDir
    Path directory;

    /** The expected text is what psql 15 printed for the script with {@code -X -a -q 2>&1}. */
    @Test
    void printsLikePsqlWithEchoAllQuietAndErrorsInPlace() {
        PlayedScript played = ShellScriptPlayer.play("""
                -- results and errors
                SELECT 1 AS one;

                SELECT nocol FROM (VALUES (1)) v(a);
                SELECT 2 AS two;
                """, NOTHING);
        assertThat(played.output()).isEqualTo("""
                -- results and errors
                SELECT 1 AS one;
                 one\s
                -----
                   1
                (1 row)

                SELECT nocol FROM (VALUES (1)) v(a);
                ERROR:  column "nocol" does not exist
                LINE 1: SELECT nocol FROM (VALUES (1)) v(a);
                               ^
                SELECT 2 AS two;
                 two\s
                -----
                   2
                (1 row)

                """);
        assertThat(played.sqlStates()).containsEntry("column \"nocol\" does not exist", "42703");
        assertThat(played.notes()).isEmpty();
    }

    /**
     * COPY FROM STDIN takes the lines after it up to {@code \.} (not echoed, and consumed even when the data is
     * bad); COPY TO STDOUT prints; {@code \getenv} reads the setup's environment. The expected text is what
     * psql 15 printed for the script with {@code -X -a -q 2>&1}.
     */
    @Test
    void copyDataAndGetenvAsPsqlHandlesThem() {
        String script = """
                CREATE TABLE t (a int, b text);
                COPY t FROM STDIN;
                1\tone
                2\ttwo
                \\.
                COPY t FROM STDIN;
                3\tthree
                x\tbad
                4\tfour
                \\.
                COPY t TO STDOUT (FORMAT csv);
                COPY nosuch FROM STDIN;
                SELECT count(*) FROM t;
                \\getenv home_dir HOME_FOR_TEST
                \\echo :home_dir
                """;
        PlayedScript played = ShellScriptPlayer.play(script,
                new ScriptSetup(Map.of(), Map.of(), Map.of("HOME_FOR_TEST", "/h"), List.of()));
        assertThat(played.output()).isEqualTo("""
                CREATE TABLE t (a int, b text);
                COPY t FROM STDIN;
                COPY t FROM STDIN;
                ERROR:  invalid input syntax for type integer: "x"
                CONTEXT:  COPY t, line 2, column a: "x"
                COPY t TO STDOUT (FORMAT csv);
                1,one
                2,two
                COPY nosuch FROM STDIN;
                ERROR:  relation "nosuch" does not exist
                SELECT count(*) FROM t;
                 count\s
                -------
                     2
                (1 row)

                \\getenv home_dir HOME_FOR_TEST
                \\echo :home_dir
                /h
                """);
    }

    @Test
    void preparesTheSessionWithPrerequisitesVariablesAndSettingsWithoutShowingThem() throws IOException {
        Path setup = directory.resolve("setup.sql");
        Files.writeString(setup, "CREATE TABLE t (a int);\nINSERT INTO t VALUES (7);\nSELECT 'not shown';\n");
        ScriptSetup prepared = new ScriptSetup(Map.of("no_such_parameter", "1"), Map.of("column", "a"), Map.of(),
                List.of(setup));
        PlayedScript played = ShellScriptPlayer.play("SELECT :column FROM t;\n", prepared);
        assertThat(played.output()).isEqualTo("SELECT :column FROM t;\n a \n---\n 7\n(1 row)\n\n");
        assertThat(played.notes()).singleElement().asString().startsWith("setting not applied: no_such_parameter = 1: ");
    }

    @Test
    void eachScriptGetsAFreshDatabase() {
        ShellScriptPlayer.play("CREATE TABLE kept (a int);\n", NOTHING);
        PlayedScript second = ShellScriptPlayer.play("SELECT * FROM kept;\n", NOTHING);
        assertThat(second.output()).contains("ERROR:  relation \"kept\" does not exist");
    }
}
