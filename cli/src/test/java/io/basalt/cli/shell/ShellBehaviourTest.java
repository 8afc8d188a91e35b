package io.basalt.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.ResultColumn;
import io.basalt.cli.fake.FakeQueryResult;
import io.basalt.cli.fake.FakeSession;
import io.basalt.cli.fake.ShellRun;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.LogicalType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell end to end over a fake engine session: what reaches standard output and error and the
 * exit status, for -c, -f, piped scripts, echo and quiet modes and ON_ERROR_STOP. The expected
 * texts follow what psql 15 printed for the same inputs against a real server (with "psql" in
 * its messages where basalt says "basalt").
 */
class ShellBehaviourTest {
    private static final String SUM_TABLE = " ?column? \n----------\n        2\n(1 row)\n\n";

    @TempDir
    Path home;

    private static FakeSession session() {
        return new FakeSession()
                .on("SELECT 1 + 1", () -> FakeQueryResult.rows(
                        List.of(new ResultColumn("?column?", LogicalType.INTEGER)), List.of(List.of("2"))))
                .on("select 1", () -> FakeQueryResult.rows(
                        List.of(new ResultColumn("?column?", LogicalType.INTEGER)), List.of(List.of("1"))))
                .on("select 3", () -> FakeQueryResult.rows(
                        List.of(new ResultColumn("?column?", LogicalType.INTEGER)), List.of(List.of("3"))))
                .on("create table t (a int)", () -> FakeQueryResult.command("CREATE TABLE", 0))
                .on("insert into t values (1), (2)", () -> FakeQueryResult.command("INSERT 0 2", 2))
                .on("insert into t values (3) returning a", () -> new ReturningResult())
                .on("drop table if exists nosuch", () -> FakeQueryResult.command("DROP TABLE", 0)
                        .withNotices("table \"nosuch\" does not exist, skipping"))
                .failing("select 1/0", BasaltException.of(SqlState.DIVISION_BY_ZERO, "division by zero"));
    }

    /** INSERT ... RETURNING: rows plus an INSERT tag. */
    private static final class ReturningResult extends io.basalt.cli.fake.ForwardingQueryResult {
        ReturningResult() {
            super(FakeQueryResult.rows(List.of(new ResultColumn("a", LogicalType.INTEGER)), List.of(List.of("3"))));
        }

        @Override
        public String commandTag() {
            return "INSERT 0 1";
        }
    }

    @Test
    void commandPrintsTheResultTableAndExitsWithZero() {
        ShellRun run = ShellRun.of(session(), "", home, "-c", "SELECT 1 + 1");
        assertThat(run.out()).isEqualTo(SUM_TABLE);
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isZero();
    }

    @Test
    void commandTagsArePrintedUnlessQuiet() {
        ShellRun run = ShellRun.of(session(), "", home, "-c", "create table t (a int)", "-c", "insert into t values (1), (2)");
        assertThat(run.out()).isEqualTo("CREATE TABLE\nINSERT 0 2\n");
        ShellRun quiet = ShellRun.of(session(), "", home, "-q", "-c", "create table t (a int)");
        assertThat(quiet.out()).isEmpty();
    }

    @Test
    void noticesGoToStandardErrorWithTheScriptLocation() throws IOException {
        Path script = home.resolve("notice.sql");
        Files.writeString(script, "\n drop table if exists nosuch;\n");
        ShellRun run = ShellRun.of(session(), "", home, "-f", script.toString());
        assertThat(run.err()).isEqualTo("basalt:" + script + ":2: NOTICE:  table \"nosuch\" does not exist, skipping\n");
        assertThat(run.out()).isEqualTo("DROP TABLE\n");
        assertThat(ShellRun.of(session(), "drop table if exists nosuch;", home, "-q").err())
                .isEqualTo("NOTICE:  table \"nosuch\" does not exist, skipping\n");
    }

    @Test
    void returningPrintsTheRowsThenTheTag() {
        ShellRun run = ShellRun.of(session(), "", home, "-c", "insert into t values (3) returning a");
        assertThat(run.out()).isEqualTo(" a \n---\n 3\n(1 row)\n\nINSERT 0 1\n");
    }

    @Test
    void oneCommandStringMayHoldSeveralStatementsAndStopsAtTheFirstError() {
        FakeSession session = session();
        ShellRun run = ShellRun.of(session, "", home, "-c", "select 1; selec 2; select 3");
        assertThat(run.out()).isEqualTo(" ?column? \n----------\n        1\n(1 row)\n\n");
        // The position refers to the whole -c string, as psql shows it.
        assertThat(run.err()).isEqualTo("""
                ERROR:  syntax error at or near "selec"
                LINE 1: select 1; selec 2; select 3
                                  ^
                """);
        assertThat(run.status()).isEqualTo(1);
        assertThat(session.executed()).containsExactly("select 1;", "selec 2;");
    }

