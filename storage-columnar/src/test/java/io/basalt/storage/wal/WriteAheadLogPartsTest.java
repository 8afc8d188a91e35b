package io.basalt.storage.wal;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.memory.MemoryRoots;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commits larger than one log record: written as PART records and a closing record (across segments), replayed
 * whole and in order, and removed whole by recovery when the closing record never reached the disk, so that later
 * commits are not read as their continuation.
 */
class WriteAheadLogPartsTest {
    private static final long SEGMENT_BYTES = 256 << 10;
    private static final long PART_BYTES = 32 << 10;

    @TempDir
    Path directory;
    private BufferAllocator allocator;
    private Path database;
    private final List<TypedRows> rows = new ArrayList<>();

    @BeforeEach
    void setUp() {
        allocator = MemoryRoots.newRoot("WriteAheadLogPartsTest", Long.MAX_VALUE);
        database = directory.resolve("db");
    }

    @AfterEach
    void closeAllocator() throws IOException {
        rows.forEach(TypedRows::close);
        assertThat(allocator.getAllocatedMemory()).isZero();
        allocator.close();
        assertThat(OpenFiles.under(directory)).isEmpty();
    }

    private List<WalRecord> smallCommit(String table, long seed) {
        TypedRows batch = TypedRows.of(allocator, seed, 3);
        rows.add(batch);
        return List.of(new WalRecord.Ddl("CREATE TABLE " + table + " (x integer)"),
                new WalRecord.Append(table, List.of(batch.batch())));
    }

    /** DDL, 40 batches of 30 rows into t, 20,000 deleted row ids of t, then 10 batches into u: several parts. */
    private List<WalRecord> largeCommit() {
        List<Batch> first = new ArrayList<>();
        for (int b = 0; b < 40; b++) {
            TypedRows batch = TypedRows.of(allocator, 100L + 31L * b, 30);
            rows.add(batch);
            first.add(batch.batch());
        }
        List<Batch> second = new ArrayList<>();
        for (int b = 0; b < 10; b++) {
            TypedRows batch = TypedRows.of(allocator, 50L + b, 20);
            rows.add(batch);
            second.add(batch.batch());
        }
        long[] deleted = new long[20_000];
        for (int i = 0; i < deleted.length; i++) {
            deleted[i] = 3L * i;
        }
        return List.of(new WalRecord.Ddl("CREATE TABLE big (x integer)"), new WalRecord.Append("t", first),
                new WalRecord.Delete("t", deleted), new WalRecord.Append("u", second));
    }

    @Test
    void largeCommitSpansSeveralRecordsAndSegmentsAndReplaysWhole() throws IOException {
        List<WalRecord> before = smallCommit("a", 1);
        List<WalRecord> large = largeCommit();
        List<WalRecord> after = smallCommit("b", 2);
        long largeSequence;
        try (WriteAheadLog log = WriteAheadLog.open(database, SEGMENT_BYTES, PART_BYTES)) {
            long first = log.commit(before);
            largeSequence = log.commit(large);
            assertThat(largeSequence - first).as("records the large commit took").isGreaterThan(5);
            assertThat(log.commit(after)).isEqualTo(largeSequence + 1);
        }
        assertThat(segmentFiles()).hasSizeGreaterThan(1);
        try (WriteAheadLog log = WriteAheadLog.open(database, SEGMENT_BYTES, PART_BYTES)) {
            assertThat(log.recovery().clean()).isTrue();
            RecordingVisitor visitor = new RecordingVisitor();
            log.replay(allocator, visitor);
            assertThat(merged(visitor.contents())).isEqualTo(merged(contents(before, large, after)));
            assertThat(visitor.sequences()).isSorted();
            assertThat(visitor.sequences().getLast()).isEqualTo(largeSequence + 1);
        }
    }

