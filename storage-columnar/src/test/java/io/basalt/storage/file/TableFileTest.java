package io.basalt.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.operator.scan.ScanPredicate;
import io.basalt.exec.operator.scan.ScanSource;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.storage.column.ChunkStatistics;
import io.basalt.storage.table.InMemoryTableStore;
import io.basalt.storage.table.TableImage;
import io.basalt.type.LogicalType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Table data files and manifests on their own: a table's image written and restored into stores of other chunk
 * sizes keeps its rows, NULLs, deleted rows and row ids; damage is found by the checksums and named; zone maps
 * restored with the chunks make a scan with predicates skip them; nothing leaks.
 */
class TableFileTest {
    private static final List<LogicalType> TYPES = List.of(LogicalType.BIGINT, LogicalType.TEXT);

    @TempDir
    Path directory;

    private final BufferAllocator root = new RootAllocator();
    private final BufferAllocator tables = root.newChildAllocator("tables", 0, Long.MAX_VALUE);
    private final BufferAllocator query = root.newChildAllocator("query", 0, Long.MAX_VALUE);
    private final List<InMemoryTableStore> stores = new ArrayList<>();

    @AfterEach
    void everythingIsFreed() {
        for (InMemoryTableStore store : stores) {
            store.close();
        }
        assertThat(query.getAllocatedMemory()).isZero();
        assertThat(tables.getAllocatedMemory()).isZero();
        query.close();
        tables.close();
        root.close();
    }

    private InMemoryTableStore store(int chunkRows) {
        InMemoryTableStore store = new InMemoryTableStore("t", TYPES, tables, chunkRows);
        stores.add(store);
        return store;
    }

    private void append(InMemoryTableStore store, long first, int rows) {
        try (FieldVector numbers = ValueAccess.allocate(LogicalType.BIGINT, "a", query, rows);
             FieldVector texts = ValueAccess.allocate(LogicalType.TEXT, "b", query, rows)) {
            for (int r = 0; r < rows; r++) {
                long value = first + r;
                ValueAccess.set(numbers, r, value);
                ValueAccess.set(texts, r, value % 3 == 0 ? null : "v" + value);
            }
            numbers.setValueCount(rows);
            texts.setValueCount(rows);
            store.append(new Batch(List.of(numbers, texts), rows));
        }
    }

    /** Rows as "id:a:b" (row id, then the values). */
    private List<String> scan(ScanSource source) {
        List<String> rows = new ArrayList<>();
        try (SourceState scan = source.open(new int[] {ScanSource.ROW_ID, 0, 1}, ExecutionContext.of(query, 5))) {
            for (Batch batch = scan.next(); batch != null; batch = scan.next()) {
                for (int r = 0; r < batch.rowCount(); r++) {
                    rows.add(ValueAccess.get(batch.column(0), r) + ":" + ValueAccess.get(batch.column(1), r) + ":"
                            + ValueAccess.get(batch.column(2), r));
                }
            }
        }
        return rows;
    }

    private Path write(InMemoryTableStore store) {
        Path file = directory.resolve("t.bdf");
        try (TableImage image = store.image(query)) {
            TableFileWriter.write(file, image, query);
        }
        return file;
    }

    @Test
    void restoredRowsKeepValuesNullsDeletionsAndRowIds() {
        InMemoryTableStore original = store(4);
        append(original, 1, 23);
        original.modify(new long[] {2, 9, 22}, List.of(), () -> { });
        List<String> expected = scan(original);
        Path file = write(original);
        for (int chunkRows : new int[] {4, 3, 1, 64}) {
            InMemoryTableStore restored = store(chunkRows);
            try (TableFile opened = TableFile.open(file, TYPES)) {
                assertThat(opened.positions()).isEqualTo(23);
                TableFileRestore.restore(restored, opened, 0, tables);
            }
            assertThat(scan(restored)).as("chunk rows %d", chunkRows).isEqualTo(expected);
            assertThat(restored.rowCount()).isEqualTo(20);
            // ids go on where they stopped, and the restored rows can be deleted by them
            append(restored, 100, 2);
            restored.modify(new long[] {0, 23}, List.of(), () -> { });
            assertThat(scan(restored)).first().isEqualTo("1:2:v2");
            assertThat(scan(restored)).last().isEqualTo("24:101:v101");
        }
    }

