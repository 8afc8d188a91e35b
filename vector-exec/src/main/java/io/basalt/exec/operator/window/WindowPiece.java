package io.basalt.exec.operator.window;

import io.basalt.exec.function.aggregate.CountAggregate;
import io.basalt.exec.function.aggregate.MinMaxAggregate;
import io.basalt.exec.function.aggregate.SumAverageAggregate;
import io.basalt.exec.function.window.WindowFunction;
import io.basalt.exec.operator.sort.RowOrdering;
import io.basalt.exec.operator.sort.SortKey;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;

/**
 * One piece of whole partitions of a window operator's sorted input with every call computed: its
 * {@link WindowRows} and one result vector per call, in the rows' order. {@link #compute} builds a piece from
 * sorted positions of a materialized input; the in-memory path ({@link WindowSinkState}) builds one piece per
 * thread, the spilled path ({@link SpilledWindowSource}) one per chunk of partitions read back from disk.
 * Owns its vectors.
 */
record WindowPiece(WindowRows rows, List<FieldVector> results) implements AutoCloseable {

    /**
     * Builds and computes the piece of sorted rows {@code order[from..to)} of {@code input} (whole partitions
     * only, in visiting order; {@code ordering} is over {@code input} with the operator's partition columns and
     * order keys). Each distinct frame is computed once ({@link FrameBounds}), each call with the evaluator its
     * function and argument type call for. On failure nothing is left allocated.
     */
    static WindowPiece compute(WindowOperator operator, ExecutionContext context, FieldVector[] input,
                               RowOrdering ordering, int[] order, int from, int to, List<LogicalType> inputTypes) {
        int count = to - from;
        int[] rowsOfPiece = from == 0 && to == order.length ? order : Arrays.copyOfRange(order, from, to);
        return compute(operator, context, WindowRows.of(input, ordering, rowsOfPiece, count, inputTypes,
                context.allocator()), inputTypes);
    }

    /** Computes every call over {@code rows}, which the piece takes over (also on failure: then closed). */
    static WindowPiece compute(WindowOperator operator, ExecutionContext context, WindowRows rows,
                               List<LogicalType> inputTypes) {
        int count = rows.rowCount;
        List<FieldVector> results = new ArrayList<>(operator.calls().size());
        try {
            SortKey orderKey = operator.orderKeys().isEmpty() ? null : operator.orderKeys().getFirst();
            Map<WindowFrame, Frames> frames = new HashMap<>();
            for (WindowCall call : operator.calls()) {
                Frames callFrames = null;
                if (call.function().usesFrame()) {
                    callFrames = frames.get(call.frame());
                    if (callFrames == null) {
                        callFrames = FrameBounds.compute(rows, call.frame(), orderKey);
                        frames.put(call.frame(), callFrames);
                    }
                }
                FieldVector out = ValueAccess.allocate(call.function().resultType(), "", context.allocator(), count);
                results.add(out);
                evaluator(call, inputTypes, context).evaluate(rows, callFrames, out);
                out.setValueCount(count);
            }
            return new WindowPiece(rows, results);
        } catch (RuntimeException | Error failure) {
            rows.close();
            for (FieldVector result : results) {
                result.close();
            }
            throw failure;
        }
    }

    /** The evaluator for a call: a dedicated one where its function and argument type have one. */
    private static WindowEvaluator evaluator(WindowCall call, List<LogicalType> inputTypes, ExecutionContext context) {
        WindowFunction function = call.function();
        int first = call.argumentCount() > 0 ? call.argument(0) : -1;
        boolean growsOnly = call.frame().growsOnly();
        return switch (function.kind()) {
            case ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST, NTILE ->
                    new RankingEvaluator(function.kind(), first);
            case LAG, LEAD -> new OffsetEvaluator(function.kind() == WindowFunction.Kind.LEAD, first,
                    call.argument(1), call.argument(2));
            case FIRST_VALUE -> new FrameValueEvaluator(FrameValueEvaluator.Which.FIRST, first, -1);
            case LAST_VALUE -> new FrameValueEvaluator(FrameValueEvaluator.Which.LAST, first, -1);
            case NTH_VALUE -> new FrameValueEvaluator(FrameValueEvaluator.Which.NTH, first, call.argument(1));
            case AGGREGATE -> {
                LogicalType argumentType = first < 0 ? null : inputTypes.get(first);
                yield switch (function.aggregate()) {
                    case CountAggregate count -> new CountEvaluator(first);
                    case SumAverageAggregate sum when isLongBacked(argumentType) ->
                            new LongSumEvaluator(first, sum.average(), argumentType.isScaledLong() ? argumentType.scale() : 0);
                    case SumAverageAggregate sum when argumentType.id() == TypeId.DOUBLE
                            && sum.resultType().id() == TypeId.DOUBLE ->
                            new DoubleSumEvaluator(first, sum.average(), growsOnly);
                    case MinMaxAggregate minMax -> new MinMaxEvaluator(first, minMax.max(), growsOnly);
                    default -> new GenericAggregateEvaluator(function.aggregate(), first, growsOnly,
                            context.allocator());
                };
            }
        };
    }

    private static boolean isLongBacked(LogicalType type) {
        return type.id() == TypeId.SMALLINT || type.id() == TypeId.INTEGER || type.id() == TypeId.BIGINT
                || type.isScaledLong();
    }

    /** Rows of the piece. */
    int rowCount() {
        return rows.rowCount;
    }

    /**
     * Rows {@code [from, from + count)} of the piece, its input columns then its results, as zero-copy slices that
     * {@code slices} collects for the caller to close when the batch is done.
     */
    io.basalt.exec.batch.Batch slice(int from, int count, org.apache.arrow.memory.BufferAllocator allocator,
                                      List<FieldVector> slices) {
        for (FieldVector column : rows.columns) {
            slices.add(io.basalt.exec.vector.VectorSlices.slice(column, from, count, allocator));
        }
        for (FieldVector result : results) {
            slices.add(io.basalt.exec.vector.VectorSlices.slice(result, from, count, allocator));
        }
        return new io.basalt.exec.batch.Batch(new java.util.ArrayList<>(slices), count);
    }

    @Override
    public void close() {
        rows.close();
        for (FieldVector result : results) {
            result.close();
        }
    }
}
