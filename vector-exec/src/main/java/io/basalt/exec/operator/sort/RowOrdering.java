package io.basalt.exec.operator.sort;

import io.basalt.exec.vector.ValueComparison;
import io.basalt.type.DecimalCodec;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * The order in which a window or sort operator visits its input: by the PARTITION BY columns of a window
 * (ascending, NULLs last, as PostgreSQL sorts them; none for a sort), then by the ORDER BY keys. Fixed-width key columns are first turned into
 * {@code long}s that compare as the values do (doubles included: -0 equals 0, NaN is above everything; unconstrained NUMERICs when every value fits 64
 * bits at one scale), so
 * that the sort compares primitives without a type switch per comparison; other types compare through
 * {@link ValueComparison}. The same comparisons then find where partitions and peer groups begin.
 */
public final class RowOrdering {
    /** One key column: its values as comparable longs when fixed-width, else the vector itself. */
    private record KeyColumn(FieldVector vector, long[] values, boolean[] nulls, boolean descending,
                             boolean nullsFirst) {
        /** Whether {@link #values} mean the same in another input: not NUMERIC's unscaled longs nor text ranks. */
        boolean comparableAcrossInputs() {
            return !(vector instanceof VarBinaryVector || vector instanceof VarCharVector);
        }
    }

    private final KeyColumn[] keys;
    private final int partitionKeyCount;

    /**
     * @param columns the whole input, one vector per column holding every row
     * @param partitionColumns the PARTITION BY columns
     * @param orderKeys the ORDER BY keys
     */
    public RowOrdering(FieldVector[] columns, int rowCount, int[] partitionColumns, List<SortKey> orderKeys) {
        keys = new KeyColumn[partitionColumns.length + orderKeys.size()];
        for (int k = 0; k < partitionColumns.length; k++) {
            keys[k] = keyColumn(columns[partitionColumns[k]], rowCount, false, false, k == 0);
        }
        for (int k = 0; k < orderKeys.size(); k++) {
            SortKey key = orderKeys.get(k);
            keys[partitionColumns.length + k] = keyColumn(columns[key.column()], rowCount, key.descending(),
                    key.nullsFirst(), partitionColumns.length + k == 0);
        }
        partitionKeyCount = partitionColumns.length;
    }

    private static KeyColumn keyColumn(FieldVector vector, int rowCount, boolean descending, boolean nullsFirst,
                                       boolean leading) {
        boolean[] nulls = null;
        if (vector.getNullCount() > 0) {
            nulls = new boolean[rowCount];
            for (int i = 0; i < rowCount; i++) {
                nulls[i] = vector.isNull(i);
            }
        }
        long[] values = comparableLongs(vector, rowCount, nulls, leading);
        return new KeyColumn(vector, values, nulls, descending, nullsFirst);
    }

