package io.basalt.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.storage.column.shred.JsonbShredding;
import io.basalt.storage.column.shred.PackedDecimal;
import io.basalt.storage.column.shred.ShredKind;
import io.basalt.storage.column.shred.ShreddedPath;
import io.basalt.storage.table.InMemoryTableStore;
import io.basalt.storage.table.TableImage;
import io.basalt.type.LogicalType;
import io.basalt.type.json.Jsonb;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSONB columns in table data files: the row group's common stable paths are written as typed sub-columns (the values
 * of the rows that fit, the positions of the rows holding another type), read back value for value, checksummed like
 * any chunk; rare or unstable paths and array elements are not shredded; a file of format version 1 (no sub-columns)
 * still opens.
 */
class ShreddedFileTest {
    private static final List<LogicalType> TYPES = List.of(LogicalType.BIGINT, LogicalType.JSONB);
    private static final int ROWS = 1000;

    @TempDir
    Path directory;

    private final BufferAllocator root = new RootAllocator();
    private final BufferAllocator tables = root.newChildAllocator("tables", 0, Long.MAX_VALUE);
    private final BufferAllocator query = root.newChildAllocator("query", 0, Long.MAX_VALUE);
    private final List<InMemoryTableStore> stores = new ArrayList<>();

    @AfterEach
    void everythingIsFreed() {
        System.clearProperty(JsonbShredding.PROPERTY);
        for (InMemoryTableStore store : stores) {
            store.close();
        }
        assertThat(query.getAllocatedMemory()).isZero();
        assertThat(tables.getAllocatedMemory()).isZero();
        query.close();
        tables.close();
        root.close();
    }

    /**
     * Document {@code i}: brand always a string, n a number but every 100th a string, specs.ram, a list (an array),
     * rare keys.
     */
    private static String document(int i) {
        return document(i, true);
    }

    /** Document {@code i}, with its list or not (files of versions before 4 hold no array paths). */
    private static String document(int i, boolean list) {
        if (i % 250 == 7) {
            return null;
        }
        if (i % 250 == 8) {
            return "[1, 2]";
        }
        String n = i % 100 == 0 ? "\"x\"" : i % 100 == 1 ? "null" : Integer.toString(i - 500);
        String rare = i % 10 == 0 ? ", \"rare\": 1" : "";
        return "{\"brand\": \"b" + (i % 5) + "\", \"n\": " + n + ", \"specs\": {\"ram\": " + (i % 8)
                + "}, \"on\": " + (i % 3 == 0) + (list ? ", \"list\": [" + i + "]" : "") + rare + ", \"price\": " + price(i) + "}";
    }

    /** Document {@code i}'s price: scales 0, 1 and 2 in turn, negative below row 300. */
    private static String price(int i) {
        return java.math.BigDecimal.valueOf(i - 300, i % 3).toPlainString();
    }

    private Path writeTable(String name) {
        return writeTable(name, true);
    }

    private Path writeTable(String name, boolean lists) {
        InMemoryTableStore store = new InMemoryTableStore("t", TYPES, tables, 64);
        stores.add(store);
        try (FieldVector ids = ValueAccess.allocate(LogicalType.BIGINT, "id", query, ROWS);
             FieldVector docs = ValueAccess.allocate(LogicalType.JSONB, "doc", query, ROWS)) {
            for (int i = 0; i < ROWS; i++) {
                ValueAccess.set(ids, i, (long) i);
                String text = document(i, lists);
                ValueAccess.set(docs, i, text == null ? null : Jsonb.parse(text));
            }
            ids.setValueCount(ROWS);
            docs.setValueCount(ROWS);
            store.append(new Batch(List.of(ids, docs), ROWS));
        }
        Path file = directory.resolve(name);
        try (TableImage image = store.image(query)) {
            TableFileWriter.write(file, image, query);
        }
        return file;
    }

