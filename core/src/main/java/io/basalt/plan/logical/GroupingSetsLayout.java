package io.basalt.plan.logical;

import java.util.ArrayList;
import java.util.List;

/**
 * How an {@link LogicalPlan.Aggregate} computes GROUPING SETS: its group key at {@code setColumn} is a placeholder
 * whose output is the number of the set a row belongs to (its index in {@code sets}); {@code sets} lists, per set,
 * the indices of the keys below {@code setColumn} it groups by. Keys after {@code setColumn} (a rule that adds
 * grouping keys, as decorrelation does, appends them) belong to every set. A key a row's set does not group by
 * is NULL in that row.
 */
public record GroupingSetsLayout(int setColumn, List<List<Integer>> sets) {
    public GroupingSetsLayout {
        List<List<Integer>> copied = new ArrayList<>();
        for (List<Integer> set : sets) {
            copied.add(List.copyOf(set));
        }
        sets = List.copyOf(copied);
    }

    /**
     * The sets over the keys of {@code keyCount} group keys minus the placeholder: indices after the placeholder
     * shift down by one, and each set gains the keys that belong to every set.
     */
    public List<List<Integer>> physicalSets(int keyCount) {
        List<List<Integer>> result = new ArrayList<>();
        for (List<Integer> set : sets) {
            List<Integer> physical = new ArrayList<>(set);
            for (int k = setColumn + 1; k < keyCount; k++) {
                physical.add(k - 1);
            }
            result.add(physical);
        }
        return result;
    }
}
