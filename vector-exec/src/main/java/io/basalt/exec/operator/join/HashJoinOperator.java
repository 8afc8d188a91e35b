package io.basalt.exec.operator.join;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.operator.BuildProbeOperator;
import io.basalt.exec.operator.OperatorState;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.SinkState;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.spill.HashPartitions;
import io.basalt.exec.vector.VectorGather;
import io.basalt.type.LogicalType;
import io.basalt.type.PhysicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * An equi-join: the build side's rows are kept with a hash table over their keys, and the probe side
 * streams through it (see {@link JoinProbeState} for the per-type output). Keys are pairs of expressions,
 * {@code probeKeys[k]} over the probe side and {@code buildKeys[k]} over the build side, of the same type
 * on both sides (the binder inserts the casts); NULL keys never match. The optional {@code residual} is a
 * further condition over a candidate pair's columns, probe columns first, then build columns (for
 * {@code ON a.x = b.x AND a.y > b.y}).
 *
 * <p>Output columns: the probe side's, then the build side's (none for SEMI and ANTI).
 *
 * <p>Grace hash join: when the build side outgrows the operator's share of the query's memory budget, its
 * rows (those kept so far and all later ones) go to {@link HashPartitions} on disk by the hash of their keys,
 * the probe side is partitioned the same way as it arrives, and each pair of partitions is then joined on its
 * own ({@link GraceJoinProbeState}), recursively when a build partition is still too large. Equal keys land in
 * the same partition and NULL keys match nothing anywhere, so every join type gives the same rows.
 *
 * <p>Key filters: for each of {@code keyFilters}, an INNER, SEMI or RIGHT join (which drop probe rows without a
 * match) publishes the values of that build key ({@link JoinKeyFilters}) when its build finishes in memory, for
 * the {@link io.basalt.exec.operator.filter.KeyFilterOperator}s the planner put on the probe side.
 */
