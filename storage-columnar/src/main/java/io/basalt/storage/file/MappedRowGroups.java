package io.basalt.storage.file;

import io.basalt.exec.operator.scan.ScanPredicate;
import io.basalt.storage.column.ChunkStatistics;
import io.basalt.storage.column.DecodedChunkFilter;
import io.basalt.storage.column.encoding.RowBits;
import io.basalt.storage.table.StoredRowGroups;
import org.apache.arrow.memory.BufferAllocator;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * A table generation's row groups left in their memory-mapped data file ({@link TableFile}) and read through the
 * database's {@link BufferCache}. Owns the file from construction: {@link #release} drops its cached chunks and
 * unmaps it.
 */
public final class MappedRowGroups implements StoredRowGroups {
    private final TableFile file;
    private final BufferCache cache;

    public MappedRowGroups(TableFile file, BufferCache cache) {
        this.file = file;
        this.cache = cache;
    }

    /** The file read. */
    TableFile file() {
        return file;
    }

    @Override
    public int groupCount() {
        return file.rowGroupCount();
    }

    @Override
    public long firstPosition(int group) {
        return file.firstPosition(group);
    }

    @Override
    public int rowCount(int group) {
        return file.rowCount(group);
    }

    @Override
    public int columnCount() {
        return file.columnCount();
    }

    @Override
    public ChunkStatistics statistics(int group, int column) {
        return file.statistics(group, column);
    }

    @Override
    public long[] deletionMask(int group) {
        return file.deletionMask(group);
    }

    @Override
    public FieldVector read(int group, int column, int offset, int rows, BufferAllocator allocator) {
        return cache.read(file, group, column, offset, rows, allocator);
    }

    /**
     * From the cached decoded chunk when the cache holds it (gathered), else from the encoded chunk where its encoding
     * allows reading single rows ({@link TableFile#columnAt}: nothing is decoded or cached but those rows), else
     * decoded whole through the cache and gathered.
     */
    @Override
    public FieldVector readAt(int group, int column, int[] positions, int selected, BufferAllocator allocator) {
        FieldVector cached = cache.cached(file, group, column, allocator);
        if (cached == null) {
            FieldVector picked = file.columnAt(group, column, positions, selected, allocator);
            if (picked != null) {
                return picked;
            }
        }
        try (FieldVector whole = cached != null ? cached
                : cache.read(file, group, column, 0, file.rowCount(group), allocator)) {
            FieldVector target = io.basalt.exec.vector.ValueAccess.allocate(
                    io.basalt.type.LogicalType.of(whole.getField()), whole.getName(), allocator, selected);
            io.basalt.exec.vector.VectorGather.gather(whole, positions, selected, target,
                    whole.getNullCount() == 0);
            return target;
        }
    }

    /**
     * Evaluates the predicates column by column, those on text (and other encoded-only) columns first, on their
     * encoded chunks, then those on integer-stream columns on their decoded chunks from the buffer cache (decoded
     * into it when absent: the scan's filter reads those columns anyway, so each chunk is decoded once); it stops as
     * soon as no row is left, so a group the first predicates rule out decodes nothing. With no cache budget every
     * column is evaluated on its encoded chunk.
     */
    @Override
    public long[] selectRows(int group, int offset, int rows, List<ScanPredicate> predicates) {
        long[] selected = null;
        for (int pass = 0; pass < 2; pass++) {
            for (int column = 0; column < file.columnCount(); column++) {
                boolean decoded = cache.budget() > 0 && DecodedChunkFilter.handles(file.type(column));
                if (decoded != (pass == 1)) {
                    continue;
                }
                List<ScanPredicate> onColumn = null;
                for (ScanPredicate predicate : predicates) {
                    if (predicate.column() == column) {
                        if (onColumn == null) {
                            onColumn = new ArrayList<>();
                        }
                        onColumn.add(predicate);
                    }
                }
                if (onColumn == null) {
                    continue;
                }
                long[] rowsOfColumn;
                if (decoded) {
                    try (FieldVector chunk = cache.share(file, group, column)) {
                        rowsOfColumn = DecodedChunkFilter.INSTANCE.select(chunk, file.type(column), onColumn);
                    }
                } else {
                    rowsOfColumn = file.selectRows(group, column, onColumn);
                }
                if (rowsOfColumn == null) {
                    continue;
                }
                if (selected == null) {
                    selected = rowsOfColumn;
                } else {
                    RowBits.and(selected, rowsOfColumn);
                }
                if (RowBits.count(selected) == 0) {
                    return RowBits.slice(selected, offset, rows);
                }
            }
        }
        return selected == null ? null : RowBits.slice(selected, offset, rows);
    }

    /** From the encoded chunk (nothing decoded or cached), see {@link TableFile#sumIntegers}. */
    @Override
    public int sumIntegers(int group, int column, long[] sum) {
        return file.sumIntegers(group, column, sum);
    }

    /** From the encoded chunk (nothing cached), see {@link TableFile#readIntegers}. */
    @Override
    public long[] readIntegers(int group, int column, long[] valid) {
        return file.readIntegers(group, column, valid);
    }

    /** Through the buffer cache ({@link BufferCache#share}); null when the cache has no budget. */
    @Override
    public FieldVector decoded(int group, int column) {
        return cache.budget() > 0 ? cache.share(file, group, column) : null;
    }

    @Override
    public List<io.basalt.storage.column.shred.ShreddedPath> shreddedPaths(int group) {
        return file.shreddedPaths(group);
    }

    @Override
    public FieldVector readShredValues(int group, int shred, int offset, int rows, BufferAllocator allocator) {
        return cache.read(file, group, file.shredValuesChunk(shred), offset, rows, allocator);
    }

    @Override
    public int[] shredOtherRows(int group, int shred, BufferAllocator allocator) {
        int count = file.shreddedPaths(group).get(shred).otherRows();
        if (count == 0) {
            return new int[0];
        }
        try (org.apache.arrow.vector.IntVector positions = (org.apache.arrow.vector.IntVector) cache.read(file, group,
                file.shredOthersChunk(shred), 0, count, allocator)) {
            int[] rows = new int[count];
            for (int i = 0; i < count; i++) {
                rows[i] = positions.get(i);
            }
            return rows;
        }
    }

    @Override
    public long[] selectShredRows(int group, int shred, int offset, int rows, List<ScanPredicate> predicates) {
        long[] selected = file.selectShredRows(group, shred, predicates);
        return selected == null ? null : RowBits.slice(selected, offset, rows);
    }

    @Override
    public void release() {
        cache.release(file);
        file.close();
    }
}
