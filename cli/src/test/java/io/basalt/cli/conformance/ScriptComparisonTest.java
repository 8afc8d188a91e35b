package io.basalt.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scoring a script unit by unit and naming the causes of failures, on outputs written by hand in
 * psql's format (the expected side as psql 15 prints it).
 */
class ScriptComparisonTest {
    private static PlayedScript printed(String output, Map<String, String> sqlStates) {
        return new PlayedScript(output, sqlStates, List.of(), 0);
    }

    @Test
    void identicalOutputsPassEveryUnit() {
        String script = "SELECT 1 AS one;\nSELECT nocol FROM t;\n";
        String output = """
                SELECT 1 AS one;
                 one\s
                -----
                   1
                (1 row)

                SELECT nocol FROM t;
                ERROR:  column "nocol" does not exist
                LINE 1: SELECT nocol FROM t;
                               ^
                """;
        FileResult result = ScriptComparison.compare("same", script, output, printed(output, Map.of()));
        assertThat(result.statements()).isEqualTo(2);
        assertThat(result.passed()).isEqualTo(2);
        assertThat(result.percentage()).isEqualTo(100.0);
        assertThat(result.causes()).isEmpty();
    }

    @Test
    void anUnsupportedStatementIsNamedByItsSqlState() {
        String script = "CREATE TABLE t (id serial);\nINSERT INTO t DEFAULT VALUES;\n";
        String expected = "CREATE TABLE t (id serial);\nINSERT INTO t DEFAULT VALUES;\n";
        String actual = """
                CREATE TABLE t (id serial);
                ERROR:  type serial is not supported yet
                LINE 1: CREATE TABLE t (id serial);
                                           ^
                INSERT INTO t DEFAULT VALUES;
                ERROR:  relation "t" does not exist
                LINE 1: INSERT INTO t DEFAULT VALUES;
                                    ^
                """;
        FileResult result = ScriptComparison.compare("serial", script, expected, printed(actual,
                Map.of("type serial is not supported yet", "0A000", "relation \"t\" does not exist", "42P01")));
        assertThat(result.passed()).isZero();
        assertThat(result.verdicts()).extracting(StatementVerdict::cause).containsExactly(
                "0A000 type serial is not supported yet", "42P01 relation \"…\" does not exist");
        assertThat(result.verdicts().getFirst().diff()).containsExactly("+ERROR:  type serial is not supported yet",
                "+LINE 1: CREATE TABLE t (id serial);", "+                           ^");
    }

    @Test
    void errorsPostgresReportsAndBasaltDoesNotAreNamedByPostgresMessage() {
        String script = "INSERT INTO u VALUES (1);\n";
        String expected = """
                INSERT INTO u VALUES (1);
                ERROR:  duplicate key value violates unique constraint "u_pkey"
                DETAIL:  Key (id)=(1) already exists.
                """;
        FileResult result = ScriptComparison.compare("unique", script, expected, printed(script, Map.of()));
        assertThat(result.verdicts().getFirst().cause())
                .isEqualTo("no error where PostgreSQL reports: duplicate key value violates unique constraint \"…\"");
    }

    @Test
    void theSameErrorAtAnotherPositionFailsAsSuch() {
        String script = "SELECT nocol FROM t;\n";
        String expected = "SELECT nocol FROM t;\nERROR:  column \"nocol\" does not exist\nLINE 1: SELECT nocol FROM t;\n"
                + "               ^\n";
        String actual = "SELECT nocol FROM t;\nERROR:  column \"nocol\" does not exist\n";
        FileResult result = ScriptComparison.compare("position", script, expected,
                printed(actual, Map.of("column \"nocol\" does not exist", "42703")));
        assertThat(result.verdicts().getFirst().cause())
                .isEqualTo("same error, position/DETAIL/HINT differ: 42703 column \"…\" does not exist");
    }

    @Test
    void aMissingNoticeFails() {
        String script = "DROP TABLE IF EXISTS gone;\n";
        String expected = script + "NOTICE:  table \"gone\" does not exist, skipping\n";
        FileResult result = ScriptComparison.compare("notice", script, expected, printed(script, Map.of()));
        assertThat(result.verdicts().getFirst().cause()).isEqualTo("NOTICE/WARNING lines differ");
    }

