package io.basalt.storage.table;

/**
 * Joins a piece's deletion mask with the rows a scan's predicates selected on its encoded chunks into the one mask a
 * {@link ChunkScan} skips by (bit set: the row is not read).
 */
final class SelectedRows {
    private SelectedRows() {
    }

    /**
     * The mask of a piece of {@code rows} rows: set where {@code deleted} (null: none) is set or {@code selected}
     * (null: every row) is clear. Returns {@code deleted} itself when nothing is ruled out.
     */
    static long[] mask(long[] deleted, long[] selected, int rows) {
        if (selected == null) {
            return deleted;
        }
        int words = (rows + 63) >>> 6;
        long[] mask = new long[words];
        for (int word = 0; word < words; word++) {
            long rejected = ~selected[word];
            mask[word] = deleted == null ? rejected : rejected | deleted[word];
        }
        if ((rows & 63) != 0) {
            mask[words - 1] &= (1L << rows) - 1;
        }
        return mask;
    }
}
