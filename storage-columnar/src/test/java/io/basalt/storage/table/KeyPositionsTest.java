package io.basalt.storage.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The positions-by-key index behind point lookups: every position holding a key is a candidate for it (ascending),
 * across table growth and across the numeric types SQL equality calls equal; NULL keys are never candidates.
 */
class KeyPositionsTest {
    @Test
    void everyPositionOfAKeyIsACandidateInOrder() {
        KeyPositions index = new KeyPositions("t_pkey", new int[] {0});
        for (int position = 0; position < 10_000; position++) {
            index.add(new Object[] {(long) (position % 1000)});
        }
        assertThat(index.count()).isEqualTo(10_000);
        for (long key = 0; key < 1000; key++) {
            long[] candidates = index.candidates(new Object[] {key});
            for (int i = 0; i < 10; i++) {
                assertThat(candidates).contains(key + 1000L * i);
            }
            for (int i = 1; i < candidates.length; i++) {
                assertThat(candidates[i]).isGreaterThan(candidates[i - 1]);
            }
        }
        assertThat(index.candidates(new Object[] {123_456L})).hasSizeLessThan(3);
    }

    @Test
    void numericTypesThatCompareEqualFindTheSameRows() {
        KeyPositions index = new KeyPositions("t_pkey", new int[] {0});
        index.add(new Object[] {1});
        index.add(new Object[] {new BigDecimal("2.50")});
        index.add(new Object[] {3.0});
        assertThat(index.candidates(new Object[] {1L})).contains(0L);
        assertThat(index.candidates(new Object[] {new BigDecimal("1.000")})).contains(0L);
        assertThat(index.candidates(new Object[] {2.5})).contains(1L);
        assertThat(index.candidates(new Object[] {new BigDecimal("2.5")})).contains(1L);
        assertThat(index.candidates(new Object[] {3})).contains(2L);
        assertThat(index.candidates(new Object[] {(short) 3})).contains(2L);
    }

    @Test
    void keysWithANullAreRecordedButNeverFound() {
        KeyPositions index = new KeyPositions("t_a_b_key", new int[] {0, 1});
        index.add(new Object[] {"a", null});
        index.add(new Object[] {"a", "b"});
        assertThat(index.count()).isEqualTo(2);
        assertThat(index.candidates(new Object[] {"a", null})).isEmpty();
        assertThat(index.candidates(new Object[] {"a", "b"})).containsExactly(1L);
    }
}
