package io.basalt.storage.file;

import io.basalt.storage.column.ChunkStatistics;
import io.basalt.type.LogicalType;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
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
 * </pre>
 */
record FileFooter(int columnCount, List<RowGroup> rowGroups) {

    /** One column chunk: its bytes' place in the file and checksum, and its zone map. */
    record Chunk(long offset, int length, int checksum, ChunkStatistics statistics) {
    }

    /** One row group: positions {@code [firstPosition, firstPosition + rowCount)} of the table's generation. */
    record RowGroup(long firstPosition, int rowCount, long[] deletionMask, List<Chunk> chunks) {
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
                    out.writeLong(chunk.offset());
                    out.writeInt(chunk.length());
                    out.writeInt(chunk.checksum());
                    byte[] statistics = chunk.statistics().serialize();
                    out.writeInt(statistics.length);
                    out.write(statistics);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Parses a footer of a file of {@code chunkBytesEnd} bytes before the footer, for a table of {@code types}.
     *
     * @throws io.basalt.error.BasaltException DATA_CORRUPTED naming {@code path} when the footer does not fit
     */
    static FileFooter parse(ByteBuffer in, Path path, List<LogicalType> types, long chunkBytesEnd) {
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
                    long offset = in.getLong();
                    int length = in.getInt();
                    int checksum = in.getInt();
                    int statisticsLength = in.getInt();
                    if (offset < DataFileFormat.HEADER_BYTES || length < 0 || offset + length > chunkBytesEnd
                            || statisticsLength < 0 || statisticsLength > in.remaining()) {
                        throw DataFileFormat.corrupt(path, "Column chunk " + c + " of row group " + g
                                + " lies outside the file.");
                    }
                    byte[] statistics = new byte[statisticsLength];
                    in.get(statistics);
                    ChunkStatistics parsed;
                    try {
                        parsed = ChunkStatistics.deserialize(statistics, types.get(c));
                    } catch (io.basalt.error.BasaltException e) {
                        throw DataFileFormat.corrupt(path, "Column chunk " + c + " of row group " + g + ": "
                                + e.getMessage() + ".");
                    }
                    chunks.add(new Chunk(offset, length, checksum, parsed));
                }
                groups.add(new RowGroup(first, rows, mask, List.copyOf(chunks)));
            }
            if (in.hasRemaining()) {
                throw DataFileFormat.corrupt(path, "The footer has " + in.remaining() + " bytes too many.");
            }
            return new FileFooter(columns, List.copyOf(groups));
        } catch (BufferUnderflowException e) {
            throw DataFileFormat.corrupt(path, "The footer is cut short.");
        }
    }
}
