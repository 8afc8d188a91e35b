package io.basalt.exec.operator.sort;

/**
 * Sorts row positions the way PostgreSQL's in-memory tuplesort does (the quicksort of its
 * {@code src/include/lib/sort_template.h}: insertion sort below 7 elements, an early return when the range is
 * already in order, median-of-three pivots (ninther above 40 elements), Bentley-McIlroy three-way partitioning,
 * recursion into the smaller side). The sort is not stable, but it is deterministic: given the rows in the same
 * order and the same comparison results it leaves rows that tie in exactly the order PostgreSQL leaves them, which
 * is what a user comparing the two systems' output of {@code ORDER BY} or a window without a complete order sees.
 * Callers use it only where PostgreSQL would sort in memory and Basalt's input arrives in a deterministic order
 * (one worker, no spilling); elsewhere the stable sorts of {@link RowOrdering} apply.
 */
public final class PostgresQuicksort {
    private PostgresQuicksort() {
    }

    /** Sorts {@code order[from..to)} (input positions) by {@code ordering}'s keys. */
    public static void sort(RowOrdering ordering, int[] order, int from, int to) {
        sortRange(ordering, order, from, to - from);
    }

    private static void sortRange(RowOrdering ordering, int[] order, int start, int length) {
        int a = start;
        int n = length;
        while (true) {
            if (n < 7) {
                for (int m = a + 1; m < a + n; m++) {
                    for (int l = m; l > a && ordering.compareRows(order[l - 1], order[l]) > 0; l--) {
                        swap(order, l, l - 1);
                    }
                }
                return;
            }
            if (inOrder(ordering, order, a, n)) {
                return;
            }
            int pivot = a + n / 2;
            if (n > 7) {
                int low = a;
                int high = a + n - 1;
                if (n > 40) {
                    int d = n / 8;
                    low = medianOfThree(ordering, order, low, low + d, low + 2 * d);
                    pivot = medianOfThree(ordering, order, pivot - d, pivot, pivot + d);
                    high = medianOfThree(ordering, order, high - 2 * d, high - d, high);
                }
                pivot = medianOfThree(ordering, order, low, pivot, high);
            }
            swap(order, a, pivot);
            // [a+1, pa) equal to the pivot, [pa, pb) less, (pc, pd] greater, (pd, a+n) equal
            int pa = a + 1;
            int pb = pa;
            int pc = a + n - 1;
            int pd = pc;
            while (true) {
                while (pb <= pc) {
                    int r = ordering.compareRows(order[pb], order[a]);
                    if (r > 0) {
                        break;
                    }
                    if (r == 0) {
                        swap(order, pa++, pb);
                    }
                    pb++;
                }
                while (pb <= pc) {
                    int r = ordering.compareRows(order[pc], order[a]);
                    if (r < 0) {
                        break;
                    }
                    if (r == 0) {
                        swap(order, pc, pd--);
                    }
                    pc--;
                }
                if (pb > pc) {
                    break;
                }
                swap(order, pb++, pc--);
            }
            int end = a + n;
            int moved = Math.min(pa - a, pb - pa);
            swapBlocks(order, a, pb - moved, moved);
            moved = Math.min(pd - pc, end - pd - 1);
            swapBlocks(order, pb, end - moved, moved);
            int less = pb - pa;
            int greater = pd - pc;
            if (less <= greater) {
                if (less > 1) {
                    sortRange(ordering, order, a, less);
                }
                if (greater <= 1) {
                    return;
                }
                a = end - greater;
                n = greater;
            } else {
                if (greater > 1) {
                    sortRange(ordering, order, end - greater, greater);
                }
                if (less <= 1) {
                    return;
                }
                n = less;
            }
        }
    }

    private static boolean inOrder(RowOrdering ordering, int[] order, int a, int n) {
        for (int m = a + 1; m < a + n; m++) {
            if (ordering.compareRows(order[m - 1], order[m]) > 0) {
                return false;
            }
        }
        return true;
    }

    private static int medianOfThree(RowOrdering ordering, int[] order, int x, int y, int z) {
        if (ordering.compareRows(order[x], order[y]) < 0) {
            if (ordering.compareRows(order[y], order[z]) < 0) {
                return y;
            }
            return ordering.compareRows(order[x], order[z]) < 0 ? z : x;
        }
        if (ordering.compareRows(order[y], order[z]) > 0) {
            return y;
        }
        return ordering.compareRows(order[x], order[z]) < 0 ? x : z;
    }

    private static void swap(int[] order, int x, int y) {
        int kept = order[x];
        order[x] = order[y];
        order[y] = kept;
    }

    private static void swapBlocks(int[] order, int x, int y, int count) {
        for (int i = 0; i < count; i++) {
            swap(order, x + i, y + i);
        }
    }
}