    @Test
    void theLastCommandDecidesTheExitStatus() {
        assertThat(ShellRun.of(session(), "", home, "-c", "select 1/0", "-c", "select 1").status()).isZero();
        assertThat(ShellRun.of(session(), "", home, "-c", "select 1", "-c", "select 1/0").status()).isEqualTo(1);
        ShellRun stopped = ShellRun.of(session(), "", home, "-v", "ON_ERROR_STOP=1", "-c", "select 1/0", "-c", "select 1");
        assertThat(stopped.status()).isEqualTo(1);
        assertThat(stopped.out()).isEmpty();
        assertThat(stopped.err()).isEqualTo("ERROR:  division by zero\n");
    }

    @Test
    void scriptFileErrorsCarryFileAndLineAndTheScriptGoesOn() throws IOException {
        Path script = home.resolve("s1.sql");
        Files.writeString(script, "select 1;\n  -- comment\n  selec\n  2;\nselect 3;\n");
        ShellRun run = ShellRun.of(session(), "", home, "-f", script.toString());
        assertThat(run.out()).isEqualTo(" ?column? \n----------\n        1\n(1 row)\n\n"
                + " ?column? \n----------\n        3\n(1 row)\n\n");
        assertThat(run.err()).isEqualTo("basalt:" + script + ":4: ERROR:  syntax error at or near \"selec\"\n"
                + "LINE 1: selec\n        ^\n");
        assertThat(run.status()).isZero();
    }

    @Test
    void onErrorStopEndsAScriptWithStatusThree() throws IOException {
        Path script = home.resolve("s1.sql");
        Files.writeString(script, "select 1;\nselec 2;\nselect 3;\n");
        ShellRun file = ShellRun.of(session(), "", home, "-v", "ON_ERROR_STOP=1", "-f", script.toString());
        assertThat(file.status()).isEqualTo(3);
        assertThat(file.out()).isEqualTo(" ?column? \n----------\n        1\n(1 row)\n\n");
        ShellRun piped = ShellRun.of(session(), "select 1;\nselec 2;\nselect 3;\n", home, "-v", "ON_ERROR_STOP=on");
        assertThat(piped.status()).isEqualTo(3);
        assertThat(piped.err()).isEqualTo("ERROR:  syntax error at or near \"selec\"\nLINE 1: selec 2;\n        ^\n");
    }

    @Test
    void pipedScriptsShowErrorsWithoutALocation() {
        ShellRun run = ShellRun.of(session(), "select 1/0;\nselect 3;\n", home);
        assertThat(run.err()).isEqualTo("ERROR:  division by zero\n");
        assertThat(run.out()).isEqualTo(" ?column? \n----------\n        3\n(1 row)\n\n");
        assertThat(run.status()).isZero();
    }

    @Test
    void aMissingScriptFileIsFatal() {
        ShellRun run = ShellRun.of(session(), "", home, "-f", "/nonexistent/script.sql");
        assertThat(run.err()).isEqualTo("basalt: error: /nonexistent/script.sql: No such file or directory\n");
        assertThat(run.status()).isEqualTo(1);
    }

    @Test
    void theLastStatementNeedsNoSemicolon() {
        ShellRun run = ShellRun.of(session(), "select\n 1", home);
        assertThat(run.out()).isEqualTo(" ?column? \n----------\n        1\n(1 row)\n\n");
    }

    @Test
    void echoAllRepeatsEveryNonEmptyInputLine() {
        ShellRun run = ShellRun.of(session(), "-- lead comment\nselect 1;   -- trailing\n\ncreate table t (a int);\n", home, "-a");
        assertThat(run.out()).isEqualTo("-- lead comment\nselect 1;   -- trailing\n"
                + " ?column? \n----------\n        1\n(1 row)\n\n"
                + "create table t (a int);\nCREATE TABLE\n");
        ShellRun command = ShellRun.of(session(), "", home, "-a", "-c", "select 1");
        assertThat(command.out()).startsWith("select 1\n ?column? \n");
    }

    @Test
    void echoQueriesRepeatsStatementsAsSent() {
        ShellRun run = ShellRun.of(session(), "-- lead comment\nselect 1;   -- trailing\ncreate table t (a int);\n", home, "-e");
        assertThat(run.out()).isEqualTo("select 1;\n ?column? \n----------\n        1\n(1 row)\n\n"
                + "create table t (a int);\nCREATE TABLE\n");
    }

    @Test
    void timingPrintsATimeLineAfterEachStatementEvenAfterErrors() {
        ShellRun run = ShellRun.of(session(), "\\timing\nselect 1/0;\ncreate table t (a int);\n\\timing off\nselect 1;\n", home);
        assertThat(run.out()).matches("Timing is on\\.\nTime: \\d+\\.\\d{3} ms\nCREATE TABLE\nTime: \\d+\\.\\d{3} ms\n"
                + "Timing is off\\.\n \\?column\\? \n----------\n        1\n\\(1 row\\)\n\n");
        ShellRun quiet = ShellRun.of(session(), "\\timing on\n", home, "-q");
        assertThat(quiet.out()).isEmpty();
    }

