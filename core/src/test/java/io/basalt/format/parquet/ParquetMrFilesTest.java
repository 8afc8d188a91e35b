package io.basalt.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.type.ByteString;
import io.basalt.type.Uuid;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.GroupWriter;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by parquet-mr's own column writers (v1 and v2 pages, with and without dictionaries, with
 * BYTE_STREAM_SPLIT; several row groups and many small pages; NULLs at several densities) for every flat type the
 * page decoder reads: the page-at-a-time reader must give exactly the values written, and the same as parquet-mr's
 * value-at-a-time reader. The test also checks that the files really hold the encodings it means to cover
 * (DELTA_BINARY_PACKED, DELTA_BYTE_ARRAY, BYTE_STREAM_SPLIT, RLE booleans, dictionaries, PLAIN).
 */
class ParquetMrFilesTest {
    private static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
            message m {
              required int64 id;
              optional int32 i32;
              optional int32 i16 (INTEGER(16, true));
              optional int64 i64;
              optional float f32;
              optional double f64;
              optional boolean b;
              optional int32 d9 (DECIMAL(9, 2));
              optional int64 d18 (DECIMAL(18, 4));
              optional int32 dt (DATE);
              optional int64 ts (TIMESTAMP(MICROS, false));
              optional binary s (STRING);
              optional binary bin;
              optional fixed_len_byte_array(16) u (UUID);
            }
            """);

    @TempDir
    Path directory;

    @Test
    void everyTypeAndEncodingParquetMrWritesReadsBack() throws IOException {
        Set<Encoding> seen = new HashSet<>();
        int file = 0;
        for (ParquetProperties.WriterVersion version : ParquetProperties.WriterVersion.values()) {
            for (boolean dictionary : new boolean[] {true, false}) {
                for (double nulls : new double[] {0, 0.1, 0.9}) {
                    Random random = new Random(file * 31L + 5);
                    int rows = 500 + random.nextInt(4000);
                    int distinct = dictionary ? 20 : 1_000_000;
                    List<List<Object>> expected = new ArrayList<>();
                    List<Group> groups = new ArrayList<>();
                    generate(random, rows, distinct, nulls, expected, groups);
                    Path path = directory.resolve("mr" + file++ + ".parquet");
                    ParquetProperties properties = ParquetProperties.builder()
                            .withWriterVersion(version)
                            .withDictionaryEncoding(dictionary)
                            .withByteStreamSplitEncoding(!dictionary && version == ParquetProperties.WriterVersion.PARQUET_2_0)
                            .withPageSize(1024)
                            .withDictionaryPageSize(1 << 16)
                            .withPageRowCountLimit(300)
                            .build();
                    write(path, properties, groups, 1 + random.nextInt(3) * 700);
                    seen.addAll(encodings(path));
                    String label = version + " dictionary " + dictionary + " nulls " + nulls + " rows " + rows;
                    try (BufferAllocator allocator = new RootAllocator()) {
                        ParquetScan scan = ParquetScan.open(List.of(path.toString()));
                        int[] columns = new int[scan.names().size()];
                        for (int i = 0; i < columns.length; i++) {
                            columns[i] = i;
                        }
                        List<List<Object>> page = ParquetPageReaderTest.read(scan, columns, allocator, 1 + random.nextInt(900));
                        List<List<Object>> record = ParquetPageReaderTest.read(scan.withRecordReader(), columns, allocator, 333);
                        assertThat(page).as(label).isEqualTo(expected);
                        assertThat(record).as(label).isEqualTo(expected);
                    }
                }
            }
        }
        assertThat(seen).contains(Encoding.DELTA_BINARY_PACKED, Encoding.DELTA_BYTE_ARRAY, Encoding.BYTE_STREAM_SPLIT,
                Encoding.RLE_DICTIONARY, Encoding.PLAIN_DICTIONARY, Encoding.PLAIN, Encoding.RLE);
    }

    /**
     * Dictionary fallback: parquet-mr starts each chunk dictionary-encoded and switches to PLAIN pages once the
     * dictionary outgrows its page, so one chunk holds a dictionary page, dictionary-encoded pages and PLAIN pages
     * (in v1 and v2 files, with NULLs and without): every value must read back.
     */
    @Test
    void chunksThatFallBackFromTheDictionaryToPlainReadBack() throws IOException {
        int file = 0;
        for (ParquetProperties.WriterVersion version : ParquetProperties.WriterVersion.values()) {
            for (double nulls : new double[] {0, 0.3}) {
                Random random = new Random(file * 17L + 3);
                int rows = 3000 + random.nextInt(2000);
                List<List<Object>> expected = new ArrayList<>();
                List<Group> groups = new ArrayList<>();
                // each row group starts with 700 rows of few values (a dictionary that pays) and goes on with
                // distinct ones, which outgrow the dictionary page and make the writer fall back to PLAIN
                for (int done = 0; done < rows; done += 700) {
                    generate(random, Math.min(700, rows - done), (done / 700) % 2 == 0 ? 20 : 1_000_000, nulls, expected,
                            groups);
                }
                Path path = directory.resolve("fallback" + file++ + ".parquet");
                ParquetProperties properties = ParquetProperties.builder()
                        .withWriterVersion(version)
                        .withDictionaryEncoding(true)
                        .withPageSize(1024)
                        .withDictionaryPageSize(4000)
                        .withPageRowCountLimit(300)
                        .build();
                write(path, properties, groups, 1401);
                boolean mixed = false;
                try (ParquetFileReader reader = new ParquetFileReader(new LocalInputFile(path), ParquetFile.READ_OPTIONS)) {
                    for (BlockMetaData block : reader.getFooter().getBlocks()) {
                        for (ColumnChunkMetaData chunk : block.getColumns()) {
                            Set<Encoding> encodings = chunk.getEncodings();
                            mixed |= encodings.contains(Encoding.PLAIN) && (encodings.contains(Encoding.PLAIN_DICTIONARY)
                                    || encodings.contains(Encoding.RLE_DICTIONARY));
                        }
                    }
                }
                assertThat(mixed).as("a chunk with dictionary and PLAIN pages").isTrue();
                String label = version + " nulls " + nulls;
                try (BufferAllocator allocator = new RootAllocator()) {
                    ParquetScan scan = ParquetScan.open(List.of(path.toString()));
                    int[] columns = new int[scan.names().size()];
                    for (int i = 0; i < columns.length; i++) {
                        columns[i] = i;
                    }
                    for (int batch : new int[] {1, 333, 2048}) {
                        assertThat(ParquetPageReaderTest.read(scan, columns, allocator, batch)).as(label + " batch " + batch)
                                .isEqualTo(expected);
                    }
                    assertThat(allocator.getAllocatedMemory()).isZero();
                }
            }
        }
    }

    /** Rows of random values: into {@code groups} for parquet-mr, and as Basalt's canonical values into {@code expected}. */
    private static void generate(Random random, int rows, int distinct, double nulls, List<List<Object>> expected,
                                 List<Group> groups) {
        SimpleGroupFactory factory = new SimpleGroupFactory(SCHEMA);
        for (int row = 0; row < rows; row++) {
            Group group = factory.newGroup();
            List<Object> values = new ArrayList<>();
            group.add("id", (long) row);
            values.add((long) row);
            int pick = random.nextInt(distinct);
            boolean present;
            present = random.nextDouble() >= nulls;
            int i32 = pick % 2 == 0 ? Integer.MIN_VALUE + pick : Integer.MAX_VALUE - pick;
            if (present) {
                group.add("i32", i32);
            }
            values.add(present ? (Object) (long) i32 : null);
            present = random.nextDouble() >= nulls;
            int i16 = (pick % 60000) - 30000;
            if (present) {
                group.add("i16", i16);
            }
            values.add(present ? (Object) (long) i16 : null);
            present = random.nextDouble() >= nulls;
            long i64 = pick % 3 == 0 ? Long.MIN_VALUE + pick : pick * 1_000_000_007L;
            if (present) {
                group.add("i64", i64);
            }
            values.add(present ? (Object) i64 : null);
            present = random.nextDouble() >= nulls;
            float f32 = pick % 11 == 0 ? -0.0f : pick / 8.0f;
            if (present) {
                group.add("f32", f32);
            }
            values.add(present ? (Object) (double) f32 : null);
            present = random.nextDouble() >= nulls;
            double f64 = pick * 1.25e-3 - 7;
            if (present) {
                group.add("f64", f64);
            }
            values.add(present ? (Object) f64 : null);
            present = random.nextDouble() >= nulls;
            boolean b = pick % 3 == 1;
            if (present) {
                group.add("b", b);
            }
            values.add(present ? (Object) b : null);
            present = random.nextDouble() >= nulls;
            int d9 = pick % 99_999_999 - 50_000_000;
            if (present) {
                group.add("d9", d9);
            }
            values.add(present ? (Object) (long) d9 : null); // numeric(9,2) as its scaled integer
            present = random.nextDouble() >= nulls;
            long d18 = pick * 123_456_789L - 99;
            if (present) {
                group.add("d18", d18);
            }
            values.add(present ? (Object) d18 : null);
            present = random.nextDouble() >= nulls;
            int dt = pick % 40000 - 10000;
            if (present) {
                group.add("dt", dt);
            }
            values.add(present ? (Object) (long) dt : null);
            present = random.nextDouble() >= nulls;
            long ts = pick * 86_400_000_001L - 3;
            if (present) {
                group.add("ts", ts);
            }
            values.add(present ? (Object) ts : null);
            present = random.nextDouble() >= nulls;
            String s = pick % 5 == 0 ? "" : "välue-" + pick + "x".repeat(pick % 13);
            if (present) {
                group.add("s", s);
            }
            values.add(present ? s : null);
            present = random.nextDouble() >= nulls;
            byte[] bin = ("b" + pick).getBytes(StandardCharsets.UTF_8);
            if (present) {
                group.add("bin", Binary.fromConstantByteArray(bin));
            }
            values.add(present ? ByteString.wrap(bin) : null);
            present = random.nextDouble() >= nulls;
            java.util.UUID uuid = new java.util.UUID(pick * 31L, -pick);
            if (present) {
                group.add("u", Binary.fromConstantByteArray(ByteBuffer.allocate(16)
                        .putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array()));
            }
            values.add(present ? new Uuid(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits()) : null);
            groups.add(group);
            expected.add(values);
        }
    }

    /** Writes {@code groups} with parquet-mr's column writers, {@code rowsPerGroup} rows per row group. */
    private static void write(Path path, ParquetProperties properties, List<Group> groups, int rowsPerGroup)
            throws IOException {
        ParquetFileWriter writer = new ParquetFileWriter(new LocalOutputFile(path), SCHEMA,
                ParquetFileWriter.Mode.CREATE, 128L << 20, 0);
        writer.start();
        MessageColumnIO io = new ColumnIOFactory().getColumnIO(SCHEMA);
        for (int from = 0; from < groups.size(); from += rowsPerGroup) {
            int to = Math.min(groups.size(), from + rowsPerGroup);
            ColumnChunkPageWriteStore pages = new ColumnChunkPageWriteStore(
                    ParquetCodecs.INSTANCE.getCompressor(CompressionCodecName.SNAPPY), SCHEMA,
                    new HeapByteBufferAllocator(), 64);
            ColumnWriteStore columns = properties.newColumnWriteStore(SCHEMA, pages);
            GroupWriter groupWriter = new GroupWriter(io.getRecordWriter(columns), SCHEMA);
            for (int i = from; i < to; i++) {
                groupWriter.write(groups.get(i));
                columns.endRecord();
            }
            writer.startBlock(to - from);
            columns.flush();
            pages.flushToFileWriter(writer);
            writer.endBlock();
        }
        writer.end(new HashMap<>());
    }

    private static Set<Encoding> encodings(Path path) throws IOException {
        Set<Encoding> encodings = new HashSet<>();
        try (ParquetFileReader reader = new ParquetFileReader(new LocalInputFile(path), ParquetFile.READ_OPTIONS)) {
            for (BlockMetaData block : reader.getFooter().getBlocks()) {
                for (ColumnChunkMetaData chunk : block.getColumns()) {
                    encodings.addAll(chunk.getEncodings());
                }
            }
        }
        return encodings;
    }
}