public record HashJoinOperator(PhysicalOperator probeChild, PhysicalOperator buildChild, JoinType joinType,
                               List<PhysicalExpression> probeKeys, List<PhysicalExpression> buildKeys,
                               PhysicalExpression residual, List<JoinKeyFilterTarget> keyFilters)
        implements BuildProbeOperator {
    /** The largest build whose keys are published to key filters: beyond it, building the sets costs too much. */
    static final int MAX_FILTER_BUILD_ROWS = 1 << 22;

    public HashJoinOperator(PhysicalOperator probeChild, PhysicalOperator buildChild, JoinType joinType,
                            List<PhysicalExpression> probeKeys, List<PhysicalExpression> buildKeys,
                            PhysicalExpression residual) {
        this(probeChild, buildChild, joinType, probeKeys, buildKeys, residual, List.of());
    }

    public HashJoinOperator {
        requireNonNull(probeChild, "probeChild is null");
        requireNonNull(buildChild, "buildChild is null");
        requireNonNull(joinType, "joinType is null");
        probeKeys = List.copyOf(probeKeys);
        buildKeys = List.copyOf(buildKeys);
        keyFilters = List.copyOf(keyFilters);
        if (!keyFilters.isEmpty() && !dropsUnmatchedProbeRows(joinType)) {
            throw new IllegalArgumentException("only joins that drop unmatched probe rows can filter them early");
        }
        for (JoinKeyFilterTarget target : keyFilters) {
            if (target.key() >= buildKeys.size()) {
                throw new IllegalArgumentException("key filter on key " + target.key() + " of " + buildKeys.size());
            }
        }
        if (probeKeys.isEmpty() || probeKeys.size() != buildKeys.size()) {
            throw new IllegalArgumentException("a hash join needs as many probe keys as build keys, at least one");
        }
        for (int k = 0; k < probeKeys.size(); k++) {
            if (!canHash(probeKeys.get(k).type())
                    || !sameRepresentation(probeKeys.get(k).type(), buildKeys.get(k).type())) {
                throw BasaltException.internal("hash join key " + k + " has types " + probeKeys.get(k).type()
                        + " and " + buildKeys.get(k).type());
            }
        }
    }

    /**
     * Whether a join of {@code type} outputs nothing for a probe row without a match, so that a filter of the probe
     * side by the build keys changes nothing (INNER, SEMI, RIGHT, RIGHT_SEMI, RIGHT_ANTI).
     */
    public static boolean dropsUnmatchedProbeRows(JoinType type) {
        return type == JoinType.INNER || type == JoinType.SEMI || type == JoinType.RIGHT
                || type == JoinType.RIGHT_SEMI || type == JoinType.RIGHT_ANTI;
    }

    /**
     * Whether this operator can hash and compare keys of {@code type}. Other equalities (intervals, whose
     * equal values may differ in their fields) are left to a residual condition by the planner.
     */
    public static boolean canHash(LogicalType type) {
        PhysicalType physical = type.physical();
        return physical == PhysicalType.BOOLEAN || physical == PhysicalType.INT16 || physical == PhysicalType.INT32
                || physical == PhysicalType.INT64 || physical == PhysicalType.FLOAT64
                || physical == PhysicalType.BIG_DECIMAL || physical == PhysicalType.STRING
                || physical == PhysicalType.UUID || physical == PhysicalType.BYTES;
    }

    /** Whether values of the two types are stored alike, so that equal values have equal bits. */
    private static boolean sameRepresentation(LogicalType a, LogicalType b) {
        return a.physical() == b.physical() && (!a.isScaledLong() && !b.isScaledLong() || a.scale() == b.scale());
    }

    @Override
    public List<LogicalType> outputTypes() {
        List<LogicalType> types = new ArrayList<>();
        if (joinType.emitsProbeColumns()) {
            types.addAll(probeChild.outputTypes());
        }
        if (joinType.emitsBuildColumns()) {
            types.addAll(buildChild.outputTypes());
        }
        return types;
    }

    @Override
    public String describe() {
        StringBuilder out = new StringBuilder("HashJoin ").append(joinType).append(" keys=[");
        for (int k = 0; k < probeKeys.size(); k++) {
            out.append(k > 0 ? ", " : "").append(probeKeys.get(k)).append(" = ").append(buildKeys.get(k));
        }
        out.append(']');
        if (residual != null) {
            out.append(" residual=").append(residual);
        }
        for (JoinKeyFilterTarget target : keyFilters) {
            out.append(" publishes key ").append(target.key()).append(" as ").append(target.filter());
        }
        return out.toString();
    }

    @Override
    public SinkState openBuild(ExecutionContext context) {
        return new BuildState(context, 0);
    }

    /** A build state for one spilled build partition at {@code level}. */
    SinkState openPartitionBuild(ExecutionContext context, int level) {
        return new BuildState(context, level);
    }

    /** Whether build pipelines may run on several workers ({@code -Dbasalt.parallel_join_build=off} turns it off). */
    private static final boolean PARALLEL_BUILD = !"off".equals(System.getProperty("basalt.parallel_join_build"));

    /** Workers of a parallel build pipeline each collect rows, which {@code global} then takes in. */
    @Override
    public io.basalt.exec.operator.ParallelSink parallelBuild(SinkState global) {
        return PARALLEL_BUILD ? new JoinBuildWorkers(buildChild.outputTypes(), (BuildState) global) : null;
    }

    /**
     * Probes share the read-only build. Joins that remember which build rows matched (RIGHT, FULL, RIGHT_SEMI,
     * RIGHT_ANTI) probe in parallel too, into one set of matched flags ({@link #prepareParallelProbe}), while the
     * build is in memory ({@code -Dbasalt.parallel_right_probe=off}: on one thread).
     */
    @Override
    public boolean parallelProbeSafe() {
        return !joinType.marksBuildRows();
    }

    @Override
    public boolean parallelProbeSafe(SinkState finishedBuild) {
        if (!joinType.marksBuildRows()) {
            return true;
        }
        return PARALLEL_MARKING_PROBE && ((BuildState) finishedBuild).spilled == null;
    }

    /** Whether joins that mark build rows probe on several workers ({@code -Dbasalt.parallel_right_probe=off}: not). */
    private static final boolean PARALLEL_MARKING_PROBE =
            !"off".equals(System.getProperty("basalt.parallel_right_probe"));

    /**
     * Before {@code workers} probes open over {@code finishedBuild}: a join that marks build rows gives them one
     * shared set of flags, and the last of them to reach the end of its input outputs the build rows the join keeps.
     */
    @Override
    public void prepareParallelProbe(SinkState finishedBuild, int workers) {
        BuildState build = (BuildState) finishedBuild;
        if (joinType.marksBuildRows() && build.spilled == null) {
            build.sharedMatches = new SharedBuildMatches(build.rows.rowCount(), workers);
        }
    }

    @Override
    public OperatorState openProbe(ExecutionContext context, SinkState finishedBuild) {
        BuildState build = (BuildState) finishedBuild;
        if (build.spilled != null) {
            return new GraceJoinProbeState(this, context, build.spilled);
        }
        boolean firstMatchOnly = residual == null && joinType.firstMatchDecides();
        return new JoinProbeState(context, joinType, probeKeys, residual, build.table.newProbe(firstMatchOnly),
                build.rows, probeChild.outputTypes(), buildChild.outputTypes(), build.sharedMatches);
    }

    // ---- build ------------------------------------------------------------------------------------

    /** The build: one per join (and per spilled partition), filled on one thread or through {@link #absorb}. */
    final class BuildState implements SinkState {
        private final ExecutionContext context;
        private final int level;
        private BuildRows rows;
        /** Holds the build keys computed over all build rows; they live as long as the table. */
        private final EvaluationContext keyEvaluation;
        private JoinHashTable table;
        /** The build rows on disk by key hash, once they outgrew the memory share; null while in memory. */
        private HashPartitions spilled;
        /** The matched flags several probes of a marking join share ({@link #prepareParallelProbe}), else null. */
        private SharedBuildMatches sharedMatches;

        BuildState(ExecutionContext context, int level) {
            this.context = context;
            this.level = level;
            this.rows = new BuildRows(buildChild.outputTypes(), context.allocator());
            this.keyEvaluation = new EvaluationContext(context.allocator());
            if (level == 0) {
                for (JoinKeyFilterTarget target : keyFilters) {
                    context.keyFilters().clear(target.filter());
                }
            }
        }

        @Override
        public void sink(Batch batch) {
            if (spilled != null) {
                if (batch.isSelective()) {
                    try (EvaluationContext dense = new EvaluationContext(context.allocator())) {
                        spill(VectorGather.dense(batch, dense));
                    }
                    return;
                }
                spill(batch);
                return;
            }
            rows.append(batch);
            spillIfOverBudget();
        }

        /** A filter's survivors arrive as positions and are copied once, into the build rows. */
        @Override
        public boolean takesSelections() {
            return true;
        }

        /**
         * Takes in the rows a worker of a parallel build collected, and their ownership: their chunks join these
         * rows without a copy while the build is in memory, and go to disk once it spilled. Callers serialise
         * calls (one thread, or holding this state's lock).
         */
        void absorb(BuildRows workerRows) {
            try {
                if (spilled == null) {
                    rows.take(workerRows);
                    spillIfOverBudget();
                } else {
                    spill(workerRows.asBatch());
                }
            } finally {
                workerRows.close();
            }
        }

        private void spillIfOverBudget() {
            // A hash table about as large as the keys comes on top of the rows when the build finishes.
            if (2 * rows.bytes() > context.memory().operatorBudget() && level < HashPartitions.MAX_LEVEL) {
                rows.finish();
                spilled = new HashPartitions("join-build", level);
                spill(rows.asBatch());
                rows.close();
                rows = new BuildRows(buildChild.outputTypes(), context.allocator());
            }
        }

        /** Writes the batch's rows to the build partitions of their keys. */
        private void spill(Batch batch) {
            keyEvaluation.releaseBatch();
            FieldVector[] keys = new FieldVector[buildKeys.size()];
            for (int k = 0; k < keys.length; k++) {
                keys[k] = buildKeys.get(k).evaluate(batch, keyEvaluation);
            }
            spilled.append(batch, HashPartitions.partitionsOf(keys, batch.rowCount(), level), context.memory(),
                    context.allocator());
            keyEvaluation.releaseBatch();
        }

        // ---- finalize -----------------------------------------------------------------------------

        @Override
        public void finish() {
            if (spilled != null) {
                spilled.finishWriting();
                return;
            }
            java.util.concurrent.ExecutorService workers = context.threads() > 1 ? context.workers() : null;
            rows.finish(workers);
            Batch all = rows.asBatch();
            FieldVector[] keys = new FieldVector[buildKeys.size()];
            for (int k = 0; k < keys.length; k++) {
                keys[k] = buildKeys.get(k).evaluate(all, keyEvaluation);
            }
            table = JoinHashTable.build(keys, rows.rowCount(), workers);
            if (level == 0 && rows.rowCount() <= MAX_FILTER_BUILD_ROWS) {
                for (JoinKeyFilterTarget target : keyFilters) {
                    FieldVector key = keys[target.key()];
                    if (JoinKeySet.supports(key)) {
                        context.keyFilters().publish(target.filter(), JoinKeySet.of(key, rows.rowCount()));
                    }
                }
            }
        }

        @Override
        public SourceState openResult() {
            throw BasaltException.internal("a join's build side is read by its probe, not as a source");
        }

        @Override
        public void close() {
            keyEvaluation.close();
            rows.close();
            if (spilled != null) {
                spilled.close();
            }
        }
    }
}
