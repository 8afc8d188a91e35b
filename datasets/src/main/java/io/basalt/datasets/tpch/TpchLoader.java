package io.basalt.datasets.tpch;

import io.basalt.api.Session;
import io.basalt.datasets.DatasetLoader;

/**
 * Creates the eight TPC-H tables in a Basalt database and fills them at a scale factor, streaming the
 * generator's rows through {@link Session#append} in batches (memory does not grow with the scale
 * factor). The data are those of {@code io.trino.tpch}, which reproduce the official kit's SF1 answers.
 */
public final class TpchLoader {
    private TpchLoader() {
    }

    /**
     * Creates and fills region, nation, supplier, part, partsupp, customer, orders and lineitem.
     *
     * @return rows loaded over all eight tables
     */
    public static long load(Session session, double scaleFactor) {
        return load(session, scaleFactor, DatasetLoader.DEFAULT_BATCH_ROWS);
    }

    public static long load(Session session, double scaleFactor, int batchRows) {
        return DatasetLoader.load(session, TpchTables.all(scaleFactor), batchRows);
    }
}
