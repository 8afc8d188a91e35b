package io.basalt.storage.file;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.storage.wal.FileErrors;
import io.basalt.type.LogicalType;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * An open table data file ({@link DataFileFormat}), read through a memory mapping: opening checks the header,
 * trailer and footer (version first, then checksums), and {@link #column} verifies a column chunk's checksum and
 * decodes it, touching only that chunk's pages. The mapping lives in a shared {@link Arena} until {@link #close}
 * (which may be called more than once).
 * Thread-safe for reading.
 */
public final class TableFile implements AutoCloseable {
    private final Path path;
    private final List<LogicalType> types;
    private final Arena arena;
    private final MemorySegment bytes;
    private final FileFooter footer;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    /**
     * Per row group, the columns whose chunk checksum a predicate evaluation has verified ({@link #selectRows}):
     * the mapped bytes never change, so a warm scan does not checksum the chunk again for each evaluation. A race
     * only verifies twice. Decoding ({@link #column}) still verifies every time.
     */
    private final java.util.BitSet[] filterVerified;

    private TableFile(Path path, List<LogicalType> types, Arena arena, MemorySegment bytes, FileFooter footer) {
        this.path = path;
        this.types = types;
        this.arena = arena;
        this.bytes = bytes;
        this.footer = footer;
        this.filterVerified = new java.util.BitSet[footer.rowGroups().size()];
        for (int group = 0; group < filterVerified.length; group++) {
            filterVerified[group] = new java.util.BitSet();
        }
    }

    /**
     * Maps and checks the file at {@code path}, which must hold a table of {@code types}.
     *
     * @throws BasaltException DATA_CORRUPTED naming the file when it is damaged, not a data file, of another
     *     table shape or of a newer format version; IO_ERROR when it cannot be read
     */
    public static TableFile open(Path path, List<LogicalType> types) {
        Arena arena = Arena.ofShared();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            MemorySegment bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
            FileFooter footer = readFooter(path, bytes, types);
            return new TableFile(path, List.copyOf(types), arena, bytes, footer);
        } catch (IOException e) {
            arena.close();
            throw FileErrors.failed("could not read file", path, e);
        } catch (RuntimeException | Error e) {
            arena.close();
            throw e;
        }
    }

    private static FileFooter readFooter(Path path, MemorySegment bytes, List<LogicalType> types) {
        long size = bytes.byteSize();
        if (size < DataFileFormat.HEADER_BYTES + DataFileFormat.TRAILER_BYTES) {
            throw DataFileFormat.corrupt(path, "The file is too short (" + size + " bytes) to be a table data file.");
        }
        byte[] header = bytes.asSlice(0, DataFileFormat.HEADER_BYTES).toArray(ValueLayout.JAVA_BYTE);
        byte[] trailer = bytes.asSlice(size - DataFileFormat.TRAILER_BYTES, DataFileFormat.TRAILER_BYTES)
                .toArray(ValueLayout.JAVA_BYTE);
        if (!Arrays.equals(header, 0, 8, DataFileFormat.MAGIC, 0, 8)
                || !Arrays.equals(trailer, DataFileFormat.TRAILER_BYTES - 8, DataFileFormat.TRAILER_BYTES,
                DataFileFormat.MAGIC, 0, 8)) {
            throw DataFileFormat.corrupt(path, "The file does not start and end with the table data file magic number.");
        }
        ByteBuffer headerBuffer = ByteBuffer.wrap(header);
        ByteBuffer trailerBuffer = ByteBuffer.wrap(trailer);
        int version = Math.max(headerBuffer.getInt(8), trailerBuffer.getInt(16));
        if (version > DataFileFormat.VERSION) {
            throw DataFileFormat.newerVersion(path, "Table data file", version, DataFileFormat.VERSION);
        }
        if (DataFileFormat.checksum(header, 0, DataFileFormat.HEADER_BYTES - 4) != headerBuffer.getInt(12)
                || version < 1) {
            throw DataFileFormat.corrupt(path, "The header checksum does not match.");
        }
        long footerOffset = trailerBuffer.getLong(0);
        int footerLength = trailerBuffer.getInt(8);
        int footerChecksum = trailerBuffer.getInt(12);
        if (footerOffset < DataFileFormat.HEADER_BYTES || footerLength < 0
                || footerOffset + footerLength != size - DataFileFormat.TRAILER_BYTES) {
            throw DataFileFormat.corrupt(path, "The trailer does not point at a footer.");
        }
        MemorySegment footerBytes = bytes.asSlice(footerOffset, footerLength);
        if (DataFileFormat.checksum(footerBytes) != footerChecksum) {
            throw DataFileFormat.corrupt(path, "The footer checksum does not match.");
        }
        return FileFooter.parse(ByteBuffer.wrap(footerBytes.toArray(ValueLayout.JAVA_BYTE)), path, types, footerOffset,
                version);
    }

    public Path path() {
        return path;
    }

    /** The columns of the table the file holds. */
    public int columnCount() {
        return types.size();
    }

    /** The row groups, in position order. */
    public int rowGroupCount() {
        return footer.rowGroups().size();
    }

    /** Rows of row group {@code group}, deleted ones included. */
    public int rowCount(int group) {
        return footer.rowGroups().get(group).rowCount();
    }

    /** The first row position of row group {@code group}. */
    public long firstPosition(int group) {
        return footer.rowGroups().get(group).firstPosition();
    }

    /** Row group {@code group}'s deletion mask over its rows (bit r: row r deleted), or null when none is. */
    public long[] deletionMask(int group) {
        long[] mask = footer.rowGroups().get(group).deletionMask();
        return mask == null ? null : mask.clone();
    }

    /** The zone map of column {@code column} in row group {@code group}. */
    public io.basalt.storage.column.ChunkStatistics statistics(int group, int column) {
        return footer.rowGroups().get(group).chunks().get(column).statistics();
    }

    /** Positions in the file, deleted ones included. */
    public long positions() {
        List<FileFooter.RowGroup> groups = footer.rowGroups();
        return groups.isEmpty() ? 0 : groups.getLast().firstPosition() + groups.getLast().rowCount();
    }

    /**
     * The row group holding exactly positions {@code [firstPosition, firstPosition + rows)}, or -1 when no group
     * of this file does.
     */
    public int groupAt(long firstPosition, int rows) {
        int group = groupStartingAt(firstPosition);
        return group >= 0 && footer.rowGroups().get(group).rowCount() == rows ? group : -1;
    }

    /** The row group starting at position {@code firstPosition}, or -1 when no group of this file does. */
    public int groupStartingAt(long firstPosition) {
        List<FileFooter.RowGroup> groups = footer.rowGroups();
        int low = 0;
        int high = groups.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            long first = groups.get(middle).firstPosition();
            if (first < firstPosition) {
                low = middle + 1;
            } else if (first > firstPosition) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -1;
    }

    /** The type of column {@code column}. */
    public LogicalType type(int column) {
        return types.get(column);
    }

    /** The shredded JSONB paths of row group {@code group} (in the order of their indexes). */
    public List<io.basalt.storage.column.shred.ShreddedPath> shreddedPaths(int group) {
        List<FileFooter.Shred> shreds = footer.rowGroups().get(group).shreds();
        List<io.basalt.storage.column.shred.ShreddedPath> paths = new java.util.ArrayList<>(shreds.size());
        for (FileFooter.Shred shred : shreds) {
            paths.add(new io.basalt.storage.column.shred.ShreddedPath(shred.column(), shred.keys(), shred.kind(),
                    shred.otherRows(), shred.values().statistics(), shred.nullsAreOther()));
        }
        return paths;
    }

    /**
     * The chunk number {@link #column} and {@link #encodedChunk} know the values of shredded path {@code shred} of a
     * row group by: past the table's columns, two per path (values, then the other rows' positions).
     */
    public int shredValuesChunk(int shred) {
        return types.size() + 2 * shred;
    }

    /** The chunk number of the other rows' positions of shredded path {@code shred} (see {@link #shredValuesChunk}). */
    public int shredOthersChunk(int shred) {
        return types.size() + 2 * shred + 1;
    }

    /** The footer entry of chunk number {@code column} of {@code group}: a column's, or a shredded path's. */
    private FileFooter.Chunk chunkAt(int group, int column) {
        FileFooter.RowGroup rowGroup = footer.rowGroups().get(group);
        if (column < types.size()) {
            return rowGroup.chunks().get(column);
        }
        FileFooter.Shred shred = rowGroup.shreds().get((column - types.size()) / 2);
        return (column - types.size()) % 2 == 0 ? shred.values() : shred.others();
    }

    /** The type chunk number {@code column} is decoded as. */
    private LogicalType chunkType(int group, int column) {
        if (column < types.size()) {
            return types.get(column);
        }
        FileFooter.Shred shred = footer.rowGroups().get(group).shreds().get((column - types.size()) / 2);
        return (column - types.size()) % 2 == 0 ? shred.kind().type() : LogicalType.INTEGER;
    }

    /** Rows chunk number {@code column} of {@code group} holds. */
    private int chunkRows(int group, int column) {
        if (column < types.size() || (column - types.size()) % 2 == 0) {
            return footer.rowGroups().get(group).rowCount();
        }
        return footer.rowGroups().get(group).shreds().get((column - types.size()) / 2).otherRows();
    }

    /**
     * The encoded bytes of column {@code column} of row group {@code group} (or of a shredded path's chunk, numbered
     * as {@link #shredValuesChunk} says), after verifying their checksum, for a checkpoint that copies an unchanged
     * chunk into a new file; valid until {@link #close}.
     *
     * @throws BasaltException DATA_CORRUPTED naming the file when the chunk is damaged
     */
    public MemorySegment encodedChunk(int group, int column) {
        FileFooter.Chunk chunk = chunkAt(group, column);
        MemorySegment chunkBytes = bytes.asSlice(chunk.offset(), chunk.length());
        if (DataFileFormat.checksum(chunkBytes) != chunk.checksum()) {
            throw DataFileFormat.corrupt(path, "Checksum mismatch in column " + (column + 1) + " of row group "
                    + group + " (offset " + chunk.offset() + ").");
        }
        return chunkBytes;
    }

    /**
     * Column {@code column} of row group {@code group} (or a shredded path's chunk, numbered as
     * {@link #shredValuesChunk} says) as a new vector owned by the caller, after verifying the chunk's checksum.
     *
     * @throws BasaltException DATA_CORRUPTED naming the file when the chunk is damaged
     */
    public FieldVector column(int group, int column, BufferAllocator allocator) {
        MemorySegment chunkBytes = encodedChunk(group, column);
        FieldVector vector;
        try {
            vector = DataFileFormat.CODEC.decode(chunkBytes, chunkType(group, column).arrowField(""), allocator);
        } catch (BasaltException e) {
            if (e.sqlState() != SqlState.DATA_CORRUPTED) {
                throw e;
            }
            throw DataFileFormat.corrupt(path, "Column " + (column + 1) + " of row group " + group + ": "
                    + e.getMessage() + ".");
        }
        if (vector.getValueCount() != chunkRows(group, column)) {
            int rows = vector.getValueCount();
            vector.close();
            throw DataFileFormat.corrupt(path, "Column " + (column + 1) + " of row group " + group + " holds " + rows
                    + " rows, the row group " + chunkRows(group, column) + ".");
        }
        return vector;
    }

    /**
     * The rows of row group {@code group} that may satisfy all of {@code predicates} (on column {@code column}),
     * decided on the encoded chunk ({@link io.basalt.storage.column.EncodedChunkFilter}), or null when its encoding
     * does not allow it; after verifying the chunk's checksum.
     *
     * @throws BasaltException DATA_CORRUPTED naming the file when the chunk is damaged
     */
    public long[] selectRows(int group, int column,
                             List<io.basalt.exec.operator.scan.ScanPredicate> predicates) {
        MemorySegment chunkBytes = verifiedChunk(group, column);
        try {
            return io.basalt.storage.column.EncodedChunkFilter.INSTANCE.select(chunkBytes, types.get(column),
                    predicates);
        } catch (BasaltException e) {
            if (e.sqlState() != SqlState.DATA_CORRUPTED) {
                throw e;
            }
            throw DataFileFormat.corrupt(path, "Column " + (column + 1) + " of row group " + group + ": "
                    + e.getMessage() + ".");
        }
    }

    /**
     * Adds the sum of column {@code column}'s non-NULL values in row group {@code group} to {@code sum} (128 bits, see
     * {@link io.basalt.storage.column.EncodedChunkSums#sumIntegers}) from the encoded chunk, and returns how many
     * values it added; -1 with nothing added when the chunk's encoding or type does not allow it. Verifies the
     * chunk's checksum once.
     *
     * @throws BasaltException DATA_CORRUPTED naming the file when the chunk is damaged
     */
    public int sumIntegers(int group, int column, long[] sum) {
        LogicalType type = chunkType(group, column);
        if (!io.basalt.storage.column.EncodedChunkSums.handles(type)) {
            return -1;
        }
        MemorySegment chunkBytes = verifiedChunk(group, column);
        int added;
        try {
            added = io.basalt.storage.column.EncodedChunkSums.INSTANCE.sumIntegers(chunkBytes, type, sum);
        } catch (BasaltException e) {
            if (e.sqlState() != SqlState.DATA_CORRUPTED) {
                throw e;
            }
            throw DataFileFormat.corrupt(path, "Column " + (column + 1) + " of row group " + group + ": "
                    + e.getMessage() + ".");
        }
        return added;
    }

    /**
     * Column {@code column} of row group {@code group} decoded from its encoded chunk into an array of longs, its
     * non-NULL rows' bits set in {@code valid} ({@link io.basalt.storage.column.EncodedChunkSums#readIntegers}; nothing
     * cached), or null when the column is not integer-like. Verifies the chunk's checksum once.
     *
     * @throws BasaltException DATA_CORRUPTED naming the file when the chunk is damaged
     */
    public long[] readIntegers(int group, int column, long[] valid) {
        MemorySegment chunkBytes = verifiedChunk(group, column);
        try {
            return io.basalt.storage.column.EncodedChunkSums.INSTANCE.readIntegers(chunkBytes, valid);
        } catch (BasaltException e) {
            if (e.sqlState() != SqlState.DATA_CORRUPTED) {
                throw e;
            }
            throw DataFileFormat.corrupt(path, "Column " + (column + 1) + " of row group " + group + ": "
                    + e.getMessage() + ".");
        }
    }

    /**
     * Rows {@code positions[0, selected)} (ascending, within the row group) of column {@code column} of row group
     * {@code group} as a new vector of {@code selected} rows owned by the caller, read from the encoded chunk without
     * decoding the other rows ({@link io.basalt.storage.column.ChunkPositions}); null when the chunk's encoding is not
     * read so (the caller decodes it whole). The checksum is verified on the first such read of the chunk.
     *
     * @throws BasaltException DATA_CORRUPTED naming the file when the chunk is damaged
     */
    public FieldVector columnAt(int group, int column, int[] positions, int selected, BufferAllocator allocator) {
        MemorySegment chunkBytes = verifiedChunk(group, column);
        try {
            return io.basalt.storage.column.ChunkPositions.INSTANCE.read(chunkBytes,
                    chunkType(group, column).arrowField(""), positions, selected, allocator);
        } catch (BasaltException e) {
            if (e.sqlState() != SqlState.DATA_CORRUPTED) {
                throw e;
            }
            throw DataFileFormat.corrupt(path, "Column " + (column + 1) + " of row group " + group + ": "
                    + e.getMessage() + ".");
        }
    }

    /**
     * The encoded bytes of column {@code column} of row group {@code group}, their checksum verified on the first
     * call for the chunk only (reads that evaluate or pick from the encoded bytes come back to a chunk often).
     */
    private MemorySegment verifiedChunk(int group, int column) {
        java.util.BitSet verified = filterVerified[group];
        boolean known;
        synchronized (verified) {
            known = verified.get(column);
        }
        if (known) {
            FileFooter.Chunk chunk = footer.rowGroups().get(group).chunks().get(column);
            return bytes.asSlice(chunk.offset(), chunk.length());
        }
        MemorySegment chunkBytes = encodedChunk(group, column);
        synchronized (verified) {
            verified.set(column);
        }
        return chunkBytes;
    }

    /**
     * The rows of row group {@code group} whose value in shredded path {@code shred}'s sub-column satisfies all of
     * {@code predicates}, decided on the encoded chunk ({@link io.basalt.storage.column.EncodedChunkFilter}; rows that
     * do not fit are never selected), or null when its encoding does not allow it; after verifying the checksum.
     *
     * @throws BasaltException DATA_CORRUPTED naming the file when the chunk is damaged
     */
    public long[] selectShredRows(int group, int shred, List<io.basalt.exec.operator.scan.ScanPredicate> predicates) {
        int chunk = shredValuesChunk(shred);
        MemorySegment chunkBytes = encodedChunk(group, chunk);
        try {
            return io.basalt.storage.column.EncodedChunkFilter.INSTANCE.select(chunkBytes, chunkType(group, chunk),
                    predicates);
        } catch (BasaltException e) {
            if (e.sqlState() != SqlState.DATA_CORRUPTED) {
                throw e;
            }
            throw DataFileFormat.corrupt(path, "Shredded path " + shred + " of row group " + group + ": "
                    + e.getMessage() + ".");
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            arena.close();
        }
    }
}
