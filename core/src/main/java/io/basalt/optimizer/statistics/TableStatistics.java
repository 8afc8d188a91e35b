package io.basalt.optimizer.statistics;

import java.util.List;

/**
 * The statistics ANALYZE gathered for one table: the row count at that time and one entry per column (in the
 * table's column order). The store's own row count is current and preferred; the distinct counts are scaled
 * by how much the table has grown or shrunk since (see {@link #distinct}).
 */
public record TableStatistics(long rowCount, List<ColumnStatistics> columns) {
    public TableStatistics {
        columns = List.copyOf(columns);
    }

    /**
     * Column {@code column}'s distinct values for a table that now holds {@code currentRows} rows: the
     * gathered count, grown in proportion when the table grew and it was close to the row count (a key), and
     * never more than the rows.
     */
    public double distinct(int column, double currentRows) {
        double distinct = columns.get(column).distinct();
        if (rowCount > 0 && currentRows > rowCount && distinct > 0.5 * rowCount) {
            distinct *= currentRows / rowCount;
        }
        return Math.min(distinct, Math.max(currentRows, 1));
    }
}
