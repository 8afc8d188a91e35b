package io.basalt.storage.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.memory.MemoryRoots;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a log whose end was torn by a crash or whose bytes were damaged. */
class WriteAheadLogRecoveryTest {
    @TempDir
    Path directory;
    private BufferAllocator allocator;
    private Path database;
    private Path firstSegment;

    @BeforeEach
    void setUp() {
        allocator = MemoryRoots.newRoot("WriteAheadLogRecoveryTest", Long.MAX_VALUE);
        database = directory.resolve("db");
        firstSegment = database.resolve("wal/wal-000001.log");
    }

    @AfterEach
    void closeAllocator() throws IOException {
        assertThat(allocator.getAllocatedMemory()).isZero();
        allocator.close();
        assertThat(OpenFiles.under(directory)).isEmpty();
    }

    /** Three records: DDL, rows, and a commit of DDL plus rows. The record offsets and the end, in order. */
    private long[] writeThreeRecords(List<RecordContent> written) throws IOException {
        long[] offsets = new long[4];
        try (WriteAheadLog log = WriteAheadLog.open(database);
             TypedRows rows = TypedRows.of(allocator, 0, 4);
             TypedRows more = TypedRows.of(allocator, 40, 3)) {
            List<List<WalRecord>> commits = List.of(
                    List.of(new WalRecord.Ddl("CREATE TABLE t (x integer)")),
                    List.of(new WalRecord.Append("t", List.of(rows.batch()))),
                    List.of(new WalRecord.Ddl("CREATE TABLE u (x integer)"),
                            new WalRecord.Append("u", List.of(more.batch()))));
            for (int i = 0; i < commits.size(); i++) {
                offsets[i] = Files.size(firstSegment);
                log.commit(commits.get(i));
                for (WalRecord record : commits.get(i)) {
                    written.add(RecordContent.of(record));
                }
            }
            offsets[3] = Files.size(firstSegment);
        }
        return offsets;
    }

    private List<RecordContent> replay(WriteAheadLog log) {
        RecordingVisitor visitor = new RecordingVisitor();
        log.replay(allocator, visitor);
        return visitor.contents();
    }

