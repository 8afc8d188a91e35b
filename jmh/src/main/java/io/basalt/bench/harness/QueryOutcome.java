package io.basalt.bench.harness;

/**
 * One line of a report: a query, what each engine did with it, how many rows it returned, and whether
 * the results agreed.
 *
 * @param status {@code ok}, {@code MISMATCH}, {@code basalt-error} or {@code duckdb-error}
 * @param detail the difference or the error message; empty when the status says it all
 */
public record QueryOutcome(String name, EngineRun basalt, EngineRun duckdb, long resultRows, long rowsRead,
                           String status, String detail) {
    public static final String OK = "ok";
    public static final String MISMATCH = "MISMATCH";
    public static final String BASALT_ERROR = "basalt-error";
    public static final String DUCKDB_ERROR = "duckdb-error";

    /** Basalt's median over DuckDB's, or NaN unless both ran. */
    public double ratio() {
        if (!basalt.succeeded() || !duckdb.succeeded()) {
            return Double.NaN;
        }
        return basalt.medianNanos() / duckdb.medianNanos();
    }

    /** The verdict as one string: {@code ok}, {@code MISMATCH: row 3 ...}, {@code basalt-error: ...}. */
    public String verdict() {
        return detail.isEmpty() ? status : status + ": " + detail;
    }
}
