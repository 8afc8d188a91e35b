package io.basalt.datasets;

import static java.util.Objects.requireNonNull;

import io.basalt.api.ResultColumn;
import io.basalt.spi.BoundTableFunction;
import io.basalt.spi.TableFunctionCursor;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Adapts a {@link GeneratedTable} to core's table-function SPI: a bound call whose cursor streams the
 * generator's batches, so that {@code SELECT ... FROM tpch_lineitem(1)} never holds more than one batch.
 */
public final class GeneratedTableFunction implements BoundTableFunction {
    private final GeneratedTable table;

    public GeneratedTableFunction(GeneratedTable table) {
        this.table = requireNonNull(table, "table is null");
    }

    public GeneratedTable table() {
        return table;
    }

    @Override
    public List<ResultColumn> columns() {
        return table.columns();
    }

    @Override
    public TableFunctionCursor open(BufferAllocator allocator, int vectorSize) {
        GeneratedBatches batches = new GeneratedBatches(table, allocator, vectorSize);
        return new TableFunctionCursor() {
            @Override
            public VectorSchemaRoot next() {
                return batches.next();
            }

            @Override
            public void close() {
                batches.close();
            }
        };
    }
}
