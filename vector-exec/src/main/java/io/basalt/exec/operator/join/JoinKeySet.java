package io.basalt.exec.operator.join;

import io.basalt.exec.kernel.ArrowSegments;
import io.basalt.exec.vector.KeyHashing;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;

/**
 * The distinct non-NULL values of a hash join's integer-like build key, as a membership test for the rows
 * of the probe side ({@link JoinKeyFilters}). Keys that span a narrow range relative to their number (the
 * usual case for keys of dimension tables), or any range of at most {@link #SMALL_BITMAP_BITS} values, are one bit
 * each in a bitmap over {@code [min, max]}; other key sets are an open-addressing hash set of {@code long}s.
 * Immutable once built, so that any number of probe workers may read it.
 */
public final class JoinKeySet {
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    /** The largest bitmap, in bits (16 MiB). */
    private static final long MAX_BITMAP_BITS = 1L << 27;
    /**
     * A bitmap over a range up to this many values (128 KiB) is taken however sparse the keys are: testing a bit is
     * a load and a mask, where hashing mixes, probes and branches per row. TPC-H Q2's few hundred part keys spread
     * over 200,000 values filtered 800,000 partsupp rows through the hash set before (a quarter of the query's time).
     */
    private static final long SMALL_BITMAP_BITS = 1L << 20;

    private final long min;
    private final long max;
    /** One bit per value of [min, max]; null when the keys are hashed. */
    private final long[] bitmap;
    /** Open-addressing table of the keys (EMPTY for a free slot); null for a bitmap. */
    private final long[] slots;
    private final int mask;
    /** Whether EMPTY itself is a key (it cannot be stored in {@link #slots}). */
    private final boolean holdsEmptyMarker;
    private final int size;

    private static final long EMPTY = Long.MIN_VALUE;

    private JoinKeySet(long min, long max, long[] bitmap, long[] slots, boolean holdsEmptyMarker, int size) {
        this.min = min;
        this.max = max;
        this.bitmap = bitmap;
        this.slots = slots;
        this.mask = slots == null ? 0 : slots.length - 1;
        this.holdsEmptyMarker = holdsEmptyMarker;
        this.size = size;
    }

    /** Whether {@code vector}'s values can be read as keys here (integer-like fixed-width vectors). */
    public static boolean supports(FieldVector vector) {
        return vector instanceof BigIntVector || vector instanceof IntVector || vector instanceof DateDayVector
                || vector instanceof SmallIntVector;
    }

    /** The width in bytes of one value of a vector {@link #supports} accepts. */
    static int widthOf(FieldVector vector) {
        if (vector instanceof BigIntVector) {
            return 8;
        }
        return vector instanceof SmallIntVector ? 2 : 4;
    }

    /** Reads value {@code row} of a fixed-width integer buffer of {@code width} bytes per value. */
    static long read(MemorySegment values, long row, int width) {
        return switch (width) {
            case 8 -> values.get(ArrowSegments.LONG, row << 3);
            case 4 -> values.get(ArrowSegments.INT, row << 2);
            default -> values.get(SHORT, row << 1);
        };
    }

    static boolean isValid(MemorySegment validity, long row) {
        return validity == null || ((validity.get(ValueLayout.JAVA_BYTE, row >>> 3) >>> (row & 7)) & 1) != 0;
    }

    /** The set of the non-NULL values among the first {@code rows} of {@code keys} (a supported vector). */
    public static JoinKeySet of(FieldVector keys, int rows) {
        if (!supports(keys)) {
            throw new IllegalArgumentException("not an integer-like key vector: " + keys.getField());
        }
        int width = widthOf(keys);
        MemorySegment values = rows == 0 ? null : ArrowSegments.values(keys);
        MemorySegment validity = rows == 0 ? null : ArrowSegments.validity(keys);
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        int present = 0;
        for (int row = 0; row < rows; row++) {
            if (!isValid(validity, row)) {
                continue;
            }
            long key = read(values, row, width);
            min = Math.min(min, key);
            max = Math.max(max, key);
            present++;
        }
        if (present == 0) {
            return new JoinKeySet(1, 0, new long[0], null, false, 0);
        }
        // max - min may overflow for keys spread over the whole long range: then the keys are hashed.
        long span = max - min;
        if (span >= 0 && span < MAX_BITMAP_BITS && (span < SMALL_BITMAP_BITS || span / 64 <= 4L * present)) {
            long[] bitmap = new long[(int) (span / 64) + 1];
            for (int row = 0; row < rows; row++) {
                if (isValid(validity, row)) {
                    long offset = read(values, row, width) - min;
                    bitmap[(int) (offset >>> 6)] |= 1L << offset;
                }
            }
            return new JoinKeySet(min, max, bitmap, null, false, present);
        }
        int capacity = Integer.highestOneBit(Math.max(16, present) * 2 - 1) << 1;
        long[] slots = new long[capacity];
        java.util.Arrays.fill(slots, EMPTY);
        boolean holdsEmptyMarker = false;
        int mask = capacity - 1;
        for (int row = 0; row < rows; row++) {
            if (!isValid(validity, row)) {
                continue;
            }
            long key = read(values, row, width);
            if (key == EMPTY) {
                holdsEmptyMarker = true;
                continue;
            }
            int slot = (int) KeyHashing.mix(key) & mask;
            while (slots[slot] != EMPTY && slots[slot] != key) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = key;
        }
        return new JoinKeySet(min, max, null, slots, holdsEmptyMarker, present);
    }