    @Test
    void outputFormatFlags() {
        assertThat(ShellRun.of(session(), "", home, "--csv", "-c", "SELECT 1 + 1").out()).isEqualTo("?column?\n2\n");
        assertThat(ShellRun.of(session(), "", home, "-A", "-c", "SELECT 1 + 1").out()).isEqualTo("?column?\n2\n(1 row)\n");
        assertThat(ShellRun.of(session(), "", home, "-qAt", "-c", "SELECT 1 + 1").out()).isEqualTo("2\n");
        assertThat(ShellRun.of(session(), "", home, "-t", "-c", "SELECT 1 + 1").out()).isEqualTo("        2\n\n");
        assertThat(ShellRun.of(session(), "", home, "-x", "-c", "SELECT 1 + 1").out())
                .isEqualTo("-[ RECORD 1 ]\n?column? | 2\n\n");
        assertThat(ShellRun.of(session(), "", home, "-c", "\\x", "-c", "SELECT 1 + 1").out())
                .isEqualTo("Expanded display is on.\n-[ RECORD 1 ]\n?column? | 2\n\n");
    }

    @Test
    void startupFileIsReadUnlessToldNotTo() throws IOException {
        Files.writeString(home.resolve(".basaltrc"), "\\pset format csv\n");
        assertThat(ShellRun.of(session(), "", home, "-c", "SELECT 1 + 1").out())
                .isEqualTo("Output format is csv.\n?column?\n2\n");
        assertThat(ShellRun.of(session(), "", home, "-X", "-c", "SELECT 1 + 1").out()).isEqualTo(SUM_TABLE);
    }

    @Test
    void unknownBackslashCommands() throws IOException {
        ShellRun piped = ShellRun.of(session(), "\\foo bar\nselect 1;\n", home);
        assertThat(piped.err()).isEqualTo("invalid command \\foo\n");
        assertThat(piped.status()).isZero();
        Path script = home.resolve("s2.sql");
        Files.writeString(script, "\\foo bar\nselect 1;\n\\x foo\n\\timing foo\n\\q extra\n");
        ShellRun file = ShellRun.of(session(), "", home, "-f", script.toString());
        assertThat(file.err()).isEqualTo("basalt:" + script + ":1: error: invalid command \\foo\n"
                + "basalt:" + script + ":3: error: unrecognized value \"foo\" for \"expanded\"\n"
                + "Available values are: on, off, auto.\n"
                + "basalt:" + script + ":4: error: unrecognized value \"foo\" for \"\\timing\": Boolean expected\n"
                + "basalt:" + script + ":5: warning: \\q: extra argument \"extra\" ignored\n");
        assertThat(file.status()).isZero();
        ShellRun stopped = ShellRun.of(session(), "", home, "-v", "ON_ERROR_STOP=1", "-f", script.toString());
        assertThat(stopped.status()).isEqualTo(3);
        assertThat(stopped.out()).isEmpty();
        assertThat(ShellRun.of(session(), "", home, "-c", "\\foo").status()).isEqualTo(1);
    }

    @Test
    void includeRunsAnotherScript() throws IOException {
        Path inner = home.resolve("inner.sql");
        Files.writeString(inner, "select 3;\n");
        ShellRun run = ShellRun.of(session(), "\\i " + inner + "\n\\i /nonexist\nselect 1;\n", home);
        assertThat(run.out()).isEqualTo(" ?column? \n----------\n        3\n(1 row)\n\n"
                + " ?column? \n----------\n        1\n(1 row)\n\n");
        assertThat(run.err()).isEqualTo("/nonexist: No such file or directory\n");
    }

    @Test
    void quitEndsTheScript() {
        ShellRun run = ShellRun.of(session(), "select 1;\n\\q\nselect 3;\n", home);
        assertThat(run.out()).isEqualTo(" ?column? \n----------\n        1\n(1 row)\n\n");
        assertThat(run.status()).isZero();
    }

    @Test
    void queryBufferCommands() {
        ShellRun run = ShellRun.of(session(), "select\n\\p\n1 \\g\n\\gx\n\\r\n\\p\n", home);
        assertThat(run.out()).isEqualTo("select\n ?column? \n----------\n        1\n(1 row)\n\n"
                + "-[ RECORD 1 ]\n?column? | 1\n\nQuery buffer reset (cleared).\nselect\n1 \n");
    }

    @Test
    void variablesAndEcho() {
        ShellRun run = ShellRun.of(session(), "\\set foo bar baz\n\\echo a  'b  c' \"d e\"\n\\set\n\\unset foo\n\\set\n",
                home, "-v", "ON_ERROR_STOP=0");
        assertThat(run.out()).isEqualTo("a b  c \"d e\"\nON_ERROR_STOP = '0'\nfoo = 'barbaz'\nON_ERROR_STOP = '0'\n");
    }
}
