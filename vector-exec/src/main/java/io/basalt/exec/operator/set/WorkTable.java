package io.basalt.exec.operator.set;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.operator.scan.ScanSource;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * The rows a recursive query's recursive term reads where it names the query itself: the rows the previous
 * iteration produced. {@link RecursiveUnionOperator} fills it before each iteration; the recursive term's plan
 * reads it through an ordinary scan. It only lends the batches, which its owner frees; a scan reads them between
 * two fills, never across one.
 */
public final class WorkTable implements ScanSource {
    private final String name;
    private final List<LogicalType> columnTypes;
    private List<Batch> rows = List.of();

    public WorkTable(String name, List<LogicalType> columnTypes) {
        this.name = name;
        this.columnTypes = List.copyOf(columnTypes);
    }

    /** Makes {@code batches} (owned by the caller, whose columns are this table's) the rows scans read. */
    void fill(List<Batch> batches) {
        rows = List.copyOf(batches);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<LogicalType> columnTypes() {
        return columnTypes;
    }

    @Override
    public SourceState open(int[] columns, ExecutionContext context) {
        List<Batch> batches = rows;
        return new SourceState() {
            private int next;

            @Override
            public Batch next() {
                if (next == batches.size()) {
                    return null;
                }
                Batch batch = batches.get(next++);
                List<FieldVector> chosen = new ArrayList<>(columns.length);
                for (int column : columns) {
                    chosen.add(batch.column(column));
                }
                return new Batch(chosen, batch.rowCount());
            }

            @Override
            public void close() {
            }
        };
    }
}
