package io.basalt.exec.operator.scan;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Rows that the owner of a plan lends to it before each run: the plan reads them through an ordinary scan of this
 * source. Used where an operator evaluates a plan over rows it holds: a recursive query's work table (the rows the
 * previous iteration produced, which {@code RecursiveUnionOperator} lends before each iteration of the recursive
 * term) and ON CONFLICT DO UPDATE's SET and WHERE with subqueries, run over the conflicting rows. The batches stay
 * the owner's, who frees them after the run; a scan reads the batches lent when it was opened, never across two
 * lendings. Each lent batch must hold at most the run's vector size of rows and no selection.
 */
public final class LentRows implements ScanSource {
    private final String name;
    private final List<LogicalType> columnTypes;
    private List<Batch> rows = List.of();

    public LentRows(String name, List<LogicalType> columnTypes) {
        this.name = name;
        this.columnTypes = List.copyOf(columnTypes);
    }

    /** Makes {@code batches} (owned by the caller, whose columns are this source's) the rows scans read. */
    public void lend(List<Batch> batches) {
        rows = List.copyOf(batches);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<LogicalType> columnTypes() {
        return columnTypes;
    }

    @Override
    public SourceState open(int[] columns, ExecutionContext context) {
        List<Batch> batches = rows;
        return new SourceState() {
            private int next;

            @Override
            public Batch next() {
                if (next == batches.size()) {
                    return null;
                }
                Batch batch = batches.get(next++);
                List<FieldVector> chosen = new ArrayList<>(columns.length);
                for (int column : columns) {
                    chosen.add(batch.column(column));
                }
                return new Batch(chosen, batch.rowCount());
            }

            @Override
            public void close() {
            }
        };
    }
}
