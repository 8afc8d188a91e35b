package io.basalt.bench.harness;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

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

    private CountQueries() {
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
