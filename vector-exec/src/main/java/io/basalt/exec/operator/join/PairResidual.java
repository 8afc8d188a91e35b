package io.basalt.exec.operator.join;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.expression.ColumnExpression;
import io.basalt.exec.expression.ComparisonExpression;
import io.basalt.exec.expression.LogicalExpression;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.kernel.ArrowSegments;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.kernel.ComparisonOutcomes;
import io.basalt.type.LogicalType;
import io.basalt.type.PhysicalType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * A join's residual condition tested on candidate pairs in place, without gathering the pairs into a
 * batch: an AND of comparisons between two columns (probe or build side) of the same 64-bit, 32-bit or
 * double type, such as TPC-H Q21's {@code l2.l_suppkey <> l1.l_suppkey}. The condition's column indices
 * count the probe columns first, then the build columns, as the gathered pair batch would. A pair stays when
 * every comparison is true (NULL never qualifies), which is what the general path keeps.
 */
final class PairResidual {
    private final int probeColumns;
    private final int[] leftColumns;
    private final int[] rightColumns;
    private final int[] accepted;
    private final PhysicalType[] physical;

    private PairResidual(int probeColumns, List<ComparisonExpression> comparisons) {
        this.probeColumns = probeColumns;
        int n = comparisons.size();
        leftColumns = new int[n];
        rightColumns = new int[n];
        accepted = new int[n];
        physical = new PhysicalType[n];
        for (int i = 0; i < n; i++) {
            ComparisonExpression comparison = comparisons.get(i);
            ColumnExpression left = (ColumnExpression) comparison.left();
            leftColumns[i] = left.index();
            rightColumns[i] = ((ColumnExpression) comparison.right()).index();
            accepted[i] = ComparisonOutcomes.accepted(comparison.operator());
            physical[i] = left.type().physical();
        }
    }

    /** The in-place form of {@code residual}, or null when it has another shape. */
    static PairResidual of(PhysicalExpression residual, int probeColumns) {
        List<ComparisonExpression> comparisons = new java.util.ArrayList<>();
        if (!collect(residual, comparisons)) {
            return null;
        }
        return new PairResidual(probeColumns, comparisons);
    }

    private static boolean collect(PhysicalExpression expression, List<ComparisonExpression> into) {
        switch (expression) {
            case LogicalExpression logical when logical.isAnd() -> {
                for (PhysicalExpression operand : logical.operands()) {
                    if (!collect(operand, into)) {
                        return false;
                    }
                }
                return true;
            }
            case ComparisonExpression(CompareOp op, PhysicalExpression left, PhysicalExpression right) -> {
                if (!(left instanceof ColumnExpression a) || !(right instanceof ColumnExpression b)) {
                    return false;
                }
                LogicalType x = a.type();
                LogicalType y = b.type();
                boolean numeric = switch (x.physical()) {
                    case INT64, INT32, FLOAT64 -> true;
                    default -> false;
                };
                if (!numeric || x.isArray() || x.id() != y.id() || x.physical() != y.physical()) {
                    return false;
                }
                into.add((ComparisonExpression) expression);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * Keeps the pairs {@code [0, count)} of the selections that satisfy the condition, compacting both
     * selections in place; returns how many remain.
     */
    int keep(Batch probe, BuildRows build, int[] probeSelection, int[] buildSelection, int count) {
        for (int i = 0; i < leftColumns.length && count > 0; i++) {
            count = keepOne(i, probe, build, probeSelection, buildSelection, count);
        }
        return count;
    }

    private int keepOne(int i, Batch probe, BuildRows build, int[] probeSelection, int[] buildSelection, int count) {
        boolean leftProbe = leftColumns[i] < probeColumns;
        boolean rightProbe = rightColumns[i] < probeColumns;
        MemorySegment left = values(probe, build, leftColumns[i]);
        MemorySegment right = values(probe, build, rightColumns[i]);
        MemorySegment leftValidity = validity(probe, build, leftColumns[i]);
        MemorySegment rightValidity = validity(probe, build, rightColumns[i]);
        int mask = accepted[i];
        PhysicalType type = physical[i];
        int n = 0;
        for (int k = 0; k < count; k++) {
            int p = probeSelection[k];
            int b = buildSelection[k];
            int leftRow = leftProbe ? p : b;
            int rightRow = rightProbe ? p : b;
            int outcome = switch (type) {
                case INT64 -> ComparisonOutcomes.of(left.getAtIndex(ArrowSegments.LONG, leftRow),
                        right.getAtIndex(ArrowSegments.LONG, rightRow));
                case INT32 -> ComparisonOutcomes.of(left.getAtIndex(ArrowSegments.INT, leftRow),
                        right.getAtIndex(ArrowSegments.INT, rightRow));
                default -> ComparisonOutcomes.of(left.getAtIndex(ArrowSegments.DOUBLE, leftRow),
                        right.getAtIndex(ArrowSegments.DOUBLE, rightRow));
            };
            probeSelection[n] = p;
            buildSelection[n] = b;
            n += (mask >>> outcome) & valid(leftValidity, leftRow) & valid(rightValidity, rightRow);
        }
        return n;
    }

    private MemorySegment values(Batch probe, BuildRows build, int column) {
        FieldVector vector = column < probeColumns ? probe.column(column) : build.column(column - probeColumns);
        return ArrowSegments.values(vector);
    }

    /** The validity bitmap, or null without NULLs (for a build column as noted at finish, never rescanned). */
    private MemorySegment validity(Batch probe, BuildRows build, int column) {
        if (column < probeColumns) {
            return ArrowSegments.validity(probe.column(column));
        }
        int buildColumn = column - probeColumns;
        return build.hasNulls(buildColumn) ? ArrowSegments.of(build.column(buildColumn).getValidityBuffer()) : null;
    }

    private static int valid(MemorySegment validity, int row) {
        return validity == null ? 1 : (validity.get(ValueLayout.JAVA_BYTE, row >>> 3) >>> (row & 7)) & 1;
    }
}
