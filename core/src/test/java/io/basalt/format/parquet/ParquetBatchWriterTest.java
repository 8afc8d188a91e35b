package io.basalt.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer's row groups encoded on several threads: the file must be the same, byte for byte, as the one
 * written on the caller's thread alone (same row groups, same pages, same order), the caller may reuse its
 * vectors as soon as write returns, and an abandoned file frees every buffer and leaves no file behind.
 */
class ParquetBatchWriterTest {
    private static final List<String> NAMES = List.of("id", "label", "amount");
    private static final List<LogicalType> TYPES = List.of(LogicalType.BIGINT, LogicalType.TEXT,
            LogicalType.numeric(12, 2));

    @TempDir
    Path directory;

    @Test
    void encoderThreadsWriteTheSameFileAsOneThread() throws Exception {
        Path single = write("single.parquet", 1, 50_000, 3_000);
        for (int threads : new int[] {2, 3, 8}) {
            Path parallel = write("parallel_" + threads + ".parquet", threads, 50_000, 3_000);
            assertThat(Files.readAllBytes(parallel)).as("%d threads", threads).isEqualTo(Files.readAllBytes(single));
        }
    }

    @Test
    void anAbandonedFileFreesItsGroupsAndIsDeleted() {
        Path file = directory.resolve("abandoned.parquet");
        try (BufferAllocator allocator = new RootAllocator()) {
            ParquetBatchWriter writer = ParquetBatchWriter.create(file, NAMES, TYPES,
                    ParquetWriteOptions.DEFAULTS.withRowGroupRows(1_000).withEncoderThreads(3));
            List<FieldVector> batch = batch(allocator, 0, 2_500);
            for (int i = 0; i < 4; i++) {
                writer.write(batch, 2_500);
            }
            batch.forEach(FieldVector::close);
            writer.abort();
            assertThat(allocator.getAllocatedMemory()).isZero();
        }
        assertThat(file).doesNotExist();
    }

    /** Writes {@code rows} rows in batches of {@code batchRows}, refilling one set of vectors for every batch. */
    private Path write(String name, int threads, int rows, int batchRows) {
        Path file = directory.resolve(name);
        try (BufferAllocator allocator = new RootAllocator()) {
            try (ParquetBatchWriter writer = ParquetBatchWriter.create(file, NAMES, TYPES,
                    ParquetWriteOptions.DEFAULTS.withRowGroupRows(7_000).withEncoderThreads(threads))) {
                for (int first = 0; first < rows; first += batchRows) {
                    int count = Math.min(batchRows, rows - first);
                    List<FieldVector> batch = batch(allocator, first, count);
                    try {
                        writer.write(batch, count);
                    } finally {
                        batch.forEach(FieldVector::close);
                    }
                }
                assertThat(writer.rowCount()).isEqualTo(rows);
            }
            assertThat(allocator.getAllocatedMemory()).isZero();
        }
        return file;
    }

    private static List<FieldVector> batch(BufferAllocator allocator, int first, int count) {
        FieldVector ids = ValueAccess.allocate(TYPES.get(0), "id", allocator, count);
        FieldVector labels = ValueAccess.allocate(TYPES.get(1), "label", allocator, count);
        FieldVector amounts = ValueAccess.allocate(TYPES.get(2), "amount", allocator, count);
        for (int i = 0; i < count; i++) {
            long row = first + i;
            ValueAccess.set(ids, i, row % 11 == 0 ? null : row);
            ValueAccess.set(labels, i, row % 13 == 0 ? null : "label " + (row % 977));
            ValueAccess.set(amounts, i, row % 17 == 0 ? null : row * 37 % 100_000);
        }
        for (FieldVector vector : List.of(ids, labels, amounts)) {
            vector.setValueCount(count);
        }
        return List.of(ids, labels, amounts);
    }
}
