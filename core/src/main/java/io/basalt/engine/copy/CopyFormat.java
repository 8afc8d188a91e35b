package io.basalt.engine.copy;

/** The data formats of COPY: PostgreSQL's default text format, CSV, and its binary format (not supported). */
public enum CopyFormat {
    TEXT,
    CSV,
    BINARY
}
