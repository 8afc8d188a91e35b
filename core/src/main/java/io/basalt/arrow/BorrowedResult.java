package io.basalt.arrow;

import io.basalt.api.QueryResult;
import io.basalt.api.ResultColumn;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/** A result lent to a reader that must not close it: every call goes to the result except {@link #close()}. */
record BorrowedResult(QueryResult result) implements QueryResult {
    @Override
    public boolean returnsRows() {
        return result.returnsRows();
    }

    @Override
    public List<ResultColumn> columns() {
        return result.columns();
    }

    @Override
    public Schema schema() {
        return result.schema();
    }

    @Override
    public List<VectorSchemaRoot> batches() {
        return result.batches();
    }

    @Override
    public long rowCount() {
        return result.rowCount();
    }

    @Override
    public String commandTag() {
        return result.commandTag();
    }

    @Override
    public List<String> notices() {
        return result.notices();
    }

    @Override
    public String getText(long row, int column) {
        return result.getText(row, column);
    }

    @Override
    public void close() {
    }
}
