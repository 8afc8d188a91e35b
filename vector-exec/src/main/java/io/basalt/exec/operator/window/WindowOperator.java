package io.basalt.exec.operator.window;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.SinkOperator;
import io.basalt.exec.operator.SinkState;
import io.basalt.exec.operator.sort.SortKey;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Window functions over one window (one PARTITION BY and ORDER BY; each call has its own frame): a pipeline
 * breaker that materializes its input, sorts it by the partition columns and then the order keys, computes
 * every call for every row, and emits the rows in that order. Output: the input's columns, then one column
 * per call. Partition columns, order keys and arguments are input columns (the planner projects computed
 * ones first). This record is plan data only; {@link WindowSinkState} holds a run's rows and results.
 */
public record WindowOperator(PhysicalOperator child, int[] partitionColumns, List<SortKey> orderKeys,
                             List<WindowCall> calls) implements SinkOperator {
    public WindowOperator {
        requireNonNull(child, "child is null");
        partitionColumns = partitionColumns.clone();
        orderKeys = List.copyOf(orderKeys);
        calls = List.copyOf(calls);
    }

    @Override
    public int[] partitionColumns() {
        return partitionColumns.clone();
    }

    @Override
    public List<LogicalType> outputTypes() {
        List<LogicalType> types = new ArrayList<>(child.outputTypes());
        for (WindowCall call : calls) {
            types.add(call.function().resultType());
        }
        return types;
    }

    @Override
    public String describe() {
        return "Window partition=" + Arrays.toString(partitionColumns) + " order=" + orderKeys + " " + calls;
    }

    @Override
    public SinkState openSink(ExecutionContext context) {
        return new WindowSinkState(this, context);
    }
}
