package io.basalt.exec.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The outcome masks the kernels read per batch: {@link ComparisonOutcomes#accepted} (a table by operator ordinal) must
 * accept exactly the outcomes {@link CompareOp#test} accepts, and {@link ComparisonOutcomes#allOrNothing} (arithmetic,
 * no conditional) must widen each of the three bits to all ones or zero.
 */
class ComparisonOutcomesTest {
    @Test
    void acceptedOutcomesAgreeWithTheOperators() {
        int[] outcomes = {ComparisonOutcomes.LESS, ComparisonOutcomes.EQUAL, ComparisonOutcomes.GREATER};
        for (CompareOp op : CompareOp.values()) {
            int accepted = ComparisonOutcomes.accepted(op);
            for (int k = 0; k < outcomes.length; k++) {
                boolean expected = op.test(k - 1);
                assertThat((accepted & outcomes[k]) != 0).as(op + " accepts outcome " + (k - 1)).isEqualTo(expected);
                assertThat((accepted >>> k) & 1).as(op + " outcome index " + k).isEqualTo(expected ? 1 : 0);
                assertThat(ComparisonOutcomes.allOrNothing(accepted, outcomes[k])).isEqualTo(expected ? -1L : 0L);
            }
        }
    }

    @Test
    void outcomeIndicesOrderTheOperands() {
        assertThat(ComparisonOutcomes.of(1L, 2L)).isZero();
        assertThat(ComparisonOutcomes.of(2, 2)).isEqualTo(1);
        assertThat(ComparisonOutcomes.of(Long.MIN_VALUE, Long.MAX_VALUE)).isZero();
        assertThat(ComparisonOutcomes.of(Integer.MAX_VALUE, Integer.MIN_VALUE)).isEqualTo(2);
    }
}
