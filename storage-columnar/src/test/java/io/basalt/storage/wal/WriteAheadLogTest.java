package io.basalt.storage.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.memory.MemoryRoots;
import io.basalt.type.LogicalType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.util.TransferPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing, reopening and replaying a healthy log. */
class WriteAheadLogTest {
    @TempDir
    Path directory;
    private BufferAllocator allocator;

    @BeforeEach
    void createAllocator() {
        allocator = MemoryRoots.newRoot("WriteAheadLogTest", Long.MAX_VALUE);
    }

    @AfterEach
    void closeAllocator() throws IOException {
        assertThat(allocator.getAllocatedMemory()).isZero();
        allocator.close();
        assertThat(OpenFiles.under(directory)).isEmpty();
    }

    @Test
    void aNewLogIsEmptyAndLaidOutInItsDirectory() {
        try (WriteAheadLog log = WriteAheadLog.open(directory.resolve("db"))) {
            assertThat(log.recovery()).isEqualTo(new WalRecovery(0, 0, null, 0, List.of()));
            assertThat(log.lastSequence()).isZero();
            assertThat(log.replay(allocator, new RecordingVisitor())).isZero();
        }
        assertThat(directory.resolve("db/wal/wal-000001.log")).isRegularFile();
        assertThat(directory.resolve("db/lock")).isRegularFile();
    }

