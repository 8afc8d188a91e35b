package io.basalt.optimizer.statistics;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The file {@code <dbdir>/statistics} that keeps what ANALYZE gathered across a close and reopen, replaced
 * atomically as the manifest is ({@code statistics.tmp} written, synced, renamed over the old one, directory
 * synced). The statistics are a hint, not data: {@link #read} never fails, a missing, damaged or newer file
 * reads as none (the optimizer then uses its defaults until ANALYZE runs again).
 *
 * <p>Tables are named as they were when the file was written, which the write-ahead log's sequence number
 * {@code walSequence} pins down: opening attaches each entry to the table of that name as the catalog stood after
 * that log record (see {@code io.basalt.engine.DurableStatistics}), so later renames and drops replay onto the
 * right tables. Each entry also keeps its columns' names, and is dropped when they no longer match.
 *
 * <pre>
 * magic            8 bytes  ASCII "BASALTST"
 * format version   int32    {@value #VERSION}
 * payload length   int32
 * payload          walSequence int64, table count int32 + (schema, name, rowCount int64, column count int32 +
 *                  (column name, distinct float64, nullFraction float64, low float64, high float64), JSON path
 *                  count int32 + (column int32, key count int32 + (key), distinct, nullFraction, low, high as above,
 *                  most common value count int32 + (value, fraction float64)));
 *                  strings as DataOutput.writeUTF (version 1 had no JSON paths, version 2 no most common values;
 *                  both still read)
 * checksum         int32    CRC32C of everything before it
 * </pre>
 */
public final class StatisticsFile {
    public static final String NAME = "statistics";
    static final int VERSION = 3;
    private static final byte[] MAGIC = "BASALTST".getBytes(US_ASCII);
    private static final String TEMPORARY = NAME + ".tmp";
    private static final System.Logger LOG = System.getLogger(StatisticsFile.class.getName());

    /** One table's statistics under the name and column names it had when they were saved. */
    public record Entry(String schema, String table, List<String> columnNames, TableStatistics statistics) {
        public Entry {
            columnNames = List.copyOf(columnNames);
            if (columnNames.size() != statistics.columns().size()) {
                throw new IllegalArgumentException(columnNames.size() + " column names for "
                        + statistics.columns().size() + " columns");
            }
        }
    }

    /** The file's contents: the entries, valid for the catalog as it stood after log record {@code walSequence}. */
    public record Contents(long walSequence, List<Entry> entries) {
        public Contents {
            entries = List.copyOf(entries);
        }
    }

    private StatisticsFile() {
    }

    /**
     * The statistics saved in {@code dbDirectory}, or empty when there are none or the file cannot be used (it is
     * damaged, of a newer format, or unreadable: a warning is logged). A leftover temporary file is removed.
     */
    public static Optional<Contents> read(Path dbDirectory) {
        Path path = dbDirectory.resolve(NAME);
        byte[] bytes;
        try {
            Files.deleteIfExists(dbDirectory.resolve(TEMPORARY));
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return ignored(path, "it cannot be read: " + e);
        }
        if (bytes.length < MAGIC.length + 12 || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return ignored(path, "it is not a Basalt statistics file");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int version = in.getInt(MAGIC.length);
        int length = in.getInt(MAGIC.length + 4);
        if (version < 1 || version > VERSION) {
            return ignored(path, "its format version is " + version + ", this build reads " + VERSION);
        }
        if (length != bytes.length - MAGIC.length - 12) {
            return ignored(path, "its length does not match the file");
        }
        if (checksum(bytes, bytes.length - 4) != in.getInt(bytes.length - 4)) {
            return ignored(path, "its checksum does not match");
        }
        try {
            return Optional.of(parse(new DataInputStream(new ByteArrayInputStream(bytes, MAGIC.length + 8, length)),
                    version));
        } catch (IOException | RuntimeException e) {
            return ignored(path, "it cannot be parsed: " + e);
        }
    }

    private static Optional<Contents> ignored(Path path, String why) {
        LOG.log(System.Logger.Level.WARNING, "ignoring planner statistics in \"" + path + "\": " + why);
        return Optional.empty();
    }

    private static Contents parse(DataInputStream in, int version) throws IOException {
        long walSequence = in.readLong();
        int tableCount = in.readInt();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < tableCount; i++) {
            String schema = in.readUTF();
            String table = in.readUTF();
            long rowCount = in.readLong();
            int columnCount = in.readInt();
            List<String> names = new ArrayList<>();
            List<ColumnStatistics> columns = new ArrayList<>();
            for (int c = 0; c < columnCount; c++) {
                names.add(in.readUTF());
                columns.add(new ColumnStatistics(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble()));
            }
            java.util.Map<TableStatistics.Path, ColumnStatistics> paths = new java.util.HashMap<>();
            int pathCount = version >= 2 ? in.readInt() : 0;
            for (int p = 0; p < pathCount; p++) {
                int column = in.readInt();
                int keyCount = in.readInt();
                if (column < 0 || column >= columnCount || keyCount <= 0) {
                    throw new IOException("bad JSON path of column " + column + " with " + keyCount + " keys");
                }
                List<String> keys = new ArrayList<>();
                for (int k = 0; k < keyCount; k++) {
                    keys.add(in.readUTF());
                }
                double distinct = in.readDouble();
                double nullFraction = in.readDouble();
                double low = in.readDouble();
                double high = in.readDouble();
                MostCommonValues mostCommon = MostCommonValues.NONE;
                int commonCount = version >= 3 ? in.readInt() : 0;
                if (commonCount < 0) {
                    throw new IOException("negative count of most common values");
                }
                if (commonCount > 0) {
                    List<String> values = new ArrayList<>();
                    double[] fractions = new double[commonCount];
                    for (int v = 0; v < commonCount; v++) {
                        values.add(in.readUTF());
                        fractions[v] = in.readDouble();
                    }
                    mostCommon = new MostCommonValues(values, fractions);
                }
                paths.put(new TableStatistics.Path(column, keys),
                        new ColumnStatistics(distinct, nullFraction, low, high, mostCommon));
            }
            entries.add(new Entry(schema, table, names, new TableStatistics(rowCount, columns, paths)));
        }
        if (in.read() >= 0) {
            throw new EOFException("bytes after the last table");
        }
        return new Contents(walSequence, entries);
    }

    /**
     * Replaces the statistics file of {@code dbDirectory} by {@code contents}, atomically and durably.
     *
     * @throws io.basalt.error.BasaltException IO_ERROR when it cannot be written (the old file stays)
     */
    public static void write(Path dbDirectory, Contents contents) {
        io.basalt.storage.file.AtomicFileReplace.replace(dbDirectory, NAME, serialize(contents));
    }

    private static byte[] serialize(Contents contents) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(payload)) {
            out.writeLong(contents.walSequence());
            out.writeInt(contents.entries().size());
            for (Entry entry : contents.entries()) {
                out.writeUTF(entry.schema());
                out.writeUTF(entry.table());
                out.writeLong(entry.statistics().rowCount());
                List<ColumnStatistics> columns = entry.statistics().columns();
                out.writeInt(columns.size());
                for (int c = 0; c < columns.size(); c++) {
                    ColumnStatistics column = columns.get(c);
                    out.writeUTF(entry.columnNames().get(c));
                    out.writeDouble(column.distinct());
                    out.writeDouble(column.nullFraction());
                    out.writeDouble(column.low());
                    out.writeDouble(column.high());
                }
                out.writeInt(entry.statistics().paths().size());
                for (var path : entry.statistics().paths().entrySet()) {
                    out.writeInt(path.getKey().column());
                    out.writeInt(path.getKey().keys().size());
                    for (String key : path.getKey().keys()) {
                        out.writeUTF(key);
                    }
                    ColumnStatistics values = path.getValue();
                    out.writeDouble(values.distinct());
                    out.writeDouble(values.nullFraction());
                    out.writeDouble(values.low());
                    out.writeDouble(values.high());
                    MostCommonValues mostCommon = values.mostCommon();
                    out.writeInt(mostCommon.values().size());
                    for (int v = 0; v < mostCommon.values().size(); v++) {
                        out.writeUTF(mostCommon.values().get(v));
                        out.writeDouble(mostCommon.fractions()[v]);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] body = payload.toByteArray();
        ByteBuffer file = ByteBuffer.allocate(MAGIC.length + 12 + body.length);
        file.put(MAGIC).putInt(VERSION).putInt(body.length).put(body);
        file.putInt(checksum(file.array(), file.position()));
        return file.array();
    }

    private static int checksum(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }
}
