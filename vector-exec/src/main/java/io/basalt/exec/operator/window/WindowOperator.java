package io.basalt.exec.operator.window;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.operator.MergeableSinkOperator;
import io.basalt.exec.operator.PhysicalOperator;
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
 *
 * <p>Its input may be sunk by several workers (each into its own state, merged by moving the batches);
 * sorting and computing then use the context's threads when the input is large enough (see
 * {@link WindowSinkState}). {@code rowLimit}, when positive, says that only rows whose row_number in their
 * partition is at most that can reach the result (the planner proves this from a filter above); the operator
 * may then drop other rows early, and emits each kept row with exactly the values it would have had. The
 * planner sets it only when every call is row_number, rank or dense_rank, which read earlier rows alone.
 */
public record WindowOperator(PhysicalOperator child, int[] partitionColumns, List<SortKey> orderKeys,
                             List<WindowCall> calls, long rowLimit) implements MergeableSinkOperator {
    /** Above this many rows per partition the row limit is not used (the kept rows are tracked per partition). */
    static final long MAXIMUM_ROW_LIMIT = 64;

    public WindowOperator {
        requireNonNull(child, "child is null");
        partitionColumns = partitionColumns.clone();
        orderKeys = List.copyOf(orderKeys);
        calls = List.copyOf(calls);
    }

    /** A window operator without a row limit. */
    public WindowOperator(PhysicalOperator child, int[] partitionColumns, List<SortKey> orderKeys,
                          List<WindowCall> calls) {
        this(child, partitionColumns, orderKeys, calls, 0);
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
        return "Window partition=" + Arrays.toString(partitionColumns) + " order=" + orderKeys + " " + calls
                + (rowLimit > 0 ? " rows per partition<=" + rowLimit : "");
    }

    @Override
    public SinkState openSink(ExecutionContext context) {
        return new WindowSinkState(this, context);
    }

    @Override
    public void merge(SinkState global, SinkState worker) {
        ((WindowSinkState) global).takeInput((WindowSinkState) worker);
    }
}
