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
