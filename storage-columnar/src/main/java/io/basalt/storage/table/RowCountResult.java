package io.basalt.storage.table;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * The result of a write without RETURNING: one row with one BIGINT column {@code count}, the rows it changed.
 * The vector is allocated on the first {@link #next()} and freed by {@link #close()}.
 */
final class RowCountResult implements SourceState {
    private final long rows;
    private final BufferAllocator allocator;
    private FieldVector count;

    RowCountResult(long rows, BufferAllocator allocator) {
        this.rows = rows;
        this.allocator = allocator;
    }

    @Override
    public Batch next() {
        if (count != null) {
            return null;
        }
        count = ValueAccess.allocate(LogicalType.BIGINT, "count", allocator, 1);
        ValueAccess.set(count, 0, rows);
        count.setValueCount(1);
        return new Batch(List.of(count), 1);
    }

    @Override
    public void close() {
        if (count != null) {
            count.close();
        }
    }
}
