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
 * extracts, NULL where the path is missing or JSON null, numbers placed on the number line, and its most common
 * scalar values ({@link MostCommonValues}, from counts of its first {@link #MAX_COUNTED} values). These are the
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

    /** Values counted per JSON path at most (the first found; later new values are not counted). */
    static final int MAX_COUNTED = 1000;
    /** Most common values kept per JSON path at most (PostgreSQL's default statistics target). */
    static final int MAX_COMMON = 100;

    /** What one JSON path held so far: non-null values, their sketch and numeric range, counts of its first values. */
    private static final class PathValues {
        long present;
        double low = Double.NaN;
        double high = Double.NaN;
        final DistinctSketch sketch = new DistinctSketch();
        final Map<String, long[]> counts = new HashMap<>();
        /** Whether some value went uncounted ({@link #MAX_COUNTED} reached, or a container). */
        boolean uncounted;

        void count(String text) {
            long[] count = counts.get(text);
            if (count != null) {
                count[0]++;
            } else if (counts.size() < MAX_COUNTED) {
                counts.put(text, new long[] {1});
            } else {
                uncounted = true;
            }
        }

        /**
         * PostgreSQL's rule (analyze.c): every value when all were counted and there are at most {@link #MAX_COMMON};
         * otherwise those more common than 1.25 times the average, at most {@link #MAX_COMMON}, most common first.
         */
        MostCommonValues mostCommon(long rows, double distinct) {
            List<Map.Entry<String, long[]>> sorted = new ArrayList<>(counts.entrySet());
            sorted.sort((a, b) -> a.getValue()[0] != b.getValue()[0] ? Long.compare(b.getValue()[0], a.getValue()[0])
                    : a.getKey().compareTo(b.getKey()));
            boolean all = !uncounted && sorted.size() <= MAX_COMMON;
            double least = all ? 1 : Math.max(2, 1.25 * present / Math.max(distinct, 1));
            List<String> values = new ArrayList<>();
            double[] fractions = new double[Math.min(sorted.size(), MAX_COMMON)];
            for (Map.Entry<String, long[]> entry : sorted) {
                if (values.size() == MAX_COMMON || entry.getValue()[0] < least) {
                    break;
                }
                fractions[values.size()] = (double) entry.getValue()[0] / rows;
                values.add(entry.getKey());
            }
            return values.isEmpty() ? MostCommonValues.NONE
                    : new MostCommonValues(values, java.util.Arrays.copyOf(fractions, values.size()));
        }
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
                        case JsonNode.JsonString text -> {
                            values.sketch.addObject(text.value());
                            values.count(text.value());
                        }
                        case JsonNode.JsonNumber number -> {
                            values.sketch.addObject(number.value().stripTrailingZeros().toPlainString());
                            values.count(Jsonb.of(member).toString()); // as ->> prints it
                            double position = number.value().doubleValue();
                            values.low = Double.isNaN(values.low) ? position : Math.min(values.low, position);
                            values.high = Double.isNaN(values.high) ? position : Math.max(values.high, position);
                        }
                        case JsonNode.JsonBoolean flag -> {
                            values.sketch.addObject(flag.value() ? "true" : "false");
                            values.count(flag.value() ? "true" : "false");
                        }
                        default -> {
                            values.sketch.addObject(Jsonb.of(member).toString());
                            values.uncounted = true; // containers: ->> gives their text, not counted here
                        }
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
            double distinct = Math.min(values.sketch.estimate(), values.present);
            pathStatistics.put(entry.getKey(), new ColumnStatistics(distinct, Math.max(0, nullFraction), values.low,
                    values.high, values.mostCommon(rows, distinct)));
        }
        return new TableStatistics(rows, columns, pathStatistics);
    }

    @Override
    public void close() {
    }
}
