package io.basalt.engine.copy;

/**
 * The data formats of COPY: PostgreSQL's default text format, CSV, its binary format (not supported), and
 * Parquet (as DuckDB offers it; {@code io.basalt.format.parquet}).
 */
public enum CopyFormat {
    TEXT,
    CSV,
    BINARY,
    PARQUET
}
