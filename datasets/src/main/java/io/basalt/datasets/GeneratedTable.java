package io.basalt.datasets;

import io.basalt.api.ResultColumn;
import java.util.List;

/**
 * A table whose rows a generator produces on demand: its name, its columns with their SQL types, and a
 * fresh stream of its rows. The same description serves the table functions (rows streamed into a query),
 * the loaders (rows appended to a stored table) and the benchmark harness (rows appended to a peer engine),
 * so that every consumer sees exactly the same data.
 *
 * <p>Contract: every call of {@link #newRowProducer()} starts from the first row and produces the same
 * rows in the same order (generators are seeded and deterministic).
 */
public interface GeneratedTable {
    /** The table's SQL name, lower case. */
    String name();

    /** The columns in order, with the SQL types the values are written as. */
    List<ResultColumn> columns();

    /** The number of rows the table will have, or -1 when it is only known after generation. */
    long expectedRowCount();

    /** A new stream of the rows, from the first. */
    RowProducer newRowProducer();
}
