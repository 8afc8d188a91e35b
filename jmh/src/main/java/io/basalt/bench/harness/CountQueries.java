package io.basalt.bench.harness;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * What the index comparisons ({@link JsonIndexComparison}, {@link TextSearchIndexComparison}) share: a
 * {@code SELECT count(*)} run through an engine of the harness or a JDBC statement, and the median time of repeated
 * runs of one.
 */
final class CountQueries {
    @FunctionalInterface
    interface Count {
        long run() throws Exception;
    }

    /** Runs one query of a comparison as a count. */
    @FunctionalInterface
    interface QueryCount<Q> {
        long count(Q query) throws Exception;
    }

    private CountQueries() {
    }

    /**
     * Fills column {@code column} of {@code times} with each query's median time over {@code runs} runs after one
     * untimed run, whose count must agree with the other columns' ({@code counts} starts at -1, filled by the first).
     */
    static <Q> void measure(List<Q> queries, Function<Q, String> name, double[][] times, long[] counts, int column,
                            int runs, QueryCount<Q> counter) throws Exception {
        measure(queries, name, times, counts, column, 1, runs, counter);
    }

    /**
     * {@link #measure(List, Function, double[][], long[], int, int, QueryCount)} after {@code warmups} (at least one)
     * untimed runs of each query: Basalt's short index lookups are still being compiled by the JIT after one.
     */
    static <Q> void measure(List<Q> queries, Function<Q, String> name, double[][] times, long[] counts, int column,
                            int warmups, int runs, QueryCount<Q> counter) throws Exception {
        for (int q = 0; q < queries.size(); q++) {
            Q query = queries.get(q);
            long count = counter.count(query);
            for (int w = 1; w < warmups; w++) {
                counter.count(query);
            }
            if (counts[q] < 0) {
                counts[q] = count;
            } else if (counts[q] != count) {
                throw new IllegalStateException(name.apply(query) + ": count " + count + " in configuration "
                        + column + ", " + counts[q] + " before");
            }
            times[q][column] = medianMillis(runs, () -> counter.count(query));
            System.err.printf("configuration %d, %s: %.1f ms (count %d)%n", column, name.apply(query),
                    times[q][column], count);
        }
    }

    /** The median, in milliseconds, of {@code runs} timed runs of {@code count}. */
    static double medianMillis(int runs, Count count) throws Exception {
        double[] samples = new double[runs];
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            count.run();
            samples[r] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(samples);
        return samples[runs / 2];
    }

    /** The single number {@code sql} (a count) returns through {@code engine}. */
    static long count(QueryEngine engine, String sql) {
        long[] count = new long[1];
        engine.fetch(sql, new RowSink() {
            @Override
            public void columns(List<String> names) {
            }

            @Override
            public void row(Object[] values) {
                count[0] = ((Number) values[0]).longValue();
            }
        });
        return count[0];
    }

    /** The single number {@code sql} (a count) returns through {@code statement}. */
    static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
