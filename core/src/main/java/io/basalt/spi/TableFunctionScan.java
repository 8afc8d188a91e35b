package io.basalt.spi;

import static java.util.Objects.requireNonNull;

import io.basalt.api.ResultColumn;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.operator.scan.ScanSource;
import io.basalt.exec.pipeline.ExecutionContext;
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
            @Override
            public Batch next() {
                VectorSchemaRoot root = cursor.next();
                if (root == null) {
                    return null;
                }
                List<FieldVector> chosen = new ArrayList<>(columns.length);
                for (int column : columns) {
                    chosen.add(root.getVector(column));
                }
                return new Batch(chosen, root.getRowCount());
            }

            @Override
            public void close() {
                cursor.close();
            }
        };
    }
}
