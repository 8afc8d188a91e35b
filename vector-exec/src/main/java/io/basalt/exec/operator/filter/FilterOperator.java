package io.basalt.exec.operator.filter;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.operator.OperatorState;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.StreamingOperator;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.VectorGather;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BitVector;

/**
 * Keeps the rows for which every conjunct is true (NULL counts as false). Conjuncts that cannot fail
 * (comparisons of columns with constants or columns, and AND/OR of those: {@link SelectionRefiner}) narrow
 * a selection over the input first, by SIMD kernels or loops over the selected rows, without copying (two or more
 * comparisons of integer columns with constants over an input without a selection are ANDed as bitmaps first:
 * {@link SelectionRefiner#selectAll}); then
 * the other conjuncts apply in order, each to the rows the previous ones kept, the batch compacted before
 * each, so a later conjunct never sees a row an earlier one rejected ({@code b <> 0 AND a / b > 1} cannot
 * divide by zero). Running the infallible conjuncts first only removes rows the others would see.
 *
 * <p>When the pipeline lets it (see {@code io.basalt.exec.pipeline.SelectionHandOff}) and only infallible conjuncts
 * are left, the survivors leave as a selection over the input's vectors, not as copies.
 */
public record FilterOperator(PhysicalOperator child, List<PhysicalExpression> conjuncts) implements StreamingOperator {
    public FilterOperator {
        requireNonNull(child, "child is null");
        conjuncts = List.copyOf(conjuncts);
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
        return "Filter " + conjuncts;
    }

    @Override
    public OperatorState openOperator(ExecutionContext context) {
        List<PhysicalExpression> refinable = new ArrayList<>();
        List<PhysicalExpression> evaluated = new ArrayList<>();
        List<PathComparison> paths = new ArrayList<>();
        List<LogicalType> inputTypes = child.outputTypes();
        for (PhysicalExpression conjunct : conjuncts) {
            (SelectionRefiner.handles(conjunct, inputTypes) ? refinable : evaluated).add(conjunct);
            PathComparison path = PathComparison.of(conjunct, inputTypes);
            if (path != null) {
                paths.add(path);
            }
        }
        refinable.sort(java.util.Comparator.comparingInt(SelectionRefiner::costRank));
        List<PhysicalExpression> masked = new ArrayList<>();
        for (PhysicalExpression conjunct : refinable) {
            if (SelectionRefiner.maskable(conjunct)) {
                masked.add(conjunct);
            }
        }
        if (masked.size() < 2) {
            masked.clear(); // one comparison selects in one pass by itself (Kernels.selectLong ...)
        }
        refinable.removeAll(masked);
        return new FilterState(new SelectionRefiner(context.kernels()), masked, refinable, evaluated, paths,
                new EvaluationContext(context.allocator()));
    }

    private static final class FilterState implements OperatorState {
        private final SelectionRefiner refiner;
        /** Comparisons of integer columns with constants ANDed as bitmaps when the input has no selection. */
        private final List<PhysicalExpression> masked;
        private final List<PhysicalExpression> refinable;
        private final List<PhysicalExpression> evaluated;
        /** The evaluated conjuncts that compare a path column with a constant ({@link PathComparison}). */
        private final List<PathComparison> paths;
        /** Per evaluated conjunct: whether the current batch's selection already applied it (a path comparison). */
        private final boolean[] applied;
        /** Per path comparison: its position among the evaluated conjuncts. */
        private final int[] pathAt;
        private final EvaluationContext evaluation;
        private int[] selection = new int[0];
        /** Whether the consumer takes selective batches ({@link #acceptSelections}). */
        private boolean emitsSelections;

        FilterState(SelectionRefiner refiner, List<PhysicalExpression> masked, List<PhysicalExpression> refinable,
                    List<PhysicalExpression> evaluated, List<PathComparison> paths, EvaluationContext evaluation) {
            this.refiner = refiner;
            this.masked = masked;
            this.refinable = refinable;
            this.evaluated = evaluated;
            this.paths = paths;
            this.applied = new boolean[evaluated.size()];
            this.pathAt = new int[paths.size()];
            for (int p = 0; p < pathAt.length; p++) {
                int at = 0;
                while (evaluated.get(at) != paths.get(p).conjunct()) {
                    at++;
                }
                pathAt[p] = at;
            }
            this.evaluation = evaluation;
        }

        /**
         * The conjuncts that cannot fail (comparisons of columns and constants, see {@link SelectionRefiner})
         * narrow one selection over the input first (starting from the input's own selection when it is selective),
         * without copying. When no other conjunct remains and the consumer takes selective batches, the input's
         * vectors leave with that selection; otherwise the batch is compacted once after them, and again after each
         * remaining conjunct, which is evaluated to a boolean vector. A comparison of a path column with a constant
         * joins the selection when the batch's values all come from the shredded sub-column ({@link PathComparison}).
         */
        @Override
        public Batch execute(Batch input) {
            evaluation.releaseBatch();
            int rows = input.rowCount();
            if (rows == 0) {
                return input;
            }
            ensureSelection(input.physicalRowCount());
            int[] given = input.selection();
            int count = rows;
            if (given == null && !masked.isEmpty()) {
                count = refiner.selectAll(masked, input, selection);
            } else if (given == null) {
                for (int i = 0; i < rows; i++) {
                    selection[i] = i;
                }
            } else {
                System.arraycopy(given, 0, selection, 0, rows);
                for (PhysicalExpression conjunct : masked) {
                    count = refiner.refine(conjunct, input, selection, count);
                    if (count == 0) {
                        break;
                    }
                }
            }
            for (PhysicalExpression conjunct : refinable) {
                count = refiner.refine(conjunct, input, selection, count);
                if (count == 0) {
                    break;
                }
            }
            int pending = evaluated.size();
            for (int p = 0; p < pathAt.length; p++) {
                int at = pathAt[p];
                applied[at] = count > 0 && paths.get(p).valuesOnly(input);
                if (applied[at]) {
                    count = refiner.refine(paths.get(p).refinable(), input, selection, count);
                    pending--;
                }
            }
            if (emitsSelections && (pending == 0 || count == 0)) {
                return count == input.physicalRowCount() && given == null ? input
                        : new Batch(input.columns(), count, selection);
            }
            Batch current = VectorGather.gather(input, selection, count, evaluation);
            for (int c = 0; c < evaluated.size(); c++) {
                PhysicalExpression conjunct = evaluated.get(c);
                if (current.rowCount() == 0) {
                    break;
                }
                if (applied[c]) {
                    continue;
                }
                ensureSelection(current.rowCount());
                int selected = select(conjunct, current);
                current = VectorGather.gather(current, selection, selected, evaluation);
            }
            return current;
        }

        /** Takes selective input always; returns selective output when the consumer takes it. */
        @Override
        public boolean acceptSelections(boolean consumerTakesSelections) {
            emitsSelections = consumerTakesSelections;
            return true;
        }

        private void ensureSelection(int rows) {
            if (selection.length < rows) {
                selection = new int[Math.max(rows, selection.length * 2)];
            }
        }

        private int select(PhysicalExpression conjunct, Batch batch) {
            int rows = batch.rowCount();
            BitVector result = (BitVector) conjunct.evaluate(batch, evaluation);
            int count = 0;
            for (int i = 0; i < rows; i++) {
                if (!result.isNull(i) && result.get(i) == 1) {
                    selection[count++] = i;
                }
            }
            return count;
        }

        @Override
        public void close() {
            evaluation.close();
        }
    }
}
