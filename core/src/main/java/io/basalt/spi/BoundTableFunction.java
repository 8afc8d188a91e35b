package io.basalt.spi;

import io.basalt.api.ResultColumn;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/** A table function with its arguments fixed: it knows its columns and can produce its rows. */
public interface BoundTableFunction {
    List<ResultColumn> columns();

    /**
     * Starts producing rows into vectors allocated from {@code allocator}, at most {@code vectorSize}
     * rows per batch. Each vector's field must carry the column's logical type
     * ({@link io.basalt.type.LogicalType#arrowField}).
     */
    TableFunctionCursor open(BufferAllocator allocator, int vectorSize);
}
