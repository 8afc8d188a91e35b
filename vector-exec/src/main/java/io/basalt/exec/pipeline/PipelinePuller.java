package io.basalt.exec.pipeline;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.BuildProbeOperator;
import io.basalt.exec.operator.OperatorState;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.SinkOperator;
import io.basalt.exec.operator.SinkState;
import io.basalt.exec.operator.SourceOperator;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.operator.StreamingOperator;
import io.basalt.exec.operator.join.ExpandingOperatorState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a physical plan's top pipeline on demand, one output batch per {@link #next} call, for a cursor that hands out
 * rows as FETCH asks for them (PostgreSQL's portal). Opening runs what must run first, as {@link PipelineExecutor}
 * does: the build sides of the joins in the top pipeline, and the pipelines under its source when that source is a
 * breaker (a sort, an aggregate: they need all their input anyway). The top pipeline itself, a source and the
 * streaming operators above it, then runs only as far as the batches asked for, on the caller's thread; a plan whose
 * top is a scan with filters and projections reads only the chunks the fetched rows come from, so a cursor over a
 * large table needs memory for a batch, not for the table. An error in a row surfaces at the call that reaches it.
 *
 * <p>A join's fan-out ({@link ExpandingOperatorState}) is resumed piece by piece: the deepest pending expansion first,
 * as the push executor's recursion does. Once the source ends, operators with output held to the end ({@link
 * OperatorState#drain}) are drained first to last.
 *
 * <p>Not thread-safe. A batch returned stays valid until the next call or {@link #close}.
 */
public final class PipelinePuller implements AutoCloseable {
    /** An operator whose current input may still expand into more output pieces. */
    private record Expansion(int level, ExpandingOperatorState state) {
    }

    private final List<OperatorState> states = new ArrayList<>();
    private final Map<PhysicalOperator, SinkState> builds = new IdentityHashMap<>();
    private final ArrayDeque<Expansion> expansions = new ArrayDeque<>();
    private final StatementCancellation cancellation;
    private SourceState source;
    private SinkState breaker;
    private boolean sourceEnded;
    private int draining;
    private boolean finished;

    /**
     * Opens {@code root}'s top pipeline in {@code context}, running the pipelines it depends on first.
     *
     * @throws BasaltException what those pipelines raise (nothing is left open then)
     */
    public PipelinePuller(ExecutionContext context, PhysicalOperator root) {
        requireNonNull(context, "context is null");
        cancellation = context.cancellation();
        List<PhysicalOperator> chain = new ArrayList<>();
        PhysicalOperator current = requireNonNull(root, "root is null");
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
        PipelineExecutor executor = new PipelineExecutor(context);
        try {
            for (int i = chain.size() - 1; i >= 0; i--) {
                if (chain.get(i) instanceof BuildProbeOperator join) {
                    SinkState build = join.openBuild(context);
                    builds.put(join, build);
                    executor.run(join.buildChild(), build);
                }
            }
            switch (current) {
                case SinkOperator breakerOperator -> {
                    breaker = breakerOperator.openSink(context);
                    executor.run(breakerOperator.child(), breaker);
                    source = breaker.openResult();
                }
                case SourceOperator sourceOperator -> source = sourceOperator.openSource(context);
                default -> throw BasaltException.internal("operator " + current.describe() + " has no pipeline role");
            }
            for (PhysicalOperator operator : chain) {
                if (operator instanceof BuildProbeOperator join) {
                    states.add(join.openProbe(context, builds.get(join)));
                } else {
                    states.add(((StreamingOperator) operator).openOperator(context));
                }
            }
        } catch (RuntimeException | Error failure) {
            close();
            throw failure;
        }
    }

    /** The next non-empty output batch, or null once the pipeline has ended (or a LIMIT is reached). */
    public Batch next() {
        while (true) {
            cancellation.check();
            if (!expansions.isEmpty()) {
                Expansion expansion = expansions.peek();
                Batch piece = finished ? null : expansion.state().continueOutput();
                if (piece == null) {
                    expansions.pop();
                    continue;
                }
                Batch out = pushFrom(piece, expansion.level() + 1);
                if (out != null) {
                    return out;
                }
                continue;
            }
            if (finished) {
                return null;
            }
            if (!sourceEnded) {
                Batch batch = source.next();
                if (batch == null) {
                    sourceEnded = true;
                    continue;
                }
                Batch out = pushFrom(batch, 0);
                if (out != null) {
                    return out;
                }
                continue;
            }
            if (draining >= states.size()) {
                finished = true;
                return null;
            }
            Batch drained = states.get(draining).drain();
            if (drained == null) {
                draining++;
                continue;
            }
            Batch out = pushFrom(drained, draining + 1);
            if (out != null) {
                return out;
            }
        }
    }

    /**
     * Runs {@code batch} through the operators from {@code from} on; returns what comes out of the last one, or null
     * when nothing does. An expanding operator met on the way is remembered, to be resumed once this piece is out.
     */
    private Batch pushFrom(Batch batch, int from) {
        for (int i = from; i < states.size() && batch.rowCount() > 0; i++) {
            OperatorState state = states.get(i);
            batch = state.execute(batch);
            finished |= state.isFinished();
            if (state instanceof ExpandingOperatorState expanding) {
                expansions.push(new Expansion(i, expanding));
            }
        }
        return batch.rowCount() > 0 ? batch : null;
    }

    @Override
    public void close() {
        for (OperatorState state : states) {
            state.close();
        }
        states.clear();
        for (SinkState build : builds.values()) {
            build.close();
        }
        builds.clear();
        if (source != null) {
            source.close();
            source = null;
        }
        if (breaker != null) {
            breaker.close();
            breaker = null;
        }
    }
}
