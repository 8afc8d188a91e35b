package io.basalt.storage.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.operator.scan.ScanPredicate;
import io.basalt.storage.column.ChunkStatistics;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Zone-map decisions on statistics built by hand: a group is skipped only when its bounds prove that no row can
 * match, in SQL's order of each type, and never when a bound is missing.
 */
class ZoneMapFilterTest {
    private static ChunkStatistics bounds(Object min, Object max) {
        return new ChunkStatistics(100, 0, min, max);
    }

    private static boolean compare(ChunkStatistics statistics, CompareOp operator, Object value) {
        return ZoneMapFilter.mayMatch(new ScanPredicate.Compare(0, operator, value), statistics);
    }

    @Test
    void comparisonsSkipOnlyGroupsOutsideTheBounds() {
        ChunkStatistics tens = bounds(10L, 19L);
        assertThat(compare(tens, CompareOp.EQ, 9L)).isFalse();
        assertThat(compare(tens, CompareOp.EQ, 10L)).isTrue();
        assertThat(compare(tens, CompareOp.EQ, 19)).isTrue();
        assertThat(compare(tens, CompareOp.EQ, 20L)).isFalse();
        assertThat(compare(tens, CompareOp.LT, 10L)).isFalse();
        assertThat(compare(tens, CompareOp.LT, 11L)).isTrue();
        assertThat(compare(tens, CompareOp.LE, 10L)).isTrue();
        assertThat(compare(tens, CompareOp.LE, 9L)).isFalse();
        assertThat(compare(tens, CompareOp.GT, 19L)).isFalse();
        assertThat(compare(tens, CompareOp.GT, 18L)).isTrue();
        assertThat(compare(tens, CompareOp.GE, 19L)).isTrue();
        assertThat(compare(tens, CompareOp.GE, 20L)).isFalse();
        assertThat(compare(tens, CompareOp.NE, 15L)).isTrue();
    }

    @Test
    void missingBoundsOrUnorderedValuesNeverSkip() {
        ChunkStatistics unknown = ChunkStatistics.counts(100, 0);
        for (CompareOp operator : CompareOp.values()) {
            assertThat(compare(unknown, operator, 5L)).isTrue();
        }
        assertThat(compare(bounds("a", "b"), CompareOp.EQ, 5L)).isTrue();
        assertThat(ZoneMapFilter.mayMatch(new ScanPredicate.InList(0, List.of(1L)), unknown)).isTrue();
        assertThat(ZoneMapFilter.mayMatch(new ScanPredicate.Prefix(0, "x".getBytes(StandardCharsets.UTF_8)), unknown))
                .isTrue();
    }

    @Test
    void nullCountsDecideIsNullAndAllNullGroups() {
        ChunkStatistics allNull = new ChunkStatistics(50, 50, null, null);
        ChunkStatistics noNull = new ChunkStatistics(50, 0, 1L, 2L);
        assertThat(ZoneMapFilter.mayMatch(new ScanPredicate.IsNull(0, false), allNull)).isTrue();
        assertThat(ZoneMapFilter.mayMatch(new ScanPredicate.IsNull(0, true), allNull)).isFalse();
        assertThat(ZoneMapFilter.mayMatch(new ScanPredicate.IsNull(0, false), noNull)).isFalse();
        assertThat(ZoneMapFilter.mayMatch(new ScanPredicate.IsNull(0, true), noNull)).isTrue();
        assertThat(compare(allNull, CompareOp.GE, 0L)).isFalse();
    }

    @Test
    void floatingPointOrdersNegativeZeroAsZeroAndNanLast() {
        assertThat(compare(bounds(-0.0, -0.0), CompareOp.EQ, 0.0)).isTrue();
        assertThat(compare(bounds(0.0, 0.0), CompareOp.EQ, -0.0)).isTrue();
        assertThat(compare(bounds(1.0, Double.NaN), CompareOp.EQ, Double.NaN)).isTrue();
        assertThat(compare(bounds(1.0, Double.POSITIVE_INFINITY), CompareOp.EQ, Double.NaN)).isFalse();
        assertThat(compare(bounds(1.0, 2.0), CompareOp.GT, Double.NEGATIVE_INFINITY)).isTrue();
    }

    @Test
    void numericComparesByValueWhateverTheScale() {
        ChunkStatistics prices = bounds(new BigDecimal("1.50"), new BigDecimal("2.5"));
        assertThat(compare(prices, CompareOp.EQ, new BigDecimal("2.50000"))).isTrue();
        assertThat(compare(prices, CompareOp.EQ, new BigDecimal("1.4999"))).isFalse();
    }

    @Test
    void textComparesByUtf8BytesAndPrefixes() {
        // U+FFFD sorts below U+1F600 in UTF-8 but above it in UTF-16
        ChunkStatistics text = bounds("apple", "\uFFFD");
        assertThat(compare(text, CompareOp.EQ, "\uD83D\uDE00")).isFalse();
        assertThat(compare(text, CompareOp.EQ, "banana")).isTrue();
        ChunkStatistics words = bounds("carrot", "melon");
        assertThat(prefix(words, "ca")).isTrue();
        assertThat(prefix(words, "melon")).isTrue();
        assertThat(prefix(words, "melons")).isFalse();
        assertThat(prefix(words, "me")).isTrue();
        assertThat(prefix(words, "b")).isFalse();
        assertThat(prefix(words, "cb")).isTrue();
        assertThat(prefix(words, "n")).isFalse();
        assertThat(prefix(words, "")).isTrue();
    }

    @Test
    void inListsMatchWhenAnyValueIsInRange() {
        ChunkStatistics dates = bounds(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31));
        assertThat(ZoneMapFilter.mayMatch(new ScanPredicate.InList(0,
                List.of(LocalDate.of(2023, 12, 31), LocalDate.of(2024, 2, 1))), dates)).isFalse();
        assertThat(ZoneMapFilter.mayMatch(new ScanPredicate.InList(0,
                List.of(LocalDate.of(2023, 12, 31), LocalDate.of(2024, 1, 15))), dates)).isTrue();
    }

    @Test
    void everyConjunctMustAllowTheGroup() {
        ChunkStatistics[] group = {bounds(1L, 10L), bounds("a", "c")};
        assertThat(ZoneMapFilter.mayMatch(List.of(new ScanPredicate.Compare(0, CompareOp.GE, 5L),
                new ScanPredicate.Compare(1, CompareOp.EQ, "b")), group)).isTrue();
        assertThat(ZoneMapFilter.mayMatch(List.of(new ScanPredicate.Compare(0, CompareOp.GE, 5L),
                new ScanPredicate.Compare(1, CompareOp.EQ, "d")), group)).isFalse();
        assertThat(ZoneMapFilter.mayMatch(List.of(new ScanPredicate.Compare(2, CompareOp.EQ, 1L)), group)).isTrue();
    }

    private static boolean prefix(ChunkStatistics statistics, String prefix) {
        return ZoneMapFilter.mayMatch(new ScanPredicate.Prefix(0, prefix.getBytes(StandardCharsets.UTF_8)), statistics);
    }
}
