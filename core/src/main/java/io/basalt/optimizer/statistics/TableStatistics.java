package io.basalt.optimizer.statistics;

import java.util.List;
import java.util.Map;

/**
 * The statistics ANALYZE gathered for one table: the row count at that time, one entry per column (in the
 * table's column order) and one per JSON path of a jsonb column ({@link #paths}: the value {@code doc->'a'->>'b'}
 * extracts, over every row of the table). The store's own row count is current and preferred; the distinct counts
 * are scaled by how much the table has grown or shrunk since (see {@link #distinct}).
 */
public record TableStatistics(long rowCount, List<ColumnStatistics> columns, Map<Path, ColumnStatistics> paths) {
    /** A path of object keys (root first) into the jsonb values of table column {@code column}. */
    public record Path(int column, List<String> keys) {
        public Path {
            keys = List.copyOf(keys);
        }
    }

    public TableStatistics {
        columns = List.copyOf(columns);
        paths = Map.copyOf(paths);
    }

    /** Statistics without JSON paths. */
    public TableStatistics(long rowCount, List<ColumnStatistics> columns) {
        this(rowCount, columns, Map.of());
    }

    /**
     * Column {@code column}'s distinct values for a table that now holds {@code currentRows} rows: the
     * gathered count, grown in proportion when the table grew and it was close to the row count (a key), and
     * never more than the rows.
     */
    public double distinct(int column, double currentRows) {
        return scaled(columns.get(column).distinct(), currentRows);
    }

    /** {@link #distinct} for a JSON path's values. */
    public double distinct(Path path, double currentRows) {
        return scaled(paths.get(path).distinct(), currentRows);
    }

    private double scaled(double distinct, double currentRows) {
        if (rowCount > 0 && currentRows > rowCount && distinct > 0.5 * rowCount) {
            distinct *= currentRows / rowCount;
        }
        return Math.min(distinct, Math.max(currentRows, 1));
    }
}