    /**
     * The values of a fixed-width column (or of a text column, see {@link #textRanks}; {@code leading}: the first key)
     * as longs ordered like the values; null for other columns.
     */
    private static long[] comparableLongs(FieldVector vector, int rowCount, boolean[] nulls, boolean leading) {
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
            case VarBinaryVector v when ValueComparison.holdsEncodedDecimals(v) -> {
                return encodedDecimalLongs(v, rowCount, nulls, values);
            }
            case VarCharVector v -> {
                return textRanks(v, rowCount, nulls, values, leading);
            }
            default -> {
                return null;
            }
        }
        return values;
    }

    /**
     * Unconstrained NUMERIC keys as their unscaled values at the largest scale among them, when every non-null value
     * is finite, fits 64 bits and still does at that scale (sums of money-like columns do); null otherwise, and the
     * key is then compared by value per comparison. Sorting NUMERIC sums (TPC-H Q11's result) then needs no decoding
     * per comparison.
     */
    private static long[] encodedDecimalLongs(VarBinaryVector vector, int rowCount, boolean[] nulls, long[] values) {
        org.apache.arrow.memory.ArrowBuf offsets = vector.getOffsetBuffer();
        org.apache.arrow.memory.ArrowBuf data = vector.getDataBuffer();
        int[] scales = new int[rowCount];
        int maxScale = Integer.MIN_VALUE;
        for (int i = 0; i < rowCount; i++) {
            if (nulls != null && nulls[i]) {
                continue;
            }
            int start = offsets.getInt((long) i * 4);
            int length = offsets.getInt((long) (i + 1) * 4) - start;
            if (!DecimalCodec.isCompact(data, start, length)) {
                return null;
            }
            scales[i] = DecimalCodec.scale(data, start);
            values[i] = DecimalCodec.unscaled(data, start, length);
            maxScale = Math.max(maxScale, scales[i]);
        }
        for (int i = 0; i < rowCount; i++) {
            if (nulls != null && nulls[i]) {
                continue;
            }
            int shift = maxScale - scales[i];
            if (shift != 0) {
                if (shift >= POWERS_OF_TEN.length) {
                    return null;
                }
                long power = POWERS_OF_TEN[shift];
                long low = values[i] * power;
                if (Math.multiplyHigh(values[i], power) != (low >> 63)) {
                    return null;
                }
                values[i] = low;
            }
        }
        return values;
    }

    /**
     * Text keys (compared bytewise, PostgreSQL's C collation) as the rank of each value among the distinct values of
     * this input: the values are copied to the heap once, collected into distinct ones by hashing, and only the
     * distinct ones are sorted. The sort then compares longs (or radix-sorts them) instead of strings per comparison
     * (TPC-H Q16's ORDER BY over 18,000 groups with 25 brands and 150 types). The ranks hold within this input only.
     * A later key whose values are mostly distinct is left to compare by value (null): sorting them all could cost
     * more than the comparisons that earlier keys leave to it.
     */
    private static long[] textRanks(VarCharVector vector, int rowCount, boolean[] nulls, long[] values,
                                    boolean leading) {
        int[] offsets = new int[rowCount + 1];
        org.apache.arrow.memory.ArrowBuf offsetBuffer = vector.getOffsetBuffer();
        for (int i = 0; i <= rowCount; i++) {
            offsets[i] = rowCount == 0 ? 0 : offsetBuffer.getInt((long) i * Integer.BYTES);
        }
        int base = offsets[0];
        byte[] bytes = new byte[offsets[rowCount] - base];
        vector.getDataBuffer().getBytes(base, bytes, 0, bytes.length);
        int[] slots = new int[Integer.highestOneBit(Math.max(rowCount, 1)) << 2];
        int mask = slots.length - 1;
        int[] distinctRows = new int[Math.max(rowCount, 1)];
        int[] ids = new int[rowCount];
        int distinct = 0;
        for (int row = 0; row < rowCount; row++) {
            if (nulls != null && nulls[row]) {
                continue;
            }
            int start = offsets[row] - base;
            int end = offsets[row + 1] - base;
            int slot = hash(bytes, start, end) & mask;
            while (true) {
                int held = slots[slot] - 1;
                if (held < 0) {
                    slots[slot] = distinct + 1;
                    distinctRows[distinct] = row;
                    ids[row] = distinct++;
                    break;
                }
                int other = distinctRows[held];
                if (java.util.Arrays.equals(bytes, start, end, bytes, offsets[other] - base, offsets[other + 1] - base)) {
                    ids[row] = held;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        if (!leading && distinct > rowCount / 2) {
            return null;
        }
        int[] sorted = new int[distinct];
        for (int d = 0; d < distinct; d++) {
            sorted[d] = d;
        }
        sortDistinct(sorted, new int[distinct], 0, distinct, distinctRows, offsets, base, bytes);
        long[] rank = new long[distinct];
        for (int position = 0; position < distinct; position++) {
            rank[sorted[position]] = position;
        }
        for (int row = 0; row < rowCount; row++) {
            values[row] = nulls != null && nulls[row] ? 0 : rank[ids[row]];
        }
        return values;
    }

    private static int hash(byte[] bytes, int start, int end) {
        int hash = end - start;
        for (int at = start; at < end; at++) {
            hash = 31 * hash + bytes[at];
        }
        return hash ^ (hash >>> 15) ^ (hash >>> 7);
    }

    /** Merge sort of distinct value ids {@code ids[from, to)} by their bytes (unsigned, a prefix first). */
    private static void sortDistinct(int[] ids, int[] scratch, int from, int to, int[] rows, int[] offsets, int base,
                                     byte[] bytes) {
        if (to - from < 2) {
            return;
        }
        int middle = (from + to) >>> 1;
        sortDistinct(ids, scratch, from, middle, rows, offsets, base, bytes);
        sortDistinct(ids, scratch, middle, to, rows, offsets, base, bytes);
        System.arraycopy(ids, from, scratch, from, to - from);
        int left = from;
        int right = middle;
        for (int k = from; k < to; k++) {
            if (right >= to || (left < middle
                    && compareDistinct(scratch[left], scratch[right], rows, offsets, base, bytes) <= 0)) {
                ids[k] = scratch[left++];
            } else {
                ids[k] = scratch[right++];
            }
        }
    }

    private static int compareDistinct(int x, int y, int[] rows, int[] offsets, int base, byte[] bytes) {
        int a = rows[x];
        int b = rows[y];
        return java.util.Arrays.compareUnsigned(bytes, offsets[a] - base, offsets[a + 1] - base,
                bytes, offsets[b] - base, offsets[b + 1] - base);
    }

    private static final long[] POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
            100_000_000L, 1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L,
            10_000_000_000_000L, 100_000_000_000_000L, 1_000_000_000_000_000L, 10_000_000_000_000_000L,
            100_000_000_000_000_000L, 1_000_000_000_000_000_000L};

    /** A long that orders as PostgreSQL orders doubles: -0 equals 0, every NaN equals NaN and is the largest. */
    public static long comparableDouble(double value) {
        long bits = Double.doubleToLongBits(value == 0.0 ? 0.0 : value);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    /**
     * The stable order of the rows: {@code order[k]} is the k-th row to visit. When every key is fixed-width
     * the rows are radix-sorted (least significant key first, each key's bytes least significant first, and
     * its NULLs placed by one more pass), which reads the keys in sequence instead of comparing rows at
     * random; otherwise a stable merge sort compares them.
     */
    public int[] sort(int rowCount) {
        int[] order = new int[rowCount];
        for (int i = 0; i < rowCount; i++) {
            order[i] = i;
        }
        sort(order, 0, rowCount);
        return order;
    }

    /**
     * Sorts the rows listed in {@code order[from..to)} (input positions) into visiting order, stably: rows
     * that compare equal keep their order in the range. Touches nothing outside the range, so that disjoint
     * ranges may be sorted on different threads.
     */
    public void sort(int[] order, int from, int to) {
        int n = to - from;
        if (keys.length == 0 || n < 2) {
            return;
        }
        int[] part = from == 0 && to == order.length ? order : java.util.Arrays.copyOfRange(order, from, to);
        boolean fixedWidth = true;
        for (KeyColumn key : keys) {
            fixedWidth &= key.values != null;
        }
        if (!fixedWidth) {
            mergeSort(part, new int[n], 0, n);
        } else {
            long[] sortable = new long[n];
            long[] scratchKeys = new long[n];
            int[] scratchOrder = new int[n];
            for (int k = keys.length - 1; k >= 0; k--) {
                KeyColumn key = keys[k];
                // Flipping the sign bit makes signed order unsigned; complementing reverses it for DESC.
                long flip = key.descending ? ~Long.MIN_VALUE : Long.MIN_VALUE;
                for (int i = 0; i < n; i++) {
                    sortable[i] = key.values[part[i]] ^ flip;
                }
                radixSort(sortable, part, scratchKeys, scratchOrder, n);
                if (key.nulls != null) {
                    placeNulls(key, part, scratchOrder, n);
                }
            }
        }
        if (part != order) {
            System.arraycopy(part, 0, order, from, n);
        }
    }

    /**
     * Merges the sorted runs {@code source[leftFrom..leftTo)} and {@code source[leftTo..rightTo)} into
     * {@code target[targetFrom..)}, writing output positions {@code [outFrom, outTo)} of the merged run only
     * (0-based within the merge), so that one merge can be split between threads. Ties take the left run's
     * row first, which keeps a sort of ascending input positions stable.
     */
    public void merge(int[] source, int leftFrom, int leftTo, int rightTo, int[] target, int targetFrom,
               int outFrom, int outTo) {
        int left = leftFrom + splitPoint(source, leftFrom, leftTo, rightTo, outFrom);
        int right = leftTo + (outFrom - (left - leftFrom));
        for (int k = outFrom; k < outTo; k++) {
            if (right >= rightTo || (left < leftTo && compare(source[left], source[right], keys.length) <= 0)) {
                target[targetFrom + k] = source[left++];
            } else {
                target[targetFrom + k] = source[right++];
            }
        }
    }

    /**
     * How many rows of the left run come among the first {@code outputs} rows of the stable merge of the
     * runs {@code [leftFrom, leftTo)} and {@code [leftTo, rightTo)} (a binary search on the merge path).
     */
    private int splitPoint(int[] source, int leftFrom, int leftTo, int rightTo, int outputs) {
        int leftCount = leftTo - leftFrom;
        int rightCount = rightTo - leftTo;
        int low = Math.max(0, outputs - rightCount);
        int high = Math.min(outputs, leftCount);
        while (low < high) {
            int taken = (low + high) >>> 1;
            // taking `taken` left rows is too few when the next left row precedes the last right row taken
            int rightTaken = outputs - taken;
            if (rightTaken > 0 && compare(source[leftFrom + taken], source[leftTo + rightTaken - 1], keys.length) <= 0) {
                low = taken + 1;
            } else {
                high = taken;
            }
        }
        return low;
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
        return compareKeys(x, y, 0, keyCount);
    }

    /** Compares rows {@code x} and {@code y} on keys {@code from} (inclusive) to {@code to} (exclusive). */
    private int compareKeys(int x, int y, int from, int to) {
        for (int k = from; k < to; k++) {
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

    /** Whether every key is fixed-width, so that rows can be radix-sorted and split by their first key. */
    public boolean fixedWidth() {
        for (KeyColumn key : keys) {
            if (key.values == null) {
                return false;
            }
        }
        return keys.length > 0;
    }

    /**
     * Whether every key is fixed-width with longs that mean the same in any input of these key types, so that
     * {@link #firstKeyOrdered} values of two orderings compare: not so for NUMERIC keys, whose longs are unscaled at
     * a scale their own input chose.
     */
    public boolean fixedWidthAcrossInputs() {
        if (!fixedWidth()) {
            return false;
        }
        for (KeyColumn key : keys) {
            if (!key.comparableAcrossInputs()) {
                return false;
            }
        }
        return true;
    }

    /** Whether row {@code row}'s first key is NULL. */
    public boolean firstKeyNull(int row) {
        return keys[0].nulls != null && keys[0].nulls[row];
    }

    /** Whether NULLs of the first key come before its values. */
    public boolean firstKeyNullsFirst() {
        return keys[0].nullsFirst;
    }

    /**
     * Row {@code row}'s first key (not NULL; fixed-width keys only) as a long whose signed order is the visiting
     * order: rows with a smaller value come first, rows with equal values are equal in the first key.
     */
    public long firstKeyOrdered(int row) {
        long value = keys[0].values[row];
        return keys[0].descending ? ~value : value;
    }

    /** Compares rows {@code x} and {@code y} (input positions) on every key: partition columns, then ORDER BY. */
    public int compareRows(int x, int y) {
        return compareKeys(x, y, 0, keys.length);
    }

    /** Compares rows {@code x} and {@code y} (input positions) by the ORDER BY keys alone. */
    public int compareOrder(int x, int y) {
        return compareKeys(x, y, partitionKeyCount, keys.length);
    }

    /** Whether rows {@code x} and {@code y} (input positions) fall in the same partition. */
    public boolean samePartition(int x, int y) {
        return compare(x, y, partitionKeyCount) == 0;
    }

    /** Whether rows {@code x} and {@code y} are peers: same partition and equal in every ORDER BY key. */
    public boolean peers(int x, int y) {
        return compare(x, y, keys.length) == 0;
    }

    /**
     * Compares row {@code x} of this ordering's input with row {@code y} of {@code other}'s, an ordering with
     * the same keys over another input of the same types (the sorted runs of an external sort).
     */
    public int compareAcross(int x, RowOrdering other, int y) {
        for (int k = 0; k < keys.length; k++) {
            KeyColumn key = keys[k];
            KeyColumn theirs = other.keys[k];
            boolean nx = key.nulls != null && key.nulls[x];
            boolean ny = theirs.nulls != null && theirs.nulls[y];
            if (nx || ny) {
                if (nx != ny) {
                    return nx == key.nullsFirst ? -1 : 1;
                }
                continue;
            }
            // NUMERIC keys' longs (unscaled at their own input's scale) and text ranks compare by value across inputs
            int result = key.values != null && theirs.values != null && key.comparableAcrossInputs()
                    ? Long.compare(key.values[x], theirs.values[y])
                    : ValueComparison.compare(key.vector, x, theirs.vector, y);
            if (result != 0) {
                return key.descending ? -result : result;
            }
        }
        return 0;
    }
}
