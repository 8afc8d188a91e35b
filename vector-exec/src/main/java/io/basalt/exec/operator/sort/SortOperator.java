package io.basalt.exec.operator.sort;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.SinkOperator;
import io.basalt.exec.operator.SinkState;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.exec.vector.ValueComparison;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import io.basalt.exec.vector.VectorSlices;

/**
 * ORDER BY: keeps every input batch (as slices sharing the producer's buffers), sorts row references
 * with a stable merge sort, and emits the rows in order. Ties keep input order. Sort keys are columns of
 * the input; the planner projects computed keys first.
 */
public record SortOperator(PhysicalOperator child, List<SortKey> keys) implements SinkOperator {
    public SortOperator {
        requireNonNull(child, "child is null");
        keys = List.copyOf(keys);
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

    private final class SortState implements SinkState {
        private final ExecutionContext context;
        private final List<List<FieldVector>> batches = new ArrayList<>();
        private long[] order = new long[0];
        private int rowCount;

        SortState(ExecutionContext context) {
            this.context = context;
        }

        // ---- sink ---------------------------------------------------------------------------------

        @Override
        public void sink(Batch batch) {
            List<FieldVector> kept = new ArrayList<>(batch.columnCount());
            for (FieldVector column : batch.columns()) {
                kept.add(VectorSlices.slice(column, 0, batch.rowCount(), context.allocator()));
            }
            batches.add(kept);
            rowCount += batch.rowCount();
        }

        // ---- finalize -----------------------------------------------------------------------------

        @Override
        public void finish() {
            order = new long[rowCount];
            int n = 0;
            for (int b = 0; b < batches.size(); b++) {
                int rows = batches.get(b).isEmpty() ? 0 : batches.get(b).getFirst().getValueCount();
                for (int r = 0; r < rows; r++) {
                    order[n++] = ((long) b << 32) | r;
                }
            }
            LongMergeSort.sort(order, this::compare);
        }

        private int compare(long x, long y) {
            List<FieldVector> bx = batches.get((int) (x >>> 32));
            List<FieldVector> by = batches.get((int) (y >>> 32));
            int rx = (int) x;
            int ry = (int) y;
            for (SortKey key : keys) {
                FieldVector vx = bx.get(key.column());
                FieldVector vy = by.get(key.column());
                boolean nx = vx.isNull(rx);
                boolean ny = vy.isNull(ry);
                int result;
                if (nx || ny) {
                    result = nx == ny ? 0 : (nx == key.nullsFirst() ? -1 : 1);
                } else {
                    result = ValueComparison.compare(vx, rx, vy, ry);
                    if (key.descending()) {
                        result = -result;
                    }
                }
                if (result != 0) {
                    return result;
                }
            }
            return 0;
        }

        // ---- source -------------------------------------------------------------------------------

        @Override
        public SourceState openResult() {
            List<LogicalType> types = outputTypes();
            return new SourceState() {
                private final List<FieldVector> current = new ArrayList<>();
                private int next;

                @Override
                public Batch next() {
                    release();
                    if (next >= rowCount) {
                        return null;
                    }
                    int count = Math.min(context.vectorSize(), rowCount - next);
                    for (int c = 0; c < types.size(); c++) {
                        FieldVector out = ValueAccess.allocate(types.get(c), "", context.allocator(), count);
                        current.add(out);
                        for (int k = 0; k < count; k++) {
                            long ref = order[next + k];
                            io.basalt.exec.vector.VectorGather.copyValue(batches.get((int) (ref >>> 32)).get(c), (int) ref, out, k);
                        }
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

        @Override
        public void close() {
            for (List<FieldVector> batch : batches) {
                for (FieldVector vector : batch) {
                    vector.close();
                }
            }
            batches.clear();
        }
    }
}
