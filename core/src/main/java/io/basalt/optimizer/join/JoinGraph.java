package io.basalt.optimizer.join;

import io.basalt.optimizer.CardinalityEstimate;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ColumnReferences;
import io.basalt.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * A tree of inner joins flattened into a graph for the enumerator: its inputs (the relations, in the order
 * the tree had them), the conditions of all its joins renumbered over the concatenation of the inputs'
 * columns, which inputs each condition reads (as a bit mask: the enumerator handles up to 63 inputs), and
 * the estimates the cost model needs: each input's rows and each condition's selectivity.
 */
public final class JoinGraph {
    private final List<LogicalPlan> inputs = new ArrayList<>();
    private final List<Integer> offsets = new ArrayList<>();
    private final List<BoundExpression> conjuncts = new ArrayList<>();
    private int width;
    private long[] conjunctInputs;
    private double[] selectivities;
    private double[] inputRows;

    private JoinGraph() {
    }

    /** The graph of the inner joins at the top of {@code top}; an input of any other kind is a relation. */
    public static JoinGraph of(LogicalPlan.Join top) {
        JoinGraph graph = new JoinGraph();
        graph.flatten(top);
        graph.analyse();
        return graph;
    }

    /** Whether {@code plan} is a join that {@link #of} flattens. */
    public static boolean flattens(LogicalPlan plan) {
        return plan instanceof LogicalPlan.Join join && join.type() == LogicalPlan.JoinType.INNER;
    }

    private void flatten(LogicalPlan plan) {
        if (plan instanceof LogicalPlan.Join join && flattens(join)) {
            int offset = width;
            flatten(join.left());
            flatten(join.right());
            int[] shift = new int[width];
            for (int i = 0; i < shift.length; i++) {
                shift[i] = i < width - offset ? offset + i : -1;
            }
            conjuncts.addAll(ColumnReferences.renumberAll(join.conjuncts(), shift));
            return;
        }
        inputs.add(plan);
        offsets.add(width);
        width += plan.outputTypes().size();
    }

    private void analyse() {
        inputRows = new double[inputs.size()];
        for (int i = 0; i < inputRows.length; i++) {
            inputRows[i] = Math.max(1, CardinalityEstimate.estimate(inputs.get(i)));
        }
        conjunctInputs = new long[conjuncts.size()];
        selectivities = new double[conjuncts.size()];
        for (int k = 0; k < conjuncts.size(); k++) {
            BoundExpression conjunct = conjuncts.get(k);
            long mask = inputsOf(conjunct);
            conjunctInputs[k] = mask;
            selectivities[k] = selectivity(conjunct, mask);
        }
    }

    /**
     * An equality of two inputs' columns: by their distinct counts (see CardinalityEstimate); a condition
     * over one input as that input's filter would be; an AND or OR over several inputs from its operands, as
     * if they were independent (the product, and {@code a + b - a * b}); anything else a default fraction.
     * TPC-H Q7's pair of nations {@code (n1 = 'FRANCE' AND n2 = 'GERMANY') OR (n1 = 'GERMANY' AND n2 =
     * 'FRANCE')} keeps half of the four pairs the nations' own filters leave, and Q16's {@code NOT IN} check
     * {@code count(*) = 0 OR (ps_suppkey IS NOT NULL AND count(s_suppkey) = count(*))} against a one-row count
     * keeps every row: taken as a third, it made the check look worth doing before the join with part.
     */
    private double selectivity(BoundExpression conjunct, long mask) {
        if (Long.bitCount(mask) > 1 && conjunct instanceof BoundExpression.Logical logical) {
            double combined = logical.isAnd() ? 1 : 0;
            for (BoundExpression operand : logical.operands()) {
                double part = selectivity(operand, inputsOf(operand));
                combined = logical.isAnd() ? combined * part : combined + part - combined * part;
            }
            return combined;
        }
        if (conjunct instanceof BoundExpression.Constant constant) {
            return Boolean.FALSE.equals(constant.value()) || constant.value() == null ? 0 : 1;
        }
        if (Long.bitCount(mask) == 2 && conjunct instanceof BoundExpression.Comparison comparison
                && comparison.operator() == io.basalt.exec.kernel.CompareOp.EQ
                && comparison.left() instanceof BoundExpression.ColumnRef a
                && comparison.right() instanceof BoundExpression.ColumnRef b) {
            return CardinalityEstimate.equalitySelectivity(column(a.index()), column(b.index()));
        }
        if (Long.bitCount(mask) == 1) {
            int input = Long.numberOfTrailingZeros(mask);
            LogicalPlan.Filter alone = new LogicalPlan.Filter(inputs.get(input),
                    List.of(ColumnReferences.renumber(conjunct, localMapping(input))));
            return Math.min(1, CardinalityEstimate.estimate(alone) / inputRows[input]);
        }
        boolean equality = conjunct instanceof BoundExpression.Comparison comparison
                && comparison.operator() == io.basalt.exec.kernel.CompareOp.EQ;
        return equality ? 0.005 : 1.0 / 3;
    }

