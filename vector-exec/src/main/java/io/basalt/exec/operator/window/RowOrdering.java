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

    /**
     * The stable order of the rows: {@code order[k]} is the k-th row to visit. When every key is fixed-width
     * the rows are radix-sorted (least significant key first, each key's bytes least significant first, and
     * its NULLs placed by one more pass), which reads the keys in sequence instead of comparing rows at
     * random; otherwise a stable merge sort compares them.
     */
    int[] sort(int rowCount) {
        int[] order = new int[rowCount];
        for (int i = 0; i < rowCount; i++) {
            order[i] = i;
        }
        if (keys.length == 0) {
            return order;
        }
        for (KeyColumn key : keys) {
            if (key.values == null) {
                mergeSort(order, new int[rowCount], 0, rowCount);
                return order;
            }
        }
        long[] sortable = new long[rowCount];
        long[] scratchKeys = new long[rowCount];
        int[] scratchOrder = new int[rowCount];
        for (int k = keys.length - 1; k >= 0; k--) {
            KeyColumn key = keys[k];
            // Flipping the sign bit makes signed order unsigned; complementing reverses it for DESC.
            long flip = key.descending ? ~Long.MIN_VALUE : Long.MIN_VALUE;
            for (int i = 0; i < rowCount; i++) {
                sortable[i] = key.values[order[i]] ^ flip;
            }
            radixSort(sortable, order, scratchKeys, scratchOrder, rowCount);
            if (key.nulls != null) {
                placeNulls(key, order, scratchOrder, rowCount);
            }
        }
        return order;
    }

    /**
     * Stable LSD radix sort of {@code order} by the unsigned values in {@code sortable} (moved along), one
     * pass per byte in which the values differ at all.
     */
    private static void radixSort(long[] sortable, int[] order, long[] scratchKeys, int[] scratchOrder, int n) {
        long differing = 0;
        for (int i = 1; i < n; i++) {
            differing |= sortable[i] ^ sortable[0];
        }
        long[] keysIn = sortable;
        int[] orderIn = order;
        long[] keysOut = scratchKeys;
        int[] orderOut = scratchOrder;
        int[] counts = new int[257];
        for (int shift = 0; shift < 64; shift += 8) {
            if (((differing >>> shift) & 0xff) == 0) {
                continue;
            }
            java.util.Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                counts[(int) ((keysIn[i] >>> shift) & 0xff) + 1]++;
            }
            for (int b = 0; b < 256; b++) {
                counts[b + 1] += counts[b];
            }
            for (int i = 0; i < n; i++) {
                int target = counts[(int) ((keysIn[i] >>> shift) & 0xff)]++;
                keysOut[target] = keysIn[i];
                orderOut[target] = orderIn[i];
            }
            long[] keySwap = keysIn;
            keysIn = keysOut;
            keysOut = keySwap;
            int[] orderSwap = orderIn;
            orderIn = orderOut;
            orderOut = orderSwap;
        }
        if (orderIn != order) {
            System.arraycopy(orderIn, 0, order, 0, n);
            System.arraycopy(keysIn, 0, sortable, 0, n);
        }
    }

    /** Moves the rows whose key is NULL before or after the others, keeping both groups' order. */
    private static void placeNulls(KeyColumn key, int[] order, int[] scratch, int n) {
        int nullCount = 0;
        for (int i = 0; i < n; i++) {
            if (key.nulls[order[i]]) {
                nullCount++;
            }
        }
        int nullSlot = key.nullsFirst ? 0 : n - nullCount;
        int valueSlot = key.nullsFirst ? nullCount : 0;
        for (int i = 0; i < n; i++) {
            int row = order[i];
            if (key.nulls[row]) {
                scratch[nullSlot++] = row;
            } else {
                scratch[valueSlot++] = row;
            }
        }
        System.arraycopy(scratch, 0, order, 0, n);
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
