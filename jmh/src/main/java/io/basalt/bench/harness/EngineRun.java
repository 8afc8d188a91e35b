package io.basalt.bench.harness;

import java.util.Arrays;

/**
 * What one engine did with one query (or one load): the durations of the timed runs, or the error that
 * stopped it. A run that failed has no times.
 */
public record EngineRun(long[] nanos, String error) {
    public static EngineRun failed(String error) {
        return new EngineRun(new long[0], error);
    }

    public static EngineRun timed(long[] nanos) {
        return new EngineRun(nanos.clone(), null);
    }

    public boolean succeeded() {
        return error == null && nanos.length > 0;
    }

    /** The median duration in nanoseconds (the mean of the middle two for an even count), or -1. */
    public double medianNanos() {
        if (!succeeded()) {
            return -1;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }
}
