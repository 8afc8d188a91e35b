package io.basalt.bench.harness;

import java.util.Arrays;
import java.util.Locale;

/**
 * One engine's per-run times of one query from its first run on (warm-up runs included), as {@code --curve}
 * prints them: how many runs it needs to reach its steady state and what its first runs cost together.
 *
 * <p>The steady state is the median of the last {@code timedRuns} runs (the harness's timed runs). A run
 * counts as converged when the median of it and the next two runs is within 10% of that steady state, so
 * that one quick run among slow ones, or one slow run after convergence, does not decide.
 */
record WarmupCurve(long[] nanos, int timedRuns) {
    static final double TOLERANCE = 1.10;
    static final int FIRST_RUNS = 10;

    /** The steady state's duration in nanoseconds: the median of the timed runs. */
    double steadyNanos() {
        long[] timed = Arrays.copyOfRange(nanos, nanos.length - timedRuns, nanos.length);
        return EngineRun.timed(timed).medianNanos();
    }

    /** The 1-based run from which the curve stays within 10% of the steady state (median of three). */
    int runsToSteady() {
        double limit = steadyNanos() * TOLERANCE;
        for (int run = 0; run < nanos.length; run++) {
            int end = Math.min(nanos.length, run + 3);
            long[] window = Arrays.copyOfRange(nanos, run, end);
            if (EngineRun.timed(window).medianNanos() <= limit) {
                return run + 1;
            }
        }
        return nanos.length;
    }

    /** The summed duration of the first {@value #FIRST_RUNS} runs (or of all, if fewer), in nanoseconds. */
    long firstRunsNanos() {
        long sum = 0;
        for (int run = 0; run < Math.min(FIRST_RUNS, nanos.length); run++) {
            sum += nanos[run];
        }
        return sum;
    }

    /** {@code q01 basalt: steady 41.2 ms, within 10% at run 17, runs 1-10 812.0 ms | 120.3 80.1 ...}. */
    String describe(String query, String engine) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "curve %s %s: steady %.1f ms, within 10%% at run %d, runs 1-%d %.1f ms |", query, engine,
                steadyNanos() / 1e6, runsToSteady(), Math.min(FIRST_RUNS, nanos.length), firstRunsNanos() / 1e6));
        for (long run : nanos) {
            line.append(String.format(Locale.ROOT, " %.1f", run / 1e6));
        }
        return line.toString();
    }
}