    @Test
    void damagedChunkIsFoundByItsChecksum() throws IOException {
        InMemoryTableStore original = store(4);
        append(original, 1, 50);
        Path file = write(original);
        flipByte(file, DataFileFormat.HEADER_BYTES + 40);
        try (TableFile opened = TableFile.open(file, TYPES)) {
            assertThatThrownBy(() -> TableFileRestore.restore(store(4), opened, 0, tables))
                    .isInstanceOfSatisfying(BasaltException.class, e -> {
                        assertThat(e.sqlState()).isEqualTo(SqlState.DATA_CORRUPTED);
                        assertThat(e.getMessage()).contains(file.toString());
                        assertThat(e.detail()).contains("Checksum mismatch");
                    });
        }
    }

    @Test
    void foreignOrReshapedFilesAreRefused() throws IOException {
        InMemoryTableStore original = store(4);
        append(original, 1, 5);
        Path file = write(original);
        assertThatThrownBy(() -> TableFile.open(file, List.of(LogicalType.BIGINT)))
                .isInstanceOfSatisfying(BasaltException.class, e -> assertThat(e.detail()).contains("2 columns"));
        Path other = directory.resolve("other.bdf");
        Files.write(other, new byte[100]);
        assertThatThrownBy(() -> TableFile.open(other, TYPES))
                .isInstanceOfSatisfying(BasaltException.class, e -> assertThat(e.sqlState())
                        .isEqualTo(SqlState.DATA_CORRUPTED));
    }

    @Test
    void zoneMapsOfRestoredChunksLetAScanSkipThem() {
        InMemoryTableStore restored = store(4);
        List<FieldVector[]> chunks = new ArrayList<>();
        List<ChunkStatistics[]> zoneMaps = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            FieldVector numbers = ValueAccess.allocate(LogicalType.BIGINT, "", tables, 4);
            FieldVector texts = ValueAccess.allocate(LogicalType.TEXT, "", tables, 4);
            for (int r = 0; r < 4; r++) {
                ValueAccess.set(numbers, r, c * 10L + r);
                ValueAccess.set(texts, r, "c" + c);
            }
            numbers.setValueCount(4);
            texts.setValueCount(4);
            chunks.add(new FieldVector[] {numbers, texts});
            // the middle chunk's bounds are unknown: it is never skipped
            zoneMaps.add(c == 1 ? null : new ChunkStatistics[] {
                new ChunkStatistics(4, 0, c * 10L, c * 10L + 3), new ChunkStatistics(4, 0, "c" + c, "c" + c)});
        }
        restored.restore(0, 12, chunks, Arrays.asList(null, null, null), zoneMaps);
        append(restored, 1000, 2);
        ScanSource source = restored.withPredicates(List.of(new ScanPredicate.Compare(0, CompareOp.GE, 20L)));
        assertThat(scan(source)).containsExactly("4:10:c1", "5:11:c1", "6:12:c1", "7:13:c1", "8:20:c2", "9:21:c2",
                "10:22:c2", "11:23:c2", "12:1000:v1000", "13:1001:v1001");
        ScanSource none = restored.withPredicates(List.of(new ScanPredicate.Compare(1, CompareOp.EQ, "zz")));
        assertThat(scan(none)).containsExactly("4:10:c1", "5:11:c1", "6:12:c1", "7:13:c1", "12:1000:v1000",
                "13:1001:v1001");
        assertThat(scan(restored.withPredicates(List.of()))).hasSize(14);
    }

    @Test
    void manifestRoundTripsAndDamageIsNamed() throws IOException {
        Manifest manifest = new Manifest(42, 7, List.of("CREATE TABLE t (a int)", "SET search_path TO \"ünï\""),
                List.of(new Manifest.SequenceState("public", "s", 33, true)),
                List.of(new Manifest.TableFileEntry("t:t", "table-000006.bdf", 2, 1000, 1)));
        assertThat(ManifestFile.read(directory)).isEmpty();
        ManifestFile.write(directory, manifest);
        assertThat(ManifestFile.read(directory)).contains(manifest);
        Path path = directory.resolve(ManifestFile.NAME);
        flipByte(path, Files.size(path) / 2);
        assertThatThrownBy(() -> ManifestFile.read(directory)).isInstanceOfSatisfying(BasaltException.class, e -> {
            assertThat(e.sqlState()).isEqualTo(SqlState.DATA_CORRUPTED);
            assertThat(e.getMessage()).contains(path.toString());
        });
    }

    private static void flipByte(Path file, long position) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            one.put(0, (byte) (one.get(0) ^ 0x5A)).rewind();
            channel.write(one, position);
        }
    }
}
