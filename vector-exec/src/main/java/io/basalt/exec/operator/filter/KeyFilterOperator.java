package io.basalt.exec.operator.filter;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.operator.OperatorState;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.StreamingOperator;
import io.basalt.exec.operator.join.JoinKeyFilter;
import io.basalt.exec.operator.join.JoinKeyFilters;
import io.basalt.exec.operator.join.JoinKeySet;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.VectorGather;
import io.basalt.type.LogicalType;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Drops the rows whose integer-like column {@code column} is NULL or not among the build keys of the hash join
 * that publishes {@code filter} ({@link JoinKeyFilters}): the rows that join could not match anyway, removed
 * before the work between here and the join (an aggregation grouped by the key, other joins) is spent on them.
 * The planner puts it only where dropping those rows leaves the join's output unchanged.
 *
 * <p>Until the set is published (or when it never is, as after a build that spilled) every row passes. A state
 * that has seen {@link #PROBATION_ROWS} rows of which the filter dropped under a tenth stops testing: the keys
 * on this side are then nearly all in the build, and the test would only cost time.
 */
public record KeyFilterOperator(PhysicalOperator child, int column, JoinKeyFilter filter) implements StreamingOperator {
    /** The rows a state tests before it judges whether the filter is worth its cost. */
    static final int PROBATION_ROWS = 65_536;

    public KeyFilterOperator {
        requireNonNull(child, "child is null");
        requireNonNull(filter, "filter is null");
        if (column < 0 || column >= child.outputTypes().size()) {
            throw new IllegalArgumentException("column " + column + " is not an input column");
        }
    }

    @Override
    public List<LogicalType> outputTypes() {
        return child.outputTypes();
    }

    @Override
    public boolean parallelSafe() {
        return true;
    }

    @Override
    public String describe() {
        return "KeyFilter #" + column + " in " + filter;
    }

    @Override
    public OperatorState openOperator(ExecutionContext context) {
        return new KeyFilterState(context.keyFilters(), new EvaluationContext(context.allocator()));
    }

    private final class KeyFilterState implements OperatorState {
        private final JoinKeyFilters filters;
        private final EvaluationContext evaluation;
        private int[] selection = new int[0];
        private long tested;
        private long kept;
        private boolean retired;
        /** Whether the consumer takes selective batches ({@link #acceptSelections}). */
        private boolean emitsSelections;

        KeyFilterState(JoinKeyFilters filters, EvaluationContext evaluation) {
            this.filters = filters;
            this.evaluation = evaluation;
        }

        @Override
        public Batch execute(Batch input) {
            evaluation.releaseBatch();
            int rows = input.rowCount();
            if (retired || rows == 0) {
                return passed(input);
            }
            JoinKeySet keys = filters.lookup(filter);
            FieldVector values = input.column(column);
            if (keys == null || !JoinKeySet.supports(values)) {
                return passed(input);
            }
            int[] given = input.selection();
            if (selection.length < rows) {
                selection = new int[Math.max(rows, selection.length * 2)];
            }
            int count = given == null ? keys.select(values, rows, selection)
                    : keys.selectAt(values, given, rows, selection);
            tested += rows;
            kept += count;
            if (tested >= PROBATION_ROWS && kept * 10 > tested * 9) {
                retired = true;
            }
            if (count == rows) {
                return passed(input);
            }
            return emitsSelections ? new Batch(input.columns(), count, selection)
                    : VectorGather.gather(input, selection, count, evaluation);
        }

        /** {@code input} unchanged, made dense when the consumer does not take selective batches. */
        private Batch passed(Batch input) {
            return emitsSelections ? input : VectorGather.dense(input, evaluation);
        }

        /** Takes selective input always; hands its survivors on as positions when the consumer takes them. */
        @Override
        public boolean acceptSelections(boolean consumerTakesSelections) {
            emitsSelections = consumerTakesSelections;
            return true;
        }

        @Override
        public void close() {
            evaluation.close();
        }
    }
}
