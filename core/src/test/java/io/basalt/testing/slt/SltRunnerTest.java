package io.basalt.testing.slt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.basalt.api.ResultColumn;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.LogicalType;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Records in, outcome out: {@link SltRunner} against the hand-written {@link FakeEngine}. */
class SltRunnerTest {
    private final FakeEngine engine = new FakeEngine();

    private SltRunResult run(String text) {
        return run(text, Set.of());
    }

    private SltRunResult run(String text, Set<String> features) {
        SltScript script = new SltParser().parse("area/file.test", text);
        return new SltRunner(features, true).run(script, engine::open);
    }

    @Test
    void passingFileRunsEveryRecordAndClosesEverything() {
        engine.answer("SELECT a, b FROM t ORDER BY a",
                List.of(new ResultColumn("a", LogicalType.INTEGER), new ResultColumn("b", LogicalType.TEXT)),
                List.of(List.of("1", "one"), Arrays.asList("2", null)));

        SltRunResult result = run("""
                statement ok
                CREATE TABLE t (a integer, b text)

                query IT
                SELECT a, b FROM t ORDER BY a
                ----
                1	one
                2	NULL
                """);

        assertThat(result.passed()).as(result.report()).isTrue();
        assertThat(result.recordsRun()).isEqualTo(2);
        assertThat(engine.log()).containsExactly(
                "session 1: CREATE TABLE t (a integer, b text)", "session 1: SELECT a, b FROM t ORDER BY a");
        assertThat(engine.sessionsOpen()).isZero();
        assertThat(engine.databasesOpen()).isZero();
    }

    @Test
    void wrongRowsAreReportedWithFileLineSqlAndDiff() {
        engine.answer("SELECT a FROM t", LogicalType.INTEGER, "1", "3");

        SltRunResult result = run("""
                statement ok
                CREATE TABLE t (a integer)

                query I
                SELECT a FROM t
                ----
                1
                2
                """);

        assertThat(result.failures()).hasSize(1);
        assertThat(result.failures().getFirst().toString()).isEqualTo("""
                area/file.test:4:
                    SELECT a FROM t
                expected 2 rows, got 2 rows; - expected, + actual:
                  1
                - 2
                + 3""");
        assertThat(result.report()).startsWith("area/file.test: 1 failure in 2 records run\n");
    }

    @Test
    void runGoesOnAfterAFailure() {
        engine.fail("CREATE TABLE t (a integer)", BasaltException.of(SqlState.SYNTAX_ERROR, "syntax error at or near \"integer\""));

        SltRunResult result = run("""
                statement ok
                CREATE TABLE t (a integer)

                statement ok
                SELECT 1
                """);

        assertThat(result.failures()).singleElement().extracting(SltFailure::problem)
                .isEqualTo("statement failed: ERROR 42601: syntax error at or near \"integer\"");
        assertThat(engine.log()).hasSize(2);
    }

    @Test
    void expectedErrorsCheckSqlStateAndMessage() {
        engine.fail("SELECT * FROM missing", BasaltException.of(SqlState.UNDEFINED_TABLE, "relation \"missing\" does not exist"));

        SltRunResult result = run("""
                statement error 42P01
                SELECT * FROM missing
                ----
                relation "missing" does not exist

                statement error
                SELECT * FROM missing
                ----
                <REGEX>:relation "\\w+" does not exist

                statement error 42703
                SELECT * FROM missing

                statement error
                SELECT * FROM missing
                ----
                column "missing" does not exist
                """);

        assertThat(result.failures()).extracting(SltFailure::line, SltFailure::problem).containsExactly(
                tuple(11,
                        "expected SQLSTATE 42703, got ERROR 42P01: relation \"missing\" does not exist"),
                tuple(14, "expected a message containing \"column \"missing\" does not exist\","
                        + " got ERROR 42P01: relation \"missing\" does not exist"));
    }

    @Test
    void statementThatShouldFailButSucceeds() {
        SltRunResult result = run("statement error 22012\nSELECT 1/1\n----\ndivision by zero\n");

        assertThat(result.failures()).singleElement().extracting(SltFailure::problem).isEqualTo(
                "statement succeeded, expected it to fail with SQLSTATE 22012 and a message containing \"division by zero\"");
    }

    @Test
    void internalErrorsAndOtherExceptionsAreNeverTheExpectedError() {
        engine.fail("SELECT 1/0", BasaltException.internal("kernel fell over"));
        engine.fail("SELECT 2/0", new NullPointerException("oops"));

        SltRunResult result = run("""
                statement error
                SELECT 1/0

                statement error
                SELECT 2/0

                statement error XX000
                SELECT 1/0
                """);

        assertThat(result.failures()).hasSize(2);
        assertThat(result.failures().get(0).problem())
                .startsWith("internal error (a bug, not the SQL error expected): io.basalt.error.BasaltException: kernel fell over\n        at ");
        assertThat(result.failures().get(1).problem())
                .startsWith("statement threw java.lang.NullPointerException: oops\n        at ");
    }

