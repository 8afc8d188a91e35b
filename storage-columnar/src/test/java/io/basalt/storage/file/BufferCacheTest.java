package io.basalt.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.storage.table.InMemoryTableStore;
import io.basalt.storage.table.TableImage;
import io.basalt.type.LogicalType;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link BufferCache}'s admission: passes over more row groups than the budget holds keep the chunks that fit
 * instead of cycling them out (plain least-recently-used eviction would serve no pass from the cache); chunks asked
 * for more often displace the others; a chunk not admitted is still found by the next read through the window; the
 * values read are the values written, the budget is never exceeded, and nothing leaks.
 */
class BufferCacheTest {
    private static final List<LogicalType> TYPES = List.of(LogicalType.BIGINT);
    private static final int CHUNK_ROWS = 1024;
    private static final int GROUP_ROWS = TableFileWriter.rowGroupRows(CHUNK_ROWS);
    private static final int GROUPS = 12;

    @TempDir
    Path directory;

    private final BufferAllocator root = new RootAllocator();
    private final BufferAllocator reading = root.newChildAllocator("reading", 0, Long.MAX_VALUE);
    private TableFile file;
    private long chunkBytes;

    @BeforeEach
    void writeFile() {
        Path path = directory.resolve("t.bdf");
        try (BufferAllocator tables = root.newChildAllocator("source", 0, Long.MAX_VALUE)) {
            InMemoryTableStore source = new InMemoryTableStore("t", TYPES, tables, CHUNK_ROWS);
            try {
                for (int group = 0; group < GROUPS; group++) {
                    append(source, (long) group * GROUP_ROWS, GROUP_ROWS);
                }
                try (TableImage image = source.image(reading)) {
                    TableFileWriter.write(path, image, reading);
                }
            } finally {
                source.close();
            }
        }
        file = TableFile.open(path, TYPES);
        assertThat(file.rowGroupCount()).isEqualTo(GROUPS);
        try (FieldVector chunk = file.column(0, 0, reading)) {
            chunkBytes = chunk.getBufferSize();
        }
    }

    @AfterEach
    void everythingIsFreed() {
        file.close();
        assertThat(reading.getAllocatedMemory()).isZero();
        reading.close();
        root.close();
    }

    private void append(InMemoryTableStore store, long first, int rows) {
        try (FieldVector numbers = ValueAccess.allocate(LogicalType.BIGINT, "a", reading, rows)) {
            for (int r = 0; r < rows; r++) {
                // scattered values, so that the chunk is bit-packed rather than a run
                ValueAccess.set(numbers, r, (first + r) * 0x9E3779B97F4A7C15L >>> 40);
            }
            numbers.setValueCount(rows);
            store.append(new Batch(List.of(numbers), rows));
        }
    }

    private BufferCache cache(double chunks) {
        return new BufferCache(root.newChildAllocator("cache", 0, Long.MAX_VALUE), (long) (chunks * chunkBytes));
    }

    /** Reads row group {@code group} whole through {@code cache} and checks a value at each end. */
    private void read(BufferCache cache, int group) {
        try (FieldVector rows = cache.read(file, group, 0, 0, GROUP_ROWS, reading)) {
            long first = (long) group * GROUP_ROWS;
            assertThat(ValueAccess.get(rows, 0)).isEqualTo(first * 0x9E3779B97F4A7C15L >>> 40);
            long last = first + GROUP_ROWS - 1;
            assertThat(ValueAccess.get(rows, GROUP_ROWS - 1)).isEqualTo(last * 0x9E3779B97F4A7C15L >>> 40);
        }
    }

    private void pass(BufferCache cache) {
        for (int group = 0; group < GROUPS; group++) {
            read(cache, group);
        }
    }

    @Test
    void passesOverMoreThanTheBudgetKeepWhatFits() {
        try (BufferCache cache = cache(5)) {
            pass(cache);
            assertThat(cache.decodedChunks()).isEqualTo(GROUPS);
            assertThat(cache.hits()).isZero();
            for (int round = 1; round <= 3; round++) {
                pass(cache);
                // the four groups admitted first are served every pass; least-recently-used eviction would have
                // dropped each just before the pass reached it
                assertThat(cache.hits()).isEqualTo(4L * round);
                assertThat(cache.decodedChunks()).isEqualTo(GROUPS + (GROUPS - 4L) * round);
            }
            assertThat(cache.peakResidentBytes()).isLessThanOrEqualTo(cache.budget());
        }
    }

    @Test
    void chunksAskedForMoreOftenDisplaceTheOthers() {
        try (BufferCache cache = cache(5)) {
            pass(cache);
            // groups 8 and 9, asked for a second time, now count more than the least recently used groups 0 and 1
            read(cache, 8);
            read(cache, 9);
            long decoded = cache.decodedChunks();
            read(cache, 8);
            read(cache, 9);
            read(cache, 2);
            read(cache, 3);
            assertThat(cache.decodedChunks()).isEqualTo(decoded);
            read(cache, 0);
            assertThat(cache.decodedChunks()).isEqualTo(decoded + 1);
            assertThat(cache.peakResidentBytes()).isLessThanOrEqualTo(cache.budget());
        }
    }

    @Test
    void aChunkNotAdmittedIsFoundByTheNextRead() {
        // the window has an eighth of the budget to itself: one chunk here; the admitted chunks nine
        try (BufferCache cache = cache(10.5)) {
            pass(cache);
            long decoded = cache.decodedChunks();
            read(cache, GROUPS - 1);
            assertThat(cache.decodedChunks()).isEqualTo(decoded);
            read(cache, GROUPS - 2);
            assertThat(cache.decodedChunks()).isEqualTo(decoded + 1);
            assertThat(cache.residentBytes()).isLessThanOrEqualTo(cache.budget());
            assertThat(cache.peakResidentBytes()).isLessThanOrEqualTo(cache.budget());
        }
    }

    @Test
    void releasingTheFileDropsItsChunksAndCounts() {
        try (BufferCache cache = cache(10.5)) {
            pass(cache);
            assertThat(cache.residentBytes()).isPositive();
            cache.release(file);
            assertThat(cache.residentBytes()).isZero();
            read(cache, 0);
            assertThat(cache.hits()).isZero();
        }
    }
}