    private static int index(List<ShreddedPath> paths, List<String> keys) {
        for (int i = 0; i < paths.size(); i++) {
            if (paths.get(i).keys().equals(keys)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void commonStablePathsBecomeTypedSubColumns() {
        Path file = writeTable("t.bdf");
        try (TableFile opened = TableFile.open(file, TYPES)) {
            assertThat(opened.rowGroupCount()).isEqualTo(1);
            List<ShreddedPath> paths = opened.shreddedPaths(0);
            List<String> described = new ArrayList<>();
            for (ShreddedPath path : paths) {
                assertThat(path.column()).isEqualTo(1);
                described.add(String.join(".", path.keys()) + ":" + path.kind() + ":" + path.otherRows());
            }
            // every 250th document is an array (other for every path); n is a string in 10 more rows and JSON null
            // in 10 more (other too: the member is 'null' there, not NULL)
            assertThat(described).containsExactlyInAnyOrder("brand:STRING:4", "n:LONG:24", "specs.ram:LONG:4",
                    "on:BOOLEAN:4", "price:DECIMAL:4", "list:ARRAY:4");
            // an array path holds the members themselves
            try (FieldVector lists = opened.column(0, opened.shredValuesChunk(index(paths, List.of("list"))), query)) {
                for (int i = 0; i < ROWS; i++) {
                    boolean document = i % 250 != 7 && i % 250 != 8;
                    Object list = ValueAccess.get(lists, i);
                    assertThat(list == null ? null : list.toString()).as("list of row %d", i)
                            .isEqualTo(document ? "[" + i + "]" : null);
                }
            }
            try (FieldVector prices = opened.column(0, opened.shredValuesChunk(index(paths, List.of("price"))),
                    query)) {
                for (int i = 0; i < ROWS; i++) {
                    boolean document = i % 250 != 7 && i % 250 != 8;
                    Object packed = ValueAccess.get(prices, i);
                    assertThat(packed == null ? null : PackedDecimal.text((Long) packed)).as("price of row %d", i)
                            .isEqualTo(document ? price(i) : null);
                }
            }
            int n = index(paths, List.of("n"));
            assertThat(paths.get(n).statistics().min()).isEqualTo(-498L);
            assertThat(paths.get(n).statistics().max()).isEqualTo(499L);
            try (FieldVector values = opened.column(0, opened.shredValuesChunk(n), query);
                 FieldVector brands = opened.column(0, opened.shredValuesChunk(index(paths, List.of("brand"))), query);
                 FieldVector others = opened.column(0, opened.shredOthersChunk(n), query)) {
                for (int i = 0; i < ROWS; i++) {
                    boolean fits = i % 250 != 7 && i % 250 != 8 && i % 100 > 1;
                    assertThat(ValueAccess.get(values, i)).as("n of row %d", i).isEqualTo(fits ? (Object) (long) (i - 500) : null);
                    boolean document = i % 250 != 7 && i % 250 != 8;
                    assertThat(ValueAccess.get(brands, i)).isEqualTo(document ? "b" + (i % 5) : null);
                }
                List<Object> otherRows = new ArrayList<>();
                for (int i = 0; i < others.getValueCount(); i++) {
                    otherRows.add(ValueAccess.get(others, i));
                }
                assertThat(otherRows).startsWith(0L, 1L, 8L, 100L, 101L, 200L, 201L, 258L, 300L, 301L).hasSize(24);
                assertThat(paths.get(n).nullsAreOther()).as("JSON null among the other rows, recorded").isTrue();
            }
            assertThat(paths.get(index(paths, List.of("on"))).kind()).isEqualTo(ShredKind.BOOLEAN);
        }
    }

    @Test
    void shreddingOffWritesNoSubColumns() {
        System.setProperty(JsonbShredding.PROPERTY, "off");
        try (TableFile opened = TableFile.open(writeTable("t.bdf"), TYPES)) {
            assertThat(opened.shreddedPaths(0)).isEmpty();
        }
    }

    @Test
    void damagedSubColumnIsFoundByItsChecksum() throws IOException {
        Path file = writeTable("t.bdf");
        long offset;
        try (TableFile opened = TableFile.open(file, TYPES)) {
            int chunk = opened.shredValuesChunk(0);
            offset = opened.encodedChunk(0, chunk).address() - opened.encodedChunk(0, 0).address();
        }
        byte[] bytes = Files.readAllBytes(file);
        int at = (int) (DataFileFormat.HEADER_BYTES + offset + 9);
        bytes[at] ^= 0x5A;
        Files.write(file, bytes);
        try (TableFile opened = TableFile.open(file, TYPES)) {
            assertThatThrownBy(() -> opened.column(0, opened.shredValuesChunk(0), query).close())
                    .isInstanceOfSatisfying(BasaltException.class,
                            e -> assertThat(e.sqlState()).isEqualTo(SqlState.DATA_CORRUPTED));
        }
    }

    @Test
    void versionOneFileStillOpens() throws IOException {
        System.setProperty(JsonbShredding.PROPERTY, "off");
        Path file = writeTable("t.bdf");
        // rewrite as version 1 wrote it: no shredded path count after the row group's chunks
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer trailer = ByteBuffer.wrap(bytes, bytes.length - DataFileFormat.TRAILER_BYTES,
                DataFileFormat.TRAILER_BYTES).slice();
        long footerOffset = trailer.getLong(0);
        int footerLength = trailer.getInt(8) - 4;
        byte[] old = new byte[(int) footerOffset + footerLength + DataFileFormat.TRAILER_BYTES];
        System.arraycopy(bytes, 0, old, 0, (int) footerOffset + footerLength);
        ByteBuffer header = ByteBuffer.wrap(old, 0, DataFileFormat.HEADER_BYTES).slice().order(ByteOrder.BIG_ENDIAN);
        header.putInt(8, 1);
        header.putInt(12, crc(old, 0, 12));
        ByteBuffer newTrailer = ByteBuffer.wrap(old, (int) footerOffset + footerLength, DataFileFormat.TRAILER_BYTES)
                .slice();
        newTrailer.putLong(footerOffset).putInt(footerLength).putInt(crc(old, (int) footerOffset, footerLength))
                .putInt(1).put(DataFileFormat.MAGIC);
        Path versionOne = directory.resolve("v1.bdf");
        Files.write(versionOne, old);
        try (TableFile opened = TableFile.open(versionOne, TYPES)) {
            assertThat(opened.shreddedPaths(0)).isEmpty();
            try (FieldVector docs = opened.column(0, 1, query)) {
                assertThat(docs.getValueCount()).isEqualTo(ROWS);
                assertThat(ValueAccess.get(docs, 3).toString()).isEqualTo(Jsonb.parse(document(3)).toString());
            }
        }
    }

    @Test
    void filesAreWrittenAsFormatVersionFour() throws IOException {
        Path file = writeTable("t.bdf");
        byte[] bytes = Files.readAllBytes(file);
        assertThat(ByteBuffer.wrap(bytes).getInt(8)).isEqualTo(4);
        assertThat(ByteBuffer.wrap(bytes).getInt(bytes.length - 12)).isEqualTo(4);
        try (TableFile opened = TableFile.open(file, TYPES)) {
            assertThat(opened.shreddedPaths(0)).isNotEmpty().allMatch(ShreddedPath::nullsAreOther);
        }
    }

    @Test
    void aFileOfALaterVersionIsReportedAsNewerNotDamaged() throws IOException {
        // as a build that reads up to version 2 meets a version 3 file: the version is checked before any checksum
        // or kind byte
        Path file = writeTable("t.bdf");
        Path newer = directory.resolve("newer.bdf");
        Files.write(newer, withVersion(Files.readAllBytes(file), DataFileFormat.VERSION + 1));
        assertThatThrownBy(() -> TableFile.open(newer, TYPES).close()).isInstanceOfSatisfying(BasaltException.class,
                e -> {
                    assertThat(e.sqlState()).isEqualTo(SqlState.DATA_CORRUPTED);
                    assertThat(e.getMessage()).isEqualTo("database files are incompatible with server");
                    assertThat(e.detail()).contains("has format version " + (DataFileFormat.VERSION + 1)
                            + ", but this build of Basalt supports up to version " + DataFileFormat.VERSION);
                });
    }

    @Test
    void versionTwoFileWithNullsAmongOtherRowsStillOpens() throws IOException {
        // the builds between the bit and version 3 wrote it into version 2 files
        Path file = writeTable("t.bdf", false);
        Path versionTwo = directory.resolve("v2.bdf");
        Files.write(versionTwo, withVersion(Files.readAllBytes(file), 2));
        try (TableFile opened = TableFile.open(versionTwo, TYPES)) {
            List<ShreddedPath> paths = opened.shreddedPaths(0);
            int n = index(paths, List.of("n"));
            assertThat(n).isNotNegative();
            assertThat(paths.get(n).nullsAreOther()).isTrue();
            try (FieldVector docs = opened.column(0, 1, query)) {
                assertThat(ValueAccess.get(docs, 3).toString()).isEqualTo(Jsonb.parse(document(3, false)).toString());
            }
        }
    }

    @Test
    void versionThreeFileStillOpens() throws IOException {
        Path file = writeTable("t.bdf", false);
        Path versionThree = directory.resolve("v3.bdf");
        Files.write(versionThree, withVersion(Files.readAllBytes(file), 3));
        try (TableFile opened = TableFile.open(versionThree, TYPES)) {
            assertThat(opened.shreddedPaths(0)).extracting(ShreddedPath::kind).doesNotContain(ShredKind.ARRAY)
                    .contains(ShredKind.STRING, ShredKind.LONG);
            try (FieldVector docs = opened.column(0, 1, query)) {
                assertThat(ValueAccess.get(docs, 3).toString()).isEqualTo(Jsonb.parse(document(3, false)).toString());
            }
        }
    }

    @Test
    void anArrayPathInAFileBeforeVersionFourIsDamage() throws IOException {
        // no build before version 4 wrote the kind: a file claiming an older version with one is not trusted
        Path file = writeTable("t.bdf");
        Path versionThree = directory.resolve("v3.bdf");
        Files.write(versionThree, withVersion(Files.readAllBytes(file), 3));
        assertThatThrownBy(() -> TableFile.open(versionThree, TYPES).close()).isInstanceOfSatisfying(
                BasaltException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo(SqlState.DATA_CORRUPTED);
                    assertThat(e.detail()).contains("has an unknown kind");
                });
    }

    /** {@code bytes} of a data file with its header's and trailer's format version set to {@code version}. */
    private static byte[] withVersion(byte[] bytes, int version) {
        byte[] copy = bytes.clone();
        ByteBuffer buffer = ByteBuffer.wrap(copy);
        buffer.putInt(8, version);
        buffer.putInt(12, crc(copy, 0, 12));
        buffer.putInt(copy.length - 12, version);
        return copy;
    }

    private static int crc(byte[] bytes, int from, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, from, length);
        return (int) crc.getValue();
    }
}
