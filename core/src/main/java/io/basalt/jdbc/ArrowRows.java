package io.basalt.jdbc;

import io.basalt.api.QueryResult;
import io.basalt.api.ResultColumn;
import io.basalt.exec.vector.ValueAccess;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A query's result read in place from its Arrow batches. A cursor walking forward finds each row's batch in
 * constant time; random access searches the batch starts. Closing closes the result and frees its batches.
 */
final class ArrowRows implements ResultRows {
    private final QueryResult result;
    private final List<VectorSchemaRoot> batches;
    private final long[] starts;
    private final long size;
    private int batch;

    ArrowRows(QueryResult result) {
        this.result = result;
        this.batches = result.batches();
        this.starts = new long[batches.size() + 1];
        long start = 0;
        for (int b = 0; b < batches.size(); b++) {
            starts[b] = start;
            start += batches.get(b).getRowCount();
        }
        starts[batches.size()] = start;
        this.size = start;
    }

    @Override
    public List<ResultColumn> columns() {
        return result.columns();
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public Object value(long row, int column) {
        FieldVector vector = locate(row).getVector(column);
        return ValueAccess.get(vector, (int) (row - starts[batch]));
    }

    @Override
    public String text(long row, int column) {
        return result.getText(row, column);
    }

    private VectorSchemaRoot locate(long row) {
        if (row < starts[batch] || row >= starts[batch + 1]) {
            int low = 0;
            int high = batches.size() - 1;
            while (low < high) {
                int middle = (low + high + 1) >>> 1;
                if (starts[middle] <= row) {
                    low = middle;
                } else {
                    high = middle - 1;
                }
            }
            batch = low;
        }
        return batches.get(batch);
    }

    @Override
    public void close() {
        result.close();
    }
}
