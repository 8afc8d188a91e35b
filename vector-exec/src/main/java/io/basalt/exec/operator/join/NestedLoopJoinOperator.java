package io.basalt.exec.operator.join;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.operator.BuildProbeOperator;
import io.basalt.exec.operator.OperatorState;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.SinkState;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * A join without equality keys ({@code CROSS JOIN}, {@code ON a.x < b.y}): the build side is kept whole and
 * every probe row meets every build row; {@code condition} (over probe columns, then build columns; null
 * for none, i.e. true) decides which pairs match. Every {@link JoinType} is supported. Its cost is the
 * product of the sides, so the planner uses it only when a condition offers no equality to hash on.
 *
 * <p>Output columns: the probe side's, then the build side's (none for SEMI and ANTI).
 */
public record NestedLoopJoinOperator(PhysicalOperator probeChild, PhysicalOperator buildChild, JoinType joinType,
                                     PhysicalExpression condition) implements BuildProbeOperator {
    public NestedLoopJoinOperator {
        requireNonNull(probeChild, "probeChild is null");
        requireNonNull(buildChild, "buildChild is null");
        requireNonNull(joinType, "joinType is null");
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
        return "NestedLoopJoin " + joinType + (condition == null ? "" : " condition=" + condition);
    }

    @Override
    public SinkState openBuild(ExecutionContext context) {
        return new BuildRowsSink(new BuildRows(buildChild.outputTypes(), context.allocator()));
    }

    /**
     * Probes only read the build rows unless the join remembers which build rows matched (RIGHT, FULL, RIGHT_SEMI,
     * RIGHT_ANTI), so the workers of a parallel pipeline may each probe them (TPC-H Q16's NOT IN check over the
     * 800,000 rows of partsupp ran on one thread because of this join).
     */
    @Override
    public boolean parallelProbeSafe() {
        return !joinType.marksBuildRows();
    }

    @Override
    public OperatorState openProbe(ExecutionContext context, SinkState finishedBuild) {
        BuildRows rows = ((BuildRowsSink) finishedBuild).rows();
        boolean firstMatchOnly = condition == null && joinType.firstMatchDecides();
        return new JoinProbeState(context, joinType, List.of(), condition,
                new AllPairs(rows.rowCount(), firstMatchOnly), rows, probeChild.outputTypes(),
                buildChild.outputTypes(), null);
    }
}
