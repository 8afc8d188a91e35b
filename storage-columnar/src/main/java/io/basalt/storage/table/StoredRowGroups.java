package io.basalt.storage.table;

import io.basalt.storage.column.ChunkStatistics;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * The row groups of a table generation that stay in a data file instead of memory: the store keeps only their
 * row counts, positions and zone maps, and reads a column chunk when a scan or a change needs its rows. An
 * implementation verifies each chunk's checksum when it reads it and may keep decoded chunks in a cache of bounded
 * size; what {@link #read} returns is always the caller's own vector, valid after the cache lets go of the chunk.
 * Thread-safe.
 */
public interface StoredRowGroups {
    /** The row groups, in position order; each starts at a multiple of the store's chunk size. */
    int groupCount();

    /** The first row position of row group {@code group}. */
    long firstPosition(int group);

    /** Rows of row group {@code group}, deleted ones included. */
    int rowCount(int group);

    /** The columns the file holds (a table may have gained columns since: they read their missing value). */
    int columnCount();

    /** The zone map of column {@code column} of row group {@code group}. */
    ChunkStatistics statistics(int group, int column);

    /** Row group {@code group}'s deletion mask when it was written (bit r: row r deleted), or null. */
    long[] deletionMask(int group);

    /**
     * Rows {@code [offset, offset + rows)} of column {@code column} of row group {@code group}, as a new vector owned
     * by {@code allocator} (the caller closes it).
     *
     * @throws io.basalt.error.BasaltException DATA_CORRUPTED naming the file when the chunk is damaged
     */
    FieldVector read(int group, int column, int offset, int rows, BufferAllocator allocator);

    /**
     * Rows {@code positions[0, selected)} (ascending, distinct, within the row group) of column {@code column} of row
     * group {@code group}, as a new vector of {@code selected} rows owned by {@code allocator} (the caller closes it):
     * the late materialization of a scan whose predicates kept few rows. An implementation picks them from a cached
     * decoded chunk or reads them from the encoded chunk without decoding the rest; the default reads the chunk and
     * gathers.
     *
     * @throws io.basalt.error.BasaltException DATA_CORRUPTED naming the file when the chunk is damaged
     */
    default FieldVector readAt(int group, int column, int[] positions, int selected, BufferAllocator allocator) {
        try (FieldVector whole = read(group, column, 0, rowCount(group), allocator)) {
            FieldVector target = io.basalt.exec.vector.ValueAccess.allocate(
                    io.basalt.type.LogicalType.of(whole.getField()), whole.getName(), allocator, selected);
            io.basalt.exec.vector.VectorGather.gather(whole, positions, selected, target);
            return target;
        }
    }

    /**
     * The rows {@code [offset, offset + rows)} of row group {@code group} that may satisfy all of {@code predicates}
     * (conjuncts; their columns index the table's columns), as a bitmap over those rows (bit {@code r & 63} of word
     * {@code r >>> 6}: row {@code offset + r}), decided on the encoded column chunks without decoding them; null when
     * none of the predicates could be evaluated so (every row may). A superset of the satisfying rows: the scan's
     * filter still runs over what it keeps. The default evaluates nothing.
     *
     * @throws io.basalt.error.BasaltException DATA_CORRUPTED naming the file when a chunk is damaged
     */
    default long[] selectRows(int group, int offset, int rows,
                              java.util.List<io.basalt.exec.operator.scan.ScanPredicate> predicates) {
        return null;
    }

    /**
     * Adds the sum of the non-NULL values of integer column {@code column} (SMALLINT, INTEGER, BIGINT) over all rows of
     * row group {@code group} (deleted ones included: callers ask only of groups without deletions) to {@code sum}, a
     * signed 128-bit integer as {@code {low 64 bits, high 64 bits}}, read from the encoded chunk without decoding it
     * where its encoding allows (constant, frame of reference, runs), and returns how many values it added; -1 with
     * {@code sum} unchanged when it cannot (the caller reads the rows instead). The default never can.
     *
     * @throws io.basalt.error.BasaltException DATA_CORRUPTED naming the file when a chunk is damaged
     */
    default int sumIntegers(int group, int column, long[] sum) {
        return -1;
    }

    /**
     * The values of integer-like column {@code column} (SMALLINT, INTEGER, DATE, BIGINT and the types stored as BIGINT)
     * over all rows of row group {@code group}, decoded from the encoded chunk into an array (a NULL row's entry is
     * meaningless) without entering any cache, with bit {@code r} of {@code valid} (clear, at least
     * {@code (rows + 63) / 64} words) set for each non-NULL row {@code r}; null when it cannot (the caller reads the
     * rows instead). The default never can.
     *
     * @throws io.basalt.error.BasaltException DATA_CORRUPTED naming the file when a chunk is damaged
     */
    default long[] readIntegers(int group, int column, long[] valid) {
        return null;
    }

    /**
     * The whole decoded chunk of column {@code column} of row group {@code group} from the buffer cache, decoded into it
     * when absent (as a scan's read would), as a vector the caller closes; null when the implementation has no cache to
     * keep it in (the caller then decodes into arrays of its own, {@link #readIntegers}, or reads the rows). For sums
     * under a validity mask and filters evaluated below an aggregation: warm, they read the cached values in place
     * instead of decoding the chunk again on every query.
     *
     * @throws io.basalt.error.BasaltException DATA_CORRUPTED naming the file when the chunk is damaged
     */
    default FieldVector decoded(int group, int column) {
        return null;
    }

    /** The shredded JSONB paths of row group {@code group}, indexed as {@link #readShredValues} takes them. */
    default java.util.List<io.basalt.storage.column.shred.ShreddedPath> shreddedPaths(int group) {
        return java.util.List.of();
    }

    /**
     * Rows {@code [offset, offset + rows)} of the typed values of shredded path {@code shred} of row group
     * {@code group} (NULL where a row does not fit), as a new vector owned by {@code allocator}.
     *
     * @throws io.basalt.error.BasaltException DATA_CORRUPTED naming the file when the chunk is damaged
     */
    default FieldVector readShredValues(int group, int shred, int offset, int rows, BufferAllocator allocator) {
        throw new IllegalStateException("no shredded paths");
    }

    /**
     * The positions, ascending and within the row group, of the rows of shredded path {@code shred} of row group
     * {@code group} that hold another type at the path (their value must be read from the document).
     *
     * @throws io.basalt.error.BasaltException DATA_CORRUPTED naming the file when the chunk is damaged
     */
    default int[] shredOtherRows(int group, int shred, BufferAllocator allocator) {
        return new int[0];
    }

    /**
     * The rows {@code [offset, offset + rows)} of row group {@code group} whose value in shredded path {@code shred}
     * satisfies all of {@code predicates} (rows that do not fit are not selected), as a bitmap over those rows, decided
     * on the encoded sub-column; null when that cannot be decided so.
     *
     * @throws io.basalt.error.BasaltException DATA_CORRUPTED naming the file when the chunk is damaged
     */
    default long[] selectShredRows(int group, int shred, int offset, int rows,
                                   java.util.List<io.basalt.exec.operator.scan.ScanPredicate> predicates) {
        return null;
    }

    /** The generation holding these row groups is gone: releases the file and whatever is cached of it. */
    void release();
}
