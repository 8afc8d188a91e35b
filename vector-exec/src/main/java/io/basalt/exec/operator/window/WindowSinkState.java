package io.basalt.exec.operator.window;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.function.aggregate.CountAggregate;
import io.basalt.exec.function.aggregate.MinMaxAggregate;
import io.basalt.exec.function.aggregate.SumAverageAggregate;
import io.basalt.exec.function.window.WindowFunction;
import io.basalt.exec.operator.SinkState;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.operator.sort.BatchConcatenation;
import io.basalt.exec.operator.sort.ParallelRowSort;
import io.basalt.exec.operator.sort.RowOrdering;
import io.basalt.exec.operator.sort.SortKey;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.pipeline.ParallelTasks;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.exec.vector.VectorSlices;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;

/**
 * One run of a {@link WindowOperator}. Sink: keeps each input batch as zero-copy slices (a worker's state
 * hands its slices to the global state in {@link #takeInput}). Finish: concatenates the input, narrows it to
 * each partition's first rows when the operator has a row limit ({@link PartitionTopRows}), sorts it
 * ({@link ParallelRowSort}), cuts the sorted rows at partition boundaries into one piece per thread and, per
 * piece on its own thread, builds the piece's {@link WindowRows}, computes each distinct frame once
 * ({@link FrameBounds}) and each call with the evaluator its function and argument type call for. Inputs
 * below the context's parallel threshold take one piece on the calling thread; the results are the same.
 * Source: hands out the pieces' rows and results in order, in batches of the context's vector size, as
 * zero-copy slices.
 */
final class WindowSinkState implements SinkState {
    /** One piece of whole partitions: its sorted rows and one result vector per call. */
    private record Piece(WindowRows rows, List<FieldVector> results) {
    }

    private final WindowOperator operator;
    private final ExecutionContext context;
    private final List<List<FieldVector>> batches = new ArrayList<>();
    private int rowCount;
    private Piece[] pieces = new Piece[0];

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

    // ---- combine ------------------------------------------------------------------------------------

    /** Moves a worker state's input batches into this (global) state; the worker keeps nothing. */
    void takeInput(WindowSinkState worker) {
        batches.addAll(worker.batches);
        rowCount += worker.rowCount;
        worker.batches.clear();
        worker.rowCount = 0;
    }

    // ---- finalize -----------------------------------------------------------------------------------

    @Override
    public void finish() {
        List<LogicalType> inputTypes = operator.child().outputTypes();
        boolean parallel = context.threads() > 1 && rowCount >= context.parallelRowThreshold();
        int runs = parallel ? context.threads() : 1;
        FieldVector[] input;
        try {
            input = BatchConcatenation.concatenate(batches, rowCount, inputTypes, context, parallel);
        } finally {
            closeBatches();
        }
        try {
            RowOrdering ordering = new RowOrdering(input, rowCount, operator.partitionColumns(), operator.orderKeys());
            int[] order = null;
            if (operator.rowLimit() > 0 && operator.rowLimit() <= WindowOperator.MAXIMUM_ROW_LIMIT) {
                order = new PartitionTopRows(input, operator.partitionColumns(), inputTypes, ordering,
                        (int) operator.rowLimit(), context).select(rowCount, runs);
            }
            if (order == null) {
                order = new int[rowCount];
                for (int i = 0; i < rowCount; i++) {
                    order[i] = i;
                }
            }
            int count = order.length;
            ParallelRowSort.sort(ordering, order, count, runs, context);
            int[] bounds = pieceBounds(ordering, order, count, runs);
            Piece[] built = new Piece[bounds.length - 1];
            pieces = built;
            int[] sortedOrder = order;
            ParallelTasks.run(context, built.length, piece -> built[piece] = buildPiece(input, ordering,
                    sortedOrder, bounds[piece], bounds[piece + 1], inputTypes));
        } finally {
            WindowRows.close(input);
        }
    }

    /**
     * Where the pieces begin in the sorted rows, the count as last entry: about {@code count / runs} rows
     * each, every cut moved forward to the next partition start (a piece may thus be empty).
     */
    private static int[] pieceBounds(RowOrdering ordering, int[] order, int count, int runs) {
        int[] bounds = new int[runs + 1];
        for (int p = 1; p < runs; p++) {
            int cut = Math.max(bounds[p - 1], (int) ((long) count * p / runs));
            while (cut > 0 && cut < count && ordering.samePartition(order[cut - 1], order[cut])) {
                cut++;
            }
            bounds[p] = cut;
        }
        bounds[runs] = count;
        return bounds;
    }

    /** Builds and computes the piece of sorted rows {@code order[from..to)}. */
    private Piece buildPiece(FieldVector[] input, RowOrdering ordering, int[] order, int from, int to,
                             List<LogicalType> inputTypes) {
        int count = to - from;
        int[] rowsOfPiece = from == 0 && to == order.length ? order : Arrays.copyOfRange(order, from, to);
        WindowRows rows = WindowRows.of(input, ordering, rowsOfPiece, count, inputTypes, context.allocator());
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
                evaluator(call, inputTypes).evaluate(rows, callFrames, out);
                out.setValueCount(count);
            }
            return new Piece(rows, results);
        } catch (RuntimeException | Error failure) {
            rows.close();
            for (FieldVector result : results) {
                result.close();
            }
            throw failure;
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
            private int piece;
            private int next;

            @Override
            public Batch next() {
                release();
                while (piece < pieces.length && (pieces[piece] == null || next >= pieces[piece].rows().rowCount)) {
                    piece++;
                    next = 0;
                }
                if (piece >= pieces.length) {
                    return null;
                }
                Piece source = pieces[piece];
                int count = Math.min(context.vectorSize(), source.rows().rowCount - next);
                for (FieldVector column : source.rows().columns) {
                    current.add(VectorSlices.slice(column, next, count, context.allocator()));
                }
                for (FieldVector result : source.results()) {
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
        for (Piece piece : pieces) {
            if (piece != null) {
                piece.rows().close();
                for (FieldVector result : piece.results()) {
                    result.close();
                }
            }
        }
        pieces = new Piece[0];
    }
}