    @Test
    void commitWithoutItsClosingRecordIsRemovedWhole() throws IOException {
        List<WalRecord> before = smallCommit("a", 1);
        try (WriteAheadLog log = WriteAheadLog.open(database, SEGMENT_BYTES, PART_BYTES)) {
            log.commit(before);
            log.commit(largeCommit());
        }
        // The crash came just before the closing record was written: every PART record is on disk.
        List<long[]> records = recordPositions();
        long[] closing = records.getLast();
        cutAt(closing);
        List<WalRecord> later = smallCommit("c", 3);
        try (WriteAheadLog log = WriteAheadLog.open(database, SEGMENT_BYTES, PART_BYTES)) {
            assertThat(log.recovery().clean()).isFalse();
            assertThat(log.recovery().damage()).contains("have no closing record");
            assertThat(log.recovery().records()).isEqualTo(1);
            assertThat(segmentFiles()).hasSize(1);
            RecordingVisitor visitor = new RecordingVisitor();
            log.replay(allocator, visitor);
            assertThat(visitor.contents()).isEqualTo(contents(before));
            assertThat(log.commit(later)).isEqualTo(2);
        }
        try (WriteAheadLog log = WriteAheadLog.open(database, SEGMENT_BYTES, PART_BYTES)) {
            assertThat(log.recovery().clean()).isTrue();
            RecordingVisitor visitor = new RecordingVisitor();
            log.replay(allocator, visitor);
            assertThat(visitor.contents()).isEqualTo(contents(before, later));
        }
    }

    @Test
    void partTornInTheMiddleRemovesTheCommitToo() throws IOException {
        List<WalRecord> before = smallCommit("a", 1);
        try (WriteAheadLog log = WriteAheadLog.open(database, SEGMENT_BYTES, PART_BYTES)) {
            log.commit(before);
            log.commit(largeCommit());
        }
        List<long[]> records = recordPositions();
        long[] torn = records.get(3);
        try (FileChannel channel = FileChannel.open(segmentFiles().get((int) torn[0]), StandardOpenOption.WRITE)) {
            channel.truncate(torn[1] + 100);
        }
        for (int s = (int) torn[0] + 1; s < segmentFiles().size(); s++) {
            Files.delete(segmentFiles().get(s));
        }
        try (WriteAheadLog log = WriteAheadLog.open(database, SEGMENT_BYTES, PART_BYTES)) {
            assertThat(log.recovery().damage()).contains("cut short").contains("have no closing record");
            RecordingVisitor visitor = new RecordingVisitor();
            log.replay(allocator, visitor);
            assertThat(visitor.contents()).isEqualTo(contents(before));
        }
    }

