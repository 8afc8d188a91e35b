package io.basalt.datasets;

import io.basalt.exec.memory.MemoryRoots;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.util.Text;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Test support: streams a generated table through a consumer and checks that no Arrow memory leaks. */
public final class GeneratedRows {
    private GeneratedRows() {
    }

    /**
     * Every row of a small table as Java values: Long for BIGINT and scaled NUMERIC, Integer for INTEGER
     * and DATE (days), Boolean, Double, String, null for NULL.
     */
    public static List<Object[]> collect(GeneratedTable table) {
        List<Object[]> rows = new ArrayList<>();
        forEachBatch(table, 1000, batch -> {
            List<FieldVector> vectors = batch.getFieldVectors();
            for (int row = 0; row < batch.getRowCount(); row++) {
                Object[] values = new Object[vectors.size()];
                for (int c = 0; c < values.length; c++) {
                    Object value = vectors.get(c).getObject(row);
                    values[c] = value instanceof Text text ? text.toString() : value;
                }
                rows.add(values);
            }
        });
        return rows;
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