    private static void overwrite(Path file, long position, byte... bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(bytes), position);
        }
    }

    private static byte flipped(Path file, long position) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            return (byte) (one.get(0) ^ 0x10);
        }
    }

    @Test
    void aTornLastRecordIsCutAtEveryByteAndEverythingBeforeItSurvives() throws IOException {
        List<RecordContent> written = new ArrayList<>();
        long[] offsets = writeThreeRecords(written);
        List<RecordContent> beforeLast = written.subList(0, 2);
        byte[] pristine = Files.readAllBytes(firstSegment);
        assertThat(pristine.length).isEqualTo((int) offsets[3]);
        WalRecord after = new WalRecord.Ddl("CREATE TABLE after_the_tear (x integer)");
        List<RecordContent> withAfter = new ArrayList<>(beforeLast);
        withAfter.add(RecordContent.of(after));
        for (long length = offsets[2]; length < offsets[3]; length++) {
            Files.write(firstSegment, Arrays.copyOf(pristine, (int) length));
            try (WriteAheadLog log = WriteAheadLog.open(database)) {
                WalRecovery recovery = log.recovery();
                assertThat(recovery.records()).as("records kept when cut to %d bytes", length).isEqualTo(2);
                assertThat(recovery.clean()).as("clean when cut to %d bytes", length).isEqualTo(length == offsets[2]);
                assertThat(recovery.discardedBytes()).isEqualTo(length - offsets[2]);
                assertThat(recovery.preservedFiles()).isEmpty();
                assertThat(replay(log)).as("replay when cut to %d bytes", length).isEqualTo(beforeLast);
                assertThat(log.append(after)).isEqualTo(3);
                assertThat(replay(log)).as("replay after appending to %d bytes", length).isEqualTo(withAfter);
            }
        }
        try (WriteAheadLog log = WriteAheadLog.open(database)) {
            assertThat(log.recovery().clean()).isTrue();
            assertThat(replay(log)).isEqualTo(withAfter);
        }
    }

    @Test
    void aChecksumMismatchInTheMiddleEndsTheLogThereAndKeepsTheDamagedBytes() throws IOException {
        List<RecordContent> written = new ArrayList<>();
        long[] offsets = writeThreeRecords(written);
        long damaged = offsets[1] + WalFormat.RECORD_HEADER_BYTES + 20;
        overwrite(firstSegment, damaged, flipped(firstSegment, damaged));
        byte[] tail = Arrays.copyOfRange(Files.readAllBytes(firstSegment), (int) offsets[1], (int) offsets[3]);
        try (WriteAheadLog log = WriteAheadLog.open(database)) {
            WalRecovery recovery = log.recovery();
            assertThat(recovery.clean()).isFalse();
            assertThat(recovery.records()).isEqualTo(1);
            assertThat(recovery.lastSequence()).isEqualTo(1);
            assertThat(recovery.damage()).isEqualTo("incorrect checksum in record at offset " + offsets[1]
                    + " of \"" + firstSegment + "\"");
            assertThat(recovery.discardedBytes()).isEqualTo(offsets[3] - offsets[1]);
            assertThat(recovery.preservedFiles()).hasSize(1);
            assertThat(Files.readAllBytes(recovery.preservedFiles().getFirst())).isEqualTo(tail);
            assertThat(replay(log)).isEqualTo(written.subList(0, 1));
            assertThat(log.append(new WalRecord.Ddl("DROP TABLE t"))).isEqualTo(2);
        }
        try (WriteAheadLog log = WriteAheadLog.open(database)) {
            assertThat(log.recovery().clean()).isTrue();
            assertThat(replay(log)).extracting(RecordContent::text).containsExactly("CREATE TABLE t (x integer)",
                    "DROP TABLE t");
        }
    }

    @Test
    void aDamagedKindOrLengthEndsTheLogAtThatRecord() throws IOException {
        List<RecordContent> written = new ArrayList<>();
        long[] offsets = writeThreeRecords(written);
        overwrite(firstSegment, offsets[2] + WalFormat.RECORD_HEADER_BYTES - 1, WalFormat.KIND_DDL);
        try (WriteAheadLog log = WriteAheadLog.open(database)) {
            assertThat(log.recovery().damage()).startsWith("incorrect checksum in record at offset " + offsets[2]);
            assertThat(replay(log)).isEqualTo(written.subList(0, 2));
        }
        overwrite(firstSegment, offsets[1], (byte) 0x7f);
        try (WriteAheadLog log = WriteAheadLog.open(database)) {
            assertThat(log.recovery().damage()).startsWith("invalid record length ");
            assertThat(log.recovery().records()).isEqualTo(1);
            assertThat(replay(log)).isEqualTo(written.subList(0, 1));
        }
    }

    /** A record with a valid checksum, as a newer or a buggy writer might have left it. */
    private static byte[] framed(byte kind, byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(kind);
        crc.update(payload);
        return ByteBuffer.allocate(WalFormat.RECORD_HEADER_BYTES + payload.length)
                .putInt(payload.length).putInt((int) crc.getValue()).put(kind).put(payload).array();
    }

    @Test
    void aRecordOfUnknownKindEndsTheLogEvenWithAValidChecksum() throws IOException {
        List<RecordContent> written = new ArrayList<>();
        long[] offsets = writeThreeRecords(written);
        overwrite(firstSegment, offsets[3], framed((byte) 9, new byte[] {1, 2, 3}));
        try (WriteAheadLog log = WriteAheadLog.open(database)) {
            assertThat(log.recovery().damage()).startsWith("invalid record kind 9 at offset " + offsets[3]);
            assertThat(log.recovery().preservedFiles()).hasSize(1);
            assertThat(replay(log)).isEqualTo(written);
        }
    }

    @Test
    void rowsThatDoNotDecodeDespiteAValidChecksumFailTheReplayWithoutLeaking() throws IOException {
        List<RecordContent> written = new ArrayList<>();
        long[] offsets = writeThreeRecords(written);
        byte[] payload = ByteBuffer.allocate(40).putInt(1).put((byte) 't').put(new byte[35]).array();
        overwrite(firstSegment, offsets[3], framed(WalFormat.KIND_APPEND, payload));
        try (WriteAheadLog log = WriteAheadLog.open(database)) {
            assertThat(log.recovery().clean()).isTrue();
            RecordingVisitor visitor = new RecordingVisitor();
            assertThatThrownBy(() -> log.replay(allocator, visitor))
                    .isInstanceOfSatisfying(BasaltException.class, e -> {
                        assertThat(e.sqlState()).isEqualTo(SqlState.DATA_CORRUPTED);
                        assertThat(e.getMessage()).isEqualTo("invalid write-ahead log record");
                        assertThat(e.detail()).startsWith("Record 4: ");
                    });
            assertThat(visitor.contents()).isEqualTo(written);
        }
    }

    @Test
    void zerosAfterTheLastRecordAreCutAway() throws IOException {
        List<RecordContent> written = new ArrayList<>();
        long[] offsets = writeThreeRecords(written);
        overwrite(firstSegment, offsets[3], new byte[4096]);
        try (WriteAheadLog log = WriteAheadLog.open(database)) {
            assertThat(log.recovery().records()).isEqualTo(3);
            assertThat(log.recovery().discardedBytes()).isEqualTo(4096);
            assertThat(replay(log)).isEqualTo(written);
            assertThat(log.append(new WalRecord.Ddl("DROP TABLE u"))).isEqualTo(4);
        }
        assertThat(Files.size(firstSegment)).isGreaterThan(offsets[3]).isLessThan(offsets[3] + 4096);
    }

    /** Records of about 400 bytes in segments of 2 KiB: four records a segment. Returns each segment's path. */
    private List<Path> writeSegments(int records) throws IOException {
        try (WriteAheadLog log = WriteAheadLog.open(database, 2048)) {
            for (int i = 1; i <= records; i++) {
                log.append(new WalRecord.Ddl("record " + i + " " + "x".repeat(400)));
            }
        }
        List<Path> segments = new ArrayList<>();
        for (long number = 1; Files.exists(database.resolve("wal/" + WalFormat.segmentName(number))); number++) {
            segments.add(database.resolve("wal/" + WalFormat.segmentName(number)));
        }
        return segments;
    }

    @Test
    void damageInAnEarlierSegmentRemovesTheSegmentsAfterIt() throws IOException {
        List<Path> segments = writeSegments(14);
        assertThat(segments).hasSize(4);
        long secondRecordOfSegmentTwo = WalFormat.HEADER_BYTES + WalFormat.RECORD_HEADER_BYTES + 409;
        overwrite(segments.get(1), secondRecordOfSegmentTwo + 30, (byte) '#');
        try (WriteAheadLog log = WriteAheadLog.open(database, 2048)) {
            WalRecovery recovery = log.recovery();
            assertThat(recovery.records()).isEqualTo(5);
            assertThat(recovery.damage()).startsWith("incorrect checksum in record at offset " + secondRecordOfSegmentTwo);
            assertThat(recovery.preservedFiles()).hasSize(3);
            assertThat(segments.get(2)).doesNotExist();
            assertThat(segments.get(3)).doesNotExist();
            assertThat(Path.of(segments.get(3) + ".discarded")).exists();
            assertThat(replay(log)).extracting(content -> content.text().substring(0, 9))
                    .containsExactly("record 1 ", "record 2 ", "record 3 ", "record 4 ", "record 5 ");
            assertThat(log.append(new WalRecord.Ddl("record 6, again"))).isEqualTo(6);
        }
        try (WriteAheadLog log = WriteAheadLog.open(database, 2048)) {
            assertThat(log.recovery().clean()).isTrue();
            assertThat(replay(log)).hasSize(6).last().extracting(RecordContent::text).isEqualTo("record 6, again");
        }
    }

    @Test
    void aMissingSegmentEndsTheLogBeforeIt() throws IOException {
        List<Path> segments = writeSegments(10);
        assertThat(segments).hasSize(3);
        Files.delete(segments.get(1));
        try (WriteAheadLog log = WriteAheadLog.open(database, 2048)) {
            assertThat(log.recovery().damage()).isEqualTo("segment \"" + segments.get(2) + "\" starts at sequence 9,"
                    + " expected 5");
            assertThat(log.recovery().records()).isEqualTo(4);
            assertThat(replay(log)).hasSize(4);
            assertThat(log.append(new WalRecord.Ddl("record 5, again"))).isEqualTo(5);
        }
    }

    @Test
    void aHeaderThatIsNotOursFailsTheOpenWithoutTouchingTheLog() throws IOException {
        writeSegments(1);
        overwrite(firstSegment, 0, "GARBAGE!".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        byte[] before = Files.readAllBytes(firstSegment);
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> WriteAheadLog.open(database))
                    .isInstanceOfSatisfying(BasaltException.class, e -> {
                        assertThat(e.sqlState()).isEqualTo(SqlState.DATA_CORRUPTED);
                        assertThat(e.getMessage()).isEqualTo("invalid header in write-ahead log segment \""
                                + firstSegment + "\"");
                        assertThat(e.detail()).contains("magic number");
                    });
        }
        assertThat(Files.readAllBytes(firstSegment)).isEqualTo(before);
    }

    @Test
    void aHeaderWithABadChecksumOrCutShortFailsTheOpen() throws IOException {
        writeSegments(1);
        overwrite(firstSegment, 19, flipped(firstSegment, 19));
        assertThatThrownBy(() -> WriteAheadLog.open(database))
                .isInstanceOfSatisfying(BasaltException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo(SqlState.DATA_CORRUPTED);
                    assertThat(e.detail()).isEqualTo("The header checksum does not match.");
                });
        Files.write(firstSegment, Arrays.copyOf(Files.readAllBytes(firstSegment), 14));
        assertThatThrownBy(() -> WriteAheadLog.open(database))
                .isInstanceOfSatisfying(BasaltException.class,
                        e -> assertThat(e.detail()).isEqualTo("The header is cut short."));
    }

    @Test
    void aSegmentFromANewerVersionIsRefusedAsIncompatible() throws IOException {
        writeSegments(1);
        overwrite(firstSegment, 8, (byte) 0, (byte) 0, (byte) 0, (byte) 2);
        assertThatThrownBy(() -> WriteAheadLog.open(database))
                .isInstanceOfSatisfying(BasaltException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo(SqlState.DATA_CORRUPTED);
                    assertThat(e.getMessage()).isEqualTo("database files are incompatible with server");
                    assertThat(e.detail()).isEqualTo("Write-ahead log segment \"" + firstSegment
                            + "\" has format version 2, but this build of Basalt supports up to version 1.");
                    assertThat(e.hint()).isEqualTo("Open the database with a newer version of Basalt.");
                });
    }

    @Test
    void aHalfCreatedSegmentIsRemoved() throws IOException {
        writeSegments(2);
        Path leftover = database.resolve("wal/wal-000002.log.tmp");
        Files.write(leftover, new byte[] {1, 2, 3});
        try (WriteAheadLog log = WriteAheadLog.open(database)) {
            assertThat(log.recovery().clean()).isTrue();
            assertThat(leftover).doesNotExist();
            assertThat(replay(log)).hasSize(2);
        }
    }
}