    /** Whether {@code key} is one of the set's values. */
    public boolean contains(long key) {
        if (key < min || key > max) {
            return false;
        }
        if (bitmap != null) {
            long offset = key - min;
            return (bitmap[(int) (offset >>> 6)] & (1L << offset)) != 0;
        }
        if (key == EMPTY) {
            return holdsEmptyMarker;
        }
        int slot = (int) KeyHashing.mix(key) & mask;
        while (true) {
            long held = slots[slot];
            if (held == key) {
                return true;
            }
            if (held == EMPTY) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
    }

    /**
     * Writes to {@code selection} the indexes of the rows among the first {@code rows} of {@code keys} (a vector
     * {@link #supports} accepts) whose value is non-NULL and in the set, in order, and returns their number.
     */
    public int select(FieldVector keys, int rows, int[] selection) {
        if (rows == 0 || size == 0) {
            return 0;
        }
        int width = widthOf(keys);
        MemorySegment values = ArrowSegments.values(keys);
        MemorySegment validity = ArrowSegments.validity(keys);
        int count = 0;
        if (bitmap != null && validity == null && width == 8) {
            // The common case (BIGINT keys, no NULLs, a bitmap) in a loop of its own, without a branch on the key:
            // a selective filter's outcomes are unpredictable, and a mispredicted branch per row cost more than the
            // test (TPC-H Q3's 6M lineitem rows against 147,000 orders spread over the whole key range).
            long span = max - min;
            for (int row = 0; row < rows; row++) {
                long offset = values.get(ArrowSegments.LONG, (long) row << 3) - min;
                selection[count] = row;
                count += bit(offset, span);
            }
            return count;
        }
        if (bitmap != null && validity == null && width == 4) {
            long span = max - min;
            for (int row = 0; row < rows; row++) {
                long offset = values.get(ArrowSegments.INT, (long) row << 2) - min;
                selection[count] = row;
                count += bit(offset, span);
            }
            return count;
        }
        for (int row = 0; row < rows; row++) {
            if (isValid(validity, row) && contains(read(values, row, width))) {
                selection[count++] = row;
            }
        }
        return count;
    }

    /**
     * Like {@link #select}, over the rows at {@code positions[0..count)} of {@code keys}: writes to {@code selection}
     * the positions whose value is non-NULL and in the set, in order, and returns their number. {@code selection}
     * may be {@code positions} itself.
     */
    public int selectAt(FieldVector keys, int[] positions, int count, int[] selection) {
        if (count == 0 || size == 0) {
            return 0;
        }
        int width = widthOf(keys);
        MemorySegment values = ArrowSegments.values(keys);
        MemorySegment validity = ArrowSegments.validityAt(keys, positions, count);
        int kept = 0;
        if (bitmap != null && validity == null && width == 8) {
            long span = max - min;
            for (int k = 0; k < count; k++) {
                int position = positions[k];
                long offset = values.get(ArrowSegments.LONG, (long) position << 3) - min;
                selection[kept] = position; // kept <= k: never overwrites a position still to be read
                kept += bit(offset, span);
            }
            return kept;
        }
        if (bitmap != null && validity == null && width == 4) {
            long span = max - min;
            for (int k = 0; k < count; k++) {
                int position = positions[k];
                long offset = values.get(ArrowSegments.INT, (long) position << 2) - min;
                selection[kept] = position;
                kept += bit(offset, span);
            }
            return kept;
        }
        for (int k = 0; k < count; k++) {
            int position = positions[k];
            if (isValid(validity, position) && contains(read(values, position, width))) {
                selection[kept++] = position;
            }
        }
        return kept;
    }

    /**
     * 1 when the key at {@code offset} from {@code min} is in the bitmap, else 0, without a branch: an offset outside
     * {@code [0, span]} (negative ones compare as huge unsigned values) reads word 0 and is masked to 0.
     */
    private int bit(long offset, long span) {
        long inRange = Long.compareUnsigned(offset, span) <= 0 ? 1L : 0L;
        long at = offset & -inRange;
        return (int) ((bitmap[(int) (at >>> 6)] >>> at) & inRange);
    }

    /** The number of non-NULL build keys the set was made from (duplicates counted). */
    public int buildKeyCount() {
        return size;
    }

    /** Whether the set is a bitmap (false: hashed), for tests. */
    boolean isBitmap() {
        return bitmap != null;
    }
}
