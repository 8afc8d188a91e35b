package io.basalt.exec.operator.scan;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SinkState;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.VectorCopies;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Rows computed once and read by scans as often as needed: the RETURNING rows of a data-modifying WITH query,
 * which the statement's other parts read by the query's name. {@link #sink} fills it (copies into
 * {@code allocator}, which must outlive every scan); scans lend its batches; {@link #close} frees them.
 */
public final class MaterializedRows implements ScanSource, AutoCloseable {
    private final String name;
    private final List<LogicalType> columnTypes;
    private final BufferAllocator allocator;
    private final List<Batch> batches = new ArrayList<>();
    private long rowCount;

    public MaterializedRows(String name, List<LogicalType> columnTypes, BufferAllocator allocator) {
        this.name = requireNonNull(name, "name is null");
        this.columnTypes = List.copyOf(columnTypes);
        this.allocator = requireNonNull(allocator, "allocator is null");
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
    public long estimatedRows() {
        return rowCount;
    }

    /** A sink that copies every batch it receives into these rows. */
    public SinkState sink() {
        return new SinkState() {
            @Override
            public void sink(Batch batch) {
                batches.add(VectorCopies.copy(batch, allocator));
                rowCount += batch.rowCount();
            }

            @Override
            public void finish() {
            }

            @Override
            public SourceState openResult() {
                throw new UnsupportedOperationException("materialized rows are read by scans");
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public SourceState open(int[] columns, ExecutionContext context) {
        List<Batch> rows = List.copyOf(batches);
        return new SourceState() {
            private int next;

            @Override
            public Batch next() {
                if (next == rows.size()) {
                    return null;
                }
                Batch batch = rows.get(next++);
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

    @Override
    public void close() {
        for (Batch batch : batches) {
            for (FieldVector column : batch.columns()) {
                column.close();
            }
        }
        batches.clear();
    }
}
