package io.basalt.exec.function.set;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.operator.scan.SetFunction;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * A set-returning function whose rows are computed as Java values all at once from its arguments ({@link #rows})
 * and then written into vectors a batch (the vector size) at a time. Fits functions whose output is bounded by
 * their input (unnest, the regular-expression splits); value by value, as the binder folds constant calls.
 */
public abstract class ComputedRowsFunction implements SetFunction {
    /** The function's rows for these argument values, each a list of canonical Java values. */
    public abstract List<List<Object>> rows(Object[] arguments);

    @Override
    public SourceState open(Object[] arguments, ExecutionContext context) {
        List<List<Object>> rows = rows(arguments);
        List<LogicalType> types = outputTypes();
        return new SourceState() {
            private int next;
            private final List<FieldVector> current = new ArrayList<>();

            @Override
            public Batch next() {
                release();
                if (next == rows.size()) {
                    return null;
                }
                int count = Math.min(context.vectorSize(), rows.size() - next);
                for (int c = 0; c < types.size(); c++) {
                    FieldVector vector = ValueAccess.allocate(types.get(c), "", context.allocator(), count);
                    current.add(vector);
                    for (int r = 0; r < count; r++) {
                        ValueAccess.set(vector, r, rows.get(next + r).get(c));
                    }
                    vector.setValueCount(count);
                }
                next += count;
                return new Batch(List.copyOf(current), count);
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
}
