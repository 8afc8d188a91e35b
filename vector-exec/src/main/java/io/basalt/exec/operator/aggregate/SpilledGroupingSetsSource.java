package io.basalt.exec.operator.aggregate;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SinkState;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.spill.HashPartitions;
import io.basalt.exec.spill.SpillFile;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * The output of a GROUPING SETS aggregation whose finest grouping spilled. As {@link SpilledAggregateSource} does
 * for a plain aggregation, the spilled partitions are read back one at a time (a partition that spills again is
 * walked the same way, one level down) and the in-memory groups come last; each finished table of finest groups is
 * first rolled up into the coarser sets ({@link GroupingSetLevels#absorb}), then handed out as the finest sets'
 * rows. Once every finest group has been seen, the coarser sets' groups follow, set by set. Only the coarser sets'
 * tables stay in memory throughout.
 */
final class SpilledGroupingSetsSource implements SourceState {
    private final GroupingSetsAggregateOperator operator;
    private final HashAggregateOperator finest;
    private final GroupingSetLevels levels;
    private final ExecutionContext context;
    private final List<Integer> finestSets = new ArrayList<>();
    private final FinestSource finestRows;
    private int nextCoarse;
    private final List<FieldVector> owned = new ArrayList<>();

    SpilledGroupingSetsSource(GroupingSetsAggregateOperator operator, HashAggregateOperator finest, SinkState top,
                              GroupingSetLevels levels, ExecutionContext context) {
        this.operator = operator;
        this.finest = finest;
        this.levels = levels;
        this.context = context;
        for (int s = 0; s < operator.sets().size(); s++) {
            if (levels.isFinest(s)) {
                finestSets.add(s);
            }
        }
        this.finestRows = new FinestSource(top);
    }

    @Override
    public Batch next() {
        release();
        Batch batch = finestRows.next();
        if (batch != null) {
            return batch;
        }
        while (nextCoarse < operator.sets().size()) {
            int s = nextCoarse++;
            if (levels.isFinest(s)) {
                continue;
            }
            List<FieldVector> rows = levels.rows(s, operator.setColumn());
            owned.addAll(rows);
            int count = levels.groupCount(s);
            if (count > 0) {
                return new Batch(rows, count);
            }
        }
        return null;
    }

    private void release() {
        for (FieldVector vector : owned) {
            vector.close();
        }
        owned.clear();
    }

    @Override
    public void close() {
        release();
        finestRows.close();
    }

    /** The finest groups of one spilled state: its partitions, then its in-memory groups, each rolled up first. */
    private final class FinestSource implements SourceState {
        private final SinkState state;
        private final HashPartitions partitions;
        private int nextPartition;
        private SinkState partitionState;
        /** A partition that spilled again, walked one level down. */
        private FinestSource nested;
        private SourceState output;
        private boolean inMemoryEmitted;
        private Batch pending;
        private int pendingCopy;
        private final List<FieldVector> numbers = new ArrayList<>();

        FinestSource(SinkState state) {
            this.state = state;
            this.partitions = finest.spilledOf(state);
        }

        @Override
        public Batch next() {
            releaseNumbers();
            while (true) {
                if (pending != null && pendingCopy < finestSets.size()) {
                    return withSetNumber(pending, finestSets.get(pendingCopy++));
                }
                pending = null;
                if (nested != null) {
                    Batch batch = nested.next();
                    if (batch != null) {
                        return batch;
                    }
                    nested.close();
                    nested = null;
                    closePartition();
                }
                if (output != null) {
                    Batch batch = output.next();
                    if (batch != null) {
                        pending = batch;
                        pendingCopy = 0;
                        continue;
                    }
                    output.close();
                    output = null;
                    closePartition();
                }
                if (partitions != null && nextPartition < HashPartitions.COUNT) {
                    openPartition(nextPartition++);
                } else if (!inMemoryEmitted) {
                    inMemoryEmitted = true;
                    levels.absorb(finest.keyTableOf(state), finest.statesOf(state), finest.groupCountOf(state));
                    output = finest.openInMemoryResult(state);
                } else {
                    return null;
                }
            }
        }

        private void openPartition(int p) {
            if (partitions.files(p).isEmpty()) {
                return;
            }
            partitionState = finest.openPartitionSink(context, finest.levelOf(state) + 1);
            for (SpillFile file : partitions.files(p)) {
                try (SpillFile.Reader reader = file.open(context.allocator())) {
                    Batch batch;
                    while ((batch = reader.next()) != null) {
                        Batch rest = finest.absorbExisting(state, batch);
                        if (rest != null) {
                            partitionState.sink(rest);
                        }
                    }
                }
            }
            partitions.delete(p);
            if (finest.spilledOf(partitionState) != null) {
                partitionState.finish();
                nested = new FinestSource(partitionState);
                return;
            }
            levels.absorb(finest.keyTableOf(partitionState), finest.statesOf(partitionState),
                    finest.groupCountOf(partitionState));
            partitionState.finish();
            output = partitionState.openResult();
        }

        /** {@code batch} (finest keys, aggregates) with set number {@code s} inserted at the set column. */
        private Batch withSetNumber(Batch batch, int s) {
            int keyCount = operator.keyCount();
            FieldVector setNumbers = GroupingSetLevels.setNumbers(s, batch.rowCount(), context.allocator());
            numbers.add(setNumbers);
            List<FieldVector> columns = batch.columns();
            return new Batch(operator.finestRows(columns.subList(0, keyCount),
                    columns.subList(keyCount, columns.size()), setNumbers), batch.rowCount());
        }

        private void closePartition() {
            if (partitionState != null) {
                partitionState.close();
                partitionState = null;
            }
        }

        private void releaseNumbers() {
            for (FieldVector vector : numbers) {
                vector.close();
            }
            numbers.clear();
        }

        @Override
        public void close() {
            releaseNumbers();
            if (nested != null) {
                nested.close();
            }
            if (output != null) {
                output.close();
            }
            closePartition();
        }
    }
}
