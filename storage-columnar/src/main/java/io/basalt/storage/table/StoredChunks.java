package io.basalt.storage.table;

import io.basalt.exec.operator.scan.ScanPredicate;
import io.basalt.exec.operator.scan.ScanSource;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * The full chunks of a generation that stay in a data file ({@link StoredRowGroups}): chunks {@code [0, count)},
 * each lying wholly inside one row group (groups start at multiples of the chunk size). Nothing of them is in memory
 * until a scan or a change reads them: {@link #load} reads one chunk's columns, {@link #read} a stretch of a row
 * group for a scan's morsel.
 */
final class StoredChunks {
    final StoredRowGroups groups;
    private final int chunkRows;
    /**
     * The switch (JVM system property, read per row group) that lets scans evaluate their predicates on the stored
     * chunks before reading their rows, and read only the selected rows of the other columns: {@code off} to scan
     * without it (for comparisons). On by default since late materialization (BENCHMARKS.md, TPC-H SF1 on disk, on
     * against off in one JVM: less CPU cold and warm for q06, q12, q14, q19 and the micro suite's 1% filter).
     */
    static final String ENCODED_PREDICATES_PROPERTY = "basalt.encoded_predicates";
    private static final String ENCODED_PREDICATES = "on";
    private static final String ENCODED_PREDICATES_DEFAULT = "on";
    /**
     * The switch (JVM system property, read per scan) that lets a scan under an aggregation without GROUP BY sum whole
     * row groups from their encoded chunks ({@link ChunkScan#sumNextPiece}): {@code off} to read their rows instead
     * (for comparisons). {@code on}, the default: chunks without NULLs between their values summed where they lie,
     * row groups a filter's zone maps decide, and chunks with NULLs between values and the columns of row groups the
     * zone maps leave undecided read from the buffer cache (decoded into it once; BENCHMARKS.md, agg7). {@code all}
     * decodes the latter into arrays outside the cache on every query instead (agg6's path: faster cold, several
     * times slower warm), for comparisons.
     */
    static final String ENCODED_SUMS_PROPERTY = "basalt.encoded_sums";

    /** Full chunks read from the file: {@code [0, count)}. */
    final int count;

    private StoredChunks(StoredRowGroups groups, int chunkRows, int count) {
        this.groups = groups;
        this.chunkRows = chunkRows;
        this.count = count;
    }

    /**
     * The stored chunks of {@code groups} for a store of {@code chunkRows} rows per chunk, or null when the groups do
     * not line up with the chunks (the file was written with another vector size): every group must start at a
     * multiple of {@code chunkRows} past the end of the group before. A group may end inside a chunk (the last group
     * of a checkpoint's file, when large inserts' files follow it): that chunk is not stored ({@link #covers}).
     */
    static StoredChunks of(StoredRowGroups groups, int chunkRows) {
        int last = groups.groupCount() - 1;
        long end = 0;
        for (int group = 0; group <= last; group++) {
            long first = groups.firstPosition(group);
            if (first % chunkRows != 0 || first < end) {
                return null;
            }
            end = first + groups.rowCount(group);
        }
        return new StoredChunks(groups, chunkRows, (int) (end / chunkRows));
    }

    /**
     * Whether chunk {@code chunk} (below {@link #count}) lies wholly in a stored row group: chunks between the files
     * of a {@link StackedRowGroups}, and a chunk a group ends inside, are in memory.
     */
    boolean covers(int chunk) {
        if (chunk >= count) {
            return false;
        }
        int group = group(chunk);
        long position = (long) chunk * chunkRows;
        long first = groups.firstPosition(group);
        return first <= position && position + chunkRows <= first + groups.rowCount(group);
    }

    /** The columns the file holding stored chunk {@code chunk} has (fewer than the table's after ADD COLUMN). */
    int columnCount(int chunk) {
        int group = group(chunk);
        return groups instanceof StackedRowGroups stacked ? stacked.part(group).columnCount() : groups.columnCount();
    }

    /** The row group holding chunk {@code chunk} (binary search over the groups' first positions). */
    int group(int chunk) {
        long position = (long) chunk * chunkRows;
        int low = 0;
        int high = groups.groupCount() - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (groups.firstPosition(middle) <= position) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    /** The first chunk of row group {@code group}. */
    int firstChunk(int group) {
        return (int) (groups.firstPosition(group) / chunkRows);
    }

    /** One past the last stored chunk of row group {@code group}. */
    int endChunk(int group) {
        return (int) Math.min(count, (groups.firstPosition(group) + groups.rowCount(group)) / chunkRows);
    }

    /**
     * Chunk {@code chunk}'s stored columns ({@link StoredRowGroups#columnCount} entries), those in {@code wanted}
     * (null: all) read from the file into {@code allocator} and added to {@code owned}, the others null.
     */
    FieldVector[] load(int chunk, int[] wanted, BufferAllocator allocator, List<FieldVector> owned) {
        int group = group(chunk);
        int offset = (int) ((long) chunk * chunkRows - groups.firstPosition(group));
        StoredRowGroups file = groups;
        if (groups instanceof StackedRowGroups stacked) {
            file = stacked.part(group);
            group = stacked.localGroup(group);
        }
        FieldVector[] columns = new FieldVector[file.columnCount()];
        if (wanted == null) {
            for (int column = 0; column < columns.length; column++) {
                columns[column] = file.read(group, column, offset, chunkRows, allocator);
                owned.add(columns[column]);
            }
        } else {
            for (int column : wanted) {
                if (column >= 0 && column < columns.length && columns[column] == null) {
                    columns[column] = file.read(group, column, offset, chunkRows, allocator);
                    owned.add(columns[column]);
                }
            }
        }
        return columns;
    }

    /**
     * What a scan piece covering stored chunks {@code [firstChunk, firstChunk + rows / chunkRows)} reads: the
     * requested columns of those rows, columns added after the file was written filled with their missing value.
     */
    Stretch stretch(int firstChunk, int rows, List<LogicalType> types, List<Object> missingValues) {
        return stretch(firstChunk, rows, types, missingValues, List.of());
    }

    /** {@link #stretch}, whose rows a scan keeps only where they may satisfy {@code predicates} (see {@link Stretch#selectRows}). */
    Stretch stretch(int firstChunk, int rows, List<LogicalType> types, List<Object> missingValues,
                    List<ScanPredicate> predicates) {
        int group = group(firstChunk);
        int offset = (int) ((long) firstChunk * chunkRows - groups.firstPosition(group));
        if (groups instanceof StackedRowGroups stacked) {
            return new Stretch(stacked.part(group), stacked.localGroup(group), offset, rows, types, missingValues,
                    predicates);
        }
        return new Stretch(groups, group, offset, rows, types, missingValues, predicates);
    }

    /**
     * Rows {@code [offset, offset + rows)} of one row group, read when a scan reaches them; {@code predicates} are the
     * scan's conjuncts to evaluate on the encoded chunks first (empty: none).
     */
    record Stretch(StoredRowGroups groups, int group, int offset, int rows, List<LogicalType> types,
                   List<Object> missingValues, List<ScanPredicate> predicates) {
        /**
         * The stretch's rows that may satisfy its predicates, decided on the encoded chunks before anything is
         * decoded ({@link StoredRowGroups#selectRows}): a bitmap over the stretch, or null when every row may. Only
         * predicates on columns the file holds are evaluated (a column added since reads one missing value).
         *
         * @throws io.basalt.error.BasaltException DATA_CORRUPTED naming the file when a chunk is damaged
         */
        long[] selectRows() {
            if (predicates.isEmpty() || !ENCODED_PREDICATES.equals(System.getProperty(ENCODED_PREDICATES_PROPERTY,
                    ENCODED_PREDICATES_DEFAULT))) {
                return null;
            }
            List<ScanPredicate> stored = new ArrayList<>(predicates.size());
            for (ScanPredicate predicate : predicates) {
                if (predicate.column() >= 0 && predicate.column() < groups.columnCount()) {
                    stored.add(predicate);
                }
            }
            return stored.isEmpty() ? null : groups.selectRows(group, offset, rows, stored);
        }

        /**
         * The requested {@code columns} of the stretch's rows {@code positions[0, selected)} (ascending, relative to
         * the stretch), each a vector of {@code selected} rows ({@code null} for {@link ScanSource#ROW_ID}) owned by
         * {@code allocator} and added to {@code owned}: read from the cached decoded chunk or picked from the encoded
         * one ({@link StoredRowGroups#readAt}), so that a sparse selection decodes little.
         *
         * @throws io.basalt.error.BasaltException DATA_CORRUPTED naming the file when a chunk is damaged
         */
        List<FieldVector> readAt(int[] columns, int[] positions, int selected, BufferAllocator allocator,
                                 List<FieldVector> owned) {
            int[] inGroup = positions;
            if (offset != 0) {
                inGroup = new int[selected];
                for (int i = 0; i < selected; i++) {
                    inGroup[i] = positions[i] + offset;
                }
            }
            List<FieldVector> out = new ArrayList<>(columns.length);
            for (int column : columns) {
                FieldVector vector;
                if (column == ScanSource.ROW_ID) {
                    vector = null;
                } else if (column < groups.columnCount()) {
                    vector = groups.readAt(group, column, inGroup, selected, allocator);
                    owned.add(vector);
                } else {
                    vector = missingValue(column, selected, allocator);
                    owned.add(vector);
                }
                out.add(vector);
            }
            return out;
        }

        /**
         * The requested {@code columns} of the stretch ({@code null} for {@link ScanSource#ROW_ID}), as vectors
         * owned by {@code allocator}; each is also added to {@code owned}.
         *
         * @throws io.basalt.error.BasaltException DATA_CORRUPTED naming the file when a chunk is damaged
         */
        List<FieldVector> read(int[] columns, BufferAllocator allocator, List<FieldVector> owned) {
            List<FieldVector> out = new ArrayList<>(columns.length);
            for (int column : columns) {
                FieldVector vector;
                if (column == ScanSource.ROW_ID) {
                    vector = null;
                } else if (column < groups.columnCount()) {
                    vector = groups.read(group, column, offset, rows, allocator);
                    owned.add(vector);
                } else {
                    vector = missingValue(column, rows, allocator);
                    owned.add(vector);
                }
                out.add(vector);
            }
            return out;
        }

        /** {@code count} rows of added column {@code column}'s missing value (chunks written before it hold none). */
        private FieldVector missingValue(int column, int count, BufferAllocator allocator) {
            FieldVector vector = ValueAccess.allocate(types.get(column), "", allocator, count);
            try {
                Object value = missingValues.get(column);
                for (int row = 0; row < count; row++) {
                    ValueAccess.set(vector, row, value);
                }
                vector.setValueCount(count);
                return vector;
            } catch (RuntimeException failure) {
                vector.close();
                throw failure;
            }
        }
    }
}