    @Test
    void statementMaybeAcceptsSuccessOrTheNamedFailure() {
        engine.fail("SELECT 1/0", BasaltException.of(SqlState.DIVISION_BY_ZERO, "division by zero"));

        SltRunResult result = run("""
                statement maybe
                SELECT 1

                statement maybe
                SELECT 1/0
                ----
                division by zero
                """);

        assertThat(result.passed()).as(result.report()).isTrue();
    }

    @Test
    void failingQueryIsReported() {
        engine.fail("SELECT x FROM t", BasaltException.of(SqlState.UNDEFINED_COLUMN, "column \"x\" does not exist"));

        SltRunResult result = run("query I\nSELECT x FROM t\n----\n1\n");

        assertThat(result.failures()).singleElement().extracting(SltFailure::problem)
                .isEqualTo("query failed: ERROR 42703: column \"x\" does not exist");
    }

    @Test
    void internalErrorOfAQueryShowsItsCause() {
        engine.fail("SELECT true", BasaltException.internal("internal error: boom", new IllegalStateException("closed")));

        SltRunResult result = run("query T\nSELECT true\n----\nt\n");

        assertThat(result.failures()).singleElement().extracting(SltFailure::problem).asString()
                .startsWith("query failed: ERROR XX000: internal error: boom\n    io.basalt.error.BasaltException")
                .contains("\n    caused by java.lang.IllegalStateException: closed\n        at ");
    }

    @Test
    void wrongTypeLetterIsReported() {
        engine.answer("SELECT avg(a) FROM t", LogicalType.NUMERIC, "2.0000000000000000");

        SltRunResult result = run("query I\nSELECT avg(a) FROM t\n----\n2.0000000000000000\n");

        assertThat(result.failures()).singleElement().extracting(SltFailure::problem)
                .isEqualTo("column types are R, the record says I:\n  column 1 \"c\" is numeric: letter R, not I");
    }

    @Test
    void restartClosesEverythingAndOpensTheDatabaseAgain() {
        SltRunResult result = run("""
                statement ok
                CREATE TABLE t (a integer)

                restart

                statement ok
                SELECT * FROM t
                """);

        assertThat(result.passed()).as(result.report()).isTrue();
        assertThat(engine.databasesOpened()).isEqualTo(2);
        assertThat(engine.databasesOpen()).isZero();
        assertThat(engine.log()).containsExactly("session 1: CREATE TABLE t (a integer)", "session 2: SELECT * FROM t");
    }

    @Test
    void namedConnectionsGetTheirOwnSessions() {
        SltRunResult result = run("""
                statement ok con1
                BEGIN

                statement ok con2
                BEGIN

                statement ok con1
                COMMIT

                statement ok
                SELECT 1
                """);

        assertThat(result.passed()).isTrue();
        assertThat(engine.log()).containsExactly(
                "session 1: BEGIN", "session 2: BEGIN", "session 1: COMMIT", "session 3: SELECT 1");
        assertThat(engine.sessionsOpen()).isZero();
    }

    @Test
    void unknownRequirementSkipsTheRestOfTheFile() {
        String text = """
                statement ok
                SELECT 1

                require parquet

                statement ok
                SELECT 2
                """;

        SltRunResult skipped = run(text);
        assertThat(skipped.skipped()).isTrue();
        assertThat(skipped.skipReason()).isEqualTo("requires parquet (line 4)");
        assertThat(engine.log()).containsExactly("session 1: SELECT 1");

        SltRunResult known = run(text, Set.of("parquet"));
        assertThat(known.skipped()).isFalse();
        assertThat(known.recordsRun()).isEqualTo(3);
    }

    @Test
    void labelledResultsMustAgree() {
        engine.answer("SELECT a FROM t", LogicalType.INTEGER, "1", "2");
        engine.answer("SELECT a FROM t ORDER BY a DESC", LogicalType.INTEGER, "2", "1");
        engine.answer("SELECT a + 1 FROM t", LogicalType.INTEGER, "2", "3");

        SltRunResult result = run("""
                query I rowsort same
                SELECT a FROM t
                ----
                1
                2

                query I rowsort same
                SELECT a FROM t ORDER BY a DESC
                ----
                2
                1

                query I rowsort same
                SELECT a + 1 FROM t
                ----
                2
                3
                """);

        assertThat(result.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.line()).isEqualTo(13);
            assertThat(failure.problem()).isEqualTo("result differs from the one labelled 'same' at line 1");
        });
    }

    @Test
    void databaseThatDoesNotOpenIsOneFailure() {
        SltScript script = new SltParser().parse("area/file.test", "statement ok\nSELECT 1\n");

        SltRunResult result = new SltRunner(Set.of(), true).run(script, () -> {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "not yet");
        });

        assertThat(result.recordsRun()).isZero();
        assertThat(result.failures()).singleElement().asString()
                .startsWith("area/file.test:0: could not open the database: io.basalt.error.BasaltException: not yet");
    }
}
