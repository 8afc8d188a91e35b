package io.basalt.exec.kernel;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * What the kernels should answer, computed the obvious way from Java arrays: a row-by-row loop with
 * {@link CompareOp#test}, PostgreSQL's double ordering written out case by case, and exact sums in
 * {@link BigInteger}. Independent of the kernels' own code on purpose.
 */
final class KernelOracle {
    private KernelOracle() {
    }

    static int[] selectLong(long[] values, boolean[] valid, CompareOp op, long constant) {
        int[] out = new int[values.length];
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (isValid(valid, i) && op.test(Long.compare(values[i], constant))) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    static int[] selectInt(int[] values, boolean[] valid, CompareOp op, int constant) {
        int[] out = new int[values.length];
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (isValid(valid, i) && op.test(Integer.compare(values[i], constant))) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    static int[] selectDouble(double[] values, boolean[] valid, CompareOp op, double constant) {
        int[] out = new int[values.length];
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (isValid(valid, i) && op.test(postgresCompare(values[i], constant))) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    static int[] selectLongPairs(long[] left, boolean[] leftValid, long[] right, boolean[] rightValid, CompareOp op) {
        int[] out = new int[left.length];
        int n = 0;
        for (int i = 0; i < left.length; i++) {
            if (isValid(leftValid, i) && isValid(rightValid, i) && op.test(Long.compare(left[i], right[i]))) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    static int[] selectIntPairs(int[] left, boolean[] leftValid, int[] right, boolean[] rightValid, CompareOp op) {
        int[] out = new int[left.length];
        int n = 0;
        for (int i = 0; i < left.length; i++) {
            if (isValid(leftValid, i) && isValid(rightValid, i) && op.test(Integer.compare(left[i], right[i]))) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    static int[] selectDoublePairs(double[] left, boolean[] leftValid, double[] right, boolean[] rightValid, CompareOp op) {
        int[] out = new int[left.length];
        int n = 0;
        for (int i = 0; i < left.length; i++) {
            if (isValid(leftValid, i) && isValid(rightValid, i) && op.test(postgresCompare(left[i], right[i]))) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The exact sum of the non-null values. */
    static BigInteger sumLong(long[] values, boolean[] valid) {
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < values.length; i++) {
            if (isValid(valid, i)) {
                sum = sum.add(BigInteger.valueOf(values[i]));
            }
        }
        return sum;
    }

    /** The low and high parts as the contract of {@link Kernels#sumLong} defines them. */
    static long[] sumLongParts(long[] values, boolean[] valid) {
        BigInteger low = BigInteger.ZERO;
        BigInteger high = BigInteger.ZERO;
        for (int i = 0; i < values.length; i++) {
            if (isValid(valid, i)) {
                low = low.add(BigInteger.valueOf(Integer.toUnsignedLong((int) values[i])));
                high = high.add(BigInteger.valueOf((int) (values[i] >> 32)));
            }
        }
        return new long[] {low.longValueExact(), high.longValueExact()};
    }

    static long sumInt(int[] values, boolean[] valid) {
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < values.length; i++) {
            if (isValid(valid, i)) {
                sum = sum.add(BigInteger.valueOf(values[i]));
            }
        }
        return sum.longValueExact();
    }

    /**
     * The double sum in the order both implementations document: eight accumulators starting at +0.0,
     * row i into accumulator i % 8, then ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7)).
     */
    static double sumDouble(double[] values, boolean[] valid) {
        double[] a = new double[8];
        for (int i = 0; i < values.length; i++) {
            if (isValid(valid, i)) {
                a[i % 8] += values[i];
            }
        }
        return ((a[0] + a[1]) + (a[2] + a[3])) + ((a[4] + a[5]) + (a[6] + a[7]));
    }

    static int countValid(boolean[] valid, int count) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            n += isValid(valid, i) ? 1 : 0;
        }
        return n;
    }

    /** PostgreSQL's float8 ordering: every NaN equals every NaN and is above everything else; -0.0 = 0.0. */
    static int postgresCompare(double left, double right) {
        boolean leftIsNaN = left != left;
        boolean rightIsNaN = right != right;
        if (leftIsNaN || rightIsNaN) {
            if (leftIsNaN && rightIsNaN) {
                return 0;
            }
            return leftIsNaN ? 1 : -1;
        }
        double l = left == 0.0 ? 0.0 : left;
        double r = right == 0.0 ? 0.0 : right;
        return Double.compare(l, r);
    }

    static boolean isValid(boolean[] valid, int index) {
        return valid == null || valid[index];
    }
}
