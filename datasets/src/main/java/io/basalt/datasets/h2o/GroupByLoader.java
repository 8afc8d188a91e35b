package io.basalt.datasets.h2o;

import io.basalt.api.Session;
import io.basalt.datasets.DatasetLoader;
import java.util.List;

/** Creates the group-by table (named {@code x} unless told otherwise) in a Basalt database and fills it. */
public final class GroupByLoader {
    private GroupByLoader() {
    }

    /** @return the number of rows loaded */
    public static long load(Session session, GroupByParameters parameters) {
        return load(session, GroupByTable.DEFAULT_NAME, parameters, DatasetLoader.DEFAULT_BATCH_ROWS);
    }

    public static long load(Session session, String table, GroupByParameters parameters, int batchRows) {
        return DatasetLoader.load(session, List.of(new GroupByTable(table, parameters)), batchRows);
    }
}
