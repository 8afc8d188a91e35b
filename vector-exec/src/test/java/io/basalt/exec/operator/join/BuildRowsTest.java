package io.basalt.exec.operator.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.memory.MemoryRoots;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

/**
 * Build rows kept in chunks and consolidated at the end: rows appended over several chunks, rows taken from a
 * second instance (as a parallel build's workers hand theirs over) and rows appended after consolidation must
 * read back in order, with their NULLs, whatever the batch sizes; and nothing may stay allocated after close.
 */
class BuildRowsTest {
    private static final List<LogicalType> TYPES = List.of(LogicalType.BIGINT, LogicalType.TEXT, LogicalType.INTEGER);

    @Test
    void rowsAcrossChunksAndHandOversReadBackInOrder() {
        rowsAcrossChunksReadBackInOrder(null);
    }

    /** The same rows, their columns consolidated by the caller and a pool thread at once. */
    @Test
    void rowsConsolidatedOnTwoThreadsReadBackInOrder() {
        java.util.concurrent.ExecutorService workers = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            rowsAcrossChunksReadBackInOrder(workers);
        } finally {
            workers.shutdown();
        }
    }

    private static void rowsAcrossChunksReadBackInOrder(java.util.concurrent.ExecutorService workers) {
        try (BufferAllocator allocator = MemoryRoots.newRoot("build rows test", 1L << 30)) {
            for (int batchRows : new int[] {1, 7, 2048}) {
                List<List<Object>> expected = new ArrayList<>();
                try (BuildRows rows = new BuildRows(TYPES, allocator);
                     BuildRows other = new BuildRows(TYPES, allocator)) {
                    int total = BuildRows.CHUNK_ROWS + 3 * batchRows + 5;
                    if (batchRows == 1) {
                        total = 40;
                    }
                    appendRows(rows, allocator, 0, total, batchRows, expected);
                    appendRows(other, allocator, total, BuildRows.CHUNK_ROWS / 2 + 11, batchRows, expected);
                    rows.take(other);
                    assertThat(other.rowCount()).isZero();
                    rows.finish(workers);
                    assertThat(read(rows)).isEqualTo(expected);
                    assertThat(rows.bytes()).isPositive();
                }
                assertThat(allocator.getAllocatedMemory()).isZero();
            }
        }
    }

    @Test
    void emptyAndSingleChunkRowsFinish() {
        try (BufferAllocator allocator = MemoryRoots.newRoot("build rows test", 1L << 30)) {
            try (BuildRows rows = new BuildRows(TYPES, allocator)) {
                rows.finish();
                assertThat(rows.rowCount()).isZero();
                assertThat(rows.asBatch().rowCount()).isZero();
            }
            List<List<Object>> expected = new ArrayList<>();
            try (BuildRows rows = new BuildRows(TYPES, allocator)) {
                appendRows(rows, allocator, 0, 100, 30, expected);
                assertThat(read(rows)).isEqualTo(expected);
                appendRows(rows, allocator, 100, 50, 30, expected);
                rows.finish();
                assertThat(read(rows)).isEqualTo(expected);
            }
            assertThat(allocator.getAllocatedMemory()).isZero();
        }
    }

    private static void appendRows(BuildRows rows, BufferAllocator allocator, int first, int count, int batchRows,
                                   List<List<Object>> expected) {
        for (int start = first; start < first + count; start += batchRows) {
            int size = Math.min(batchRows, first + count - start);
            List<FieldVector> columns = new ArrayList<>();
            try {
                for (LogicalType type : TYPES) {
                    FieldVector vector = ValueAccess.allocate(type, "", allocator, size);
                    columns.add(vector);
                }
                for (int r = 0; r < size; r++) {
                    int id = start + r;
                    List<Object> row = new ArrayList<>();
                    row.add(id % 13 == 0 ? null : (long) id * 3);
                    row.add(id % 7 == 0 ? null : "row " + id);
                    row.add(id % 5 == 0 ? null : (long) -id);
                    for (int c = 0; c < row.size(); c++) {
                        ValueAccess.set(columns.get(c), r, row.get(c));
                    }
                    expected.add(row);
                }
                for (FieldVector column : columns) {
                    column.setValueCount(size);
                }
                if ((start / batchRows) % 3 == 2 && size > 1) {
                    // a selective batch: the odd rows only (a filter's survivors handed on as positions)
                    int[] odd = new int[size / 2];
                    for (int k = 0; k < odd.length; k++) {
                        odd[k] = 2 * k + 1;
                    }
                    List<List<Object>> all = new ArrayList<>(expected.subList(expected.size() - size, expected.size()));
                    expected.subList(expected.size() - size, expected.size()).clear();
                    for (int position : odd) {
                        expected.add(all.get(position));
                    }
                    rows.append(new Batch(columns, odd.length, odd));
                    continue;
                }
                rows.append(new Batch(columns, size));
            } finally {
                for (FieldVector column : columns) {
                    column.close();
                }
            }
        }
    }

    private static List<List<Object>> read(BuildRows rows) {
        Batch all = rows.asBatch();
        List<List<Object>> out = new ArrayList<>();
        for (int r = 0; r < all.rowCount(); r++) {
            List<Object> row = new ArrayList<>();
            for (int c = 0; c < TYPES.size(); c++) {
                row.add(ValueAccess.get(all.column(c), r));
            }
            out.add(row);
        }
        return out;
    }
}
