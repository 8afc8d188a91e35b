package io.basalt.exec.spill;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.memory.MemoryRoots;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import io.basalt.type.Uuid;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spill files give back exactly the batches written to them: every value and NULL, and each column's logical
 * type (scaled and wide NUMERICs, uuid and the other types told apart by field metadata); readers free their
 * memory, and closing the directory deletes every file and the directory itself.
 */
class SpillFileTest {
    private static final List<LogicalType> TYPES = List.of(LogicalType.BIGINT, LogicalType.INTEGER, LogicalType.TEXT,
            LogicalType.DOUBLE, LogicalType.BOOLEAN, LogicalType.NUMERIC, LogicalType.numeric(12, 2),
            LogicalType.numeric(30, 2), LogicalType.UUID, LogicalType.DATE);

    private static Object value(LogicalType type, int row) {
        if (row % 5 == 3) {
            return null;
        }
        return switch (type.id()) {
            case BIGINT, INTEGER, DATE -> (long) row * (row % 2 == 0 ? 1 : -1);
            case TEXT -> "text " + row + "é".repeat(row % 4);
            case DOUBLE -> row / 3.0;
            case BOOLEAN -> row % 2 == 0;
            // NUMERIC(p <= 18, s) is held as its scaled long, wider ones as BigDecimal.
            case NUMERIC -> type.precision() > 0 && type.precision() <= LogicalType.MAX_LONG_DECIMAL_PRECISION
                    ? (Object) (long) (row * 37) : new BigDecimal(row).movePointLeft(2);
            case UUID -> Uuid.parse(String.format("%08x-0000-4000-8000-%012x", row, row * 7L));
            default -> throw new AssertionError(type);
        };
    }

    private static Batch batch(BufferAllocator allocator, int from, int rows) {
        List<FieldVector> columns = new ArrayList<>();
        for (LogicalType type : TYPES) {
            FieldVector column = ValueAccess.allocate(type, "c", allocator, rows);
            for (int r = 0; r < rows; r++) {
                ValueAccess.set(column, r, value(type, from + r));
            }
            column.setValueCount(rows);
            columns.add(column);
        }
        return new Batch(columns, rows);
    }

    @Test
    void batchesComeBackAsWritten(@TempDir Path parent) throws Exception {
        int[] sizes = {1, 7, 2048, 0, 333};
        try (BufferAllocator allocator = MemoryRoots.newRoot("spill file test", 1L << 28)) {
            Path directory;
            try (SpillDirectory spills = SpillDirectory.create(parent)) {
                directory = spills.path();
                SpillFile file = spills.newFile("test");
                int from = 0;
                for (int size : sizes) {
                    Batch written = batch(allocator, from, size);
                    file.append(written);
                    written.columns().forEach(FieldVector::close);
                    from += size;
                }
                file.finishWriting();
                assertThat(file.rowCount()).isEqualTo(from);
                for (int pass = 0; pass < 2; pass++) {
                    try (SpillFile.Reader reader = file.open(allocator)) {
                        int row = 0;
                        Batch read;
                        while ((read = reader.next()) != null) {
                            for (int c = 0; c < TYPES.size(); c++) {
                                FieldVector column = read.column(c);
                                assertThat(LogicalType.of(column.getField())).isEqualTo(TYPES.get(c));
                                for (int r = 0; r < read.rowCount(); r++) {
                                    assertThat(ValueAccess.get(column, r)).as("column %d row %d", c, row + r)
                                            .isEqualTo(value(TYPES.get(c), row + r));
                                }
                            }
                            row += read.rowCount();
                        }
                        assertThat(row).isEqualTo(from);
                    }
                }
                assertThat(spills.fileCount()).isEqualTo(1);
            }
            assertThat(Files.exists(directory)).isFalse();
            assertThat(allocator.getAllocatedMemory()).isZero();
        }
    }
}
