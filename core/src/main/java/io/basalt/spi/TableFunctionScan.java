package io.basalt.spi;

import static java.util.Objects.requireNonNull;

import io.basalt.api.ResultColumn;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.operator.scan.ParallelScan;
import io.basalt.exec.operator.scan.ScanPredicate;
import io.basalt.exec.operator.scan.ScanSource;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.VectorCopies;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A bound table function seen as a scan source: each cursor batch becomes a {@link Batch} of the chosen columns.
 * A bound function that is itself a {@link ScanSource} (such as read_parquet's) is read through it directly, so
 * that it decodes only the chosen columns, splits into morsels for a parallel scan and hands over its batches
 * without a copy.
 */
public record TableFunctionScan(String name, BoundTableFunction bound) implements ScanSource {
    public TableFunctionScan {
        requireNonNull(name, "name is null");
        requireNonNull(bound, "bound is null");
    }

    @Override
    public List<LogicalType> columnTypes() {
        List<LogicalType> types = new ArrayList<>();
        for (ResultColumn column : bound.columns()) {
            types.add(column.type());
        }
        return types;
    }

    @Override
    public long estimatedRows() {
        return bound instanceof ScanSource direct ? direct.estimatedRows() : -1;
    }

    @Override
    public ParallelScan openParallel(int[] columns, ExecutionContext context) {
        return bound instanceof ScanSource direct ? direct.openParallel(columns, context) : null;
    }

    /** A bound function that is a scan source itself (read_parquet's) skips what the predicates exclude. */
    @Override
    public ScanSource withPredicates(List<ScanPredicate> predicates) {
        if (bound instanceof ScanSource direct && direct.withPredicates(predicates) instanceof BoundTableFunction narrowed
                && narrowed != bound) {
            return new TableFunctionScan(name, narrowed);
        }
        return this;
    }

    @Override
    public SourceState open(int[] columns, ExecutionContext context) {
        if (bound instanceof ScanSource direct) {
            return direct.open(columns, context);
        }
        TableFunctionCursor cursor = bound.open(context.allocator(), context.vectorSize());
        return new SourceState() {
            private final List<FieldVector> copies = new ArrayList<>(columns.length);

            /** Copies each batch: the cursor may refill its vectors, while consumers keep slices of ours. */
            @Override
            public Batch next() {
                release();
                VectorSchemaRoot root = cursor.next();
                if (root == null) {
                    return null;
                }
                for (int column : columns) {
                    copies.add(VectorCopies.copy(root.getVector(column), context.allocator()));
                }
                return new Batch(new ArrayList<>(copies), root.getRowCount());
            }

            private void release() {
                for (FieldVector copy : copies) {
                    copy.close();
                }
                copies.clear();
            }

            @Override
            public void close() {
                release();
                cursor.close();
            }
        };
    }
}
