package io.basalt.spi;

import static java.util.Objects.requireNonNull;

import io.basalt.api.ResultColumn;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.operator.scan.ScanSource;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.VectorCopies;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** A bound table function seen as a scan source: each cursor batch becomes a {@link Batch} of the chosen columns. */
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
    public SourceState open(int[] columns, ExecutionContext context) {
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
