package io.basalt.testing.slt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Text in, records out: what {@link SltParser} makes of each construct of the format. */
class SltParserTest {
    private final SltParser parser = new SltParser();

    private List<SltRecord> parse(String text) {
        return parser.parse("t.test", text).records();
    }

    private SltRecord only(String text) {
        List<SltRecord> records = parse(text);
        assertThat(records).hasSize(1);
        return records.getFirst();
    }

    @Test
    void statementOkWithMultiLineSql() {
        SltRecord record = only("""
                # a comment

                statement ok
                CREATE TABLE t (
                    a integer
                )
                """);

        assertThat(record).isEqualTo(new SltRecord.Statement(3, null, "CREATE TABLE t (\n    a integer\n)",
                SltRecord.Expectation.SUCCEEDS, null, null));
    }

    @Test
    void statementErrorWithSqlStateAndMessage() {
        SltRecord record = only("""
                statement error 42P01
                SELECT * FROM missing
                ----
                relation "missing" does not exist
                """);

        assertThat(record).isEqualTo(new SltRecord.Statement(1, null, "SELECT * FROM missing",
                SltRecord.Expectation.FAILS, "42P01",
                new ErrorMessagePattern("relation \"missing\" does not exist", ErrorMessagePattern.Kind.SUBSTRING)));
    }

    @Test
    void statementErrorWithOnlyARegex() {
        SltRecord.Statement record = (SltRecord.Statement) only("""
                statement error
                SELECT 1/0
                ----
                <REGEX>:division by (zero|nothing)
                """);

        assertThat(record.sqlState()).isNull();
        assertThat(record.message().kind()).isEqualTo(ErrorMessagePattern.Kind.REGEX);
        assertThat(record.message().matches("ERROR: division by zero")).isTrue();
    }

    @Test
    void statementErrorWithNothingToCheckButTheFailure() {
        SltRecord.Statement record = (SltRecord.Statement) only("statement error\nSELECT 1/0\n");

        assertThat(record.sqlState()).isNull();
        assertThat(record.message()).isNull();
    }

    @Test
    void connectionNamesAfterTheExpectation() {
        List<SltRecord> records = parse("""
                statement ok con1
                BEGIN

                statement error 40001 con2
                COMMIT

                statement maybe con1
                SELECT 1
                """);

        assertThat(records).extracting(record -> ((SltRecord.Statement) record).connection())
                .containsExactly("con1", "con2", "con1");
        assertThat(((SltRecord.Statement) records.get(1)).sqlState()).isEqualTo("40001");
        assertThat(((SltRecord.Statement) records.get(2)).expectation()).isEqualTo(SltRecord.Expectation.MAY_FAIL);
    }

    @Test
    void queryWithSortModeLabelAndRows() {
        SltRecord record = only("""
                query IT rowsort first
                SELECT a, b
                FROM t
                ----
                1	one
                2	(empty)
                """);

        assertThat(record).isEqualTo(new SltRecord.Query(1, null, "SELECT a, b\nFROM t", "IT", SortMode.ROWSORT,
                "first", new ExpectedResult.Values(List.of("1\tone", "2\t(empty)"))));
    }

    @Test
    void querySecondTokenThatIsNoSortModeNamesAConnection() {
        SltRecord.Query record = (SltRecord.Query) only("query I con1\nSELECT 1\n----\n1\n");

        assertThat(record.connection()).isEqualTo("con1");
        assertThat(record.sortMode()).isEqualTo(SortMode.NOSORT);
    }

    @Test
    void queryWithHashedValues() {
        SltRecord.Query record = (SltRecord.Query) only("""
                query I valuesort
                SELECT a FROM t
                ----
                30 values hashing to 0123456789abcdef0123456789abcdef
                """);

        assertThat(record.expected()).isEqualTo(new ExpectedResult.Hash(30, "0123456789abcdef0123456789abcdef"));
        assertThat(record.sortMode()).isEqualTo(SortMode.VALUESORT);
    }

    @Test
    void queryWithoutSeparatorExpectsNoRows() {
        SltRecord.Query record = (SltRecord.Query) only("query I\nSELECT 1 WHERE false\n");

        assertThat(record.expected()).isEqualTo(new ExpectedResult.Values(List.of()));
    }

    @Test
    void recordsKeepTheirHeaderLines() {
        List<SltRecord> records = parse("""
                statement ok
                CREATE TABLE t (a int)

                # comment
                query I
                SELECT 1
                ----
                1

                restart

                require parquet
                """);

        assertThat(records).extracting(SltRecord::line).containsExactly(1, 5, 10, 12);
        assertThat(records.get(2)).isEqualTo(new SltRecord.Restart(10));
        assertThat(records.get(3)).isEqualTo(new SltRecord.Require(12, "parquet", List.of()));
    }

