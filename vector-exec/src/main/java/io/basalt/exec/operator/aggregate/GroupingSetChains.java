package io.basalt.exec.operator.aggregate;

import java.util.ArrayList;
import java.util.List;

/**
 * The order in which a GROUPING SETS aggregation hands out its rows when it holds them all in memory: the one
 * PostgreSQL's sort-based plan produces. The sets are split into chains of nested sets (each contained in the
 * next, like the sets of one ROLLUP); each chain's rows come sorted by its keys (the smallest set's first, then
 * each larger set's additions, ascending, NULLs last), and a group of a smaller set comes right after the rows it
 * sums up, as a GroupAggregate over sorted input emits its subtotals. Chains come in the order of their smallest
 * sets. The split is greedy (sets by size, each joining the first chain whose largest set it contains), where
 * PostgreSQL finds a smallest cover by bipartite matching; the two agree on ROLLUP, CUBE of two keys and
 * concatenations of those with plain sets.
 */
final class GroupingSetChains {
    private GroupingSetChains() {
    }

    /**
     * The chains of {@code sets} (key indices per set): each chain lists set numbers from the smallest set to the
     * largest. Every set is in exactly one chain; duplicate sets share a chain.
     */
    static List<List<Integer>> of(List<List<Integer>> sets) {
        List<Integer> bySize = new ArrayList<>();
        for (int s = 0; s < sets.size(); s++) {
            bySize.add(s);
        }
        // insertion sort: stable, and there are few sets
        for (int i = 1; i < bySize.size(); i++) {
            int set = bySize.get(i);
            int j = i - 1;
            while (j >= 0 && sets.get(bySize.get(j)).size() > sets.get(set).size()) {
                bySize.set(j + 1, bySize.get(j));
                j--;
            }
            bySize.set(j + 1, set);
        }
        List<List<Integer>> chains = new ArrayList<>();
        for (int set : bySize) {
            List<Integer> home = null;
            for (List<Integer> chain : chains) {
                if (sets.get(set).containsAll(sets.get(chain.getLast()))) {
                    home = chain;
                    break;
                }
            }
            if (home == null) {
                home = new ArrayList<>();
                chains.add(home);
            }
            home.add(set);
        }
        return chains;
    }

    /** The keys {@code chain}'s rows are sorted by: the smallest set's keys, then each larger set's additions. */
    static List<Integer> sortKeys(List<List<Integer>> sets, List<Integer> chain) {
        List<Integer> keys = new ArrayList<>();
        for (int set : chain) {
            for (int key : sets.get(set)) {
                if (!keys.contains(key)) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }
}
