package io.basalt.exec.operator;

import io.basalt.exec.pipeline.ExecutionContext;
import java.util.List;

/**
 * An operator with two inputs where one, the build side, is consumed completely before the other, the
 * probe side, streams through it: the hash join. The build side ends its own pipeline in the sink this
 * operator opens; the probe side continues the pipeline this operator sits in.
 *
 * <p>Output columns: the probe side's columns, then the build side's (the planner projects them into
 * the order the query wants).
 */
public interface BuildProbeOperator extends PhysicalOperator {
    PhysicalOperator probeChild();

    PhysicalOperator buildChild();

    /** The sink that consumes the build side. */
    SinkState openBuild(ExecutionContext context);

    /**
     * The probe-side state over a finished build. It is closed before the build state. After the probe
     * side's last batch, the executor calls {@link OperatorState#drain()} until it returns null (for
     * rows only known at the end, such as the unmatched build rows of a RIGHT or FULL join).
     */
    OperatorState openProbe(ExecutionContext context, SinkState finishedBuild);

    /**
     * Whether several workers may probe one finished build at once, each with its own probe state, and
     * together produce exactly the single-threaded result: true when probing only reads the build.
     */
    default boolean parallelProbeSafe() {
        return false;
    }

    /** {@link #parallelProbeSafe()} once the build is known ({@code finishedBuild}, opened by {@link #openBuild}). */
    default boolean parallelProbeSafe(SinkState finishedBuild) {
        return parallelProbeSafe();
    }

    /**
     * Called once before {@code workers} probe states open over {@code finishedBuild} for a parallel pipeline (when
     * {@link #parallelProbeSafe(SinkState)} said they may); every one of them is then driven to the end of its input
     * and drained.
     */
    default void prepareParallelProbe(SinkState finishedBuild, int workers) {
    }

    /**
     * How several workers may fill the finished build {@code global} (opened by {@link #openBuild}) together, or
     * null when the build side must be consumed on one thread. The result holds the same rows as a
     * single-threaded build, in some order.
     */
    default ParallelSink parallelBuild(SinkState global) {
        return null;
    }

    @Override
    default List<PhysicalOperator> children() {
        return List.of(probeChild(), buildChild());
    }
}
