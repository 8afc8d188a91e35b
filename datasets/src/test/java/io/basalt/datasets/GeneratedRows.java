package io.basalt.datasets;

import io.basalt.exec.memory.MemoryRoots;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Test support: streams a generated table through a consumer and checks that no Arrow memory leaks. */
public final class GeneratedRows {
    private GeneratedRows() {
    }

    /** Feeds every batch to {@code consumer} and returns the number of rows. */
    public static long forEachBatch(GeneratedTable table, int vectorSize, Consumer<VectorSchemaRoot> consumer) {
        long rows = 0;
        try (BufferAllocator allocator = MemoryRoots.newRoot("test " + table.name(), 1L << 30)) {
            try (GeneratedBatches batches = new GeneratedBatches(table, allocator, vectorSize)) {
                for (VectorSchemaRoot batch = batches.next(); batch != null; batch = batches.next()) {
                    if (batch.getRowCount() < 1 || batch.getRowCount() > vectorSize) {
                        throw new AssertionError("batch of " + batch.getRowCount() + " rows for vector size " + vectorSize);
                    }
                    rows += batch.getRowCount();
                    consumer.accept(batch);
                }
            }
            if (allocator.getAllocatedMemory() != 0) {
                throw new AssertionError("generator leaked " + allocator.getAllocatedMemory() + " bytes");
            }
        }
        return rows;
    }
}
