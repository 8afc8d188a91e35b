package io.basalt.exec.operator.window;

import io.basalt.exec.vector.ValueComparison;
import org.apache.arrow.vector.FieldVector;

/**
 * A segment tree over the rows of the sorted input answering "which row holds the smallest (largest)
 * non-null value of rows [from, to)" in logarithmic time: the moving frames of min and max, whose values
 * cannot be taken out of a running minimum. Leaves hold row numbers (-1 for NULL); each inner node holds
 * the better of its two children. Fixed-width values compare as order-preserving longs
 * ({@link OfLongs}); other types through {@link ValueComparison} ({@link OfVector}).
 */
abstract sealed class MinMaxSegmentTree permits MinMaxSegmentTree.OfLongs, MinMaxSegmentTree.OfVector {
    private final int size;
    private final int[] nodes;
    /** Whether larger values win (max) rather than smaller ones (min). */
    protected final boolean max;

    MinMaxSegmentTree(int rowCount, boolean max, boolean[] nulls) {
        this.max = max;
        int leaves = 1;
        while (leaves < rowCount) {
            leaves <<= 1;
        }
        this.size = leaves;
        this.nodes = new int[2 * leaves];
        java.util.Arrays.fill(nodes, -1);
        for (int i = 0; i < rowCount; i++) {
            nodes[leaves + i] = nulls != null && nulls[i] ? -1 : i;
        }
    }

    /** Fills the inner nodes; subclasses call it once their values are in place. */
    protected final void build() {
        for (int node = size - 1; node >= 1; node--) {
            nodes[node] = better(nodes[2 * node], nodes[2 * node + 1]);
        }
    }

    /** The better of two rows (either may be -1, meaning none); the earlier row on ties. */
    abstract int better(int a, int b);

    /** The row holding the best non-null value of rows {@code [from, to)}, or -1 when there is none. */
    final int query(int from, int to) {
        int left = -1;
        int right = -1;
        int l = from + size;
        int r = to + size;
        while (l < r) {
            if ((l & 1) == 1) {
                left = better(left, nodes[l++]);
            }
            if ((r & 1) == 1) {
                right = better(nodes[--r], right);
            }
            l >>= 1;
            r >>= 1;
        }
        return better(left, right);
    }

    /** Values compared as longs (integers, dates, timestamps, scaled NUMERICs, doubles in comparable form). */
    static final class OfLongs extends MinMaxSegmentTree {
        private final long[] values;

        OfLongs(long[] values, boolean[] nulls, boolean max) {
            super(values.length, max, nulls);
            this.values = values;
            build();
        }

        @Override
        int better(int a, int b) {
            if (a < 0) {
                return b;
            }
            if (b < 0) {
                return a;
            }
            long x = values[a];
            long y = values[b];
            if (max ? y > x : y < x) {
                return b;
            }
            return a;
        }
    }

    /** Values of any other type, compared in the vector. */
    static final class OfVector extends MinMaxSegmentTree {
        private final FieldVector vector;

        OfVector(FieldVector vector, int rowCount, boolean[] nulls, boolean max) {
            super(rowCount, max, nulls);
            this.vector = vector;
            build();
        }

        @Override
        int better(int a, int b) {
            if (a < 0) {
                return b;
            }
            if (b < 0) {
                return a;
            }
            int comparison = ValueComparison.compare(vector, b, vector, a);
            if (max ? comparison > 0 : comparison < 0) {
                return b;
            }
            return a;
        }
    }
}
