package io.basalt.datasets.h2o;

import io.basalt.datasets.BatchWriter;
import io.basalt.datasets.RowProducer;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The sorted group-by data set (rows ordered by id1..id6, missing first, strings in byte order as
 * data.table's setkey orders them), produced without holding the table: a first pass draws id1 for all
 * N rows and only counts them per value; then, id1 value by id1 value, the rows of that value are drawn,
 * sorted by id2..id6 and written. Memory holds one id1 group (about N/K rows, plus N * nas% for the rows
 * whose id1 is missing). The rows have the distribution of the unsorted set, sorted; they are not the
 * same rows as the unsorted set of the same seed.
 */
final class SortedRows implements RowProducer {
    private final IdColumns ids;
    private final ValueColumns values;
    private final SplittableRandom random;
    /** Rows per id1 group, indexed by the id1 value's rank in string order (0 = missing). */
    private final long[] groupRows;
    private final int[] counts;
    private int group = -1;
    private int groupSize;
    private int position;
    private int[] id2Rank = new int[0];
    private int[] id3 = new int[0];
    private int[] id4 = new int[0];
    private int[] id5 = new int[0];
    private int[] id6 = new int[0];
    private int[] order = new int[0];
    private int[] scratch = new int[0];

    SortedRows(GroupByParameters parameters, IdColumns ids, ValueColumns values, SplittableRandom random) {
        this.ids = ids;
        this.values = values;
        this.random = random;
        this.groupRows = new long[ids.domain(0) + 1];
        for (long row = 0; row < parameters.rows(); row++) {
            groupRows[ids.rank(ids.draw(0, random))]++;
        }
        this.counts = new int[Math.max(ids.domain(1), ids.domain(2)) + 2];
    }

    @Override
    public int fill(BatchWriter out, int maxRows) {
        int row = 0;
        while (row < maxRows) {
            if (position == groupSize) {
                if (!nextGroup()) {
                    break;
                }
                continue;
            }
            int index = order[position++];
            ids.write(out, row, ids.valueAtRank(group), ids.valueAtRank(id2Rank[index]),
                    id3[index], id4[index], id5[index], id6[index]);
            values.write(out, row);
            row++;
        }
        return row;
    }

    private boolean nextGroup() {
        do {
            group++;
        } while (group < groupRows.length && groupRows[group] == 0);
        if (group >= groupRows.length) {
            return false;
        }
        if (groupRows[group] > Integer.MAX_VALUE - 8) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "sorted group-by data with more than 2^31 rows per id1 value is not supported");
        }
        int size = (int) groupRows[group];
        ensureCapacity(size);
        for (int i = 0; i < size; i++) {
            id2Rank[i] = ids.rank(ids.draw(1, random));
            id3[i] = ids.draw(2, random);
            id4[i] = ids.draw(3, random);
            id5[i] = ids.draw(4, random);
            id6[i] = ids.draw(5, random);
            order[i] = i;
        }
        // Least significant key first: each pass is a stable counting sort, so the last pass (id2) leads.
        sortBy(id6, ids.domain(5), size);
        sortBy(id5, ids.domain(4), size);
        sortBy(id4, ids.domain(3), size);
        sortBy(id3, ids.domain(2), size);
        sortBy(id2Rank, ids.domain(1), size);
        groupSize = size;
        position = 0;
        return true;
    }

    /** Stable counting sort of {@code order[0..size)} by {@code key[order[i]]}, keys in 0..maxKey. */
    private void sortBy(int[] key, int maxKey, int size) {
        Arrays.fill(counts, 0, maxKey + 2, 0);
        for (int i = 0; i < size; i++) {
            counts[key[order[i]] + 1]++;
        }
        for (int k = 1; k <= maxKey + 1; k++) {
            counts[k] += counts[k - 1];
        }
        for (int i = 0; i < size; i++) {
            int index = order[i];
            scratch[counts[key[index]]++] = index;
        }
        int[] sorted = scratch;
        scratch = order;
        order = sorted;
    }

    private void ensureCapacity(int size) {
        if (order.length >= size) {
            return;
        }
        int capacity = Math.max(size, (int) Math.min(Integer.MAX_VALUE - 8, order.length * 3L / 2));
        id2Rank = new int[capacity];
        id3 = new int[capacity];
        id4 = new int[capacity];
        id5 = new int[capacity];
        id6 = new int[capacity];
        order = new int[capacity];
        scratch = new int[capacity];
    }
}
