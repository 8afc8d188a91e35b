package io.basalt.storage.wal;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.memory.MemoryRoots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Removing the records a checkpoint covers: whole segments go, the segment being written is closed for a new one
 * when it holds only covered records, sequence numbers go on across removal and reopening, and the records after
 * the covered position stay.
 */
class WriteAheadLogRemovalTest {
    @TempDir
    Path directory;
    private BufferAllocator allocator;

    @BeforeEach
    void createAllocator() {
        allocator = MemoryRoots.newRoot("WriteAheadLogRemovalTest", Long.MAX_VALUE);
    }

    @AfterEach
    void closeAllocator() throws IOException {
        assertThat(allocator.getAllocatedMemory()).isZero();
        allocator.close();
        assertThat(OpenFiles.under(directory)).isEmpty();
    }

    private long segments() throws IOException {
        try (Stream<Path> files = Files.list(directory.resolve(WriteAheadLog.DIRECTORY_NAME))) {
            return files.count();
        }
    }

    private static void append(WriteAheadLog log, int count) {
        for (int i = 0; i < count; i++) {
            log.append(new WalRecord.Ddl("CREATE TABLE t" + i + " (a int, b text, c text, d text, e text)"));
        }
    }

    @Test
    void coveredSegmentsGoAndSequenceNumbersGoOn() throws IOException {
        try (WriteAheadLog log = WriteAheadLog.open(directory, 256)) {
            append(log, 20);
            assertThat(segments()).isGreaterThan(3);
            log.removeThrough(20);
            assertThat(segments()).isEqualTo(1);
            assertThat(log.lastSequence()).isEqualTo(20);
            assertThat(log.sizeBytes()).isEqualTo(WalFormat.HEADER_BYTES);
            append(log, 3);
            assertThat(log.lastSequence()).isEqualTo(23);
        }
        try (WriteAheadLog log = WriteAheadLog.open(directory, 256)) {
            assertThat(log.recovery().lastSequence()).isEqualTo(23);
            RecordingVisitor visitor = new RecordingVisitor();
            log.replay(allocator, visitor);
            assertThat(visitor.sequences()).containsExactly(21L, 22L, 23L);
        }
    }

    @Test
    void recordsAfterTheCoveredPositionStay() throws IOException {
        try (WriteAheadLog log = WriteAheadLog.open(directory, 256)) {
            append(log, 12);
            log.removeThrough(7);
            RecordingVisitor visitor = new RecordingVisitor();
            log.replay(allocator, visitor);
            assertThat(visitor.sequences()).startsWith(visitor.sequences().getFirst()).endsWith(12L)
                    .contains(8L, 9L, 10L, 11L);
            assertThat(visitor.sequences().getFirst()).isLessThanOrEqualTo(8L);
        }
        try (WriteAheadLog log = WriteAheadLog.open(directory, 256)) {
            assertThat(log.lastSequence()).isEqualTo(12);
        }
    }
}
