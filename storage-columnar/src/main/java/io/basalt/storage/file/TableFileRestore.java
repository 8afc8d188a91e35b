package io.basalt.storage.file;

import io.basalt.exec.vector.ValueAccess;
import io.basalt.exec.vector.VectorGather;
import io.basalt.exec.vector.VectorSlices;
import io.basalt.storage.column.ChunkStatistics;
import io.basalt.storage.table.InMemoryTableStore;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Loads a table data file back into its table's store on open ({@link InMemoryTableStore#restore}): row group by
 * row group, each column chunk is verified and decoded, then cut into the store's chunks. Where a store chunk lies
 * wholly inside a row group it is a slice of the decoded vector (no copy); the last, partly filled chunk, and every
 * chunk when the row groups do not line up with the store's chunk size (the database was written with another
 * vector size), is copied into vectors with room for a whole chunk, since appends go on writing there. The chunks
 * that lie wholly inside a row group carry its zone map, so scans with predicates can skip them.
 *
 * <p>{@link #restoreStored} is how a database opens: the full chunks stay in the file and are read through the
 * {@link BufferCache} when needed ({@link InMemoryTableStore#restoreStored}); only the last, partly filled chunk is
 * read now. It falls back to reading everything when the row groups do not line up with the store's chunks.
 */
public final class TableFileRestore {
    private TableFileRestore() {
    }

    /**
     * Gives {@code store} (empty, no transaction) {@code file}'s rows as generation {@code generation}, left in the
     * file and read through {@code cache}; the store owns the file from then on when this returns true. Returns
     * false, having changed nothing, when the file's row groups do not line up with the store's chunks.
     *
     * @throws io.basalt.error.BasaltException DATA_CORRUPTED naming the file when the last row group is damaged
     */
    public static boolean restoreStored(InMemoryTableStore store, TableFile file, long generation,
                                        BufferAllocator allocator, BufferCache cache) {
        int chunkRows = store.chunkRows();
        int groups = file.rowGroupCount();
        for (int group = 0; group < groups; group++) {
            if (file.firstPosition(group) % chunkRows != 0
                    || (group < groups - 1 && file.rowCount(group) % chunkRows != 0)) {
                return false;
            }
        }
        long positions = file.positions();
        int tailRows = (int) (positions % chunkRows);
        List<long[]> masks = new ArrayList<>();
        for (int group = 0; group < groups; group++) {
            addMask(masks, file.deletionMask(group), file.firstPosition(group), file.rowCount(group), chunkRows);
        }
        FieldVector[] tail = null;
        if (tailRows > 0) {
            List<LogicalType> types = store.columnTypes();
            int last = groups - 1;
            int from = (int) (positions - tailRows - file.firstPosition(last));
            tail = new FieldVector[types.size()];
            try {
                for (int c = 0; c < tail.length; c++) {
                    tail[c] = ValueAccess.allocate(types.get(c), "", allocator, chunkRows);
                    try (FieldVector decoded = file.column(last, c, allocator)) {
                        for (int r = 0; r < tailRows; r++) {
                            VectorGather.copyValue(decoded, from + r, tail[c], r);
                        }
                    }
                    tail[c].setValueCount(tailRows);
                }
            } catch (RuntimeException | Error failure) {
                for (FieldVector vector : tail) {
                    if (vector != null) {
                        vector.close();
                    }
                }
                throw failure;
            }
        }
        boolean taken = false;
        try {
            taken = store.restoreStored(generation, new MappedRowGroups(file, cache), tail, masks);
            return taken;
        } finally {
            if (!taken && tail != null) {
                for (FieldVector vector : tail) {
                    vector.close();
                }
            }
        }
    }

    /**
     * Fills {@code store} (empty, no transaction) with {@code file}'s rows as generation {@code generation}; the
     * vectors are allocated from {@code allocator}, the store's own.
     *
     * @throws io.basalt.error.BasaltException DATA_CORRUPTED naming the file when a chunk is damaged (the store is
     *     left empty)
     */
    public static void restore(InMemoryTableStore store, TableFile file, long generation, BufferAllocator allocator) {
        List<LogicalType> types = store.columnTypes();
        int chunkRows = store.chunkRows();
        long positions = file.positions();
        List<FieldVector[]> chunks = new ArrayList<>();
        List<long[]> masks = new ArrayList<>();
        List<ChunkStatistics[]> zoneMaps = new ArrayList<>();
        FieldVector[] partial = null;
        int partialRows = 0;
        try {
            for (int group = 0; group < file.rowGroupCount(); group++) {
                int rows = file.rowCount(group);
                long first = file.firstPosition(group);
                FieldVector[] decoded = new FieldVector[types.size()];
                ChunkStatistics[] statistics = new ChunkStatistics[types.size()];
                for (int c = 0; c < statistics.length; c++) {
                    statistics[c] = file.statistics(group, c);
                }
                try {
                    for (int c = 0; c < decoded.length; c++) {
                        decoded[c] = file.column(group, c, allocator);
                    }
                    int row = 0;
                    while (row < rows) {
                        if (partial == null && rows - row >= chunkRows && (first + row) % chunkRows == 0) {
                            FieldVector[] chunk = new FieldVector[decoded.length];
                            while (zoneMaps.size() < chunks.size()) {
                                zoneMaps.add(null);
                            }
                            zoneMaps.add(statistics);
                            chunks.add(chunk);
                            for (int c = 0; c < decoded.length; c++) {
                                chunk[c] = VectorSlices.slice(decoded[c], row, chunkRows, allocator);
                            }
                            row += chunkRows;
                            continue;
                        }
                        if (partial == null) {
                            partial = new FieldVector[decoded.length];
                            chunks.add(partial);
                            for (int c = 0; c < decoded.length; c++) {
                                partial[c] = ValueAccess.allocate(types.get(c), "", allocator, chunkRows);
                            }
                            partialRows = 0;
                        }
                        int take = Math.min(chunkRows - partialRows, rows - row);
                        for (int c = 0; c < decoded.length; c++) {
                            for (int r = 0; r < take; r++) {
                                VectorGather.copyValue(decoded[c], row + r, partial[c], partialRows + r);
                            }
                            partial[c].setValueCount(partialRows + take);
                        }
                        partialRows += take;
                        row += take;
                        if (partialRows == chunkRows) {
                            partial = null;
                        }
                    }
                } finally {
                    for (FieldVector vector : decoded) {
                        if (vector != null) {
                            vector.close();
                        }
                    }
                }
                addMask(masks, file.deletionMask(group), first, rows, chunkRows);
            }
            while (masks.size() < chunks.size()) {
                masks.add(null);
            }
            store.restore(generation, positions, chunks, masks, zoneMaps);
        } catch (RuntimeException | Error failure) {
            for (FieldVector[] chunk : chunks) {
                for (FieldVector vector : chunk) {
                    if (vector != null) {
                        vector.close();
                    }
                }
            }
            throw failure;
        }
    }

    /** Sets, in the per-chunk masks, the bits of the rows a row group's mask marks deleted. */
    private static void addMask(List<long[]> masks, long[] groupMask, long first, int rows, int chunkRows) {
        if (groupMask == null) {
            return;
        }
        for (int row = 0; row < rows; row++) {
            if ((groupMask[row >>> 6] & (1L << row)) != 0) {
                long position = first + row;
                int chunk = (int) (position / chunkRows);
                int inChunk = (int) (position % chunkRows);
                while (masks.size() <= chunk) {
                    masks.add(null);
                }
                long[] mask = masks.get(chunk);
                if (mask == null) {
                    mask = new long[(chunkRows + 63) >>> 6];
                    masks.set(chunk, mask);
                }
                mask[inChunk >>> 6] |= 1L << inChunk;
            }
        }
    }
}
