package io.basalt.exec.operator.aggregate;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.expression.CompactDecimalArithmetic;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.function.aggregate.GroupedAggregateState;
import io.basalt.exec.function.aggregate.GroupedPositionedState;
import io.basalt.exec.function.aggregate.PositionedAggregateState;
import io.basalt.exec.function.aggregate.SummedValuesState;
import io.basalt.exec.function.aggregate.UnscaledSumState;
import io.basalt.exec.operator.MergeableSinkOperator;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.SinkState;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.spill.HashPartitions;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import io.basalt.exec.vector.VectorSlices;

/**
 * GROUP BY with aggregates. Output columns: the group keys, then one column per aggregate. Without
 * group keys there is exactly one output row, even for empty input ({@code count(*)} is 0, {@code sum}
 * is NULL).
 *
 * <p>Spilling (hybrid hash aggregation): when the group table outgrows the operator's share of the query's
 * memory budget, it stops taking new groups. Later rows of groups it has are still aggregated in memory; rows
 * of other groups are written, as they came, to one of {@link HashPartitions#COUNT} partition files by the
 * hash of their group keys. At the end each partition is read back, rows of in-memory groups (possible after
 * parallel workers' tables were merged) are aggregated into the table, the others by a fresh state one level
 * down (which may spill again), whose groups are emitted; the in-memory groups come last
 * ({@link SpilledAggregateSource}). Every group is thus aggregated in exactly one place.
 */
