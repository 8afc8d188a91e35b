package io.basalt.storage.table;

import io.basalt.storage.column.ChunkStatistics;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * The row groups of one generation kept in several data files, read as one list in position order: the file of the
 * last checkpoint (positions from 0) followed by the files large inserts wrote since ({@link RowGroupWriter}), each
 * starting at a chunk boundary after the previous file's last row. Positions between two files (rows small commits
 * added in between) are in memory; {@link StoredChunks#covers} tells them apart. A group's index here is its index
 * in its file plus the groups of the files before it; {@link #part} and {@link #localGroup} undo that, for readers
 * that need the file's own view (its column count: a file written before ALTER TABLE ... ADD COLUMN holds fewer).
 * Owns its parts: {@link #release} releases every one.
 */
final class StackedRowGroups implements StoredRowGroups {
    private final List<StoredRowGroups> parts;
    /** Per part, the global index of its first group; one entry more, the total. */
    private final int[] firstGroups;

    private StackedRowGroups(List<StoredRowGroups> parts) {
        this.parts = List.copyOf(parts);
        this.firstGroups = new int[parts.size() + 1];
        for (int p = 0; p < parts.size(); p++) {
            firstGroups[p + 1] = firstGroups[p] + parts.get(p).groupCount();
        }
    }

    /** {@code parts} (in position order, none overlapping) as one list; a single part is returned as it is. */
    static StoredRowGroups of(List<StoredRowGroups> parts) {
        List<StoredRowGroups> flat = new ArrayList<>();
        for (StoredRowGroups part : parts) {
            flat.addAll(partsOf(part));
        }
        return flat.size() == 1 ? flat.getFirst() : new StackedRowGroups(flat);
    }

    /** The files {@code groups} reads: its parts when stacked, else itself. */
    static List<StoredRowGroups> partsOf(StoredRowGroups groups) {
        return groups instanceof StackedRowGroups stacked ? stacked.parts : List.of(groups);
    }

    /** The file holding group {@code group}. */
    StoredRowGroups part(int group) {
        return parts.get(partIndex(group));
    }

    /** Group {@code group}'s index in its file. */
    int localGroup(int group) {
        return group - firstGroups[partIndex(group)];
    }

    private int partIndex(int group) {
        int low = 0;
        int high = parts.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (firstGroups[middle] <= group) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    @Override
    public int groupCount() {
        return firstGroups[parts.size()];
    }

    @Override
    public long firstPosition(int group) {
        return part(group).firstPosition(localGroup(group));
    }

    @Override
    public int rowCount(int group) {
        return part(group).rowCount(localGroup(group));
    }

    /** The fewest columns a part holds (read a group's own through {@link #part}). */
    @Override
    public int columnCount() {
        int columns = Integer.MAX_VALUE;
        for (StoredRowGroups part : parts) {
            columns = Math.min(columns, part.columnCount());
        }
        return columns;
    }

    @Override
    public ChunkStatistics statistics(int group, int column) {
        return part(group).statistics(localGroup(group), column);
    }

    @Override
    public long[] deletionMask(int group) {
        return part(group).deletionMask(localGroup(group));
    }

    @Override
    public FieldVector read(int group, int column, int offset, int rows, BufferAllocator allocator) {
        return part(group).read(localGroup(group), column, offset, rows, allocator);
    }

    @Override
    public FieldVector readAt(int group, int column, int[] positions, int selected, BufferAllocator allocator) {
        return part(group).readAt(localGroup(group), column, positions, selected, allocator);
    }

    @Override
    public long[] selectRows(int group, int offset, int rows,
                             List<io.basalt.exec.operator.scan.ScanPredicate> predicates) {
        return part(group).selectRows(localGroup(group), offset, rows, predicates);
    }

    @Override
    public List<io.basalt.storage.column.shred.ShreddedPath> shreddedPaths(int group) {
        return part(group).shreddedPaths(localGroup(group));
    }

    @Override
    public FieldVector readShredValues(int group, int shred, int offset, int rows, BufferAllocator allocator) {
        return part(group).readShredValues(localGroup(group), shred, offset, rows, allocator);
    }

    @Override
    public int[] shredOtherRows(int group, int shred, BufferAllocator allocator) {
        return part(group).shredOtherRows(localGroup(group), shred, allocator);
    }

    @Override
    public long[] selectShredRows(int group, int shred, int offset, int rows,
                                  List<io.basalt.exec.operator.scan.ScanPredicate> predicates) {
        return part(group).selectShredRows(localGroup(group), shred, offset, rows, predicates);
    }

    @Override
    public void release() {
        for (StoredRowGroups part : parts) {
            part.release();
        }
    }
}
