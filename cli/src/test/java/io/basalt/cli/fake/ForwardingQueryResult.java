package io.basalt.cli.fake;

import static java.util.Objects.requireNonNull;

import io.basalt.api.QueryResult;
import io.basalt.api.ResultColumn;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/** A query result that passes everything to another, for tests that change one answer. */
public class ForwardingQueryResult implements QueryResult {
    private final QueryResult delegate;

    public ForwardingQueryResult(QueryResult delegate) {
        this.delegate = requireNonNull(delegate, "delegate is null");
    }

    @Override
    public boolean returnsRows() {
        return delegate.returnsRows();
    }

    @Override
    public List<ResultColumn> columns() {
        return delegate.columns();
    }

    @Override
    public Schema schema() {
        return delegate.schema();
    }

    @Override
    public List<VectorSchemaRoot> batches() {
        return delegate.batches();
    }

    @Override
    public long rowCount() {
        return delegate.rowCount();
    }

    @Override
    public String commandTag() {
        return delegate.commandTag();
    }

    @Override
    public List<String> notices() {
        return delegate.notices();
    }

    @Override
    public String getText(long row, int column) {
        return delegate.getText(row, column);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
