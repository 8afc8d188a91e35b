package io.basalt.exec.operator.sort;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.MergeableSinkOperator;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.SinkState;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.exec.vector.VectorGather;
import io.basalt.exec.vector.VectorSlices;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * ORDER BY: keeps every input batch (as slices sharing the producer's buffers; workers of a parallel input
 * pipeline each keep theirs, handed to the global state in {@link #merge}), then concatenates the columns,
 * sorts row positions stably with {@link RowOrdering} (radix sort when every key is fixed-width) on the
 * context's threads ({@link ParallelRowSort}: one sorted run per thread, merged) when the input reaches the
 * parallel threshold, and emits the rows in order, gathered column by column. Ties keep the order in which
 * the rows reached the sort (input order when one thread sank them). Sort keys are columns of the input;
 * the planner projects computed keys first.
 *
 * <p>External sort: when the kept rows outgrow the operator's share of the query's memory budget
 * ({@link io.basalt.exec.memory.QueryMemory#operatorBudget()}), they are sorted and written out as a run
 * ({@link SortedRuns}) and memory starts over; the output is then the k-way merge of the runs ({@link RunMerge}).
 *
 * <p>Top-N: under a LIMIT ({@code rowsNeeded}, the limit plus the offset; -1 when every row is wanted) a sort in
 * memory keeps the first rows alone, picked by a heap of row positions instead of ordering every row: TPC-H Q3 and
 * Q10 keep 10 and 20 of some 11,600 and 38,000 groups ordered by a NUMERIC sum, each comparison of which decodes two
 * values. Ties are broken by input position, so the rows and their order are those the full stable sort puts first.
 */
public record SortOperator(PhysicalOperator child, List<SortKey> keys, long rowsNeeded)
        implements MergeableSinkOperator {
    /** The largest LIMIT (plus OFFSET) kept by a heap; larger ones sort every row. */
    static final int MAX_TOP_ROWS = 8192;

    public SortOperator {
        requireNonNull(child, "child is null");
        keys = List.copyOf(keys);
    }

    /** A sort of every row. */
    public SortOperator(PhysicalOperator child, List<SortKey> keys) {
        this(child, keys, -1);
    }

    @Override
    public List<LogicalType> outputTypes() {
        return child.outputTypes();
    }

    @Override
    public String describe() {
        return "Sort " + keys;
    }

    @Override
    public SinkState openSink(ExecutionContext context) {
        return new SortState(context);
    }

    /** Moves a worker state's kept batches into the global state. */
    @Override
    public void merge(SinkState global, SinkState worker) {
        SortState into = (SortState) global;
        SortState from = (SortState) worker;
        into.batches.addAll(from.batches);
        into.rowCount += from.rowCount;
        into.keptBytes += from.keptBytes;
        into.runs.takeAll(from.runs);
        from.batches.clear();
        from.rowCount = 0;
        from.keptBytes = 0;
        into.spillIfOverBudget();
    }

    private final class SortState implements SinkState {
        private final ExecutionContext context;
        private final List<List<FieldVector>> batches = new ArrayList<>();
        private final SortedRuns runs = new SortedRuns();
        private int rowCount;
        /** Bytes of the kept batches' values, plus the row positions sorting them takes. */
        private long keptBytes;
        private FieldVector[] input = new FieldVector[0];
        private int[] order = new int[0];
        /** The number of rows output: the first {@code order.length} of the sorted input. */
        private int outputRows;

        SortState(ExecutionContext context) {
            this.context = context;
        }

        // ---- sink ---------------------------------------------------------------------------------

        @Override
        public void sink(Batch batch) {
            List<FieldVector> kept = new ArrayList<>(batch.columnCount());
            for (FieldVector column : batch.columns()) {
                FieldVector slice = VectorSlices.slice(column, 0, batch.rowCount(), context.allocator());
                kept.add(slice);
                keptBytes += slice.getBufferSize();
            }
            keptBytes += 12L * batch.rowCount();
            batches.add(kept);
            rowCount += batch.rowCount();
            spillIfOverBudget();
        }

        /** Writes the kept rows out as one sorted run when they exceed the operator's memory share. */
        private void spillIfOverBudget() {
            // Each worker of a parallel input keeps its own rows, and writing a run copies them once more.
            if (keptBytes > context.memory().operatorBudget() / (2L * context.threads()) && rowCount > 0) {
                spillRun();
            }
        }

        private void spillRun() {
            FieldVector[] kept;
            try {
                kept = BatchConcatenation.concatenate(batches, rowCount, outputTypes(), context, false);
            } finally {
                closeBatches();
            }
            try {
                int[] runOrder = new RowOrdering(kept, rowCount, new int[0], keys).sort(rowCount);
                runs.write(kept, runOrder, rowCount, outputTypes(), context);
            } finally {
                BatchConcatenation.close(kept);
            }
            rowCount = 0;
            keptBytes = 0;
        }

        // ---- finalize -----------------------------------------------------------------------------

        @Override
        public void finish() {
            if (!runs.isEmpty()) {
                if (rowCount > 0) {
                    spillRun();
                }
                return;
            }
            boolean parallel = context.threads() > 1 && rowCount >= context.parallelRowThreshold();
            try {
                input = BatchConcatenation.concatenate(batches, rowCount, outputTypes(), context, parallel);
            } finally {
                closeBatches();
            }
            RowOrdering ordering = new RowOrdering(input, rowCount, new int[0], keys);
            if (rowsNeeded >= 0 && rowsNeeded <= MAX_TOP_ROWS && rowsNeeded < rowCount / 4) {
                order = TopRows.first(ordering, rowCount, (int) rowsNeeded);
                outputRows = order.length;
                return;
            }
            outputRows = rowCount;
            order = new int[rowCount];
            for (int i = 0; i < rowCount; i++) {
                order[i] = i;
            }
            ParallelRowSort.sort(ordering, order, rowCount, parallel ? context.threads() : 1, context);
        }

        // ---- source -------------------------------------------------------------------------------

        @Override
        public SourceState openResult() {
            List<LogicalType> types = outputTypes();
            if (!runs.isEmpty()) {
                return runs.merge(keys, types, context);
            }
            // Counted once: counting scans the whole input's validity bitmap, once per batch it was quadratic.
            boolean[] noNulls = new boolean[types.size()];
            for (int c = 0; c < noNulls.length; c++) {
                noNulls[c] = input[c].getNullCount() == 0;
            }
            return new SourceState() {
                private final List<FieldVector> current = new ArrayList<>();
                private int next;

                @Override
                public Batch next() {
                    release();
                    if (next >= outputRows) {
                        return null;
                    }
                    int count = Math.min(context.vectorSize(), outputRows - next);
                    int[] rows = Arrays.copyOfRange(order, next, next + count);
                    for (int c = 0; c < types.size(); c++) {
                        FieldVector out = ValueAccess.allocate(types.get(c), "", context.allocator(), count);
                        current.add(out);
                        VectorGather.gather(input[c], rows, count, out, noNulls[c]);
                        out.setValueCount(count);
                    }
                    next += count;
                    return new Batch(new ArrayList<>(current), count);
                }

                private void release() {
                    for (FieldVector vector : current) {
                        vector.close();
                    }
                    current.clear();
                }

                @Override
                public void close() {
                    release();
                }
            };
        }

        private void closeBatches() {
            for (List<FieldVector> batch : batches) {
                for (FieldVector vector : batch) {
                    vector.close();
                }
            }
            batches.clear();
        }

        @Override
        public void close() {
            closeBatches();
            runs.close();
            BatchConcatenation.close(input);
            input = new FieldVector[0];
        }
    }
}
