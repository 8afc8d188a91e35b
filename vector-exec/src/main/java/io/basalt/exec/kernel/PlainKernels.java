package io.basalt.exec.kernel;

import static io.basalt.exec.kernel.ArrowSegments.DOUBLE;
import static io.basalt.exec.kernel.ArrowSegments.INT;
import static io.basalt.exec.kernel.ArrowSegments.LONG;

import java.lang.foreign.MemorySegment;

/**
 * The reference {@link Kernels}: one row at a time in plain Java. {@link VectorKernels} must return
 * exactly what this class returns, and runs the package-private range methods here as its scalar tail.
 *
 * <p>Selections classify each row once as less, equal or greater than the other operand (doubles in
 * PostgreSQL's order, see {@link ComparisonOutcomes#of(double, double)}) and test the outcome against a
 * mask of the outcomes the operator accepts; the index is always written and the count advanced by 0
 * or 1, so the loop has no data-dependent branch.
 *
 * <p>Double sums use a fixed order that {@link VectorKernels} follows too: eight accumulators, all
 * starting at +0.0; accumulator {@code k} adds the non-null values of rows {@code i} with
 * {@code i % 8 == k} in ascending row order; the result is
 * {@code ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7))}. A null row adds +0.0, which is the same as
 * skipping it: an accumulator that starts at +0.0 can never become -0.0, and {@code x + 0.0 == x} for
 * every other {@code x}.
 */
public final class PlainKernels implements Kernels {
    /** How many accumulators a double sum uses; part of the summation order both implementations share. */
    static final int DOUBLE_ACCUMULATORS = 8;

    @Override
    public int selectLong(MemorySegment values, MemorySegment validity, int count, CompareOp op, long constant, int[] selection) {
        return selectLong(values, validity, 0, count, ComparisonOutcomes.accepted(op), constant, selection, 0);
    }

    @Override
    public int selectInt(MemorySegment values, MemorySegment validity, int count, CompareOp op, int constant, int[] selection) {
        return selectInt(values, validity, 0, count, ComparisonOutcomes.accepted(op), constant, selection, 0);
    }

    @Override
    public void andMaskLong(MemorySegment values, MemorySegment validity, int count, CompareOp op, long constant, long[] mask) {
        andMaskLong(values, validity, 0, count, ComparisonOutcomes.accepted(op), constant, mask);
    }

    @Override
    public void andMaskInt(MemorySegment values, MemorySegment validity, int count, CompareOp op, int constant, long[] mask) {
        andMaskInt(values, validity, 0, count, ComparisonOutcomes.accepted(op), constant, mask);
    }

    @Override
    public int selectDouble(MemorySegment values, MemorySegment validity, int count, CompareOp op, double constant, int[] selection) {
        return selectDouble(values, validity, 0, count, ComparisonOutcomes.accepted(op), constant, selection, 0);
    }

    @Override
    public int selectLongPairs(MemorySegment left, MemorySegment leftValidity, MemorySegment right, MemorySegment rightValidity,
                               int count, CompareOp op, int[] selection) {
        return selectLongPairs(left, leftValidity, right, rightValidity, 0, count, ComparisonOutcomes.accepted(op), selection, 0);
    }

    @Override
    public int selectIntPairs(MemorySegment left, MemorySegment leftValidity, MemorySegment right, MemorySegment rightValidity,
                              int count, CompareOp op, int[] selection) {
        return selectIntPairs(left, leftValidity, right, rightValidity, 0, count, ComparisonOutcomes.accepted(op), selection, 0);
    }

    @Override
    public int selectDoublePairs(MemorySegment left, MemorySegment leftValidity, MemorySegment right, MemorySegment rightValidity,
                                 int count, CompareOp op, int[] selection) {
        return selectDoublePairs(left, leftValidity, right, rightValidity, 0, count, ComparisonOutcomes.accepted(op), selection, 0);
    }

    @Override
    public void sumLong(MemorySegment values, MemorySegment validity, int count, long[] lowHigh) {
        lowHigh[0] = 0;
        lowHigh[1] = 0;
        addLongs(values, validity, 0, count, lowHigh);
    }

    @Override
    public long sumInt(MemorySegment values, MemorySegment validity, int count) {
        return sumInts(values, validity, 0, count);
    }

    @Override
    public double sumDouble(MemorySegment values, MemorySegment validity, int count) {
        double[] accumulators = new double[DOUBLE_ACCUMULATORS];
        addDoubles(values, validity, 0, count, accumulators);
        return reduceDoubleAccumulators(accumulators);
    }

    @Override
    public int countValid(MemorySegment validity, int count) {
        return ValidityBits.countSet(validity, count);
    }

