package io.basalt.cli.format;

/** psql's table output formats that the shell supports ({@code \pset format}). */
public enum OutputFormat {
    /** Columns padded to a common width with a header and a {@code -+-} rule (the default). */
    ALIGNED,
    /** Fields joined by the field separator, no padding ({@code -A}). */
    UNALIGNED,
    /** RFC 4180 comma-separated values ({@code --csv}). */
    CSV
}
