package io.basalt.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.bench.harness.ResultComparator.Comparison;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The harness's correctness check: equal results, reordered rows, the double tolerance, decimal
 * exactness, NULLs, and row or column count mismatches.
 */
class ResultComparatorTest {
    private static ResultTable table(Object[]... rows) {
        List<Object[]> normalized = new ArrayList<>();
        for (Object[] row : rows) {
            Object[] values = new Object[row.length];
            for (int i = 0; i < row.length; i++) {
                values[i] = ResultTable.normalize(row[i]);
            }
            normalized.add(values);
        }
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < (rows.length == 0 ? 2 : rows[0].length); i++) {
            columns.add("c" + (i + 1));
        }
        return new ResultTable(columns, normalized);
    }

    private static Object[] row(Object... values) {
        return values;
    }

    @Test
    void equalResultsMatch() {
        ResultTable basalt = table(row("A", 1L, new BigDecimal("10.50"), LocalDate.of(1998, 9, 2), true));
        ResultTable duckdb = table(row("A", 1, new BigDecimal("10.50"), LocalDate.of(1998, 9, 2), true));
        assertThat(ResultComparator.compare(basalt, duckdb, true)).isEqualTo(new Comparison(true, ""));
        assertThat(ResultComparator.compare(table(), table(), false).matches()).isTrue();
    }

    @Test
    void integersOfDifferentWidthsAreTheSameNumber() {
        ResultTable basalt = table(row(28_498_857L));
        ResultTable duckdb = table(row(BigInteger.valueOf(28_498_857)));
        assertThat(ResultComparator.compare(basalt, duckdb, false).matches()).isTrue();
    }

    @Test
    void reorderedRowsMatchOnlyWhenNoOrderIsRequired() {
        ResultTable basalt = table(row("N", 2L), row("A", 1L), row("R", 3L));
        ResultTable duckdb = table(row("A", 1L), row("N", 2L), row("R", 3L));
        assertThat(ResultComparator.compare(basalt, duckdb, false).matches()).isTrue();
        Comparison ordered = ResultComparator.compare(basalt, duckdb, true);
        assertThat(ordered.matches()).isFalse();
        assertThat(ordered.difference()).startsWith("same rows in a different order; first at row 1 column c1: N vs A");
    }

    @Test
    void doublesMayDifferByOneBillionthRelative() {
        assertThat(ResultComparator.compare(table(row("x", 25.575154611454693)),
                table(row("x", 25.575154611454693 * (1 + 5e-10))), false).matches()).isTrue();
        Comparison tooFar = ResultComparator.compare(table(row("x", 25.575154611454693)),
                table(row("x", 25.575154611454693 * (1 + 5e-9))), false);
        assertThat(tooFar.matches()).isFalse();
        assertThat(tooFar.difference()).startsWith("row 1 column c2: 25.575154611454693 vs 25.57515473");
        // An exact average against a floating-point one: the double decides the tolerance.
        assertThat(ResultComparator.compare(table(row(new BigDecimal("25.5751546114546930"))),
                table(row(25.575154611454693)), false).matches()).isTrue();
        assertThat(ResultComparator.compare(table(row(Double.NaN)), table(row(Double.NaN)), false).matches()).isTrue();
        assertThat(ResultComparator.compare(table(row(0.0)), table(row(1e-12)), false).matches()).isFalse();
        // Zero up to rounding: h2o q9's squared correlations of uncorrelated groups differ by engine.
        assertThat(ResultComparator.compare(table(row(5.046645722499517E-34)), table(row(3.115531287869598E-34)), false)
                .matches()).isTrue();
    }

    @Test
    void decimalsMustMatchExactlyByValue() {
        assertThat(ResultComparator.compare(table(row(new BigDecimal("505822441.4861"))),
                table(row(new BigDecimal("505822441.48610"))), false).matches()).isTrue();
        Comparison offByOneCent = ResultComparator.compare(table(row(new BigDecimal("532348211.65"))),
                table(row(new BigDecimal("532348211.66"))), false);
        assertThat(offByOneCent).isEqualTo(new Comparison(false, "row 1 column c1: 532348211.65 vs 532348211.66"));
        // Far below the double tolerance, but decimals get none.
        assertThat(ResultComparator.compare(table(row(new BigDecimal("1000000000000.0001"))),
                table(row(new BigDecimal("1000000000000.0002"))), false).matches()).isFalse();
    }

    @Test
    void nullsMatchOnlyNulls() {
        assertThat(ResultComparator.compare(table(row(null, 1L), row("a", 2L)),
                table(row("a", 2L), row(null, 1L)), false).matches()).isTrue();
        Comparison nullVersusZero = ResultComparator.compare(table(row("a", null)), table(row("a", 0L)), false);
        assertThat(nullVersusZero).isEqualTo(new Comparison(false, "row 1 column c2: null vs 0"));
        assertThat(ResultComparator.compare(table(row((Object) null)), table(row(0.0)), false).matches()).isFalse();
    }

    @Test
    void rowAndColumnCountsMustAgree() {
        assertThat(ResultComparator.compare(table(row("a", 1L)), table(row("a", 1L), row("b", 2L)), false))
                .isEqualTo(new Comparison(false, "1 rows vs 2"));
        assertThat(ResultComparator.compare(table(row("a", 1L)), table(row("a", 1L, 3L)), false))
                .isEqualTo(new Comparison(false, "2 columns vs 3"));
    }

    @Test
    void stringsAreExact() {
        assertThat(ResultComparator.compare(table(row("Supplier#000000001")), table(row("Supplier#000000001 ")), false)
                .matches()).isFalse();
        assertThat(ResultComparator.compare(table(row("1992-01-01")), table(row(LocalDate.of(1992, 1, 1))), false)
                .matches()).isTrue();
    }
}
