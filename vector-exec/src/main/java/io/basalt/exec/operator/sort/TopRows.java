package io.basalt.exec.operator.sort;

/**
 * The first rows of an ordering without ordering all of them: a binary heap of the best {@code k} row positions
 * seen so far, the worst at its root, which each further row replaces when it comes before it. Ties are broken by
 * position (the lower first), which makes the order total and the result that of a stable sort's first {@code k}
 * rows. About one comparison per row when few rows qualify, against {@code n log n} for a full sort.
 */
final class TopRows {
    private TopRows() {
    }

    /** The positions of the first {@code k} of rows {@code [0, rowCount)} in {@code ordering}'s order, in order. */
    static int[] first(RowOrdering ordering, int rowCount, int k) {
        int size = Math.min(k, rowCount);
        int[] heap = new int[size];
        if (size == 0) {
            return heap;
        }
        for (int row = 0; row < size; row++) {
            heap[row] = row;
            siftUp(ordering, heap, row);
        }
        for (int row = size; row < rowCount; row++) {
            // rows come in increasing position, so a tie with the root goes after it
            if (ordering.compareOrder(row, heap[0]) < 0) {
                heap[0] = row;
                siftDown(ordering, heap, size);
            }
        }
        // heap sort: the worst of the remaining rows moves to the end until the heap is empty
        for (int end = size - 1; end > 0; end--) {
            int worst = heap[0];
            heap[0] = heap[end];
            heap[end] = worst;
            siftDown(ordering, heap, end);
        }
        return heap;
    }

    /** Whether row {@code x} comes after row {@code y}: later in the order, or tied and at a higher position. */
    private static boolean after(RowOrdering ordering, int x, int y) {
        int order = ordering.compareOrder(x, y);
        return order > 0 || (order == 0 && x > y);
    }

    private static void siftUp(RowOrdering ordering, int[] heap, int at) {
        int row = heap[at];
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!after(ordering, row, heap[parent])) {
                break;
            }
            heap[at] = heap[parent];
            at = parent;
        }
        heap[at] = row;
    }

    private static void siftDown(RowOrdering ordering, int[] heap, int size) {
        int at = 0;
        int row = heap[0];
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && after(ordering, heap[child + 1], heap[child])) {
                child++;
            }
            if (!after(ordering, heap[child], row)) {
                break;
            }
            heap[at] = heap[child];
            at = child;
        }
        heap[at] = row;
    }
}
