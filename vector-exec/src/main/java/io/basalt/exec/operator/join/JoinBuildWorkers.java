package io.basalt.exec.operator.join;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.ParallelSink;
import io.basalt.exec.operator.SinkState;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.error.BasaltException;
import io.basalt.type.LogicalType;
import java.util.List;

/**
 * The build side of a hash join filled by the workers of a parallel pipeline: each worker copies its batches
 * into rows of its own, so that scanning, filtering and copying the build side run on every thread, and hands
 * them to the join's one {@link HashJoinOperator.BuildState} at the end (the first worker's rows are adopted
 * without a copy). A worker whose rows outgrow its share of the operator's memory budget hands them over early,
 * under the build state's lock, so that the build state can still spill to disk as a single-threaded build does.
 * The hash table is then built once, over all rows, when the build state finishes.
 */
final class JoinBuildWorkers implements ParallelSink {
    private final List<LogicalType> types;
    private final HashJoinOperator.BuildState global;

    JoinBuildWorkers(List<LogicalType> types, HashJoinOperator.BuildState global) {
        this.types = List.copyOf(types);
        this.global = requireNonNull(global, "global is null");
    }

    @Override
    public SinkState openSink(ExecutionContext context) {
        return new Worker(context);
    }

    @Override
    public void merge(SinkState into, SinkState worker) {
        assert into == global : "a join's workers merge into the build they were opened for";
        ((Worker) worker).handOver();
    }

    /** One worker's rows, collected until its input ends or they reach its share of the budget. */
    private final class Worker implements SinkState {
        private final ExecutionContext context;
        /** The worker's share of the operator budget, half of it, since the global rows must fit as well. */
        private final long handOverBytes;
        /** Rows not yet handed over; null after a hand-over until the next batch. */
        private BuildRows rows;

        Worker(ExecutionContext context) {
            this.context = context;
            this.handOverBytes = Math.max(1, context.memory().operatorBudget() / (4L * context.threads()));
        }

        @Override
        public void sink(Batch batch) {
            if (rows == null) {
                rows = new BuildRows(types, context.allocator());
            }
            rows.append(batch);
            if (rows.bytes() > handOverBytes) {
                handOver();
            }
        }

        /** A filter's survivors arrive as positions and are copied once, into the worker's rows. */
        @Override
        public boolean takesSelections() {
            return true;
        }

        /** Gives the rows collected so far to the build state (which then owns them). */
        void handOver() {
            BuildRows full = rows;
            rows = null;
            if (full == null) {
                return;
            }
            synchronized (global) {
                global.absorb(full);
            }
        }

        @Override
        public void finish() {
        }

        @Override
        public SourceState openResult() {
            throw BasaltException.internal("a join build worker hands its rows to the build, it has no output");
        }

        @Override
        public void close() {
            if (rows != null) {
                rows.close();
                rows = null;
            }
        }
    }
}
