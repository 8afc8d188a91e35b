package io.basalt.datasets;

/**
 * A stream of generated rows, written a batch at a time. Each call fills rows {@code 0..n-1} of the writer
 * (which the caller has reset) and returns {@code n}; zero means the stream is exhausted. Producing a
 * batch is one call, so the per-row work stays inside one method the JIT can compile as a whole.
 */
public interface RowProducer {
    /**
     * Writes up to {@code maxRows} rows into {@code out}, starting at row 0.
     *
     * @return the number of rows written; 0 once there are no more rows
     */
    int fill(BatchWriter out, int maxRows);
}
