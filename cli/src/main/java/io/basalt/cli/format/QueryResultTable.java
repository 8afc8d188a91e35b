package io.basalt.cli.format;

import static java.util.Objects.requireNonNull;

import io.basalt.api.QueryResult;

/**
 * A query's rows seen as a printable table: headers are the result column names, numeric columns
 * (smallint, integer, bigint, numeric, double precision) are right-aligned as psql aligns them,
 * and cells are the engine's PostgreSQL text form.
 */
public final class QueryResultTable implements PrintableTable {
    private final QueryResult result;

    public QueryResultTable(QueryResult result) {
        this.result = requireNonNull(result, "result is null");
    }

    @Override
    public int columnCount() {
        return result.columns().size();
    }

    @Override
    public long rowCount() {
        return result.rowCount();
    }

    @Override
    public String header(int column) {
        return result.columns().get(column).name();
    }

    @Override
    public boolean rightAligned(int column) {
        return result.columns().get(column).type().isNumber();
    }

    @Override
    public String cell(long row, int column) {
        return result.getText(row, column);
    }
}
