package io.basalt.storage.file;

import io.basalt.storage.column.ChunkStatistics;
import io.basalt.storage.column.shred.ShredKind;
import io.basalt.type.LogicalType;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The metadata at the end of a table data file: its row groups and, per row group, where each column chunk lies,
 * its checksum and its zone map. Serialized by {@link #serialize} and parsed (after its checksum was verified)
 * by {@link #parse}, which still checks every length and offset against the file so that a footer from another
 * file or another version fails cleanly.
 *
 * <pre>
 * int32 column count, int32 row group count, then per row group:
 *   int64 first row position, int32 row count,
 *   int32 deletion mask words (0: no row deleted), int64 words (bit r set: row r of the group deleted),
 *   per column: int64 offset, int32 length, int32 CRC32C, int32 statistics length, statistics bytes
 *   from format version 2: int32 shredded path count, per shredded path ({@link Shred}):
 *     int32 column, int32 key count, per key int32 length + UTF-8 bytes, int8 kind ({@code ShredKind} id, plus
 *     {@value #NULLS_ARE_OTHER} when JSON null at the path is among the other rows; from format version 4 the
 *     kind may be {@code ARRAY}, whose values chunk is JSONB),
 *     int32 other rows, the values chunk as a column's above, and when other rows &gt; 0 the other rows' chunk
 *     (int64 offset, int32 length, int32 CRC32C)
 * </pre>
 */
record FileFooter(int columnCount, List<RowGroup> rowGroups) {
    /**
     * The bit of a shredded path's kind byte that says JSON null at the path is among its other rows (files written
     * before it existed have it clear; format version 3 announces it, so that a build that does not know it reports
     * a newer format rather than a damaged file).
     */
    static final int NULLS_ARE_OTHER = 0x40;

    /** One column chunk: its bytes' place in the file and checksum, and its zone map. */
    record Chunk(long offset, int length, int checksum, ChunkStatistics statistics) {
    }

    /**
     * One shredded path of a JSONB column of a row group: its typed values chunk (NULL where a row does not fit, with
     * its zone map) and the chunk of the positions of the rows holding another type there (null when none).
     */
    record Shred(int column, List<String> keys, ShredKind kind, int otherRows, Chunk values, Chunk others,
                 boolean nullsAreOther) {
        Shred {
            keys = List.copyOf(keys);
        }
    }

    /** One row group: positions {@code [firstPosition, firstPosition + rowCount)} of the table's generation. */
    record RowGroup(long firstPosition, int rowCount, long[] deletionMask, List<Chunk> chunks, List<Shred> shreds) {
        RowGroup(long firstPosition, int rowCount, long[] deletionMask, List<Chunk> chunks) {
            this(firstPosition, rowCount, deletionMask, chunks, List.of());
        }

        /** Whether row {@code row} of the group is deleted. */
        boolean deleted(int row) {
            return deletionMask != null && (deletionMask[row >>> 6] & (1L << row)) != 0;
        }
    }

    byte[] serialize() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(columnCount);
            out.writeInt(rowGroups.size());
            for (RowGroup group : rowGroups) {
                out.writeLong(group.firstPosition());
                out.writeInt(group.rowCount());
                long[] mask = group.deletionMask();
                out.writeInt(mask == null ? 0 : mask.length);
                if (mask != null) {
                    for (long word : mask) {
                        out.writeLong(word);
                    }
                }
                for (Chunk chunk : group.chunks()) {
                    writeChunk(out, chunk);
                }
                out.writeInt(group.shreds().size());
                for (Shred shred : group.shreds()) {
                    out.writeInt(shred.column());
                    out.writeInt(shred.keys().size());
                    for (String key : shred.keys()) {
                        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
                        out.writeInt(keyBytes.length);
                        out.write(keyBytes);
                    }
                    out.writeByte(shred.kind().id() | (shred.nullsAreOther() ? NULLS_ARE_OTHER : 0));
                    out.writeInt(shred.otherRows());
                    writeChunk(out, shred.values());
                    if (shred.otherRows() > 0) {
                        out.writeLong(shred.others().offset());
                        out.writeInt(shred.others().length());
                        out.writeInt(shred.others().checksum());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeChunk(DataOutputStream out, Chunk chunk) throws IOException {
        out.writeLong(chunk.offset());
        out.writeInt(chunk.length());
        out.writeInt(chunk.checksum());
        byte[] statistics = chunk.statistics().serialize();
        out.writeInt(statistics.length);
        out.write(statistics);
    }

    /**
     * Parses a footer of a file of {@code chunkBytesEnd} bytes before the footer, for a table of {@code types}.
     *
     * @throws io.basalt.error.BasaltException DATA_CORRUPTED naming {@code path} when the footer does not fit
     */
    static FileFooter parse(ByteBuffer in, Path path, List<LogicalType> types, long chunkBytesEnd, int version) {
        try {
            int columns = in.getInt();
            if (columns != types.size()) {
                throw DataFileFormat.corrupt(path, "The file has " + columns + " columns, the table "
                        + types.size() + ".");
            }
            int groupCount = in.getInt();
            if (groupCount < 0) {
                throw DataFileFormat.corrupt(path, "Negative row group count.");
            }
            List<RowGroup> groups = new ArrayList<>(Math.min(groupCount, 1 << 16));
            long expectedPosition = 0;
            for (int g = 0; g < groupCount; g++) {
                long first = in.getLong();
                int rows = in.getInt();
                if (g == 0 && first >= 0) {
                    expectedPosition = first; // a large insert's file starts where its rows go in the table
                }
                if (first != expectedPosition || rows <= 0) {
                    throw DataFileFormat.corrupt(path, "Row group " + g + " does not follow on from the one before.");
                }
                expectedPosition = first + rows;
                int words = in.getInt();
                if (words != 0 && words != (rows + 63) >>> 6) {
                    throw DataFileFormat.corrupt(path, "Row group " + g + " has a deletion mask of the wrong size.");
                }
                long[] mask = words == 0 ? null : new long[words];
                for (int w = 0; w < words; w++) {
                    mask[w] = in.getLong();
                }
                List<Chunk> chunks = new ArrayList<>(columns);
                for (int c = 0; c < columns; c++) {
                    chunks.add(readChunk(in, path, types.get(c), chunkBytesEnd, "Column chunk " + c + " of row group " + g));
                }
                List<Shred> shreds = version >= 2 ? readShreds(in, path, types, chunkBytesEnd, g, version)
                        : List.of();
                groups.add(new RowGroup(first, rows, mask, List.copyOf(chunks), shreds));
            }
            if (in.hasRemaining()) {
                throw DataFileFormat.corrupt(path, "The footer has " + in.remaining() + " bytes too many.");
            }
            return new FileFooter(columns, List.copyOf(groups));
        } catch (BufferUnderflowException e) {
            throw DataFileFormat.corrupt(path, "The footer is cut short.");
        }
    }

    private static Chunk readChunk(ByteBuffer in, Path path, LogicalType type, long chunkBytesEnd, String what) {
        long offset = in.getLong();
        int length = in.getInt();
        int checksum = in.getInt();
        int statisticsLength = in.getInt();
        if (offset < DataFileFormat.HEADER_BYTES || length < 0 || offset + length > chunkBytesEnd
                || statisticsLength < 0 || statisticsLength > in.remaining()) {
            throw DataFileFormat.corrupt(path, what + " lies outside the file.");
        }
        byte[] statistics = new byte[statisticsLength];
        in.get(statistics);
        ChunkStatistics parsed;
        try {
            parsed = ChunkStatistics.deserialize(statistics, type);
        } catch (io.basalt.error.BasaltException e) {
            throw DataFileFormat.corrupt(path, what + ": " + e.getMessage() + ".");
        }
        return new Chunk(offset, length, checksum, parsed);
    }

    private static List<Shred> readShreds(ByteBuffer in, Path path, List<LogicalType> types, long chunkBytesEnd,
                                          int group, int version) {
        int count = in.getInt();
        if (count < 0 || count > in.remaining()) {
            throw DataFileFormat.corrupt(path, "Row group " + group + " has a bad shredded path count.");
        }
        List<Shred> shreds = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            String what = "Shredded path " + s + " of row group " + group;
            int column = in.getInt();
            int keyCount = in.getInt();
            if (column < 0 || column >= types.size() || keyCount <= 0 || keyCount > in.remaining()) {
                throw DataFileFormat.corrupt(path, what + " names no column or path.");
            }
            List<String> keys = new ArrayList<>(keyCount);
            for (int k = 0; k < keyCount; k++) {
                int length = in.getInt();
                if (length < 0 || length > in.remaining()) {
                    throw DataFileFormat.corrupt(path, what + " has a bad key.");
                }
                byte[] key = new byte[length];
                in.get(key);
                keys.add(new String(key, StandardCharsets.UTF_8));
            }
            int kindByte = in.get();
            ShredKind kind = ShredKind.ofId(kindByte & ~NULLS_ARE_OTHER);
            int otherRows = in.getInt();
            // arrays are shredded from version 4 on: in an older file the kind is damage
            if (kind == null || kind == ShredKind.ARRAY && version < 4 || otherRows < 0) {
                throw DataFileFormat.corrupt(path, what + " has an unknown kind.");
            }
            Chunk values = readChunk(in, path, kind.type(), chunkBytesEnd, what);
            Chunk others = null;
            if (otherRows > 0) {
                long offset = in.getLong();
                int length = in.getInt();
                int checksum = in.getInt();
                if (offset < DataFileFormat.HEADER_BYTES || length < 0 || offset + length > chunkBytesEnd) {
                    throw DataFileFormat.corrupt(path, what + " lies outside the file.");
                }
                others = new Chunk(offset, length, checksum, ChunkStatistics.counts(otherRows, 0));
            }
            shreds.add(new Shred(column, keys, kind, otherRows, values, others, (kindByte & NULLS_ARE_OTHER) != 0));
        }
        return List.copyOf(shreds);
    }
}