    @Test
    void concurrentCommitsNeverLandBetweenAStreamedCommitsParts() throws Exception {
        List<WalRecord> large = largeCommit();
        List<List<WalRecord>> small = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            small.add(smallCommit("s", 10 + i));
        }
        try (WriteAheadLog log = WriteAheadLog.open(database, SEGMENT_BYTES, PART_BYTES)) {
            List<Thread> committers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                List<List<WalRecord>> mine = small.subList(t * 30, t * 30 + 30);
                committers.add(Thread.ofPlatform().start(() -> mine.forEach(log::commit)));
            }
            for (int i = 0; i < 3; i++) {
                log.commit(large);
            }
            for (Thread committer : committers) {
                committer.join();
            }
        }
        try (WriteAheadLog log = WriteAheadLog.open(database, SEGMENT_BYTES, PART_BYTES)) {
            assertThat(log.recovery().clean()).isTrue();
            RecordingVisitor visitor = new RecordingVisitor();
            log.replay(allocator, visitor);
            List<RecordContent> replayed = merged(visitor.contents());
            List<RecordContent> whole = merged(contents(large));
            int largeCommits = 0;
            int smallRecords = 0;
            for (int i = 0; i < replayed.size(); i++) {
                if (replayed.get(i).text().equals("CREATE TABLE big (x integer)")) {
                    assertThat(replayed.subList(i, i + whole.size())).as("large commit at %d", i).isEqualTo(whole);
                    largeCommits++;
                    i += whole.size() - 1;
                } else {
                    smallRecords++;
                }
            }
            assertThat(largeCommits).isEqualTo(3);
            assertThat(smallRecords).isEqualTo(2 * small.size());
        }
    }

    @Test
    void writerGivenUpPartWayRefusesLaterWrites() throws IOException {
        Path wal = Files.createDirectories(database.resolve("wal"));
        SegmentFile first = SegmentFile.create(wal, 1, 1);
        SegmentWriter writer = new SegmentWriter(wal, List.of(first), WalFormat.HEADER_BYTES, 0, SEGMENT_BYTES);
        try {
            List<List<WalRecord>> parts = CommitParts.split(largeCommit(), PART_BYTES);
            assertThat(writer.write(RecordCodec.encodePart(parts.getFirst()), true)).isEqualTo(1);
            assertThat(writer.inCommit()).isTrue();
            writer.abandonCommit();
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> writer.write(RecordCodec.encode(smallCommit("a", 1)), false))
                    .hasMessageContaining("unusable after an earlier failure");
        } finally {
            writer.close();
        }
    }

    @Test
    void splittingKeepsEveryRowAndIdInOrder() {
        List<WalRecord> large = largeCommit();
        List<List<WalRecord>> parts = CommitParts.split(large, PART_BYTES);
        assertThat(parts).hasSizeGreaterThan(5);
        List<WalRecord> flat = parts.stream().flatMap(List::stream).toList();
        assertThat(merged(contents(flat))).isEqualTo(merged(contents(large)));
        assertThat(CommitParts.split(large, Long.MAX_VALUE)).containsExactly(large);
        assertThat(CommitParts.split(large, PART_BYTES * 1000)).containsExactly(large);
    }

    /** Per record in log order: segment index, start offset, kind. */
    private List<long[]> recordPositions() throws IOException {
        List<long[]> positions = new ArrayList<>();
        List<Path> segments = segmentFiles();
        for (int s = 0; s < segments.size(); s++) {
            try (FileChannel channel = FileChannel.open(segments.get(s), StandardOpenOption.READ)) {
                SegmentReader reader = new SegmentReader(channel, segments.get(s), channel.size());
                long start = reader.position();
                while (reader.next()) {
                    positions.add(new long[] {s, start, reader.kind()});
                    start = reader.position();
                }
            }
        }
        return positions;
    }

    /** Truncates the log at the start of {@code record} and deletes the segments after its own. */
    private void cutAt(long[] record) throws IOException {
        List<Path> segments = segmentFiles();
        try (FileChannel channel = FileChannel.open(segments.get((int) record[0]), StandardOpenOption.WRITE)) {
            channel.truncate(record[1]);
        }
        for (int s = (int) record[0] + 1; s < segments.size(); s++) {
            Files.delete(segments.get(s));
        }
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(database.resolve("wal"))) {
            return files.filter(path -> path.getFileName().toString().matches("wal-\\d+\\.log")).sorted().toList();
        }
    }

    @SafeVarargs
    private static List<RecordContent> contents(List<WalRecord>... commits) {
        List<RecordContent> contents = new ArrayList<>();
        for (List<WalRecord> commit : commits) {
            for (WalRecord record : commit) {
                contents.add(RecordContent.of(record));
            }
        }
        return contents;
    }

    /** Neighbouring appends (or deletes) of one table joined into one, as replaying them has the same effect. */
    private static List<RecordContent> merged(List<RecordContent> contents) {
        List<RecordContent> merged = new ArrayList<>();
        for (RecordContent content : contents) {
            RecordContent last = merged.isEmpty() ? null : merged.getLast();
            boolean joins = last != null && last.kind().equals(content.kind()) && last.text().equals(content.text())
                    && (content.kind().equals("append") || content.kind().equals("delete"));
            if (!joins) {
                merged.add(content);
                continue;
            }
            List<List<org.apache.arrow.vector.types.pojo.Field>> fields = new ArrayList<>(last.batchFields());
            fields.addAll(content.batchFields());
            List<List<List<Object>>> batchRows = new ArrayList<>();
            if (content.kind().equals("delete")) {
                List<Object> ids = new ArrayList<>(last.batchRows().getFirst().getFirst());
                ids.addAll(content.batchRows().getFirst().getFirst());
                batchRows.add(List.of(ids));
            } else {
                batchRows.addAll(last.batchRows());
                batchRows.addAll(content.batchRows());
            }
            merged.set(merged.size() - 1, new RecordContent(content.kind(), content.text(), fields, batchRows));
        }
        return merged;
    }
}
