package io.basalt.optimizer.statistics;

import io.basalt.error.BasaltException;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SinkState;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import io.basalt.type.json.Jsonb;
import io.basalt.type.json.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;

/**
 * ANALYZE's sink: reads every row of a table's scan and gathers, per column, the null count, the numeric low
 * and high values and a {@link DistinctSketch}; {@link #statistics()} turns them into {@link TableStatistics}.
 * For a jsonb column it gathers the same per JSON path (object keys from the root through nested objects, at most
 * {@link #MAX_DEPTH} deep and {@link #MAX_PATHS} paths a column, the first found): what {@code doc->'a'->>'b'}
 * extracts, NULL where the path is missing or JSON null, numbers placed on the number line. These are the
 * statistics of the paths the store shreds into sub-columns, whether or not a row group was shredded.
 * Values are read one at a time as objects: ANALYZE is not a query's hot path, and one reader serves every
 * type.
 */
public final class StatisticsCollector implements SinkState {
    private final List<LogicalType> types;
    private final long[] nulls;
    private final double[] low;
    private final double[] high;
    private final DistinctSketch[] sketches;
    private final Map<TableStatistics.Path, PathValues> paths = new HashMap<>();
    private final int[] pathCounts;
    private long rows;

    /** Paths gathered per jsonb column at most. */
    static final int MAX_PATHS = 64;
    /** Keys per path at most. */
    static final int MAX_DEPTH = 4;

    /** What one JSON path held so far: non-null values, their sketch and numeric range. */
    private static final class PathValues {
        long present;
        double low = Double.NaN;
        double high = Double.NaN;
        final DistinctSketch sketch = new DistinctSketch();
    }

    public StatisticsCollector(List<LogicalType> types) {
        this.types = List.copyOf(types);
        int count = types.size();
        nulls = new long[count];
        low = new double[count];
        high = new double[count];
        sketches = new DistinctSketch[count];
        pathCounts = new int[count];
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
                if (type.id() == TypeId.JSONB && value instanceof Jsonb document) {
                    addPaths(c, document.toNode(), new ArrayList<>());
                }
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

    /** Records the members of {@code node} (an object at {@code keys} of column {@code column}) under their paths. */
    private void addPaths(int column, JsonNode node, List<String> keys) {
        if (!(node instanceof JsonNode.JsonObject object) || keys.size() >= MAX_DEPTH) {
            return;
        }
        for (int i = 0; i < object.keys().size(); i++) {
            JsonNode member = object.values().get(i);
            keys.add(object.keys().get(i));
            if (!(member instanceof JsonNode.JsonNull)) {
                TableStatistics.Path path = new TableStatistics.Path(column, keys);
                PathValues values = paths.get(path);
                if (values == null && pathCounts[column] < MAX_PATHS) {
                    values = new PathValues();
                    paths.put(path, values);
                    pathCounts[column]++;
                }
                if (values != null) {
                    values.present++;
                    switch (member) {
                        case JsonNode.JsonString text -> values.sketch.addObject(text.value());
                        case JsonNode.JsonNumber number -> {
                            values.sketch.addObject(number.value().stripTrailingZeros().toPlainString());
                            double position = number.value().doubleValue();
                            values.low = Double.isNaN(values.low) ? position : Math.min(values.low, position);
                            values.high = Double.isNaN(values.high) ? position : Math.max(values.high, position);
                        }
                        case JsonNode.JsonBoolean flag -> values.sketch.addObject(flag.value() ? "true" : "false");
                        default -> values.sketch.addObject(Jsonb.of(member).toString());
                    }
                }
                addPaths(column, member, keys);
            }
            keys.removeLast();
        }
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
        Map<TableStatistics.Path, ColumnStatistics> pathStatistics = new HashMap<>();
        for (Map.Entry<TableStatistics.Path, PathValues> entry : paths.entrySet()) {
            PathValues values = entry.getValue();
            double nullFraction = rows == 0 ? 0 : 1 - (double) values.present / rows;
            pathStatistics.put(entry.getKey(), new ColumnStatistics(Math.min(values.sketch.estimate(), values.present),
                    Math.max(0, nullFraction), values.low, values.high));
        }
        return new TableStatistics(rows, columns, pathStatistics);
    }

    @Override
    public void close() {
    }
}
