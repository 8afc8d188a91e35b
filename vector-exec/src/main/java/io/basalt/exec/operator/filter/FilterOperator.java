package io.basalt.exec.operator.filter;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.expression.ColumnExpression;
import io.basalt.exec.expression.ComparisonExpression;
import io.basalt.exec.expression.ConstantExpression;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.operator.BoundsDecided;
import io.basalt.exec.operator.OperatorState;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.StreamingOperator;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.VectorGather;
import io.basalt.type.LogicalType;
import io.basalt.type.PhysicalType;
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
                new EvaluationContext(context.allocator()), ZoneBounds.of(conjuncts));
    }

    /**
     * The filter's conjuncts when every one compares an integer-like (INT32/INT64: SMALLINT, INTEGER, BIGINT, DATE,
     * scaled NUMERIC) or double column with a non-NULL constant: a piece's bounds may then decide the whole filter
     * ({@link BoundsDecided}). {@code columns[i]}, {@code operators[i]} (constant on the right) and
     * {@code constants[i]} (a long, or a double's raw bits) describe conjunct {@code i}; {@code doubles[i]}: a double
     * column.
     */
    private record ZoneBounds(int[] columns, CompareOp[] operators, long[] constants, boolean[] doubles,
                              int[] distinct) {
        /** The conjuncts' form, or null when one is of another kind. */
        static ZoneBounds of(List<PhysicalExpression> conjuncts) {
            int n = conjuncts.size();
            int[] columns = new int[n];
            CompareOp[] operators = new CompareOp[n];
            long[] constants = new long[n];
            boolean[] doubles = new boolean[n];
            for (int i = 0; i < n; i++) {
                if (!(conjuncts.get(i) instanceof ComparisonExpression(CompareOp op, PhysicalExpression left,
                        PhysicalExpression right))) {
                    return null;
                }
                boolean constantLeft = left instanceof ConstantExpression;
                if (!((constantLeft ? right : left) instanceof ColumnExpression column)
                        || !((constantLeft ? left : right) instanceof ConstantExpression constant)
                        || constant.isNull() || column.type().isArray()) {
                    return null;
                }
                PhysicalType physical = column.type().physical();
                if ((physical == PhysicalType.INT64 || physical == PhysicalType.INT32)
                        && constant.value() instanceof Long value) {
                    constants[i] = value;
                } else if (physical == PhysicalType.FLOAT64 && column.type().id() == io.basalt.type.TypeId.DOUBLE
                        && constant.value() instanceof Double value) {
                    constants[i] = Double.doubleToRawLongBits(value);
                    doubles[i] = true;
                } else {
                    return null;
                }
                columns[i] = column.index();
                operators[i] = constantLeft ? op.flip() : op;
            }
            int[] distinct = java.util.Arrays.stream(columns).distinct().toArray();
            return n == 0 ? null : new ZoneBounds(columns, operators, constants, doubles, distinct);
        }

        /** See {@link BoundsDecided#decide}; {@code at} follows {@link #distinct}. */
        int decide(long rows, long[] valid, long[] bounds, int[] at) {
            boolean all = true;
            for (int i = 0; i < columns.length; i++) {
                int c = 0;
                while (distinct[c] != columns[i]) {
                    c++;
                }
                int slot = at[c];
                if (valid[slot] == 0) {
                    return BoundsDecided.NONE; // every row NULL: the comparison is never true
                }
                int low = order(bounds[2 * slot], constants[i], doubles[i]);
                int high = order(bounds[2 * slot + 1], constants[i], doubles[i]);
                // low/high: how the piece's smallest/largest value compares with the constant
                boolean every;
                boolean none;
                switch (operators[i]) {
                    case EQ -> {
                        every = low == 0 && high == 0;
                        none = low > 0 || high < 0;
                    }
                    case NE -> {
                        every = low > 0 || high < 0;
                        none = low == 0 && high == 0;
                    }
                    case LT -> {
                        every = high < 0;
                        none = low >= 0;
                    }
                    case LE -> {
                        every = high <= 0;
                        none = low > 0;
                    }
                    case GT -> {
                        every = low > 0;
                        none = high <= 0;
                    }
                    default -> { // GE
                        every = low >= 0;
                        none = high < 0;
                    }
                }
                if (none) {
                    return BoundsDecided.NONE;
                }
                all &= every && valid[slot] == rows;
            }
            return all ? BoundsDecided.ALL : BoundsDecided.SOME;
        }

        private static int order(long bound, long constant, boolean isDouble) {
            return isDouble ? io.basalt.exec.vector.ValueComparison.compareDoubles(Double.longBitsToDouble(bound),
                    Double.longBitsToDouble(constant)) : Long.compare(bound, constant);
        }
    }

    private static final class FilterState implements OperatorState, BoundsDecided {
        private final SelectionRefiner refiner;
        /**
         * Comparisons of integer columns with constants ANDed as bitmaps when the input has no selection. The conjunct
         * lists are kept as arrays: read per batch through a List, each element came out through a {@code checkcast}
         * whose compiled code expected the classes of the first query's conjuncts and trapped at every new one.
         */
        private final List<PhysicalExpression> masked;
        private final PhysicalExpression[] maskedConjuncts;
        private final PhysicalExpression[] refinable;
        private final PhysicalExpression[] evaluated;
        /** The evaluated conjuncts that compare a path column with a constant ({@link PathComparison}). */
        private final PathComparison[] paths;
        /** Per evaluated conjunct: whether the current batch's selection already applied it (a path comparison). */
        private final boolean[] applied;
        /** Per path comparison: its position among the evaluated conjuncts. */
        private final int[] pathAt;
        private final EvaluationContext evaluation;
        private int[] selection = new int[0];
        /** The conjuncts as bounds may decide them, or null. */
        private final ZoneBounds zoneBounds;

        @Override
        public int[] decidingColumns() {
            return zoneBounds == null ? null : zoneBounds.distinct();
        }

        @Override
        public int decide(long rows, long[] valid, long[] bounds, int[] at) {
            return zoneBounds.decide(rows, valid, bounds, at);
        }

        @Override
        public Comparisons comparisons() {
            return zoneBounds == null ? null : new Comparisons(zoneBounds.columns(), zoneBounds.operators(),
                    zoneBounds.constants(), zoneBounds.doubles());
        }
        /** Whether the consumer takes selective batches ({@link #acceptSelections}). */
        private boolean emitsSelections;

        FilterState(SelectionRefiner refiner, List<PhysicalExpression> masked, List<PhysicalExpression> refinable,
                    List<PhysicalExpression> evaluated, List<PathComparison> paths, EvaluationContext evaluation,
                    ZoneBounds zoneBounds) {
            this.zoneBounds = zoneBounds;
            this.refiner = refiner;
            this.masked = masked;
            this.maskedConjuncts = masked.toArray(PhysicalExpression[]::new);
            this.refinable = refinable.toArray(PhysicalExpression[]::new);
            this.evaluated = evaluated.toArray(PhysicalExpression[]::new);
            this.paths = paths.toArray(PathComparison[]::new);
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
            if (given == null && maskedConjuncts.length > 0) {
                count = refiner.selectAll(masked, input, selection);
            } else if (given == null) {
                for (int i = 0; i < rows; i++) {
                    selection[i] = i;
                }
            } else {
                System.arraycopy(given, 0, selection, 0, rows);
                for (PhysicalExpression conjunct : maskedConjuncts) {
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
            int pending = evaluated.length;
            for (int p = 0; p < pathAt.length; p++) {
                int at = pathAt[p];
                applied[at] = count > 0 && paths[p].valuesOnly(input);
                if (applied[at]) {
                    count = refiner.refine(paths[p].refinable(), input, selection, count);
                    pending--;
                }
            }
            if (emitsSelections && (pending == 0 || count == 0)) {
                return count == input.physicalRowCount() && given == null ? input
                        : new Batch(input.columns(), count, selection);
            }
            Batch current = VectorGather.gather(input, selection, count, evaluation);
            for (int c = 0; c < evaluated.length; c++) {
                PhysicalExpression conjunct = evaluated[c];
                if (current.rowCount() == 0) {
                    break;
                }
                if (applied[c]) {
                    continue;
                }
                ensureSelection(current.rowCount());
                int selected = select(conjunct, current);
                if (emitsSelections && --pending == 0) {
                    // the last conjunct: its survivors leave as a selection over the compacted batch instead of
                    // being copied once more (a second vector per column for a few rows of each batch)
                    return selected == current.rowCount() ? current : new Batch(current.columns(), selected, selection);
                }
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
