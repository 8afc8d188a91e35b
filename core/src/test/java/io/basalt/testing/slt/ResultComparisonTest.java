package io.basalt.testing.slt;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.ResultColumn;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Expected block and rendered rows in, verdict and wording out. */
class ResultComparisonTest {
    private static final List<ResultColumn> INT_TEXT =
            List.of(new ResultColumn("a", LogicalType.INTEGER), new ResultColumn("b", LogicalType.TEXT));

    private static SltRecord.Query query(String types, SortMode mode, String... expectedLines) {
        return new SltRecord.Query(1, null, "SELECT", types, mode, null, new ExpectedResult.Values(List.of(expectedLines)));
    }

    private static RenderedResult rows(List<ResultColumn> columns, List<?>... rows) {
        List<List<String>> values = new ArrayList<>();
        for (List<?> row : rows) {
            List<String> rendered = new ArrayList<>();
            for (Object value : row) {
                rendered.add(RenderedResult.render((String) value));
            }
            values.add(rendered);
        }
        return new RenderedResult(columns, values);
    }

    private static Optional<String> compare(SltRecord.Query query, RenderedResult actual) {
        return ResultComparison.compare(query, actual, true);
    }

    @Test
    void equalRowsInOrderMatch() {
        RenderedResult actual = rows(INT_TEXT, List.of("1", "one"), Arrays.asList("2", null), List.of("3", ""));

        assertThat(compare(query("IT", SortMode.NOSORT, "1\tone", "2\tNULL", "3\t(empty)"), actual)).isEmpty();
    }

    @Test
    void oneValuePerLineMatchesTabSeparatedRows() {
        RenderedResult actual = rows(INT_TEXT, List.of("1", "one"), List.of("2", "two"));

        assertThat(compare(query("IT", SortMode.NOSORT, "1", "one", "2", "two"), actual)).isEmpty();
    }

    @Test
    void nosortCaresAboutOrderAndShowsADiff() {
        RenderedResult actual = rows(INT_TEXT, List.of("2", "two"), List.of("1", "one"));

        assertThat(compare(query("IT", SortMode.NOSORT, "1\tone", "2\ttwo"), actual)).contains("""
                expected 2 rows, got 2 rows; - expected, + actual:
                - 1\tone
                  2\ttwo
                + 1\tone""");
    }

    @Test
    void rowsortSortsBothSides() {
        RenderedResult actual = rows(INT_TEXT, List.of("2", "two"), List.of("1", "one"), List.of("10", "ten"));

        assertThat(compare(query("IT", SortMode.ROWSORT, "2\ttwo", "10\tten", "1\tone"), actual)).isEmpty();
    }

    @Test
    void valuesortSortsEveryValue() {
        RenderedResult actual = rows(INT_TEXT, List.of("2", "b"), List.of("1", "a"));

        assertThat(compare(query("IT", SortMode.VALUESORT, "1\tb", "2\ta"), actual)).isEmpty();
    }

    @Test
    void missingAndExtraRowsAreMarked() {
        RenderedResult actual = rows(INT_TEXT, List.of("1", "one"), List.of("3", "three"), List.of("4", "four"));

        assertThat(compare(query("IT", SortMode.NOSORT, "1\tone", "2\ttwo", "3\tthree"), actual)).contains("""
                expected 3 rows, got 3 rows; - expected, + actual:
                  1\tone
                - 2\ttwo
                  3\tthree
                + 4\tfour""");
    }

    @Test
    void emptyResultAgainstRows() {
        RenderedResult actual = rows(INT_TEXT);

        assertThat(compare(query("IT", SortMode.NOSORT, "1\tone"), actual))
                .contains("expected 1 row, got 0 rows; - expected, + actual:\n- 1\tone");
    }

    @Test
    void columnCountMustMatchTheLetters() {
        RenderedResult actual = rows(INT_TEXT, List.of("1", "one"));

        assertThat(compare(query("I", SortMode.NOSORT, "1"), actual))
                .contains("expected 1 column (I), got 2: a integer, b text");
    }

    @Test
    void lettersMustMatchTypesInStrictMode() {
        List<ResultColumn> columns = List.of(new ResultColumn("sum", LogicalType.BIGINT),
                new ResultColumn("avg", LogicalType.NUMERIC));
        RenderedResult actual = rows(columns, List.of("3", "1.5000000000000000"));
        SltRecord.Query query = query("II", SortMode.NOSORT, "3\t1.5000000000000000");

        assertThat(ResultComparison.compare(query, actual, true))
                .contains("column types are IR, the record says II:\n  column 2 \"avg\" is numeric: letter R, not I");
        assertThat(ResultComparison.compare(query, actual, false)).isEmpty();
    }

    @Test
    void letters() {
        assertThat(ResultComparison.letterOf(LogicalType.SMALLINT)).isEqualTo('I');
        assertThat(ResultComparison.letterOf(LogicalType.INTEGER)).isEqualTo('I');
        assertThat(ResultComparison.letterOf(LogicalType.BIGINT)).isEqualTo('I');
        assertThat(ResultComparison.letterOf(LogicalType.DOUBLE)).isEqualTo('R');
        assertThat(ResultComparison.letterOf(LogicalType.numeric(10, 2))).isEqualTo('R');
        assertThat(ResultComparison.letterOf(LogicalType.BOOLEAN)).isEqualTo('T');
        assertThat(ResultComparison.letterOf(LogicalType.DATE)).isEqualTo('T');
        assertThat(ResultComparison.letterOf(LogicalType.varchar(3))).isEqualTo('T');
        assertThat(ResultComparison.letterOf(LogicalType.UNKNOWN)).isEqualTo('T');
    }

    @Test
    void hashOfValuesEachFollowedByANewline() {
        // md5("1\n2\n") as printed by: printf '1\n2\n' | md5sum
        assertThat(ResultComparison.hash(List.of(List.of("1"), List.of("2"))))
                .isEqualTo("6ddb4095eb719e2a9f0a3f95677d24e0");
    }

    @Test
    void hashedExpectationsCompareCountAndHashAfterSorting() {
        RenderedResult actual = rows(List.of(new ResultColumn("a", LogicalType.INTEGER)), List.of("2"), List.of("1"));
        SltRecord.Query matching = new SltRecord.Query(1, null, "SELECT", "I", SortMode.ROWSORT, null,
                new ExpectedResult.Hash(2, "6ddb4095eb719e2a9f0a3f95677d24e0"));
        SltRecord.Query unsorted = new SltRecord.Query(1, null, "SELECT", "I", SortMode.NOSORT, null,
                new ExpectedResult.Hash(2, "6ddb4095eb719e2a9f0a3f95677d24e0"));

        assertThat(compare(matching, actual)).isEmpty();
        assertThat(compare(unsorted, actual)).get().asString()
                .startsWith("expected 2 values hashing to 6ddb4095eb719e2a9f0a3f95677d24e0, got 2 values hashing to ");
    }

    @Test
    void renderingOfNullAndEmpty() {
        assertThat(RenderedResult.render(null)).isEqualTo("NULL");
        assertThat(RenderedResult.render("")).isEqualTo("(empty)");
        assertThat(RenderedResult.render("t")).isEqualTo("t");
    }
}
