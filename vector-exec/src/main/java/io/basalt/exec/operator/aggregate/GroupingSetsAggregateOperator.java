package io.basalt.exec.operator.aggregate;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.operator.MergeableSinkOperator;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.SinkState;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.operator.sort.BatchConcatenation;
import io.basalt.exec.operator.sort.RowOrdering;
import io.basalt.exec.operator.sort.SortKey;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.VectorGather;
import io.basalt.exec.vector.VectorSlices;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * GROUP BY GROUPING SETS / ROLLUP / CUBE. The input is aggregated once, by every grouping key (the finest
 * grouping), with a {@link HashAggregateOperator} (so it runs on parallel workers and spills as any hash
 * aggregation does); every coarser set's groups are then rolled up from those groups' partial aggregate states
 * ({@link GroupingSetLevels}), never from the input again.
 *
 * <p>Output columns: the grouping keys with an INTEGER column inserted at {@code setColumn} holding the number of
 * the set a row belongs to (its index in {@code sets}), then one column per aggregate. A key the row's set does
 * not group by is NULL. {@code sets} lists key indices; a set holding every key is the finest grouping.
 *
 * <p>Order: when the finest grouping stayed in memory, the rows come as PostgreSQL's sort-based plan returns them
 * ({@link GroupingSetChains}); when it spilled, the finest groups come partition by partition and the coarser
 * sets' groups after them, set by set.
 */
public final class GroupingSetsAggregateOperator implements MergeableSinkOperator {
    private final PhysicalOperator child;
    private final List<PhysicalExpression> groupKeys;
    private final List<AggregateCall> aggregates;
    private final List<List<Integer>> sets;
    private final int setColumn;
    private final HashAggregateOperator finest;

    public GroupingSetsAggregateOperator(PhysicalOperator child, List<PhysicalExpression> groupKeys,
                                         List<AggregateCall> aggregates, List<List<Integer>> sets, int setColumn) {
        this.child = requireNonNull(child, "child is null");
        this.groupKeys = List.copyOf(groupKeys);
        this.aggregates = List.copyOf(aggregates);
        List<List<Integer>> copied = new ArrayList<>();
        for (List<Integer> set : sets) {
            copied.add(List.copyOf(set));
        }
        this.sets = List.copyOf(copied);
        if (setColumn < 0 || setColumn > this.groupKeys.size()) {
            throw new IllegalArgumentException("set column " + setColumn + " outside the keys");
        }
        this.setColumn = setColumn;
        this.finest = new HashAggregateOperator(child, groupKeys, aggregates);
    }

    @Override
    public PhysicalOperator child() {
        return child;
    }

    public List<List<Integer>> sets() {
        return sets;
    }

    /** Where the set number column sits among the keys. */
    public int setColumn() {
        return setColumn;
    }

    /** The number of grouping keys (the finest grouping's). */
    public int keyCount() {
        return groupKeys.size();
    }

    @Override
    public List<LogicalType> outputTypes() {
        List<LogicalType> types = new ArrayList<>();
        for (int k = 0; k <= groupKeys.size(); k++) {
            if (k == setColumn) {
                types.add(LogicalType.INTEGER);
            }
            if (k < groupKeys.size()) {
                types.add(groupKeys.get(k).type());
            }
        }
        for (AggregateCall aggregate : aggregates) {
            types.add(aggregate.function().resultType());
        }
        return types;
    }

    @Override
    public String describe() {
        return "GroupingSetsAggregate keys=" + groupKeys + " sets=" + sets + " aggregates=" + aggregates;
    }

    @Override
    public SinkState openSink(ExecutionContext context) {
        return new GroupingSetsState(context, finest.openSink(context));
    }

    @Override
    public void merge(SinkState global, SinkState worker) {
        finest.merge(((GroupingSetsState) global).finestState, ((GroupingSetsState) worker).finestState);
    }

    private List<LogicalType> keyTypes() {
        List<LogicalType> types = new ArrayList<>();
        for (PhysicalExpression key : groupKeys) {
            types.add(key.type());
        }
        return types;
    }

    /** {@code keys} and {@code results} of finest groups as output columns of set {@code s} (numbers are new). */
    List<FieldVector> finestRows(List<FieldVector> keys, List<FieldVector> results, FieldVector numbers) {
        List<FieldVector> columns = new ArrayList<>();
        for (int k = 0; k <= keys.size(); k++) {
            if (k == setColumn) {
                columns.add(numbers);
            }
            if (k < keys.size()) {
                columns.add(keys.get(k));
            }
        }
        columns.addAll(results);
        return columns;
    }

