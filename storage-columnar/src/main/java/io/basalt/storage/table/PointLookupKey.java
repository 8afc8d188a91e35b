package io.basalt.storage.table;

import static java.util.Objects.requireNonNull;

/**
 * The unique key a point lookup reads its rows through (see {@link TableStore#pointLookup}): the name of its index
 * (the constraint's) and its table columns in key order, for EXPLAIN's "Index Scan using ..." and "Index Cond".
 */
public record PointLookupKey(String indexName, int[] columns) {
    public PointLookupKey {
        requireNonNull(indexName, "indexName is null");
        columns = columns.clone();
    }

    @Override
    public int[] columns() {
        return columns.clone();
    }
}
