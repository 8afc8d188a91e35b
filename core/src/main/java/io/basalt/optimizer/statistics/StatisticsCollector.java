package io.basalt.optimizer.statistics;

import io.basalt.error.BasaltException;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SinkState;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * ANALYZE's sink: reads every row of a table's scan and gathers, per column, the null count, the numeric low
 * and high values and a {@link DistinctSketch}; {@link #statistics()} turns them into {@link TableStatistics}.
 * Values are read one at a time as objects: ANALYZE is not a query's hot path, and one reader serves every
 * type.
 */
public final class StatisticsCollector implements SinkState {
    private final List<LogicalType> types;
    private final long[] nulls;
    private final double[] low;
    private final double[] high;
    private final DistinctSketch[] sketches;
    private long rows;

    public StatisticsCollector(List<LogicalType> types) {
        this.types = List.copyOf(types);
        int count = types.size();
        nulls = new long[count];
        low = new double[count];
        high = new double[count];
        sketches = new DistinctSketch[count];
        for (int c = 0; c < count; c++) {
            low[c] = Double.NaN;
            high[c] = Double.NaN;
            sketches[c] = new DistinctSketch();
        }
    }

    @Override
    public void sink(Batch batch) {
        for (int c = 0; c < types.size(); c++) {
            FieldVector vector = batch.column(c);
            LogicalType type = types.get(c);
            boolean placed = NumberLine.places(type);
            DistinctSketch sketch = sketches[c];
            for (int row = 0; row < batch.rowCount(); row++) {
                Object value = ValueAccess.get(vector, row);
                if (value == null) {
                    nulls[c]++;
                    continue;
                }
                sketch.addObject(value);
                if (placed) {
                    double position = NumberLine.position(value, type);
                    if (!Double.isNaN(position)) {
                        low[c] = Double.isNaN(low[c]) ? position : Math.min(low[c], position);
                        high[c] = Double.isNaN(high[c]) ? position : Math.max(high[c], position);
                    }
                }
            }
        }
        rows += batch.rowCount();
    }

    @Override
    public void finish() {
    }

    @Override
    public SourceState openResult() {
        throw BasaltException.internal("ANALYZE's collector is the last sink of its plan");
    }

    /** What was gathered over the rows seen so far. */
    public TableStatistics statistics() {
        List<ColumnStatistics> columns = new ArrayList<>(types.size());
        for (int c = 0; c < types.size(); c++) {
            double nullFraction = rows == 0 ? 0 : (double) nulls[c] / rows;
            double distinct = Math.min(sketches[c].estimate(), rows - nulls[c]);
            columns.add(new ColumnStatistics(distinct, nullFraction, low[c], high[c]));
        }
        return new TableStatistics(rows, columns);
    }

    @Override
    public void close() {
    }
}
