package io.basalt.bench.harness;

import java.util.List;

/**
 * The outcome of one suite run: what was run where, how loading went, and one outcome per query.
 *
 * @param environment date, machine, JVM, commit and engine versions, as label/value pairs in order
 * @param loads       one outcome per engine's load of the suite's data (name = table list)
 */
public record SuiteReport(String suite, String parameters, int threads, int runs, int warmup,
                          List<String[]> environment, List<QueryOutcome> loads, List<QueryOutcome> queries) {
    public SuiteReport {
        environment = List.copyOf(environment);
        loads = List.copyOf(loads);
        queries = List.copyOf(queries);
    }

    /** The geometric mean of Basalt/DuckDB over the queries both engines ran, or NaN if there are none. */
    public double geometricMeanRatio() {
        double logSum = 0;
        int count = 0;
        for (QueryOutcome outcome : queries) {
            double ratio = outcome.ratio();
            if (!Double.isNaN(ratio) && ratio > 0) {
                logSum += Math.log(ratio);
                count++;
            }
        }
        return count == 0 ? Double.NaN : Math.exp(logSum / count);
    }

    /** How many queries both engines ran (the geometric mean's base). */
    public int queriesBothRan() {
        int count = 0;
        for (QueryOutcome outcome : queries) {
            if (!Double.isNaN(outcome.ratio())) {
                count++;
            }
        }
        return count;
    }

    public long count(String status) {
        long count = 0;
        for (QueryOutcome outcome : queries) {
            if (outcome.status().equals(status)) {
                count++;
            }
        }
        return count;
    }
}
