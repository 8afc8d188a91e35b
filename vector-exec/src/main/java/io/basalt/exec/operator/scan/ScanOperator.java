package io.basalt.exec.operator.scan;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.SourceOperator;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the chosen columns of a {@link ScanSource}. */
public record ScanOperator(ScanSource source, int[] columns) implements SourceOperator {
    public ScanOperator {
        requireNonNull(source, "source is null");
        columns = columns.clone();
    }

    @Override
    public List<LogicalType> outputTypes() {
        List<LogicalType> all = source.columnTypes();
        List<LogicalType> types = new ArrayList<>(columns.length);
        for (int column : columns) {
            types.add(column == ScanSource.ROW_ID ? LogicalType.BIGINT : all.get(column));
        }
        return types;
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of();
    }

    @Override
    public String describe() {
        return "Scan " + source.name() + " " + Arrays.toString(columns);
    }

    @Override
    public SourceState openSource(ExecutionContext context) {
        return source.open(columns, context);
    }
}
