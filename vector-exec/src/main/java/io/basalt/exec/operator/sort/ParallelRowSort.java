package io.basalt.exec.operator.sort;

import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.pipeline.ParallelTasks;

/**
 * Sorts a window or sort operator's rows on several threads: the row list is cut into one run per worker, each run
 * is sorted by {@link RowOrdering} on its own thread, and neighbouring runs are merged in rounds. Every merge
 * is itself cut into as many output slices as there are workers (split points found on the merge path), so
 * that the last merge of two runs also keeps every thread busy. Runs hold ascending input positions before
 * sorting, and merges take the left run's row on ties, so the result equals the single-threaded stable sort.
 */
public final class ParallelRowSort {
    private ParallelRowSort() {
    }

    /** Sorts {@code order[0..count)} as {@link RowOrdering#sort(int[], int, int)} does, with {@code runs} runs. */
    public static void sort(RowOrdering ordering, int[] order, int count, int runs, ExecutionContext context) {
        if (runs <= 1 || count < 2 * runs) {
            ordering.sort(order, 0, count);
            return;
        }
        int[] bounds = new int[runs + 1];
        for (int r = 0; r <= runs; r++) {
            bounds[r] = (int) ((long) count * r / runs);
        }
        ParallelTasks.run(context, runs, run -> ordering.sort(order, bounds[run], bounds[run + 1]));
        int[] source = order;
        int[] target = new int[count];
        int slices = context.threads();
        for (int width = 1; width < runs; width *= 2) {
            int step = width * 2;
            int merges = (runs + step - 1) / step;
            int[] from = source;
            int[] to = target;
            int currentWidth = width;
            ParallelTasks.run(context, merges * slices, task -> {
                int first = (task / slices) * step;
                int slice = task % slices;
                int leftFrom = bounds[first];
                int leftTo = bounds[Math.min(first + currentWidth, runs)];
                int rightTo = bounds[Math.min(first + step, runs)];
                int total = rightTo - leftFrom;
                int outFrom = (int) ((long) total * slice / slices);
                int outTo = (int) ((long) total * (slice + 1) / slices);
                ordering.merge(from, leftFrom, leftTo, rightTo, to, leftFrom, outFrom, outTo);
            });
            source = to;
            target = from;
        }
        if (source != order) {
            System.arraycopy(source, 0, order, 0, count);
        }
    }
}