    @Test
    void skipifAndOnlyifAgainstTheEngineName() {
        List<SltRecord> records = parse("""
                skipif basalt
                statement ok
                SELECT 'skipped because it is basalt'

                onlyif basalt
                statement ok
                SELECT 'kept: only basalt'

                onlyif postgresql
                statement ok
                SELECT 'skipped: only postgresql'

                skipif duckdb
                statement ok
                SELECT 'kept: skipped on duckdb only'
                """);

        assertThat(records).extracting(record -> ((SltRecord.Statement) record).sql())
                .containsExactly("SELECT 'kept: only basalt'", "SELECT 'kept: skipped on duckdb only'");
    }

    @Test
    void haltStopsTheFileUnlessItsConditionSkipsIt() {
        List<SltRecord> records = parse("""
                statement ok
                SELECT 1

                onlyif duckdb
                halt

                statement ok
                SELECT 2

                halt

                statement ok
                SELECT 3
                """);

        assertThat(records).extracting(record -> ((SltRecord.Statement) record).sql())
                .containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void modeSkipDropsEverythingUntilUnskip() {
        List<SltRecord> records = parse("""
                mode skip

                statement ok
                SELECT 1

                some-future-command with arguments

                mode unskip

                statement ok
                SELECT 2
                """);

        assertThat(records).extracting(record -> ((SltRecord.Statement) record).sql()).containsExactly("SELECT 2");
    }

    @Test
    void loopsExpandWithBothSubstitutionForms() {
        List<SltRecord> records = parse("""
                loop i 0 3
                statement ok
                INSERT INTO t VALUES (${i}, {i})
                endloop
                """);

        assertThat(records).extracting(record -> ((SltRecord.Statement) record).sql()).containsExactly(
                "INSERT INTO t VALUES (0, 0)", "INSERT INTO t VALUES (1, 1)", "INSERT INTO t VALUES (2, 2)");
        assertThat(records).extracting(SltRecord::line).containsOnly(2);
    }

    @Test
    void nestedForeachInsideLoopSubstitutesHeadersAndExpectedRows() {
        List<SltRecord> records = parse("""
                foreach type integer bigint
                loop n 1 3

                query I
                SELECT ${n}::${type}
                ----
                ${n}

                endloop
                endloop

                statement ok
                SELECT 'after'
                """);

        assertThat(records).hasSize(5);
        assertThat(records.subList(0, 4)).extracting(record -> ((SltRecord.Query) record).sql()).containsExactly(
                "SELECT 1::integer", "SELECT 2::integer", "SELECT 1::bigint", "SELECT 2::bigint");
        assertThat(((SltRecord.Query) records.get(3)).expected())
                .isEqualTo(new ExpectedResult.Values(List.of("2")));
    }

    @Test
    void keywordsAreSubstituted() {
        SltParser withKeywords = new SltParser(Map.of("{TEST_DIR}", "/tmp/x"));

        SltRecord record = withKeywords.parse("t.test", "statement ok\nCOPY t TO '{TEST_DIR}/t.csv'\n").records().getFirst();

        assertThat(((SltRecord.Statement) record).sql()).isEqualTo("COPY t TO '/tmp/x/t.csv'");
    }

    @Test
    void hashThresholdIsAccepted() {
        assertThat(parse("hash-threshold 8\n\nstatement ok\nSELECT 1\n")).hasSize(1);
    }

    @Test
    void windowsLineEndingsAreRead() {
        SltRecord record = only("query I\r\nSELECT 1\r\n----\r\n1\r\n");

        assertThat(((SltRecord.Query) record).expected()).isEqualTo(new ExpectedResult.Values(List.of("1")));
    }

    @Test
    void unknownCommandsAreErrorsWithTheirLine() {
        assertThatThrownBy(() -> parse("statement ok\nSELECT 1\n\nstatment ok\nSELECT 2\n"))
                .isInstanceOf(SltSyntaxException.class)
                .hasMessage("t.test:4: unknown command 'statment'");
    }

    @Test
    void malformedRecordsAreErrors() {
        assertThatThrownBy(() -> parse("query X\nSELECT 1\n"))
                .hasMessage("t.test:1: column types must be letters I, R or T, not 'X'");
        assertThatThrownBy(() -> parse("statement ok\nSELECT 1\n----\nboom\n"))
                .hasMessage("t.test:1: statement ok takes no ---- block");
        assertThatThrownBy(() -> parse("statement fine\nSELECT 1\n"))
                .hasMessage("t.test:1: statement must be followed by ok, error or maybe, not 'fine'");
        assertThatThrownBy(() -> parse("query I\n----\n1\n")).hasMessage("t.test:1: record without SQL");
        assertThatThrownBy(() -> parse("loop i 0 2\nstatement ok\nSELECT 1\n"))
                .hasMessage("t.test:1: loop without endloop");
        assertThatThrownBy(() -> parse("endloop\n")).hasMessage("t.test:1: endloop without loop or foreach");
    }
}
