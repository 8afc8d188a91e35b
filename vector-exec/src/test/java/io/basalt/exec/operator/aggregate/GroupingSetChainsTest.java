package io.basalt.exec.operator.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The chains of nested grouping sets whose sorted order a GROUPING SETS aggregation hands out. */
class GroupingSetChainsTest {
    @Test
    void rollupIsOneChainFromTheGrandTotalToTheFinestSet() {
        List<List<Integer>> sets = List.of(List.of(0, 1), List.of(0), List.of());
        assertThat(GroupingSetChains.of(sets)).containsExactly(List.of(2, 1, 0));
        assertThat(GroupingSetChains.sortKeys(sets, List.of(2, 1, 0))).containsExactly(0, 1);
    }

    @Test
    void cubeOfTwoKeysIsARollupAndTheSecondKeyAlone() {
        List<List<Integer>> sets = List.of(List.of(0, 1), List.of(0), List.of(1), List.of());
        assertThat(GroupingSetChains.of(sets)).containsExactly(List.of(3, 1, 0), List.of(2));
    }

    @Test
    void aRollupTimesPlainSetsChainsOnEachPlainSetSortedByItFirst() {
        // rollup(a, b), grouping sets (c, d) over keys a=0, b=1, c=2, d=3
        List<List<Integer>> sets = List.of(List.of(0, 1, 2), List.of(0, 1, 3), List.of(0, 2), List.of(0, 3),
                List.of(2), List.of(3));
        List<List<Integer>> chains = GroupingSetChains.of(sets);
        assertThat(chains).containsExactly(List.of(4, 2, 0), List.of(5, 3, 1));
        assertThat(GroupingSetChains.sortKeys(sets, chains.getFirst())).containsExactly(2, 0, 1);
    }

    @Test
    void duplicateSetsShareAChain() {
        List<List<Integer>> sets = List.of(List.of(0, 1), List.of(0), List.of(), List.of(0));
        assertThat(GroupingSetChains.of(sets)).containsExactly(List.of(2, 1, 3, 0));
    }
}
