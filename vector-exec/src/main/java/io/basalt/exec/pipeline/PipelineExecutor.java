package io.basalt.exec.pipeline;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.BuildProbeOperator;
import io.basalt.exec.operator.MergeableSinkOperator;
import io.basalt.exec.operator.scan.ScanOperator;
import io.basalt.exec.operator.OperatorState;
import io.basalt.exec.operator.ParallelSink;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.SinkOperator;
import io.basalt.exec.operator.SinkState;
import io.basalt.exec.operator.SourceOperator;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.operator.StreamingOperator;
import io.basalt.exec.operator.BoundsDecided;
import io.basalt.exec.operator.SummingSink;
import io.basalt.exec.operator.SummingSource;
import io.basalt.exec.operator.join.ExpandingOperatorState;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a physical plan as push-based pipelines. The plan is cut at every pipeline breaker
 * ({@link SinkOperator}): a pipeline is a source, the streaming operators above it, and the sink that
 * ends it. Pipelines run children first (a join's build side before anything on its probe side); each pulls batches from its source and pushes them through its
 * operators into its sink until the source is exhausted or an operator or the sink says it is finished.
 *
 * <p>Today each pipeline runs on the calling thread. Morsel-driven parallelism (several threads per
 * pipeline, each with local operator state, combined at the sink) is the executor issue's work.
 */
public final class PipelineExecutor {
    private final ExecutionContext context;

    public PipelineExecutor(ExecutionContext context) {
        this.context = requireNonNull(context, "context is null");
    }

    /** Pushes every batch {@code root} produces into {@code sink}, then finishes the sink. */
    public void run(PhysicalOperator root, SinkState sink) {
        push(root, sink, null);
        sink.finish();
    }

    /**
     * Runs the pipeline ending in {@code sink} ({@code sinkOperator}: how workers may fill it in parallel, or null
     * when it takes its input on one thread).
     */
    private void push(PhysicalOperator top, SinkState sink, ParallelSink sinkOperator) {
        List<PhysicalOperator> chain = new ArrayList<>();
        PhysicalOperator current = top;
        while (true) {
            if (current instanceof StreamingOperator streaming) {
                chain.addFirst(streaming);
                current = streaming.child();
            } else if (current instanceof BuildProbeOperator join) {
                chain.addFirst(join);
                current = join.probeChild();
            } else {
                break;
            }
        }
        SinkState breaker = null;
        SourceState source = null;
        List<OperatorState> states = new ArrayList<>(chain.size());
        Map<PhysicalOperator, SinkState> builds = new IdentityHashMap<>();
        OperatorProfile profile = context.profile();
        if (profile != null) {
            profile.opened(current);
            for (PhysicalOperator operator : chain) {
                profile.opened(operator);
            }
        }
        try {
            // Join builds first, the topmost join's first: a join publishes its build keys for the key filters
            // the planner put on its probe side (lower in this chain, or in the pipelines under the breaker).
            for (int i = chain.size() - 1; i >= 0; i--) {
                if (chain.get(i) instanceof BuildProbeOperator join) {
                    SinkState build = join.openBuild(context);
                    builds.put(join, build);
                    push(join.buildChild(), build,
                            PARALLEL_JOINED_BUILDS || probesNoJoin(join.buildChild()) ? join.parallelBuild(build) : null);
                    build.finish();
                }
            }
            switch (current) {
                case SinkOperator breakerOperator -> {
                    breaker = breakerOperator.openSink(context);
                    push(breakerOperator.child(), breaker,
                            breakerOperator instanceof MergeableSinkOperator mergeable ? mergeable : null);
                    breaker.finish();
                    if (ParallelPipeline.chainEligible(context, chain, sinkOperator, builds)) {
                        io.basalt.exec.operator.scan.ParallelScan shared = breaker.openParallelResult(context);
                        if (shared != null) {
                            ParallelPipeline.run(context, current, shared, chain, sinkOperator, sink, builds);
                            return;
                        }
                    }
                    source = breaker.openResult();
                }
                case SourceOperator sourceOperator -> {
                    if (ParallelPipeline.eligible(context, sourceOperator, chain, sinkOperator, builds)) {
                        if (ParallelPipeline.run(context, (ScanOperator) sourceOperator, chain,
                                sinkOperator, sink, builds)) {
                            return;
                        }
                    }
                    source = sourceOperator.openSource(context);
                }
                default -> throw BasaltException.internal("operator " + current.describe() + " has no pipeline role");
            }
            for (PhysicalOperator operator : chain) {
                if (operator instanceof BuildProbeOperator join) {
                    states.add(join.openProbe(context, builds.get(join)));
                } else {
                    states.add(((StreamingOperator) operator).openOperator(context));
                }
            }
            drive(context.cancellation(), source, states, sink, profile, current, chain);
        } finally {
            for (OperatorState state : states) {
                state.close();
            }
            for (SinkState build : builds.values()) {
                build.close();
            }
            if (source != null) {
                source.close();
            }
            if (breaker != null) {
                breaker.close();
            }
        }
    }

    /**
     * Whether build pipelines that probe another join fill in parallel too ({@code
     * -Dbasalt.parallel_join_build=scans} keeps them on one thread). Measured on Q3 when a build's rows still grew by
     * reallocation, a parallel build whose pipeline probes another join (orders probing customer) ran slower than the
     * single-threaded one; with the rows kept in chunks that are handed over without a copy it is no longer slower.
     */
    private static final boolean PARALLEL_JOINED_BUILDS =
            !"scans".equals(System.getProperty("basalt.parallel_join_build"));

    /** Whether the pipeline ending at {@code top} probes no join (a scan, filters, projections). */
    private static boolean probesNoJoin(PhysicalOperator top) {
        PhysicalOperator current = top;
        while (current instanceof StreamingOperator streaming) {
            current = streaming.child();
        }
        return !(current instanceof BuildProbeOperator);
    }

    /**
     * Pulls every batch of {@code source} through {@code states} into {@code sink}. With a {@code profile}, each
     * batch an operator produces is counted against it: {@code sourceOperator} for the source's batches,
     * {@code chain.get(i)} for those of {@code states.get(i)}; without one nothing is counted. Stops with 57014 at the
     * batch after {@code cancellation} is cancelled.
     */
    static void drive(StatementCancellation cancellation, SourceState source, List<OperatorState> states, SinkState sink,
                      OperatorProfile profile, PhysicalOperator sourceOperator, List<PhysicalOperator> chain) {
        if (StatementCancellation.executing() == cancellation) {
            driveBound(cancellation, source, states, sink, profile, sourceOperator, chain);
        } else {
            // once per pipeline and thread: functions that wait (pg_sleep) find the statement to wake them
            cancellation.bindWhile(() -> driveBound(cancellation, source, states, sink, profile, sourceOperator, chain));
        }
    }

    private static void driveBound(StatementCancellation cancellation, SourceState source, List<OperatorState> states,
                                   SinkState sink, OperatorProfile profile, PhysicalOperator sourceOperator,
                                   List<PhysicalOperator> chain) {
        SelectionHandOff.negotiate(states, sink);
        PieceSums pieceSums = PieceSums.of(source, states, sink);
        boolean finished = false;
        while (!finished) {
            if (pieceSums != null) {
                sumPieces(cancellation, (SummingSource) source, (SummingSink) sink, pieceSums, profile, sourceOperator,
                        chain);
            }
            cancellation.check();
            Batch batch = source.next();
            if (batch == null) {
                break;
            }
            if (profile != null) {
                profile.produced(sourceOperator, batch.rowCount());
            }
            finished = pushThrough(cancellation, batch, states, 0, sink, profile, chain);
        }
        // Operators with output known only at the end of input, first to last.
        for (int i = 0; i < states.size() && !finished; i++) {
            Batch drained;
            while (!finished && (drained = states.get(i).drain()) != null) {
                cancellation.check();
                if (profile != null) {
                    profile.produced(chain.get(i), drained.rowCount());
                }
                finished = pushThrough(cancellation, drained, states, i + 1, sink, profile, chain);
            }
        }
    }

    /**
     * What a pipeline hands from a {@link SummingSource} to a {@link SummingSink} per piece, allocated once per run:
     * the columns (the sink's, then those of a filter between them that bounds may decide), what is needed of each,
     * where the filter's columns lie among them, and the arrays the source fills.
     */
    private record PieceSums(int[] columns, int[] needs, BoundsDecided test, int[] testAt, long[] sums, long[] valid,
                             long[] bounds, double[][] batchSums) {
        /**
         * For a summing source feeding a summing sink directly or through one filter that a piece's bounds may decide
         * ({@link BoundsDecided}); else null.
         */
        static PieceSums of(SourceState source, List<OperatorState> states, SinkState sink) {
            if (!(source instanceof SummingSource) || !(sink instanceof SummingSink summing) || states.size() > 1) {
                return null;
            }
            BoundsDecided test = null;
            int[] deciding = new int[0];
            if (states.size() == 1) {
                if (!(states.getFirst() instanceof BoundsDecided decided) || decided.decidingColumns() == null) {
                    return null;
                }
                test = decided;
                deciding = decided.decidingColumns();
            }
            int[] summed = summing.summedColumns();
            if (summed == null) {
                return null;
            }
            int[] columns = java.util.Arrays.copyOf(summed, summed.length + deciding.length);
            int[] needs = java.util.Arrays.copyOf(summing.summedNeeds(), columns.length);
            int count = summed.length;
            int[] testAt = new int[deciding.length];
            for (int i = 0; i < deciding.length; i++) {
                int at = 0;
                while (at < count && columns[at] != deciding[i]) {
                    at++;
                }
                if (at == count) {
                    columns[count++] = deciding[i];
                }
                needs[at] |= SummingSource.TEST_BOUNDS;
                testAt[i] = at;
            }
            columns = java.util.Arrays.copyOf(columns, count);
            needs = java.util.Arrays.copyOf(needs, count);
            return new PieceSums(columns, needs, test, testAt, new long[2 * count], new long[count],
                    new long[2 * count], new double[count][]);
        }
    }

    /**
     * Hands the sink the sums, counts and bounds of the source's next pieces for as long as the source can give them
     * without reading their rows (a scan under an aggregation that needs only those, see {@link SummingSink}, possibly
     * through a filter that passes every row of the piece or none).
     */
    private static void sumPieces(StatementCancellation cancellation, SummingSource source, SummingSink sink, PieceSums piece, OperatorProfile profile,
                                  PhysicalOperator sourceOperator, List<PhysicalOperator> chain) {
        while (true) {
            cancellation.check();
            long rows = source.sumNextPiece(piece.columns(), piece.needs(), piece.test(), piece.testAt(),
                    piece.sums(), piece.valid(), piece.bounds(), piece.batchSums());
            if (rows < 0) {
                return;
            }
            if (rows > 0) {
                sink.addSums(rows, piece.sums(), piece.valid(), piece.bounds(), piece.batchSums());
            }
            if (profile != null) {
                profile.produced(sourceOperator, (int) rows);
                if (piece.test() != null) {
                    profile.produced(chain.getFirst(), (int) rows);
                }
            }
        }
    }

    /** Pushes a batch through operators {@code from..} into the sink; true when the pipeline may stop. */
    private static boolean pushThrough(StatementCancellation cancellation, Batch batch, List<OperatorState> states, int from, SinkState sink,
                                       OperatorProfile profile, List<PhysicalOperator> chain) {
        boolean finished = false;
        for (int i = from; i < states.size() && batch.rowCount() > 0; i++) {
            OperatorState state = states.get(i);
            batch = state.execute(batch);
            finished |= state.isFinished();
            if (profile != null) {
                profile.produced(chain.get(i), batch.rowCount());
            }
            if (state instanceof ExpandingOperatorState expanding) {
                // One input, several output pieces (a join's fan-out): each goes all the way down before the
                // next is asked for, and the input stays untouched until the last.
                finished |= pushThrough(cancellation, batch, states, i + 1, sink, profile, chain);
                Batch piece;
                while (!finished && (piece = expanding.continueOutput()) != null) {
                    cancellation.check(); // a cross join's fan-out may run long on one input batch
                    if (profile != null) {
                        profile.produced(chain.get(i), piece.rowCount());
                    }
                    finished |= pushThrough(cancellation, piece, states, i + 1, sink, profile, chain);
                }
                return finished;
            }
        }
        if (batch.rowCount() > 0) {
            sink.sink(batch);
        }
        return finished | sink.isFinished();
    }
}
