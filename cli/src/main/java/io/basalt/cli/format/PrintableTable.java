package io.basalt.cli.format;

/**
 * A table the shell prints: column headers, which columns are right-aligned (numbers, as psql
 * aligns them), and cells in PostgreSQL's text form, null standing for SQL NULL. Query results and
 * the tables the meta-commands build ({@code \dt}, {@code \d}) both reach the printers through it.
 */
public interface PrintableTable {
    int columnCount();

    long rowCount();

    String header(int column);

    boolean rightAligned(int column);

    /** The cell's text, or null for SQL NULL. Rows are 0-based. */
    String cell(long row, int column);

    /** A title printed centred above the table (psql's {@code List of relations}), or null. */
    default String title() {
        return null;
    }

    /** Whether the {@code (N rows)} footer is printed (psql leaves it off for {@code \d TABLE}). */
    default boolean showsRowCount() {
        return true;
    }

    /** Lines printed after the table, before the empty line (psql's footers of {@code \d TABLE}: indexes, ...). */
    default java.util.List<String> footers() {
        return java.util.List.of();
    }
}
