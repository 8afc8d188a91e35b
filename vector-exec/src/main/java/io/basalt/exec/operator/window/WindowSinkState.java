package io.basalt.exec.operator.window;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.function.aggregate.CountAggregate;
import io.basalt.exec.function.aggregate.MinMaxAggregate;
import io.basalt.exec.function.aggregate.SumAverageAggregate;
import io.basalt.exec.function.window.WindowFunction;
import io.basalt.exec.operator.SinkState;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.operator.sort.SortKey;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.exec.vector.VectorSlices;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;

/**
 * One run of a {@link WindowOperator}. Sink: keeps each input batch as zero-copy slices. Finish: builds the
 * sorted {@link WindowRows}, computes each distinct frame once ({@link FrameBounds}) and each call with the
 * evaluator its function and argument type call for. Source: hands out the sorted rows and the results in
 * batches of the context's vector size, as zero-copy slices.
 */
final class WindowSinkState implements SinkState {
    private final WindowOperator operator;
    private final ExecutionContext context;
    private final List<List<FieldVector>> batches = new ArrayList<>();
    private int rowCount;
    private WindowRows rows;
    private final List<FieldVector> results = new ArrayList<>();

    WindowSinkState(WindowOperator operator, ExecutionContext context) {
        this.operator = operator;
        this.context = context;
    }

    // ---- sink ---------------------------------------------------------------------------------------

    @Override
    public void sink(Batch batch) {
        List<FieldVector> kept = new ArrayList<>(batch.columnCount());
        for (FieldVector column : batch.columns()) {
            kept.add(VectorSlices.slice(column, 0, batch.rowCount(), context.allocator()));
        }
        batches.add(kept);
        rowCount += batch.rowCount();
    }

    // ---- finalize -----------------------------------------------------------------------------------

    @Override
    public void finish() {
        List<LogicalType> inputTypes = operator.child().outputTypes();
        try {
            rows = WindowRows.build(batches, rowCount, inputTypes, operator.partitionColumns(),
                    operator.orderKeys(), context.allocator());
        } finally {
            closeBatches();
        }
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
            FieldVector out = ValueAccess.allocate(call.function().resultType(), "", context.allocator(), rowCount);
            results.add(out);
            evaluator(call, inputTypes).evaluate(rows, callFrames, out);
            out.setValueCount(rowCount);
        }
    }

    /** The evaluator for a call: a dedicated one where its function and argument type have one. */
    private WindowEvaluator evaluator(WindowCall call, List<LogicalType> inputTypes) {
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

    // ---- source -------------------------------------------------------------------------------------

    @Override
    public SourceState openResult() {
        return new SourceState() {
            private final List<FieldVector> current = new ArrayList<>();
            private int next;

            @Override
            public Batch next() {
                release();
                if (rows == null || next >= rowCount) {
                    return null;
                }
                int count = Math.min(context.vectorSize(), rowCount - next);
                for (FieldVector column : rows.columns) {
                    current.add(VectorSlices.slice(column, next, count, context.allocator()));
                }
                for (FieldVector result : results) {
                    current.add(VectorSlices.slice(result, next, count, context.allocator()));
                }
                next += count;
                return new Batch(new ArrayList<>(current), count);
            }

            private void release() {
                for (FieldVector vector : current) {
                    vector.close();
                }
                current.clear();
            }

            @Override
            public void close() {
                release();
            }
        };
    }

    private void closeBatches() {
        for (List<FieldVector> batch : batches) {
            for (FieldVector vector : batch) {
                vector.close();
            }
        }
        batches.clear();
    }

    @Override
    public void close() {
        closeBatches();
        for (FieldVector result : results) {
            result.close();
        }
        results.clear();
        if (rows != null) {
            rows.close();
            rows = null;
        }
    }
}
