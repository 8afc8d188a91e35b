package io.basalt.exec.pipeline;

import io.basalt.exec.operator.PhysicalOperator;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What EXPLAIN ANALYZE measures of each physical operator while a query runs: the rows it produced (summed over
 * the threads that ran it), how many times a pipeline opened it (loops), and when, counted from the start of
 * execution, it produced its first and its last batch. The executor reports once per batch, never per row, and
 * only when the query's {@link ExecutionContext} carries a profile; without one nothing is counted.
 *
 * <p>The times are wall-clock offsets from {@link #OperatorProfile() creation}: in a pipelined executor an
 * operator's own work interleaves with its neighbours', so "first output" and "last output" are what can be
 * measured honestly. They play the part of PostgreSQL's startup and total time. Thread-safe.
 */
public final class OperatorProfile {
    /** One operator's figures; times in milliseconds from the start of execution, zero when it produced nothing. */
    public record Actuals(long rows, long loops, double firstMillis, double lastMillis) {
    }

    private static final class Counters {
        long rows;
        long loops;
        long firstNanos = -1;
        long lastNanos = -1;
    }

    private final long startNanos = System.nanoTime();
    private final Map<PhysicalOperator, Counters> counters = new IdentityHashMap<>();

    /** Records that a pipeline opened {@code operator} once (several threads of one pipeline count once). */
    public synchronized void opened(PhysicalOperator operator) {
        counters.computeIfAbsent(operator, key -> new Counters()).loops++;
    }

    /** Records one batch of {@code rows} rows that {@code operator} produced. */
    public void produced(PhysicalOperator operator, int rows) {
        long now = System.nanoTime();
        synchronized (this) {
            Counters entry = counters.computeIfAbsent(operator, key -> new Counters());
            entry.rows += rows;
            if (entry.firstNanos < 0) {
                entry.firstNanos = now;
            }
            entry.lastNanos = now;
        }
    }

    /** The figures of {@code operator}, or null when no pipeline ever opened it. */
    public synchronized Actuals actuals(PhysicalOperator operator) {
        Counters entry = counters.get(operator);
        if (entry == null) {
            return null;
        }
        return new Actuals(entry.rows, Math.max(1, entry.loops), millis(entry.firstNanos), millis(entry.lastNanos));
    }

    private double millis(long nanos) {
        return nanos < 0 ? 0 : (nanos - startNanos) / 1e6;
    }
}
