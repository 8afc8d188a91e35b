package io.basalt.datasets.shop;

import io.basalt.api.Session;
import io.basalt.datasets.DatasetLoader;

/** Creates and fills the e-commerce tables in a Basalt database, batch by batch. */
public final class ShopLoader {
    private ShopLoader() {
    }

    /** @return rows loaded over all tables */
    public static long load(Session session, ShopScale scale) {
        return load(session, scale, DatasetLoader.DEFAULT_BATCH_ROWS);
    }

    public static long load(Session session, ShopScale scale, int batchRows) {
        return DatasetLoader.load(session, ShopTables.all(scale), batchRows);
    }
}