public record HashAggregateOperator(PhysicalOperator child, List<PhysicalExpression> groupKeys,
                                    List<AggregateCall> aggregates) implements MergeableSinkOperator {
    public HashAggregateOperator {
        requireNonNull(child, "child is null");
        groupKeys = List.copyOf(groupKeys);
        aggregates = List.copyOf(aggregates);
    }

    @Override
    public List<LogicalType> outputTypes() {
        List<LogicalType> types = new ArrayList<>();
        for (PhysicalExpression key : groupKeys) {
            types.add(key.type());
        }
        for (AggregateCall aggregate : aggregates) {
            types.add(aggregate.function().resultType());
        }
        return types;
    }

    @Override
    public String describe() {
        return "HashAggregate keys=" + groupKeys + " aggregates=" + aggregates;
    }

    @Override
    public SinkState openSink(ExecutionContext context) {
        return new AggregateState(context, 0);
    }

    /** A state for the rows of one spilled partition at {@code level} (one below the state that spilled them). */
    SinkState openPartitionSink(ExecutionContext context, int level) {
        return new AggregateState(context, level);
    }

    /**
     * Aggregates the rows of {@code batch} whose groups {@code state}'s table holds, and returns the other rows
     * (valid until the next call on that state), or null when there are none.
     */
    Batch absorbExisting(SinkState state, Batch batch) {
        return ((AggregateState) state).absorbExisting(batch);
    }

    /** The output of {@code state}'s in-memory groups (after its spilled partitions have been read back). */
    SourceState openInMemoryResult(SinkState state) {
        AggregateState aggregate = (AggregateState) state;
        aggregate.writeResults();
        return aggregate.openInMemoryResult();
    }

    /** Folds a worker's groups into the global table: its keys are looked up as one batch, its states merged. */
    @Override
    public void merge(SinkState global, SinkState worker) {
        AggregateState into = (AggregateState) global;
        AggregateState from = (AggregateState) worker;
        if (from.spilled != null) {
            if (into.spilled == null) {
                into.spilled = new HashPartitions("aggregate", into.level);
            }
            into.spilled.takeAll(from.spilled);
        }
        if (groupKeys.isEmpty()) {
            for (int a = 0; a < into.states.length; a++) {
                into.states[a].merge(from.states[a], new int[] {0}, 1);
            }
            return;
        }
        int groups = from.keyTable.groupCount();
        if (groups == 0) {
            return;
        }
        if (into.keyTable.groupCount() == 0) {
            // The first worker's groups become the global table as they are: nothing to look up or merge.
            into.adopt(from);
            return;
        }
        FieldVector[] keys = new FieldVector[groupKeys.size()];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = from.keyTable.keyVector(k);
        }
        int[] mapping = new int[groups];
        into.keyTable.findOrInsert(keys, groups, mapping);
        for (int a = 0; a < into.states.length; a++) {
            into.states[a].ensureGroups(into.keyTable.groupCount());
            into.states[a].merge(from.states[a], mapping, groups);
        }
    }

    // ---- what a grouping-sets aggregation reads of a state (GroupingSetsAggregateOperator) ----------

    /** The group key table of {@code state} (a state of this operator). */
    GroupKeyTable keyTableOf(SinkState state) {
        return ((AggregateState) state).keyTable;
    }

    /** The aggregate states of {@code state}, one per aggregate, indexed by group id. */
    GroupedAggregateState[] statesOf(SinkState state) {
        return ((AggregateState) state).states;
    }

    /** The groups {@code state} holds in memory: 1 without group keys. */
    int groupCountOf(SinkState state) {
        return groupKeys.isEmpty() ? 1 : ((AggregateState) state).keyTable.groupCount();
    }

    /** The rows {@code state} spilled, or null when it kept every group in memory. */
    HashPartitions spilledOf(SinkState state) {
        return ((AggregateState) state).spilled;
    }

    /** The partitioning level of {@code state}. */
    int levelOf(SinkState state) {
        return ((AggregateState) state).level;
    }

    /** The aggregates' results of {@code state}'s in-memory groups, once they are written (after finish). */
    List<FieldVector> resultsOf(SinkState state) {
        return ((AggregateState) state).results;
    }

    // ---- sink -------------------------------------------------------------------------------------

    private final class AggregateState implements SinkState, io.basalt.exec.operator.SummingSink {
        private final ExecutionContext context;
        private final EvaluationContext evaluation;
        /** Holds a selective batch's rows gathered dense, apart from {@code evaluation}, which spilling releases. */
        private final EvaluationContext gathered;
        /** The groups and their aggregate states; a merge may swap them with a worker's ({@link #adopt}). */
        private GroupKeyTable keyTable;
        private GroupedAggregateState[] states;
        private final List<FieldVector> results = new ArrayList<>();
        private int[] groupIds = new int[0];
        private int outputGroups;
        /** The partitioning level of this state's spilled rows (0 at the top; one more per re-partitioning). */
        private final int level;
        /** The rows that arrived after the table outgrew the memory share; null while nothing was spilled. */
        private HashPartitions spilled;
        /** Heap bytes of the table and aggregate states counted against the query's budget. */
        private long reservedHeap;
        /** Bytes per row of the group keys in the last input batch (to estimate the table's key storage). */
        private long keyBytesPerRow;
        private int[] found = new int[0];
        /** Scratch for {@link #sumUnscaled}: which rows of the batch are NULL. */
        private boolean[] unscaledNulls = new boolean[0];
        /** See {@link #groupedAtPositionsShape}. */
        private final boolean groupedAtPositions;

        AggregateState(ExecutionContext context, int level) {
            this.context = context;
            this.level = level;
            this.evaluation = new EvaluationContext(context.allocator());
            this.gathered = new EvaluationContext(context.allocator());
            List<LogicalType> keyTypes = new ArrayList<>();
            for (PhysicalExpression key : groupKeys) {
                keyTypes.add(key.type());
            }
            this.keyTable = GroupKeyTable.create(keyTypes, context.allocator());
            this.states = new GroupedAggregateState[aggregates.size()];
            for (int a = 0; a < states.length; a++) {
                states[a] = aggregates.get(a).function().newState(context.allocator());
                states[a].ensureGroups(1);
            }
            this.groupedAtPositions = groupedAtPositionsShape();
        }

        /**
         * Takes {@code worker}'s groups and aggregate states in exchange for this state's (empty) ones, with the heap
         * counted for them; the worker keeps the empty ones, which its close frees.
         */
        void adopt(AggregateState worker) {
            GroupKeyTable table = keyTable;
            keyTable = worker.keyTable;
            worker.keyTable = table;
            GroupedAggregateState[] mine = states;
            states = worker.states;
            worker.states = mine;
            long heap = reservedHeap;
            reservedHeap = worker.reservedHeap;
            worker.reservedHeap = heap;
        }

        /**
         * Without GROUP BY, when every aggregate takes its argument's sum, count or bounds in place of its rows
         * ({@link SummedValuesState#takesSums}: sums and averages of integers and scaled NUMERICs, min and max of those,
         * dates and doubles, counts) of a plain column or is {@code count(*)}, without FILTER or further arguments:
         * those columns, once (see {@link io.basalt.exec.operator.SummingSink}). Else null. Worked out once.
         */
        @Override
        public int[] summedColumns() {
            if (!groupKeys.isEmpty() || spilled != null) {
                return null;
            }
            if (summed == null) {
                summarize();
            }
            return summed.length == 0 && summedNeeds == null ? null : summed;
        }

        @Override
        public int[] summedNeeds() {
            return summedNeeds;
        }

        /** The summed columns and their needs (null needs: the aggregates need the rows). */
        private int[] summed;
        private int[] summedNeeds;

        private void summarize() {
            int[] columns = new int[states.length];
            int[] needs = new int[states.length];
            int count = 0;
            summed = new int[0];
            for (int a = 0; a < states.length; a++) {
                AggregateCall call = aggregates.get(a);
                if (call.filter() != null || !call.extraArguments().isEmpty()
                        || !(states[a] instanceof SummedValuesState state) || !state.takesSums()) {
                    return;
                }
                if (call.argument() == null) {
                    continue;
                }
                if (!(call.argument() instanceof io.basalt.exec.expression.ColumnExpression column)) {
                    return;
                }
                int c = summedIndex(columns, count, column.index());
                if (c < 0) {
                    c = count++;
                    columns[c] = column.index();
                }
                needs[c] |= state.summedNeeds();
            }
            summed = Arrays.copyOf(columns, count);
            summedNeeds = Arrays.copyOf(needs, count);
        }

        private static int summedIndex(int[] columns, int count, int column) {
            for (int c = 0; c < count; c++) {
                if (columns[c] == column) {
                    return c;
                }
            }
            return -1;
        }

        @Override
        public void addSums(long rows, long[] sums, long[] valid, long[] bounds, double[][] batchSums) {
            int[] columns = summed;
            for (int a = 0; a < states.length; a++) {
                PhysicalExpression argument = aggregates.get(a).argument();
                SummedValuesState state = (SummedValuesState) states[a];
                if (argument == null) {
                    state.addSummed(0, 0, rows, 0, 0);
                } else {
                    int c = summedIndex(columns, columns.length,
                            ((io.basalt.exec.expression.ColumnExpression) argument).index());
                    if ((state.summedNeeds() & io.basalt.exec.operator.SummingSource.DOUBLE_SUM) != 0) {
                        state.addBatchSums(batchSums[c], (int) sums[2 * c], valid[c]);
                    } else {
                        state.addSummed(sums[2 * c], sums[2 * c + 1], valid[c], bounds[2 * c], bounds[2 * c + 1]);
                    }
                }
            }
        }

        /** Selective batches: read at their positions without GROUP BY where every aggregate can, else gathered. */
        @Override
        public boolean takesSelections() {
            return true;
        }

        @Override
        public void sink(Batch batch) {
            evaluation.releaseBatch();
            gathered.releaseBatch();
            if (batch.isSelective()) {
                if (groupKeys.isEmpty() && sinkAtPositions(batch)) {
                    return;
                }
                if (groupedAtPositions && spilled == null && sinkGroupedAtPositions(batch)) {
                    checkBudget();
                    return;
                }
                batch = io.basalt.exec.vector.VectorGather.dense(batch, gathered);
            }
            int rows = batch.rowCount();
            if (groupKeys.isEmpty()) {
                for (int a = 0; a < states.length; a++) {
                    AggregateCall call = aggregates.get(a);
                    if (call.filter() != null) {
                        feedFiltered(a, batch, null);
                    } else if (call.extraArguments().isEmpty()) {
                        if (!sumUnscaled(a, batch, null, rows)) {
                            states[a].updateSingleGroup(argument(a, batch), rows);
                        }
                    } else {
                        states[a].updateArgumentsSingleGroup(arguments(a, batch), rows);
                    }
                }
                return;
            }
            FieldVector[] keyColumns = new FieldVector[groupKeys.size()];
            for (int k = 0; k < keyColumns.length; k++) {
                keyColumns[k] = groupKeys.get(k).evaluate(batch, evaluation);
            }
            if (spilled != null) {
                Batch rest = absorbExisting(batch);
                if (rest != null) {
                    FieldVector[] restKeys = new FieldVector[groupKeys.size()];
                    for (int k = 0; k < restKeys.length; k++) {
                        restKeys[k] = groupKeys.get(k).evaluate(rest, evaluation);
                    }
                    spilled.append(rest, HashPartitions.partitionsOf(restKeys, rest.rowCount(), level),
                            context.memory(), context.allocator());
                }
                return;
            }
            long keyBytes = 0;
            for (FieldVector key : keyColumns) {
                keyBytes += key.getBufferSize();
            }
            keyBytesPerRow = keyBytes / Math.max(1, rows);
            if (groupIds.length < rows) {
                groupIds = new int[Math.max(rows, 16)];
            }
            keyTable.findOrInsert(keyColumns, rows, groupIds);
            for (int a = 0; a < states.length; a++) {
                states[a].ensureGroups(keyTable.groupCount());
                AggregateCall call = aggregates.get(a);
                if (call.filter() != null) {
                    feedFiltered(a, batch, groupIds);
                } else if (call.extraArguments().isEmpty()) {
                    if (!sumUnscaled(a, batch, groupIds, rows)) {
                        states[a].update(argument(a, batch), groupIds, rows);
                    }
                } else {
                    states[a].updateArguments(arguments(a, batch), groupIds, rows);
                }
            }
            checkBudget();
        }

        /**
         * Without GROUP BY: when every aggregate is a plain call (no FILTER, one argument or none) over a column whose
         * state reads rows at positions ({@link PositionedAggregateState}) or a sum over a fused NUMERIC expression of
         * columns ({@link CompactDecimalArithmetic#evaluateUnscaledAt}), adds the selected rows of {@code batch} in
         * place and returns true; otherwise changes nothing and returns false.
         */
        private boolean sinkAtPositions(Batch batch) {
            int rows = batch.rowCount();
            long[][] unscaled = new long[states.length][];
            boolean[][] unscaledNulls = new boolean[states.length][];
            for (int a = 0; a < states.length; a++) {
                AggregateCall call = aggregates.get(a);
                PhysicalExpression argument = call.argument();
                if (call.filter() != null || !call.extraArguments().isEmpty()) {
                    return false;
                }
                if (argument instanceof CompactDecimalArithmetic fused && fused.readsOnlyColumns()
                        && states[a] instanceof UnscaledSumState sums && sums.takesUnscaled(fused.scale())) {
                    // a sum over a fused NUMERIC expression (q06's sum(l_extendedprice * l_discount)) is computed at
                    // the selected rows only, instead of after gathering every column of the batch
                    unscaledNulls[a] = new boolean[rows];
                    unscaled[a] = fused.evaluateUnscaledAt(batch, batch.selection(), rows, evaluation, unscaledNulls[a]);
                    if (unscaled[a] == null) {
                        return false;
                    }
                } else if (!(states[a] instanceof PositionedAggregateState positioned)
                        || argument != null && !(argument instanceof io.basalt.exec.expression.ColumnExpression)
                        || !positioned.updatesAtPositions(argument(a, batch))) {
                    return false;
                }
            }
            for (int a = 0; a < states.length; a++) {
                if (unscaled[a] != null) {
                    ((UnscaledSumState) states[a]).updateUnscaled(unscaled[a], unscaledNulls[a],
                            ((CompactDecimalArithmetic) aggregates.get(a).argument()).scale(), null, rows);
                } else {
                    ((PositionedAggregateState) states[a]).updateSingleGroupAt(argument(a, batch), batch.selection(),
                            rows);
                }
            }
            return true;
        }

        /**
         * Whether the operator's shape lets a selective batch be aggregated without gathering every column: group keys
         * that are columns, and aggregates without FILTER or extra arguments over a column or nothing (whose states
         * read rows at positions) or over a fused NUMERIC expression of columns (whose states take unscaled longs).
         */
        private boolean groupedAtPositionsShape() {
            if (groupKeys.isEmpty()) {
                return false;
            }
            for (PhysicalExpression key : groupKeys) {
                if (!(key instanceof io.basalt.exec.expression.ColumnExpression)) {
                    return false;
                }
            }
            for (int a = 0; a < states.length; a++) {
                AggregateCall call = aggregates.get(a);
                PhysicalExpression argument = call.argument();
                if (call.filter() != null || !call.extraArguments().isEmpty()) {
                    return false;
                }
                boolean fits = argument == null || argument instanceof io.basalt.exec.expression.ColumnExpression
                        ? states[a] instanceof GroupedPositionedState
                        : argument instanceof CompactDecimalArithmetic fused && fused.readsOnlyColumns()
                                && states[a] instanceof UnscaledSumState sums && sums.takesUnscaled(fused.scale());
                if (!fits) {
                    return false;
                }
            }
            return true;
        }

        /**
         * A selective batch under GROUP BY ({@link #groupedAtPositionsShape}): the key table reads the keys at the
         * selected positions (or, where it cannot, they alone are gathered); column
         * arguments are read at the selected positions, and so are fused NUMERIC arguments' columns
         * ({@link CompactDecimalArithmetic#evaluateUnscaledAt}).
         * Returns false, having changed nothing, when a state declines an argument's vector or a fused argument
         * declines the batch; the caller then gathers the batch.
         */
        private boolean sinkGroupedAtPositions(Batch batch) {
            int rows = batch.rowCount();
            int[] selection = batch.selection();
            long[][] unscaled = new long[states.length][];
            boolean[][] unscaledNullRows = new boolean[states.length][];
            for (int a = 0; a < states.length; a++) {
                PhysicalExpression argument = aggregates.get(a).argument();
                if (argument instanceof io.basalt.exec.expression.ColumnExpression column) {
                    if (!((GroupedPositionedState) states[a]).updatesGroupedAt(batch.column(column.index()))) {
                        return false;
                    }
                } else if (argument instanceof CompactDecimalArithmetic fused) {
                    // computed at the selected rows only: TPC-H Q15's filter keeps 4% of lineitem's rows, and
                    // computing over every row of the vectors then keeping the selected ones did 25 times the work
                    boolean[] nulls = new boolean[rows];
                    long[] values = fused.evaluateUnscaledAt(batch, selection, rows, evaluation, nulls);
                    if (values == null) {
                        return false;
                    }
                    unscaled[a] = values;
                    unscaledNullRows[a] = nulls;
                }
            }
            FieldVector[] sources = new FieldVector[groupKeys.size()];
            long keyBytes = 0;
            for (int k = 0; k < sources.length; k++) {
                sources[k] = batch.column(((io.basalt.exec.expression.ColumnExpression) groupKeys.get(k)).index());
                keyBytes += sources[k].getBufferSize();
            }
            keyBytesPerRow = keyBytes / Math.max(1, batch.physicalRowCount());
            if (groupIds.length < rows) {
                groupIds = new int[Math.max(rows, 16)];
            }
            if (!keyTable.findOrInsertAt(sources, selection, rows, groupIds)) {
                FieldVector[] keyColumns = new FieldVector[sources.length];
                for (int k = 0; k < keyColumns.length; k++) {
                    keyColumns[k] = gathered.newVector(groupKeys.get(k).type(), rows);
                    io.basalt.exec.vector.VectorGather.gather(sources[k], selection, rows, keyColumns[k]);
                }
                keyTable.findOrInsert(keyColumns, rows, groupIds);
            }
            for (int a = 0; a < states.length; a++) {
                states[a].ensureGroups(keyTable.groupCount());
                PhysicalExpression argument = aggregates.get(a).argument();
                if (argument instanceof CompactDecimalArithmetic fused) {
                    ((UnscaledSumState) states[a]).updateUnscaled(unscaled[a], unscaledNullRows[a], fused.scale(),
                            groupIds, rows);
                } else {
                    FieldVector column = argument == null ? null
                            : batch.column(((io.basalt.exec.expression.ColumnExpression) argument).index());
                    ((GroupedPositionedState) states[a]).updateAt(column, selection, groupIds, rows);
                }
            }
            return true;
        }

        /**
         * Counts the table's heap against the query's budget and starts spilling once the table (keys and heap)
         * is larger than this worker's share of the operator budget.
         */
        private void checkBudget() {
            long groups = keyTable.groupCount();
            long heap = groups * (24 + 16L * states.length);
            context.memory().reserve(heap - reservedHeap);
            context.memory().release(reservedHeap - heap);
            reservedHeap = heap;
            // Key bytes estimated from the input's keys (asking the table for its key vectors may build them).
            long keyBytes = groups * keyBytesPerRow;
            if (heap + keyBytes > context.memory().operatorBudget() / context.threads()
                    && level < HashPartitions.MAX_LEVEL) {
                spilled = new HashPartitions("aggregate", level);
            }
        }

        /** See {@link HashAggregateOperator#absorbExisting}. */
        Batch absorbExisting(Batch batch) {
            evaluation.releaseBatch();
            int rows = batch.rowCount();
            FieldVector[] keyColumns = new FieldVector[groupKeys.size()];
            for (int k = 0; k < keyColumns.length; k++) {
                keyColumns[k] = groupKeys.get(k).evaluate(batch, evaluation);
            }
            if (found.length < rows) {
                found = new int[Math.max(rows, 16)];
            }
            keyTable.find(keyColumns, rows, found);
            int[] hits = new int[rows];
            int[] misses = new int[rows];
            int hitCount = 0;
            int missCount = 0;
            for (int i = 0; i < rows; i++) {
                if (found[i] >= 0) {
                    hits[hitCount++] = i;
                } else {
                    misses[missCount++] = i;
                }
            }
            if (hitCount > 0) {
                Batch existing = hitCount == rows ? batch
                        : io.basalt.exec.vector.VectorGather.gather(batch, hits, hitCount, evaluation);
                int[] ids = new int[hitCount];
                for (int i = 0; i < hitCount; i++) {
                    ids[i] = found[hits[i]];
                }
                for (int a = 0; a < states.length; a++) {
                    AggregateCall call = aggregates.get(a);
                    if (call.filter() != null) {
                        feedFiltered(a, existing, ids);
                    } else if (call.extraArguments().isEmpty()) {
                        states[a].update(argument(a, existing), ids, hitCount);
                    } else {
                        states[a].updateArguments(arguments(a, existing), ids, hitCount);
                    }
                }
            }
            if (missCount == 0) {
                return null;
            }
            return missCount == rows ? batch
                    : io.basalt.exec.vector.VectorGather.gather(batch, misses, missCount, evaluation);
        }

        /**
         * {@code agg(...) FILTER (WHERE f)}: the rows where {@code f} is true, with their group ids
         * ({@code groups} null without GROUP BY), are gathered and fed to the aggregate.
         */
        private void feedFiltered(int a, Batch batch, int[] groups) {
            AggregateCall call = aggregates.get(a);
            org.apache.arrow.vector.BitVector condition =
                    (org.apache.arrow.vector.BitVector) call.filter().evaluate(batch, evaluation);
            int rows = batch.rowCount();
            int[] selection = new int[rows];
            int count = 0;
            for (int i = 0; i < rows; i++) {
                if (!condition.isNull(i) && condition.get(i) != 0) {
                    selection[count++] = i;
                }
            }
            Batch kept = io.basalt.exec.vector.VectorGather.gather(batch, selection, count, evaluation);
            if (groups == null) {
                if (call.extraArguments().isEmpty()) {
                    states[a].updateSingleGroup(argument(a, kept), count);
                } else {
                    states[a].updateArgumentsSingleGroup(arguments(a, kept), count);
                }
                return;
            }
            int[] keptGroups = new int[count];
            for (int k = 0; k < count; k++) {
                keptGroups[k] = groups[selection[k]];
            }
            if (call.extraArguments().isEmpty()) {
                states[a].update(argument(a, kept), keptGroups, count);
            } else {
                states[a].updateArguments(arguments(a, kept), keptGroups, count);
            }
        }

        /**
         * A sum or avg over a fused NUMERIC expression: adds the expression's unscaled longs straight to the state
         * (group 0 when {@code groups} is null) and returns true; false, having added nothing, when the aggregate or
         * its argument has another shape or the batch needs the expression's node-by-node path.
         */
        private boolean sumUnscaled(int a, Batch batch, int[] groups, int rows) {
            if (!(aggregates.get(a).argument() instanceof CompactDecimalArithmetic fused)
                    || !(states[a] instanceof UnscaledSumState sums) || !sums.takesUnscaled(fused.scale())) {
                return false;
            }
            if (unscaledNulls.length < rows) {
                unscaledNulls = new boolean[rows];
            }
            long[] values = fused.evaluateUnscaled(batch, evaluation, unscaledNulls);
            if (values == null) {
                return false;
            }
            sums.updateUnscaled(values, unscaledNulls, fused.scale(), groups, rows);
            return true;
        }

        private FieldVector argument(int a, Batch batch) {
            PhysicalExpression argument = aggregates.get(a).argument();
            return argument == null ? null : argument.evaluate(batch, evaluation);
        }

        private FieldVector[] arguments(int a, Batch batch) {
            AggregateCall call = aggregates.get(a);
            FieldVector[] values = new FieldVector[1 + call.extraArguments().size()];
            values[0] = argument(a, batch);
            for (int k = 1; k < values.length; k++) {
                values[k] = call.extraArguments().get(k - 1).evaluate(batch, evaluation);
            }
            return values;
        }

        // ---- finalize -----------------------------------------------------------------------------

        @Override
        public void finish() {
            evaluation.releaseBatch();
            if (spilled != null) {
                spilled.finishWriting();
                return;
            }
            writeResults();
        }

        /** Computes the aggregates' results for the in-memory groups. */
        void writeResults() {
            outputGroups = groupKeys.isEmpty() ? 1 : keyTable.groupCount();
            for (int a = 0; a < states.length; a++) {
                FieldVector out = ValueAccess.allocate(aggregates.get(a).function().resultType(), "",
                        context.allocator(), outputGroups);
                results.add(out);
                states[a].writeResults(out, outputGroups);
                out.setValueCount(outputGroups);
            }
        }

        // ---- source -------------------------------------------------------------------------------

        @Override
        public SourceState openResult() {
            if (spilled != null) {
                return new SpilledAggregateSource(HashAggregateOperator.this, this, spilled, context, level);
            }
            return openInMemoryResult();
        }

        /** The in-memory groups' keys and results as a source. */
        SourceState openInMemoryResult() {
            return groupSource(null);
        }

        /**
         * The in-memory groups read by several workers, each taking the next batch of groups: the filters and sinks
         * above an aggregation over many groups (TPC-H Q18's HAVING over 1.5M orders) then run on every thread. The
         * key vectors are decoded here, once, so that the workers only slice them.
         */
        @Override
        public io.basalt.exec.operator.scan.ParallelScan openParallelResult(ExecutionContext readers) {
            if (spilled != null || groupKeys.isEmpty() || outputGroups < readers.parallelRowThreshold()) {
                return null;
            }
            for (int k = 0; k < groupKeys.size(); k++) {
                keyTable.keyVector(k);
            }
            java.util.concurrent.atomic.AtomicInteger claimed = new java.util.concurrent.atomic.AtomicInteger();
            return new io.basalt.exec.operator.scan.ParallelScan() {
                @Override
                public SourceState openWorker() {
                    return groupSource(claimed);
                }

                @Override
                public void close() {
                }
            };
        }

        /**
         * A source of the in-memory groups, batch by batch: all of them ({@code claimed} null), or the batches it
         * claims from {@code claimed}, the next group to hand out, shared with other workers' sources.
         */
        private SourceState groupSource(java.util.concurrent.atomic.AtomicInteger claimed) {
            return new SourceState() {
                private final List<FieldVector> slices = new ArrayList<>();
                private int next;

                @Override
                public Batch next() {
                    release();
                    if (claimed != null) {
                        next = claimed.getAndAdd(context.vectorSize());
                    }
                    if (next >= outputGroups) {
                        return null;
                    }
                    int count = Math.min(context.vectorSize(), outputGroups - next);
                    List<FieldVector> columns = new ArrayList<>();
                    for (int k = 0; k < groupKeys.size(); k++) {
                        columns.add(slice(keyTable.keyVector(k), next, count));
                    }
                    for (FieldVector result : results) {
                        columns.add(slice(result, next, count));
                    }
                    next += count;
                    return new Batch(columns, count);
                }

                private FieldVector slice(FieldVector vector, int start, int count) {
                    FieldVector slice = VectorSlices.slice(vector, start, count, context.allocator());
                    slices.add(slice);
                    return slice;
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
            };
        }

        @Override
        public void close() {
            evaluation.close();
            gathered.close();
            if (spilled != null) {
                spilled.close();
            }
            context.memory().release(reservedHeap);
            reservedHeap = 0;
            keyTable.close();
            for (GroupedAggregateState state : states) {
                state.close();
            }
            for (FieldVector result : results) {
                result.close();
            }
        }
    }
}