    @Override
    public boolean containsLong(MemorySegment values, int count, long value) {
        for (int i = 0; i < count; i++) {
            if (values.get(LONG, (long) i << 3) == value) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void sumLongAt(MemorySegment values, MemorySegment validity, int[] positions, int count, long[] lowHigh) {
        lowHigh[0] = 0;
        lowHigh[1] = 0;
        addLongsAt(values, validity, positions, count, lowHigh);
    }

    @Override
    public long sumIntAt(MemorySegment values, MemorySegment validity, int[] positions, int count) {
        return sumIntsAt(values, validity, positions, count);
    }

    @Override
    public double sumDoubleAt(MemorySegment values, MemorySegment validity, int[] positions, int count) {
        return sumDoublesAt(values, validity, positions, count);
    }

    @Override
    public int countValidAt(MemorySegment validity, int[] positions, int count) {
        return countValidRowsAt(validity, positions, count);
    }

    // ---- position methods, shared with VectorKernels ----------------------------------------------------
    //
    // The rows are scattered, so there is no contiguous run for vector loads: both implementations run these
    // loops, which read each position once and branch on nothing that depends on the data.

    static void addLongsAt(MemorySegment values, MemorySegment validity, int[] positions, int count, long[] lowHigh) {
        long low = 0;
        long high = 0;
        for (int k = 0; k < count; k++) {
            int row = positions[k];
            long value = values.getAtIndex(LONG, row) & -(long) valid(validity, row);
            low += value & 0xFFFF_FFFFL;
            high += value >> 32;
        }
        lowHigh[0] += low;
        lowHigh[1] += high;
    }

    static long sumIntsAt(MemorySegment values, MemorySegment validity, int[] positions, int count) {
        long sum = 0;
        for (int k = 0; k < count; k++) {
            int row = positions[k];
            sum += values.getAtIndex(INT, row) & -valid(validity, row);
        }
        return sum;
    }

    /** The summation order of the class comment, applied to the k-th position as if it were row k. */
    static double sumDoublesAt(MemorySegment values, MemorySegment validity, int[] positions, int count) {
        double[] a = new double[DOUBLE_ACCUMULATORS];
        for (int k = 0; k < count; k++) {
            a[k & (DOUBLE_ACCUMULATORS - 1)] += doubleOrZero(values, validity, positions[k]);
        }
        return reduceDoubleAccumulators(a);
    }

    static int countValidRowsAt(MemorySegment validity, int[] positions, int count) {
        if (validity == null) {
            return count;
        }
        int n = 0;
        for (int k = 0; k < count; k++) {
            n += ValidityBits.bit(validity, positions[k]);
        }
        return n;
    }

    // ---- range methods, shared with VectorKernels as its scalar tail -------------------------------
    //
    // Each handles rows [from, to), appends qualifying indices to selection starting at position n, and
    // returns the new n. accepted is a ComparisonOutcomes mask.

    static int selectLong(MemorySegment values, MemorySegment validity, int from, int to, int accepted, long constant,
                          int[] selection, int n) {
        for (int i = from; i < to; i++) {
            int outcome = ComparisonOutcomes.of(values.getAtIndex(LONG, i), constant);
            selection[n] = i;
            n += (accepted >>> outcome) & valid(validity, i);
        }
        return n;
    }

    static int selectInt(MemorySegment values, MemorySegment validity, int from, int to, int accepted, int constant,
                         int[] selection, int n) {
        for (int i = from; i < to; i++) {
            int outcome = ComparisonOutcomes.of(values.getAtIndex(INT, i), constant);
            selection[n] = i;
            n += (accepted >>> outcome) & valid(validity, i);
        }
        return n;
    }

    static void andMaskLong(MemorySegment values, MemorySegment validity, int from, int to, int accepted, long constant,
                            long[] mask) {
        for (int i = from; i < to; i++) {
            long rejected = ((accepted >>> ComparisonOutcomes.of(values.getAtIndex(LONG, i), constant)) & valid(validity, i)) ^ 1;
            mask[i >>> 6] &= ~(rejected << i);
        }
    }

    static void andMaskInt(MemorySegment values, MemorySegment validity, int from, int to, int accepted, int constant,
                           long[] mask) {
        for (int i = from; i < to; i++) {
            long rejected = ((accepted >>> ComparisonOutcomes.of(values.getAtIndex(INT, i), constant)) & valid(validity, i)) ^ 1;
            mask[i >>> 6] &= ~(rejected << i);
        }
    }

    static int selectDouble(MemorySegment values, MemorySegment validity, int from, int to, int accepted, double constant,
                            int[] selection, int n) {
        for (int i = from; i < to; i++) {
            int outcome = ComparisonOutcomes.of(values.getAtIndex(DOUBLE, i), constant);
            selection[n] = i;
            n += (accepted >>> outcome) & valid(validity, i);
        }
        return n;
    }

    static int selectLongPairs(MemorySegment left, MemorySegment leftValidity, MemorySegment right, MemorySegment rightValidity,
                               int from, int to, int accepted, int[] selection, int n) {
        for (int i = from; i < to; i++) {
            int outcome = ComparisonOutcomes.of(left.getAtIndex(LONG, i), right.getAtIndex(LONG, i));
            selection[n] = i;
            n += (accepted >>> outcome) & valid(leftValidity, i) & valid(rightValidity, i);
        }
        return n;
    }

    static int selectIntPairs(MemorySegment left, MemorySegment leftValidity, MemorySegment right, MemorySegment rightValidity,
                              int from, int to, int accepted, int[] selection, int n) {
        for (int i = from; i < to; i++) {
            int outcome = ComparisonOutcomes.of(left.getAtIndex(INT, i), right.getAtIndex(INT, i));
            selection[n] = i;
            n += (accepted >>> outcome) & valid(leftValidity, i) & valid(rightValidity, i);
        }
        return n;
    }

    static int selectDoublePairs(MemorySegment left, MemorySegment leftValidity, MemorySegment right, MemorySegment rightValidity,
                                 int from, int to, int accepted, int[] selection, int n) {
        for (int i = from; i < to; i++) {
            int outcome = ComparisonOutcomes.of(left.getAtIndex(DOUBLE, i), right.getAtIndex(DOUBLE, i));
            selection[n] = i;
            n += (accepted >>> outcome) & valid(leftValidity, i) & valid(rightValidity, i);
        }
        return n;
    }

    /** Adds the unsigned low halves of the non-null values in [from, to) to lowHigh[0], the signed high halves to lowHigh[1]. */
    static void addLongs(MemorySegment values, MemorySegment validity, int from, int to, long[] lowHigh) {
        long low = 0;
        long high = 0;
        for (int i = from; i < to; i++) {
            long value = values.getAtIndex(LONG, i) & -(long) valid(validity, i);
            low += value & 0xFFFF_FFFFL;
            high += value >> 32;
        }
        lowHigh[0] += low;
        lowHigh[1] += high;
    }

    /** The sum of the non-null ints in [from, to), in 64 bits. */
    static long sumInts(MemorySegment values, MemorySegment validity, int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += values.getAtIndex(INT, i) & -valid(validity, i);
        }
        return sum;
    }

    /**
     * Adds the non-null doubles of rows [from, to) into {@code accumulators[row % 8]} in ascending row
     * order (the summation order in the class comment). Precondition: {@code from % 8 == 0}.
     */
    static void addDoubles(MemorySegment values, MemorySegment validity, int from, int to, double[] accumulators) {
        assert from % DOUBLE_ACCUMULATORS == 0 : "from " + from + " is not at an accumulator boundary";
        double a0 = accumulators[0];
        double a1 = accumulators[1];
        double a2 = accumulators[2];
        double a3 = accumulators[3];
        double a4 = accumulators[4];
        double a5 = accumulators[5];
        double a6 = accumulators[6];
        double a7 = accumulators[7];
        int i = from;
        // Eight independent chains, kept in locals so that the additions overlap.
        for (; i <= to - DOUBLE_ACCUMULATORS; i += DOUBLE_ACCUMULATORS) {
            a0 += doubleOrZero(values, validity, i);
            a1 += doubleOrZero(values, validity, i + 1);
            a2 += doubleOrZero(values, validity, i + 2);
            a3 += doubleOrZero(values, validity, i + 3);
            a4 += doubleOrZero(values, validity, i + 4);
            a5 += doubleOrZero(values, validity, i + 5);
            a6 += doubleOrZero(values, validity, i + 6);
            a7 += doubleOrZero(values, validity, i + 7);
        }
        accumulators[0] = a0;
        accumulators[1] = a1;
        accumulators[2] = a2;
        accumulators[3] = a3;
        accumulators[4] = a4;
        accumulators[5] = a5;
        accumulators[6] = a6;
        accumulators[7] = a7;
        for (; i < to; i++) {
            accumulators[i & (DOUBLE_ACCUMULATORS - 1)] += doubleOrZero(values, validity, i);
        }
    }

    /** The final step of the summation order: a fixed pairwise tree over the eight accumulators. */
    static double reduceDoubleAccumulators(double[] a) {
        return ((a[0] + a[1]) + (a[2] + a[3])) + ((a[4] + a[5]) + (a[6] + a[7]));
    }

    private static int valid(MemorySegment validity, int index) {
        return validity == null ? 1 : ValidityBits.bit(validity, index);
    }

    private static double doubleOrZero(MemorySegment values, MemorySegment validity, int index) {
        return valid(validity, index) != 0 ? values.getAtIndex(DOUBLE, index) : 0.0;
    }
}