    private final class GroupingSetsState implements SinkState {
        private final ExecutionContext context;
        private final SinkState finestState;
        private GroupingSetLevels levels;
        /** The in-memory result: per chain, its sorted columns; empty until opened. */
        private final List<FieldVector[]> chainColumns = new ArrayList<>();
        private final List<Integer> chainRows = new ArrayList<>();

        GroupingSetsState(ExecutionContext context, SinkState finestState) {
            this.context = context;
            this.finestState = finestState;
        }

        @Override
        public void sink(Batch batch) {
            finestState.sink(batch);
        }

        @Override
        public void finish() {
            levels = new GroupingSetLevels(keyTypes(), aggregates, sets, context.allocator());
            if (finest.spilledOf(finestState) == null) {
                // rolled up before the finest groups write their results (writing may consume a state)
                levels.absorb(groupKeys.isEmpty() ? null : finest.keyTableOf(finestState), finest.statesOf(finestState),
                        finest.groupCountOf(finestState));
            }
            finestState.finish();
        }

        @Override
        public SourceState openResult() {
            if (finest.spilledOf(finestState) != null) {
                return new SpilledGroupingSetsSource(GroupingSetsAggregateOperator.this, finest, finestState, levels,
                        context);
            }
            sortInMemory();
            return new SlicingSource();
        }

        /** Builds each chain's rows and sorts them into PostgreSQL's order. */
        private void sortInMemory() {
            List<LogicalType> types = outputTypes();
            int finestGroups = finest.groupCountOf(finestState);
            List<FieldVector> finestKeys = new ArrayList<>();
            for (int k = 0; k < groupKeys.size(); k++) {
                finestKeys.add(finest.keyTableOf(finestState).keyVector(k));
            }
            List<FieldVector> finestResults = finest.resultsOf(finestState);
            for (List<Integer> chain : GroupingSetChains.of(sets)) {
                List<List<FieldVector>> parts = new ArrayList<>();
                List<FieldVector> owned = new ArrayList<>();
                int rows = 0;
                try {
                    // finest sets first: ties of the stable sort then keep a group before its subtotal
                    for (int i = chain.size() - 1; i >= 0; i--) {
                        int s = chain.get(i);
                        if (levels.isFinest(s)) {
                            FieldVector numbers = GroupingSetLevels.setNumbers(s, finestGroups, context.allocator());
                            owned.add(numbers);
                            parts.add(finestRows(finestKeys, finestResults, numbers));
                            rows += finestGroups;
                        } else {
                            List<FieldVector> part = levels.rows(s, setColumn);
                            owned.addAll(part);
                            parts.add(part);
                            rows += levels.groupCount(s);
                        }
                    }
                    FieldVector[] all = BatchConcatenation.concatenate(parts, rows, types, context, false);
                    try {
                        List<SortKey> keys = new ArrayList<>();
                        for (int key : GroupingSetChains.sortKeys(sets, chain)) {
                            keys.add(new SortKey(key < setColumn ? key : key + 1, false, false));
                        }
                        int[] order = new RowOrdering(all, rows, new int[0], keys).sort(rows);
                        Batch sorted = VectorGather.gatherCopy(new Batch(List.of(all), rows), order, rows,
                                context.allocator());
                        chainColumns.add(sorted.columns().toArray(new FieldVector[0]));
                        chainRows.add(rows);
                    } finally {
                        BatchConcatenation.close(all);
                    }
                } finally {
                    for (FieldVector vector : owned) {
                        vector.close();
                    }
                }
            }
        }

        /** Hands out the sorted chains in slices of the vector size. */
        private final class SlicingSource implements SourceState {
            private final List<FieldVector> slices = new ArrayList<>();
            private int chain;
            private int next;

            @Override
            public Batch next() {
                release();
                while (chain < chainColumns.size() && next >= chainRows.get(chain)) {
                    chain++;
                    next = 0;
                }
                if (chain >= chainColumns.size()) {
                    return null;
                }
                int count = Math.min(context.vectorSize(), chainRows.get(chain) - next);
                List<FieldVector> columns = new ArrayList<>();
                for (FieldVector column : chainColumns.get(chain)) {
                    FieldVector slice = VectorSlices.slice(column, next, count, context.allocator());
                    slices.add(slice);
                    columns.add(slice);
                }
                next += count;
                return new Batch(columns, count);
            }

            private void release() {
                for (FieldVector slice : slices) {
                    slice.close();
                }
                slices.clear();
            }

            @Override
            public void close() {
                release();
            }
        }

        @Override
        public void close() {
            for (FieldVector[] columns : chainColumns) {
                BatchConcatenation.close(columns);
            }
            chainColumns.clear();
            if (levels != null) {
                levels.close();
            }
            finestState.close();
        }
    }
}
