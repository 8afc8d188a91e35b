package io.basalt.exec.kernel;

import java.lang.foreign.MemorySegment;

/**
 * The hot loops of the executor, over raw Arrow buffers seen as {@link MemorySegment}s (little-endian,
 * values packed from offset 0). Two implementations exist: {@code PlainKernels}, the reference, and
 * {@code VectorKernels} on the Java Vector API; {@link KernelProvider#kernels()} picks one at startup.
 * Both must return identical results for every input.
 *
 * <p>Validity: a {@code validity} argument is an Arrow validity bitmap (bit i of byte i/8 set = row i
 * is not null), or {@code null} when the column has no nulls. Null rows never satisfy a comparison and
 * never contribute to a sum.
 *
 * <p>Selections: {@code selection} receives the indices (ascending) of the rows that qualify; it must
 * have room for {@code count} entries. The return value is how many qualify; entries past it may be
 * overwritten with scratch values.
 *
 * <p>Comparisons on doubles follow PostgreSQL, not IEEE: NaN equals NaN and sorts above every other
 * value, and -0.0 equals 0.0.
 */
public interface Kernels {
    /** Rows i in [0, count) with {@code values[i] op constant}, for 64-bit integers. */
    int selectLong(MemorySegment values, MemorySegment validity, int count, CompareOp op, long constant, int[] selection);

    /** Rows i in [0, count) with {@code values[i] op constant}, for 32-bit integers (INTEGER, DATE). */
    int selectInt(MemorySegment values, MemorySegment validity, int count, CompareOp op, int constant, int[] selection);

    /** Rows i in [0, count) with {@code values[i] op constant}, for doubles with PostgreSQL's NaN ordering. */
    int selectDouble(MemorySegment values, MemorySegment validity, int count, CompareOp op, double constant, int[] selection);

    /**
     * Clears in {@code mask} (bit i of {@code mask[i >>> 6]}, rows [0, count)) every row that is null or fails
     * {@code values[i] op constant}, 64-bit integers; set bits of rows that qualify, and bits at or beyond
     * {@code count}, are left as they were. Several comparisons ANDed into one mask select the rows that pass them
     * all, each comparison a pass over the whole batch without reading a selection.
     */
    void andMaskLong(MemorySegment values, MemorySegment validity, int count, CompareOp op, long constant, long[] mask);

    /** {@link #andMaskLong} for 32-bit integers (INTEGER, DATE). */
    void andMaskInt(MemorySegment values, MemorySegment validity, int count, CompareOp op, int constant, long[] mask);

    /** Rows with {@code left[i] op right[i]}, 64-bit integers; a row is null if either side is. */
    int selectLongPairs(MemorySegment left, MemorySegment leftValidity, MemorySegment right, MemorySegment rightValidity,
                        int count, CompareOp op, int[] selection);

    /** Rows with {@code left[i] op right[i]}, 32-bit integers. */
    int selectIntPairs(MemorySegment left, MemorySegment leftValidity, MemorySegment right, MemorySegment rightValidity,
                       int count, CompareOp op, int[] selection);

    /** Rows with {@code left[i] op right[i]}, doubles with PostgreSQL's NaN ordering. */
    int selectDoublePairs(MemorySegment left, MemorySegment leftValidity, MemorySegment right, MemorySegment rightValidity,
                          int count, CompareOp op, int[] selection);

    /**
     * The exact sum of the non-null 64-bit values in [0, count), which may exceed 64 bits: written as
     * {@code sum = high * 2^32 + low} into {@code lowHigh[0] = low} (the sum of the unsigned low 32-bit
     * halves) and {@code lowHigh[1] = high} (the sum of the signed high halves). Neither part can
     * overflow for count below 2^31. Callers fold the two parts into a 128-bit accumulator.
     */
    void sumLong(MemorySegment values, MemorySegment validity, int count, long[] lowHigh);

    /** The sum of the non-null 32-bit values in [0, count), widened to 64 bits (it cannot overflow). */
    long sumInt(MemorySegment values, MemorySegment validity, int count);

    /**
     * The sum of the non-null doubles in [0, count). Additions happen in a fixed order (see the
     * implementations' class comments) so that both implementations return the same bits.
     */
    double sumDouble(MemorySegment values, MemorySegment validity, int count);

    /** The number of non-null rows in [0, count) of a validity bitmap (null bitmap = all valid). */
    int countValid(MemorySegment validity, int count);

    /**
     * Whether any of the 64-bit values in [0, count) equals {@code value}, nulls included (a caller that must
     * ignore null rows checks them only when this answers yes).
     */
    boolean containsLong(MemorySegment values, int count, long value);

    // ---- sums at positions (a filter's selection handed on, see io.basalt.exec.batch.Batch) ----------------

    /**
     * {@link #sumLong} over the rows {@code positions[0..count)} (ascending, each below the vectors' length) instead
     * of {@code [0, count)}: the same two parts, the same result as summing those rows gathered into a dense vector.
     */
    void sumLongAt(MemorySegment values, MemorySegment validity, int[] positions, int count, long[] lowHigh);

    /** {@link #sumInt} over the rows {@code positions[0..count)}. */
    long sumIntAt(MemorySegment values, MemorySegment validity, int[] positions, int count);

    /**
     * {@link #sumDouble} over the rows {@code positions[0..count)}, in the order it would use on those rows gathered
     * into a dense vector (accumulator {@code k % 8} takes the k-th position's value), so the bits are the same.
     */
    double sumDoubleAt(MemorySegment values, MemorySegment validity, int[] positions, int count);

    /** How many of the rows {@code positions[0..count)} are not null ({@code validity} null: all of them). */
    int countValidAt(MemorySegment validity, int[] positions, int count);
}