    /** The inputs whose columns {@code expression} reads, as a bit mask. */
    private long inputsOf(BoundExpression expression) {
        java.util.BitSet columns = new java.util.BitSet();
        ColumnReferences.collect(expression, columns);
        long mask = 0;
        for (int column = columns.nextSetBit(0); column >= 0; column = columns.nextSetBit(column + 1)) {
            mask |= 1L << inputOf(column);
        }
        return mask;
    }

    private CardinalityEstimate.ColumnEstimate column(int regionColumn) {
        int input = inputOf(regionColumn);
        return CardinalityEstimate.column(inputs.get(input), regionColumn - offsets.get(input));
    }

    private int[] localMapping(int input) {
        int[] mapping = new int[width];
        for (int i = 0; i < width; i++) {
            mapping[i] = i - offsets.get(input);
        }
        return mapping;
    }

    /** The input whose columns include region column {@code column}. */
    public int inputOf(int column) {
        int input = offsets.size() - 1;
        while (offsets.get(input) > column) {
            input--;
        }
        return input;
    }

    public int size() {
        return inputs.size();
    }

    public LogicalPlan input(int index) {
        return inputs.get(index);
    }

    public int offset(int index) {
        return offsets.get(index);
    }

    /** The number of columns over all inputs. */
    public int width() {
        return width;
    }

    public List<BoundExpression> conjuncts() {
        return conjuncts;
    }

    /** The inputs conjunct {@code k} reads, as a bit mask. */
    public long conjunctInputs(int k) {
        return conjunctInputs[k];
    }

    public double selectivity(int k) {
        return selectivities[k];
    }

    public double inputRows(int index) {
        return inputRows[index];
    }

    /** Whether some condition reads inputs of both sets and nothing outside them: joining them is no cross product. */
    public boolean connected(long left, long right) {
        long both = left | right;
        for (long mask : conjunctInputs) {
            if ((mask & left) != 0 && (mask & right) != 0 && (mask & ~both) == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The estimated rows of the join of the inputs in {@code set}: their product times the selectivity of
     * every condition that reads only inputs of the set.
     */
    public double rows(long set) {
        double rows = 1;
        for (long rest = set; rest != 0; rest &= rest - 1) {
            rows *= inputRows[Long.numberOfTrailingZeros(rest)];
        }
        boolean[] counted = new boolean[conjunctInputs.length];
        for (int k = 0; k < conjunctInputs.length; k++) {
            long mask = conjunctInputs[k];
            if (counted[k] || mask == 0 || (mask & ~set) != 0 || Long.bitCount(mask) < 2) {
                continue;
            }
            // the conditions between the same inputs together (a key of several columns)
            double selectivity = 1;
            int count = 0;
            for (int other = k; other < conjunctInputs.length; other++) {
                if (conjunctInputs[other] == mask) {
                    selectivity *= selectivities[other];
                    counted[other] = true;
                    count++;
                }
            }
            rows *= count > 1 && Long.bitCount(mask) == 2 ? Math.max(selectivity, keyFloor(mask)) : selectivity;
        }
        return Math.max(1, rows);
    }

    /**
     * The least fraction several conditions between the same two inputs keep: each row of the larger input
     * meets one row of the smaller, as a foreign key of several columns meets its key. The columns of such a
     * key are not independent (each line item's part and supplier name one row of partsupp), so multiplying
     * their selectivities would promise far fewer rows than the join yields.
     */
    private double keyFloor(long pair) {
        int a = Long.numberOfTrailingZeros(pair);
        int b = 63 - Long.numberOfLeadingZeros(pair);
        return 1 / Math.min(inputRows[a], inputRows[b]);
    }
}
