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
 */
public record HashJoinOperator(PhysicalOperator probeChild, PhysicalOperator buildChild, JoinType joinType,
                               List<PhysicalExpression> probeKeys, List<PhysicalExpression> buildKeys,
                               PhysicalExpression residual) implements BuildProbeOperator {
    public HashJoinOperator {
        requireNonNull(probeChild, "probeChild is null");
        requireNonNull(buildChild, "buildChild is null");
        requireNonNull(joinType, "joinType is null");
        probeKeys = List.copyOf(probeKeys);
        buildKeys = List.copyOf(buildKeys);
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
        List<LogicalType> types = new ArrayList<>(probeChild.outputTypes());
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
        return out.toString();
    }

    @Override
    public SinkState openBuild(ExecutionContext context) {
        return new BuildState(context);
    }

    /** Probes share the read-only build; only RIGHT and FULL joins remember which build rows matched. */
    @Override
    public boolean parallelProbeSafe() {
        return !joinType.keepsUnmatchedBuildRows();
    }

    @Override
    public OperatorState openProbe(ExecutionContext context, SinkState finishedBuild) {
        BuildState build = (BuildState) finishedBuild;
        boolean firstMatchOnly = residual == null && !joinType.emitsPairs();
        return new JoinProbeState(context, joinType, probeKeys, residual, build.table.newProbe(firstMatchOnly),
                build.rows, probeChild.outputTypes(), buildChild.outputTypes());
    }

    // ---- build ------------------------------------------------------------------------------------

    private final class BuildState implements SinkState {
        private final BuildRows rows;
        /** Holds the build keys computed over all build rows; they live as long as the table. */
        private final EvaluationContext keyEvaluation;
        private JoinHashTable table;

        BuildState(ExecutionContext context) {
            this.rows = new BuildRows(buildChild.outputTypes(), context.allocator());
            this.keyEvaluation = new EvaluationContext(context.allocator());
        }

        @Override
        public void sink(Batch batch) {
            rows.append(batch);
        }

        // ---- finalize -----------------------------------------------------------------------------

        @Override
        public void finish() {
            rows.finish();
            Batch all = rows.asBatch();
            FieldVector[] keys = new FieldVector[buildKeys.size()];
            for (int k = 0; k < keys.length; k++) {
                keys[k] = buildKeys.get(k).evaluate(all, keyEvaluation);
            }
            table = JoinHashTable.build(keys, rows.rowCount());
        }

        @Override
        public SourceState openResult() {
            throw BasaltException.internal("a join's build side is read by its probe, not as a source");
        }

        @Override
        public void close() {
            keyEvaluation.close();
            rows.close();
        }
    }
}
