package io.basalt.exec.operator.window;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.function.window.WindowFunction;
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
 * partition is at most that can reach the result (the planner proves this from a filter above); {@code limitKind}
 * says which number: ROW_NUMBER, or RANK or DENSE_RANK (rows whose rank or dense rank is at most the limit, peers
 * included). The operator may then drop other rows early, already while it sinks its input (a bounded set of
 * rows per partition, {@link PartitionTopRows}), and emits each kept row with exactly the values it would have
 * had. The planner sets it only when every call is row_number, rank or dense_rank, which read earlier rows
 * (and, for rank limits, peers) alone.
 */
public record WindowOperator(PhysicalOperator child, int[] partitionColumns, List<SortKey> orderKeys,
                             List<WindowCall> calls, long rowLimit, WindowFunction.Kind limitKind)
        implements MergeableSinkOperator {
    /** Above this many rows per partition the row limit is not used (the kept rows are tracked per partition). */
    static final long MAXIMUM_ROW_LIMIT = 64;

    /** Whether the operator drops rows by its row limit. */
    boolean limitsRows() {
        return rowLimit > 0 && rowLimit <= MAXIMUM_ROW_LIMIT;
    }

    public WindowOperator {
        requireNonNull(child, "child is null");
        partitionColumns = partitionColumns.clone();
        orderKeys = List.copyOf(orderKeys);
        calls = List.copyOf(calls);
        requireNonNull(limitKind, "limitKind is null");
        if (limitKind != WindowFunction.Kind.ROW_NUMBER && limitKind != WindowFunction.Kind.RANK
                && limitKind != WindowFunction.Kind.DENSE_RANK) {
            throw new IllegalArgumentException("a row limit counts row_number, rank or dense_rank, not " + limitKind);
        }
    }

    /** A window operator whose row limit (0: none) counts row numbers. */
    public WindowOperator(PhysicalOperator child, int[] partitionColumns, List<SortKey> orderKeys,
                          List<WindowCall> calls, long rowLimit) {
        this(child, partitionColumns, orderKeys, calls, rowLimit, WindowFunction.Kind.ROW_NUMBER);
    }

    /** A window operator without a row limit. */
    public WindowOperator(PhysicalOperator child, int[] partitionColumns, List<SortKey> orderKeys,
                          List<WindowCall> calls) {
        this(child, partitionColumns, orderKeys, calls, 0, WindowFunction.Kind.ROW_NUMBER);
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
                + (rowLimit > 0 ? " " + limitKind.name().toLowerCase(java.util.Locale.ROOT) + "<=" + rowLimit : "");
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