    @Test
    void resultDifferencesAreToldApartByRowCountHeaderAndValues() {
        String script = "SELECT a FROM t;\nSELECT b FROM t;\nSELECT c FROM t;\n";
        String expected = """
                SELECT a FROM t;
                 a\s
                ---
                 1
                (1 row)

                SELECT b FROM t;
                 b\s
                ---
                 1
                (1 row)

                SELECT c FROM t;
                 c\s
                ---
                 1
                (1 row)

                """;
        String actual = """
                SELECT a FROM t;
                 a\s
                ---
                (0 rows)

                SELECT b FROM t;
                 B\s
                ---
                 1
                (1 row)

                SELECT c FROM t;
                 c\s
                ---
                 2
                (1 row)

                """;
        FileResult result = ScriptComparison.compare("results", script, expected, printed(actual, Map.of()));
        assertThat(result.verdicts()).extracting(StatementVerdict::cause).containsExactly(
                "result differs: row count", "result differs: column names or widths", "result differs: values");
    }

    @Test
    void rowsInAnotherOrderFailAndAreNamedAsSuch() {
        String script = "SELECT a FROM t;\n";
        String expected = script + " a \n---\n 1\n 2\n(2 rows)\n\n";
        String actual = script + " a \n---\n 2\n 1\n(2 rows)\n\n";
        FileResult result = ScriptComparison.compare("order", script, expected, printed(actual, Map.of()));
        assertThat(result.passed()).isZero();
        assertThat(result.verdicts().getFirst().cause()).isEqualTo("result differs: row order only");
    }

    @Test
    void aLineWithSeveralStatementsIsScoredOnce() {
        String script = "SELECT 1; SELECT 2;\n";
        String expected = script + " ?column? \n----------\n        1\n(1 row)\n\n ?column? \n----------\n        2\n(1 row)\n\n";
        String actual = script + " ?column? \n----------\n        1\n(1 row)\n\n";
        FileResult result = ScriptComparison.compare("multi", script, expected, printed(actual, Map.of()));
        assertThat(result.statements()).isEqualTo(1);
        assertThat(result.verdicts().getFirst().block().statements()).isEqualTo(2);
        assertThat(result.verdicts().getFirst().cause()).isEqualTo("result differs: row count");
    }

    @Test
    void backslashCommandsAreNamedByTheirFirstUnexpectedLine() {
        String script = "\\getenv abs_srcdir PG_ABS_SRCDIR\n";
        FileResult result = ScriptComparison.compare("command", script, script,
                printed(script + "invalid command \\getenv\n", Map.of()));
        assertThat(result.verdicts().getFirst().cause()).isEqualTo("\\getenv: invalid command \\getenv");
    }

    @Test
    void aShellThatStoppedFailsTheUnitsItNeverReached() {
        String script = "SELECT 1;\n\\q\nSELECT 2;\n";
        String expected = "SELECT 1;\n x\n\\q\n";
        String actual = "SELECT 1;\n y\n";
        FileResult result = ScriptComparison.compare("stopped", script, expected, printed(actual, Map.of()));
        assertThat(result.verdicts()).extracting(verdict -> verdict.block().title(), StatementVerdict::cause).containsExactly(
                tuple("SELECT 1;", "result differs: values"),
                tuple("\\q", "shell output missing (echo of the block not found)"),
                tuple("SELECT 2;", "runner: block not found in PostgreSQL's output"));
    }

    @Test
    void causesAreTalliedMostFrequentFirst() {
        String script = "A;\nB;\nC;\n";
        String actual = "A;\nERROR:  x\nB;\nERROR:  y\nC;\nERROR:  y\n";
        FileResult result = ScriptComparison.compare("tally", script, script, printed(actual, Map.of("x", "0A000", "y", "42601")));
        assertThat(result.causes()).containsExactly(Map.entry("42601 y", 2), Map.entry("0A000 x", 1));
        assertThat(result.failed()).isEqualTo(3);
    }
}
