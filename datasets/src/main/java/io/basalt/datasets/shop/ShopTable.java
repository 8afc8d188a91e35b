package io.basalt.datasets.shop;

import static java.util.Objects.requireNonNull;

import io.basalt.api.ResultColumn;
import io.basalt.datasets.GeneratedTable;
import io.basalt.type.LogicalType;
import java.util.List;

/**
 * What every table of the e-commerce data set shares: its scale, name and columns. Column types are the
 * seeds' where Basalt has them; UUID keys are BIGINT, TIMESTAMPTZ columns DATE and JSONB columns TEXT
 * holding JSON until Basalt has those types (the JSON columns switch to JSONB when the JSONB issue lands).
 */
abstract class ShopTable implements GeneratedTable {
    static final LogicalType PRICE = LogicalType.numeric(10, 2);
    static final LogicalType AMOUNT = LogicalType.numeric(12, 2);
    /** JSON documents, stored as TEXT until Basalt has JSONB. */
    static final LogicalType JSON = LogicalType.TEXT;

    final ShopScale scale;
    private final String name;
    private final List<ResultColumn> columns;

    ShopTable(ShopScale scale, String name, List<ResultColumn> columns) {
        this.scale = requireNonNull(scale, "scale is null");
        this.name = name;
        this.columns = columns;
    }

    static ResultColumn column(String name, LogicalType type) {
        return new ResultColumn(name, type);
    }

    static ResultColumn varchar(String name, int length) {
        return new ResultColumn(name, LogicalType.varchar(length));
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<ResultColumn> columns() {
        return columns;
    }

    @Override
    public long expectedRowCount() {
        return -1;
    }
}