    @Test
    void ddlAndRowsOfEveryTypeSurviveReopening() {
        List<RecordContent> written = new ArrayList<>();
        try (WriteAheadLog log = WriteAheadLog.open(directory);
             TypedRows first = TypedRows.of(allocator, 0, 7);
             TypedRows second = TypedRows.of(allocator, 100, 3)) {
            List<WalRecord> records = List.of(
                    new WalRecord.Ddl("CREATE TABLE t (b boolean, s smallint, i integer, l bigint, d double precision,"
                            + " n numeric(10,2), u numeric, x text, v varchar(20), day date)"),
                    new WalRecord.Append("t", List.of(first.batch(), second.batch())),
                    new WalRecord.Ddl("CREATE TABLE \"ünïcødé ✓\" (x text)"),
                    new WalRecord.SequenceValue("public", "ünïcødé_seq", Long.MIN_VALUE, true),
                    new WalRecord.SequenceValue("public", "s", Long.MAX_VALUE, false),
                    new WalRecord.Ddl("DROP TABLE t"));
            for (int i = 0; i < records.size(); i++) {
                assertThat(log.append(records.get(i))).isEqualTo(i + 1);
                written.add(RecordContent.of(records.get(i)));
            }
            RecordingVisitor sameSession = new RecordingVisitor();
            assertThat(log.replay(allocator, sameSession)).isEqualTo(6);
            assertThat(sameSession.contents()).isEqualTo(written);
        }
        try (WriteAheadLog log = WriteAheadLog.open(directory)) {
            assertThat(log.recovery().clean()).isTrue();
            assertThat(log.recovery().records()).isEqualTo(6);
            RecordingVisitor replayed = new RecordingVisitor();
            assertThat(log.replay(allocator, replayed)).isEqualTo(6);
            assertThat(replayed.sequences()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            assertThat(replayed.contents()).isEqualTo(written);
        }
    }

    @Test
    void replayedVectorsCarryTheLogicalTypeInTheirFieldMetadata() {
        try (WriteAheadLog log = WriteAheadLog.open(directory); TypedRows rows = TypedRows.of(allocator, 5, 4)) {
            log.append(new WalRecord.Append("t", List.of(rows.batch())));
            List<LogicalType> types = new ArrayList<>();
            log.replay(allocator, (sequence, record) -> {
                Batch batch = ((WalRecord.Append) record).batches().getFirst();
                for (FieldVector column : batch.columns()) {
                    assertThat(column.getField().getMetadata()).containsKey(LogicalType.METADATA_KEY);
                    types.add(LogicalType.of(column.getField()));
                }
            });
            assertThat(types).isEqualTo(TypedRows.TYPES);
        }
    }

    @Test
    void slicedBatchesEmptyBatchesAndEmptyAppendsRoundTrip() {
        try (WriteAheadLog log = WriteAheadLog.open(directory);
             TypedRows rows = TypedRows.of(allocator, 1, 10);
             TypedRows none = TypedRows.of(allocator, 1, 0)) {
            List<FieldVector> slices = new ArrayList<>();
            for (FieldVector column : rows.batch().columns()) {
                TransferPair pair = column.getTransferPair(allocator);
                pair.splitAndTransfer(3, 5);
                slices.add((FieldVector) pair.getTo());
            }
            try {
                List<WalRecord> records = List.of(
                        new WalRecord.Append("sliced", List.of(new Batch(slices, 5))),
                        new WalRecord.Append("empty batch", List.of(none.batch())),
                        new WalRecord.Append("no batches", List.of()),
                        new WalRecord.Append("no columns", List.of(new Batch(List.of(), 12))));
                List<RecordContent> written = new ArrayList<>();
                for (WalRecord record : records) {
                    log.append(record);
                    written.add(RecordContent.of(record));
                }
                RecordingVisitor replayed = new RecordingVisitor();
                log.replay(allocator, replayed);
                assertThat(replayed.contents()).isEqualTo(written);
                assertThat(replayed.contents().get(1).batchRows()).containsExactly(List.of());
                assertThat(replayed.contents().get(3).batchRows().getFirst()).hasSize(12);
            } finally {
                for (FieldVector slice : slices) {
                    slice.close();
                }
            }
        }
    }

    @Test
    void reopeningContinuesTheSequence() {
        try (WriteAheadLog log = WriteAheadLog.open(directory)) {
            log.append(new WalRecord.Ddl("CREATE TABLE a (x integer)"));
            log.append(new WalRecord.Ddl("CREATE TABLE b (x integer)"));
        }
        try (WriteAheadLog log = WriteAheadLog.open(directory)) {
            assertThat(log.lastSequence()).isEqualTo(2);
            assertThat(log.append(new WalRecord.Ddl("DROP TABLE a"))).isEqualTo(3);
        }
        try (WriteAheadLog log = WriteAheadLog.open(directory)) {
            RecordingVisitor replayed = new RecordingVisitor();
            log.replay(allocator, replayed);
            assertThat(replayed.sequences()).containsExactly(1L, 2L, 3L);
            assertThat(replayed.contents()).extracting(RecordContent::text)
                    .containsExactly("CREATE TABLE a (x integer)", "CREATE TABLE b (x integer)", "DROP TABLE a");
        }
    }

    @Test
    void aCommitIsOneRecordWhoseChangesReplayTogetherInOrder() {
        try (WriteAheadLog log = WriteAheadLog.open(directory); TypedRows rows = TypedRows.of(allocator, 9, 2)) {
            log.append(new WalRecord.Ddl("CREATE TABLE t (x integer)"));
            List<WalRecord> commit = List.of(
                    new WalRecord.Ddl("CREATE TABLE u (x integer)"),
                    new WalRecord.Append("u", List.of(rows.batch())),
                    new WalRecord.SequenceValue("public", "u_x_seq", 33, true),
                    new WalRecord.Ddl("DROP TABLE t"));
            assertThat(log.commit(commit)).isEqualTo(2);
            RecordingVisitor replayed = new RecordingVisitor();
            assertThat(log.replay(allocator, replayed)).isEqualTo(2);
            assertThat(replayed.sequences()).containsExactly(1L, 2L, 2L, 2L, 2L);
            assertThat(replayed.contents().subList(1, 5))
                    .isEqualTo(commit.stream().map(RecordContent::of).toList());
        }
    }

    @Test
    void recordsSpreadOverManySegmentsReplayInOrder() throws IOException {
        List<RecordContent> written = new ArrayList<>();
        try (WriteAheadLog log = WriteAheadLog.open(directory, 2048)) {
            for (int i = 0; i < 30; i++) {
                try (TypedRows rows = TypedRows.of(allocator, i, i % 4)) {
                    WalRecord record = i % 2 == 0 ? new WalRecord.Ddl("CREATE TABLE t" + i + " (x integer)")
                            : new WalRecord.Append("t", List.of(rows.batch()));
                    log.append(record);
                    written.add(RecordContent.of(record));
                }
            }
        }
        try (var files = Files.list(directory.resolve("wal"))) {
            assertThat(files.count()).isGreaterThan(5);
        }
        try (WriteAheadLog log = WriteAheadLog.open(directory, 2048)) {
            assertThat(log.recovery().clean()).isTrue();
            RecordingVisitor replayed = new RecordingVisitor();
            log.replay(allocator, replayed);
            assertThat(replayed.sequences()).isEqualTo(LongStream.rangeClosed(1, 30).boxed().toList());
            assertThat(replayed.contents()).isEqualTo(written);
            assertThat(log.append(new WalRecord.Ddl("DROP TABLE t"))).isEqualTo(31);
        }
    }

    @Test
    void appendsFromManyThreadsAllGetDistinctSequencesAndSurvive() throws Exception {
        appendFromManyThreads(4, 40, WriteAheadLog.DEFAULT_SEGMENT_BYTES);
    }

    /** Committers sync concurrently while the writer switches segments under them (closing the one they sync). */
    @Test
    void appendsFromManyThreadsOverManySmallSegmentsAllSurvive() throws Exception {
        appendFromManyThreads(8, 60, 1024);
        try (var files = Files.list(directory.resolve("wal"))) {
            assertThat(files.count()).isGreaterThan(10);
        }
    }

    private void appendFromManyThreads(int threads, int perThread, long segmentBytes) throws Exception {
        try (WriteAheadLog log = WriteAheadLog.open(directory, segmentBytes)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<List<Long>>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    results.add(pool.submit(() -> {
                        List<Long> sequences = new ArrayList<>();
                        for (int i = 0; i < perThread; i++) {
                            sequences.add(log.append(new WalRecord.Ddl("thread " + thread + " record " + i)));
                        }
                        return sequences;
                    }));
                }
                List<Long> acknowledged = new ArrayList<>();
                for (Future<List<Long>> result : results) {
                    List<Long> sequences = result.get();
                    assertThat(sequences).isSorted();
                    acknowledged.addAll(sequences);
                }
                assertThat(acknowledged).doesNotHaveDuplicates().hasSize(threads * perThread);
            } finally {
                pool.shutdown();
            }
        }
        try (WriteAheadLog log = WriteAheadLog.open(directory)) {
            RecordingVisitor replayed = new RecordingVisitor();
            log.replay(allocator, replayed);
            assertThat(replayed.sequences()).isEqualTo(LongStream.rangeClosed(1, threads * perThread).boxed().toList());
            for (int t = 0; t < threads; t++) {
                String prefix = "thread " + t + " record ";
                List<String> ofThread = replayed.contents().stream().map(RecordContent::text)
                        .filter(text -> text.startsWith(prefix)).toList();
                assertThat(ofThread).isEqualTo(LongStream.range(0, perThread).mapToObj(i -> prefix + i).toList());
            }
        }
    }

    @Test
    void anInterruptedCommitterWritingItsOwnRecordLeavesTheLogUsable() {
        try (WriteAheadLog log = WriteAheadLog.open(directory)) {
            log.append(new WalRecord.Ddl("before"));
            // the committer writes and syncs its record itself; an interrupt must not close the segment's channel
            Thread.currentThread().interrupt();
            try {
                assertThat(log.append(new WalRecord.Ddl("while interrupted"))).isEqualTo(2);
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
            assertThat(log.append(new WalRecord.Ddl("after"))).isEqualTo(3);
        }
        try (WriteAheadLog log = WriteAheadLog.open(directory)) {
            assertThat(log.recovery().clean()).isTrue();
            RecordingVisitor replayed = new RecordingVisitor();
            log.replay(allocator, replayed);
            assertThat(replayed.contents()).extracting(RecordContent::text)
                    .containsExactly("before", "while interrupted", "after");
        }
    }

    @Test
    void aFailingVisitorStopsTheReplayAndLeavesNoMemoryBehind() {
        try (WriteAheadLog log = WriteAheadLog.open(directory); TypedRows rows = TypedRows.of(allocator, 0, 5)) {
            log.append(new WalRecord.Append("t", List.of(rows.batch(), rows.batch())));
            log.append(new WalRecord.Ddl("never reached"));
            List<Long> seen = new ArrayList<>();
            assertThatThrownBy(() -> log.replay(allocator, (sequence, record) -> {
                seen.add(sequence);
                throw new IllegalStateException("visitor failed");
            })).hasMessage("visitor failed");
            assertThat(seen).containsExactly(1L);
        }
    }

    @Test
    void batchesOfDifferentColumnsCannotShareARecord() {
        try (WriteAheadLog log = WriteAheadLog.open(directory); TypedRows rows = TypedRows.of(allocator, 0, 2)) {
            Batch narrower = new Batch(rows.batch().columns().subList(1, 3), 2);
            assertThatThrownBy(() -> log.append(new WalRecord.Append("t", List.of(rows.batch(), narrower))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(log.append(new WalRecord.Ddl("still usable"))).isEqualTo(1);
        }
    }

    @Test
    void appendingAfterCloseIsAnError() {
        WriteAheadLog log = WriteAheadLog.open(directory);
        log.close();
        log.close();
        assertThatThrownBy(() -> log.append(new WalRecord.Ddl("too late")))
                .isInstanceOf(BasaltException.class)
                .hasMessageContaining("is closed");
    }
}
