package io.basalt.storage.file;

import io.basalt.exec.operator.scan.ScanPredicate;
import io.basalt.storage.column.ChunkStatistics;
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

    @Override
    public long[] selectRows(int group, int offset, int rows, List<ScanPredicate> predicates) {
        long[] selected = null;
        for (int column = 0; column < file.columnCount(); column++) {
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
            long[] rowsOfColumn = file.selectRows(group, column, onColumn);
            if (rowsOfColumn == null) {
                continue;
            }
            if (selected == null) {
                selected = rowsOfColumn;
            } else {
                RowBits.and(selected, rowsOfColumn);
            }
        }
        return selected == null ? null : RowBits.slice(selected, offset, rows);
    }

    @Override
    public void release() {
        cache.release(file);
        file.close();
    }
}
