package io.basalt.exec.operator.subquery;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.BuildProbeOperator;
import io.basalt.exec.operator.OperatorState;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.SinkState;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.type.LogicalType;
import java.util.List;

/**
 * PostgreSQL's InitPlan for a subquery that reads nothing of the rows around it: {@code subplan} runs once, as the
 * build side, and its one row (none: NULLs; a second: 21000) becomes {@code values}; then the rows of {@code input}
 * pass through unchanged. The executor runs a build before every pipeline of the probe side (the probe side's own
 * joins and breakers included), so any expression over {@code input}'s rows or above them may read the values.
 *
 * <p>Output: {@code input}'s columns.
 */
public record InitPlanOperator(PhysicalOperator input, PhysicalOperator subplan, InitPlanValues values)
        implements BuildProbeOperator {
    public InitPlanOperator {
        requireNonNull(input, "input is null");
        requireNonNull(subplan, "subplan is null");
        requireNonNull(values, "values is null");
    }

    @Override
    public PhysicalOperator probeChild() {
        return input;
    }

    @Override
    public PhysicalOperator buildChild() {
        return subplan;
    }

    @Override
    public List<LogicalType> outputTypes() {
        return input.outputTypes();
    }

    @Override
    public String describe() {
        return "InitPlan " + values.types();
    }

    @Override
    public SinkState openBuild(ExecutionContext context) {
        return new SingleRowSink(values);
    }

    @Override
    public OperatorState openProbe(ExecutionContext context, SinkState finishedBuild) {
        return new OperatorState() {
            @Override
            public Batch execute(Batch batch) {
                return batch;
            }

            @Override
            public boolean acceptSelections(boolean consumerTakesSelections) {
                return consumerTakesSelections;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public boolean parallelProbeSafe() {
        return true;
    }
}
