package io.basalt.exec.operator.sort;

import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.pipeline.ParallelTasks;

/**
 * Sorts a window or sort operator's rows on several threads, with the same result as the single-threaded
 * stable sort of {@link RowOrdering}. When every key is fixed-width, the rows are first split by value
 * ranges of the first key (splitters taken from a sample; NULLs apart), keeping their order within each
 * range, and the ranges are sorted independently: rows of different ranges never tie, so their concatenation
 * is sorted and nothing is merged. Otherwise, or when one range would hold most rows (a first key with few
 * values), the row list is cut into one run per worker, each run is sorted on its own thread, and
 * neighbouring runs are merged in rounds; every merge is cut into as many output slices as there are workers
 * (split points found on the merge path), so that the last merge also keeps every thread busy. Merges take
 * the left run's row on ties, which keeps the sort stable.
 */
public final class ParallelRowSort {
    private ParallelRowSort() {
    }

    /**
     * Sorts {@code order[0..count)} as {@link RowOrdering#sort(int[], int, int)} does, with {@code runs} runs; with
     * one run (an input below the parallel threshold, which one worker delivered in scan order) and when the
     * context asks for it, as PostgreSQL's in-memory sort does ({@link PostgresQuicksort}), so that ties come out
     * in PostgreSQL's order.
     */
    public static void sort(RowOrdering ordering, int[] order, int count, int runs, ExecutionContext context) {
        if (runs <= 1 && context.postgresTieOrder()) {
            PostgresQuicksort.sort(ordering, order, 0, count);
            return;
        }
        if (runs <= 1 || count < 2 * runs) {
            ordering.sort(order, 0, count);
            return;
        }
        if (ordering.fixedWidth() && sortByRanges(ordering, order, count, runs, context)) {
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

    /**
     * Splits the rows by ranges of the first key into about {@code runs} ranges (plus one for NULLs) and sorts
     * each on its own thread; false, with {@code order} untouched, when the ranges would be too uneven.
     */
    private static boolean sortByRanges(RowOrdering ordering, int[] order, int count, int runs,
                                        ExecutionContext context) {
        int samples = 64 * runs;
        long[] sample = new long[samples];
        int sampled = 0;
        for (int s = 0; s < samples; s++) {
            int row = order[(int) ((long) count * s / samples)];
            if (!ordering.firstKeyNull(row)) {
                sample[sampled++] = ordering.firstKeyOrdered(row);
            }
        }
        java.util.Arrays.sort(sample, 0, sampled);
        long[] splitters = new long[runs - 1];
        int splitterCount = 0;
        for (int r = 1; r < runs && sampled > 0; r++) {
            long splitter = sample[(int) ((long) sampled * r / runs)];
            if (splitterCount == 0 || splitter > splitters[splitterCount - 1]) {
                splitters[splitterCount++] = splitter;
            }
        }
        // Ranges: value <= splitters[0], ..., > splitters[last]; NULLs in a range of their own, first or last.
        int ranges = splitterCount + 2;
        int nullRange = ordering.firstKeyNullsFirst() ? 0 : ranges - 1;
        int firstValueRange = ordering.firstKeyNullsFirst() ? 1 : 0;
        int[] rangeOf = new int[count];
        int[] sizes = new int[ranges];
        for (int i = 0; i < count; i++) {
            int row = order[i];
            int range;
            if (ordering.firstKeyNull(row)) {
                range = nullRange;
            } else {
                long value = ordering.firstKeyOrdered(row);
                int low = 0;
                int high = splitterCount;
                while (low < high) {
                    int middle = (low + high) >>> 1;
                    if (value <= splitters[middle]) {
                        high = middle;
                    } else {
                        low = middle + 1;
                    }
                }
                range = firstValueRange + low;
            }
            rangeOf[i] = range;
            sizes[range]++;
        }
        int largest = 0;
        for (int size : sizes) {
            largest = Math.max(largest, size);
        }
        if (largest > count - count / 4) {
            return false;
        }
        int[] starts = new int[ranges + 1];
        for (int r = 0; r < ranges; r++) {
            starts[r + 1] = starts[r] + sizes[r];
        }
        int[] next = java.util.Arrays.copyOf(starts, ranges);
        int[] split = new int[count];
        for (int i = 0; i < count; i++) {
            split[next[rangeOf[i]]++] = order[i];
        }
        ParallelTasks.run(context, ranges, range -> ordering.sort(split, starts[range], starts[range + 1]));
        System.arraycopy(split, 0, order, 0, count);
        return true;
    }
}
