package io.basalt.spi;

import java.util.List;

/**
 * A function that produces a table, called in FROM: {@code SELECT * FROM tpch_lineitem(0.01)}.
 * Implementations are found with {@link java.util.ServiceLoader} (list them in
 * {@code META-INF/services/io.basalt.spi.TableFunction}).
 */
public interface TableFunction {
    /** The SQL name, lower case. */
    String name();

    /**
     * Checks the arguments (constants, as Java values: Long, Double, BigDecimal, String, Boolean, null)
     * and fixes the output columns.
     *
     * @throws io.basalt.error.BasaltException for wrong arguments, with a PostgreSQL-style message
     */
    BoundTableFunction bind(List<Object> arguments);
}
