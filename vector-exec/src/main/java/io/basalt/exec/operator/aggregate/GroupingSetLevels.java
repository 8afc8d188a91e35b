package io.basalt.exec.operator.aggregate;

import io.basalt.exec.function.aggregate.GroupedAggregateState;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.exec.vector.VectorCopies;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;

/**
 * The groups of the coarser sets of a GROUPING SETS aggregation, rolled up from the finest grouping's partial
 * aggregate states instead of from the input: each finished chunk of finest groups (the whole in-memory table, or
 * one spilled partition's table) is folded into every coarser set by looking its groups' keys up in that set's own
 * key table and merging the aggregate states group by group ({@link GroupedAggregateState#merge}). A set that
 * groups by every key is the finest grouping itself and has no table here; an empty set has one group, which
 * exists even when no chunk had a group (its aggregates then answer over no rows, as a GROUP BY of nothing does).
 *
 * <p>Output layout of a set's rows (see {@link GroupingSetsAggregateOperator}): the grouping keys with the set's
 * number inserted at {@code setColumn} (a key the set does not group by is NULL), then the aggregates.
 */
final class GroupingSetLevels implements AutoCloseable {
    private final List<LogicalType> keyTypes;
    private final List<AggregateCall> aggregates;
    private final List<List<Integer>> sets;
    private final BufferAllocator allocator;
    /** Per set, its key table (null for the finest and for empty sets). */
    private final GroupKeyTable[] tables;
    /** Per set, one state per aggregate (null for the finest set). */
    private final GroupedAggregateState[][] states;

    GroupingSetLevels(List<LogicalType> keyTypes, List<AggregateCall> aggregates, List<List<Integer>> sets,
                      BufferAllocator allocator) {
        this.keyTypes = keyTypes;
        this.aggregates = aggregates;
        this.sets = sets;
        this.allocator = allocator;
        this.tables = new GroupKeyTable[sets.size()];
        this.states = new GroupedAggregateState[sets.size()][];
        try {
            for (int s = 0; s < sets.size(); s++) {
                if (isFinest(s)) {
                    continue;
                }
                List<Integer> set = sets.get(s);
                if (!set.isEmpty()) {
                    List<LogicalType> types = new ArrayList<>();
                    for (int k : set) {
                        types.add(keyTypes.get(k));
                    }
                    tables[s] = GroupKeyTable.create(types, allocator);
                }
                states[s] = new GroupedAggregateState[aggregates.size()];
                for (int a = 0; a < aggregates.size(); a++) {
                    states[s][a] = aggregates.get(a).function().newState(allocator);
                    states[s][a].ensureGroups(1);
                }
            }
        } catch (RuntimeException | Error failure) {
            close();
            throw failure;
        }
    }

    /** Whether set {@code s} groups by every key: its groups are the finest grouping's. */
    boolean isFinest(int s) {
        return sets.get(s).size() == keyTypes.size();
    }

    /** The groups of set {@code s} (not the finest): 1 for an empty set. */
    int groupCount(int s) {
        return tables[s] == null ? 1 : tables[s].groupCount();
    }

    /**
     * Folds {@code chunkGroups} finest groups (keys in {@code chunkKeys}, null without keys; aggregates in
     * {@code chunkStates}) into every coarser set. Call before the chunk writes its own results; the chunk is not
     * changed.
     */
    void absorb(GroupKeyTable chunkKeys, GroupedAggregateState[] chunkStates, int chunkGroups) {
        if (chunkGroups == 0) {
            return;
        }
        for (int s = 0; s < sets.size(); s++) {
            if (isFinest(s)) {
                continue;
            }
            int[] mapping = new int[chunkGroups];
            if (tables[s] != null) {
                List<Integer> set = sets.get(s);
                FieldVector[] keys = new FieldVector[set.size()];
                for (int k = 0; k < keys.length; k++) {
                    keys[k] = chunkKeys.keyVector(set.get(k));
                }
                tables[s].findOrInsert(keys, chunkGroups, mapping);
            }
            int groups = groupCount(s);
            for (int a = 0; a < aggregates.size(); a++) {
                states[s][a].ensureGroups(groups);
                states[s][a].merge(chunkStates[a], mapping, chunkGroups);
            }
        }
    }

    /**
     * The rows of coarser set {@code s} as new vectors the caller owns, laid out as the class comment says.
     * Writes the set's results, so call it once per set.
     */
    List<FieldVector> rows(int s, int setColumn) {
        int count = groupCount(s);
        List<FieldVector> columns = new ArrayList<>();
        try {
            List<Integer> set = sets.get(s);
            for (int k = 0; k < keyTypes.size(); k++) {
                if (k == setColumn) {
                    columns.add(setNumbers(s, count, allocator));
                }
                int position = set.indexOf(k);
                if (position >= 0) {
                    columns.add(VectorCopies.copy(tables[s].keyVector(position), allocator));
                } else {
                    FieldVector absent = ValueAccess.allocate(keyTypes.get(k), "", allocator, count);
                    absent.setValueCount(count);
                    columns.add(absent);
                }
            }
            if (setColumn == keyTypes.size()) {
                columns.add(setNumbers(s, count, allocator));
            }
            for (int a = 0; a < aggregates.size(); a++) {
                FieldVector out = ValueAccess.allocate(aggregates.get(a).function().resultType(), "", allocator, count);
                columns.add(out);
                states[s][a].writeResults(out, count);
                out.setValueCount(count);
            }
            return columns;
        } catch (RuntimeException | Error failure) {
            for (FieldVector column : columns) {
                column.close();
            }
            throw failure;
        }
    }

    /** A column of {@code count} rows holding set number {@code s}. */
    static IntVector setNumbers(int s, int count, BufferAllocator allocator) {
        IntVector numbers = new IntVector("", allocator);
        numbers.allocateNew(Math.max(count, 1));
        for (int i = 0; i < count; i++) {
            numbers.set(i, s);
        }
        numbers.setValueCount(count);
        return numbers;
    }

    @Override
    public void close() {
        for (GroupKeyTable table : tables) {
            if (table != null) {
                table.close();
            }
        }
        for (GroupedAggregateState[] perSet : states) {
            if (perSet != null) {
                for (GroupedAggregateState state : perSet) {
                    if (state != null) {
                        state.close();
                    }
                }
            }
        }
    }
}
