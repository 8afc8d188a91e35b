package io.basalt.exec.operator.window;

import io.basalt.exec.operator.sort.SortKey;
import io.basalt.exec.vector.ValueComparison;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;

/**
 * The order in which a window operator visits its input: by the PARTITION BY columns (ascending, NULLs last,
 * as PostgreSQL sorts them), then by the ORDER BY keys. Fixed-width key columns are first turned into
 * {@code long}s that compare as the values do (doubles included: -0 equals 0, NaN is above everything), so
 * that the sort compares primitives without a type switch per comparison; other types compare through
 * {@link ValueComparison}. The same comparisons then find where partitions and peer groups begin.
 */
final class RowOrdering {
    /** One key column: its values as comparable longs when fixed-width, else the vector itself. */
    private record KeyColumn(FieldVector vector, long[] values, boolean[] nulls, boolean descending,
                             boolean nullsFirst) {
    }

    private final KeyColumn[] keys;
    private final int partitionKeyCount;

    /**
     * @param columns the whole input, one vector per column holding every row
     * @param partitionColumns the PARTITION BY columns
     * @param orderKeys the ORDER BY keys
     */
    RowOrdering(FieldVector[] columns, int rowCount, int[] partitionColumns, List<SortKey> orderKeys) {
        keys = new KeyColumn[partitionColumns.length + orderKeys.size()];
        for (int k = 0; k < partitionColumns.length; k++) {
            keys[k] = keyColumn(columns[partitionColumns[k]], rowCount, false, false);
        }
        for (int k = 0; k < orderKeys.size(); k++) {
            SortKey key = orderKeys.get(k);
            keys[partitionColumns.length + k] = keyColumn(columns[key.column()], rowCount, key.descending(),
                    key.nullsFirst());
        }
        partitionKeyCount = partitionColumns.length;
    }

    private static KeyColumn keyColumn(FieldVector vector, int rowCount, boolean descending, boolean nullsFirst) {
        boolean[] nulls = null;
        if (vector.getNullCount() > 0) {
            nulls = new boolean[rowCount];
            for (int i = 0; i < rowCount; i++) {
                nulls[i] = vector.isNull(i);
            }
        }
        long[] values = comparableLongs(vector, rowCount, nulls);
        return new KeyColumn(vector, values, nulls, descending, nullsFirst);
    }

    /** The values of a fixed-width column as longs ordered like the values; null for other columns. */
    private static long[] comparableLongs(FieldVector vector, int rowCount, boolean[] nulls) {
        long[] values = new long[rowCount];
        switch (vector) {
            case BigIntVector v -> {
                for (int i = 0; i < rowCount; i++) {
                    values[i] = nulls != null && nulls[i] ? 0 : v.get(i);
                }
            }
            case IntVector v -> {
                for (int i = 0; i < rowCount; i++) {
                    values[i] = nulls != null && nulls[i] ? 0 : v.get(i);
                }
            }
            case SmallIntVector v -> {
                for (int i = 0; i < rowCount; i++) {
                    values[i] = nulls != null && nulls[i] ? 0 : v.get(i);
                }
            }
            case DateDayVector v -> {
                for (int i = 0; i < rowCount; i++) {
                    values[i] = nulls != null && nulls[i] ? 0 : v.get(i);
                }
            }
            case BitVector v -> {
                for (int i = 0; i < rowCount; i++) {
                    values[i] = nulls != null && nulls[i] ? 0 : v.get(i);
                }
            }
            case Float8Vector v -> {
                for (int i = 0; i < rowCount; i++) {
                    values[i] = nulls != null && nulls[i] ? 0 : comparableDouble(v.get(i));
                }
            }
            default -> {
                return null;
            }
        }
        return values;
    }

    /** A long that orders as PostgreSQL orders doubles: -0 equals 0, every NaN equals NaN and is the largest. */
    static long comparableDouble(double value) {
        long bits = Double.doubleToLongBits(value == 0.0 ? 0.0 : value);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    /** The stable order of the rows: {@code order[k]} is the k-th row to visit. */
    int[] sort(int rowCount) {
        int[] order = new int[rowCount];
        for (int i = 0; i < rowCount; i++) {
            order[i] = i;
        }
        if (keys.length > 0) {
            mergeSort(order, new int[rowCount], 0, rowCount);
        }
        return order;
    }

    private void mergeSort(int[] a, int[] scratch, int from, int to) {
        if (to - from <= 24) {
            for (int i = from + 1; i < to; i++) {
                int item = a[i];
                int j = i - 1;
                while (j >= from && compare(a[j], item, keys.length) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = item;
            }
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(a, scratch, from, middle);
        mergeSort(a, scratch, middle, to);
        if (compare(a[middle - 1], a[middle], keys.length) <= 0) {
            return;
        }
        System.arraycopy(a, from, scratch, from, to - from);
        int left = from;
        int right = middle;
        for (int k = from; k < to; k++) {
            if (right >= to || (left < middle && compare(scratch[left], scratch[right], keys.length) <= 0)) {
                a[k] = scratch[left++];
            } else {
                a[k] = scratch[right++];
            }
        }
    }

    /** Compares rows {@code x} and {@code y} on the first {@code keyCount} keys. */
    private int compare(int x, int y, int keyCount) {
        for (int k = 0; k < keyCount; k++) {
            KeyColumn key = keys[k];
            if (key.nulls != null) {
                boolean nx = key.nulls[x];
                boolean ny = key.nulls[y];
                if (nx || ny) {
                    if (nx != ny) {
                        return nx == key.nullsFirst ? -1 : 1;
                    }
                    continue;
                }
            }
            int result = key.values != null ? Long.compare(key.values[x], key.values[y])
                    : ValueComparison.compare(key.vector, x, key.vector, y);
            if (result != 0) {
                return key.descending ? -result : result;
            }
        }
        return 0;
    }

    /** Whether rows {@code x} and {@code y} (input positions) fall in the same partition. */
    boolean samePartition(int x, int y) {
        return compare(x, y, partitionKeyCount) == 0;
    }

    /** Whether rows {@code x} and {@code y} are peers: same partition and equal in every ORDER BY key. */
    boolean peers(int x, int y) {
        return compare(x, y, keys.length) == 0;
    }
}
