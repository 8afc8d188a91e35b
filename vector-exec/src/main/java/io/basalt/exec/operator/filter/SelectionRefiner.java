package io.basalt.exec.operator.filter;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.expression.ColumnExpression;
import io.basalt.exec.expression.ComparisonExpression;
import io.basalt.exec.expression.ConstantExpression;
import io.basalt.exec.expression.LogicalExpression;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.kernel.ArrowSegments;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.kernel.ComparisonOutcomes;
import io.basalt.exec.kernel.Kernels;
import io.basalt.type.LogicalType;
import io.basalt.type.PhysicalType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Narrows a selection of rows (ascending indices into one batch) by a filter conjunct without building
 * vectors: comparisons of a column with a constant or with another column (64/32-bit integers, dates,
 * scaled NUMERICs, doubles, strings), and AND / OR trees of those. A filter keeps a row only when the
 * conjunct is true, so AND is sequential narrowing and OR the union of its operands' selections; NULL
 * operands never qualify, exactly as {@link ComparisonExpression} answers NULL for them. None of these
 * conjuncts can raise an error, which is why a filter may apply them before its other conjuncts.
 *
 * <p>When the selection still holds every row of the batch the comparison runs as a {@link Kernels}
 * selection kernel; otherwise a scalar loop visits only the selected rows.
 */
final class SelectionRefiner {
    private final Kernels kernels;
    /** Scratch for OR: per-row membership of the union, indexed by batch row. */
    private boolean[] union = new boolean[0];
    /** Scratch for {@link #selectAll}: one bit per batch row. */
    private long[] mask = new long[0];
    /** Scratch selections, one per OR nesting level in use. */
    private int[][] scratch = new int[4][];

    SelectionRefiner(Kernels kernels) {
        this.kernels = kernels;
    }

    /** Whether {@link #refine} handles {@code conjunct} over input columns of {@code inputTypes}. */
    static boolean handles(PhysicalExpression conjunct, List<LogicalType> inputTypes) {
        return switch (conjunct) {
            case ComparisonExpression(CompareOp op, PhysicalExpression left, PhysicalExpression right) -> {
                if (left instanceof ColumnExpression column && right instanceof ConstantExpression constant) {
                    yield !constant.isNull() && supported(inputTypes.get(column.index()))
                            && constantFits(inputTypes.get(column.index()), constant.value());
                }
                if (right instanceof ColumnExpression column && left instanceof ConstantExpression constant) {
                    yield !constant.isNull() && supported(inputTypes.get(column.index()))
                            && constantFits(inputTypes.get(column.index()), constant.value());
                }
                if (left instanceof ColumnExpression a && right instanceof ColumnExpression b) {
                    LogicalType x = inputTypes.get(a.index());
                    LogicalType y = inputTypes.get(b.index());
                    yield supported(x) && x.physical() == y.physical() && x.id() == y.id();
                }
                yield false;
            }
            case LogicalExpression logical -> {
                for (PhysicalExpression operand : logical.operands()) {
                    if (!handles(operand, inputTypes)) {
                        yield false;
                    }
                }
                yield true;
            }
            default -> false;
        };
    }

    /**
     * A rough cost rank for ordering refinable conjuncts (cheapest first, so that the expensive ones see
     * fewer rows): numeric comparison with a constant 0, of two numeric columns 1, string comparison 2,
     * AND / OR trees 3. Any order gives the same rows.
     */
    static int costRank(PhysicalExpression conjunct) {
        if (conjunct instanceof ComparisonExpression comparison) {
            boolean string = comparison.left().type().physical() == PhysicalType.STRING;
            boolean constant = comparison.left() instanceof ConstantExpression
                    || comparison.right() instanceof ConstantExpression;
            return string ? 2 : constant ? 0 : 1;
        }
        return 3;
    }

    private static boolean supported(LogicalType type) {
        return switch (type.physical()) {
            case INT64, INT32, FLOAT64, STRING -> !type.isArray();
            default -> false;
        };
    }

    private static boolean constantFits(LogicalType type, Object value) {
        return switch (type.physical()) {
            case INT64 -> value instanceof Long;
            case INT32 -> value instanceof Long v && v == (int) (long) v;
            case FLOAT64 -> value instanceof Double;
            case STRING -> value instanceof String;
            default -> false;
        };
    }

    /**
     * Whether {@link #andMask} takes {@code conjunct} (one that {@link #handles} accepts): a comparison of a 64- or
     * 32-bit integer column (BIGINT, INTEGER, DATE, scaled NUMERIC...) with a constant.
     */
    static boolean maskable(PhysicalExpression conjunct) {
        if (!(conjunct instanceof ComparisonExpression(CompareOp op, PhysicalExpression left, PhysicalExpression right))) {
            return false;
        }
        PhysicalExpression column = left instanceof ConstantExpression ? right : left;
        PhysicalExpression constant = left instanceof ConstantExpression ? left : right;
        if (!(column instanceof ColumnExpression) || !(constant instanceof ConstantExpression)) {
            return false;
        }
        PhysicalType physical = column.type().physical();
        return physical == PhysicalType.INT64 || physical == PhysicalType.INT32;
    }

    /**
     * Selects the rows of {@code batch} (all of its vectors' rows: a batch without a selection) that satisfy every
     * conjunct of {@code conjuncts}, all {@link #maskable}: each comparison ANDs one bitmap over the batch by a
     * SIMD pass ({@link Kernels#andMaskLong}), and the rows left set are listed once into {@code selection}
     * (room for the batch's rows); returns how many. For two or more comparisons this beats narrowing a selection
     * one conjunct at a time, which visits the surviving rows one by one after the first.
     */
    int selectAll(List<PhysicalExpression> conjuncts, Batch batch, int[] selection) {
        int rows = batch.physicalRowCount();
        int words = (rows + 63) >>> 6;
        if (mask.length < words) {
            mask = new long[Math.max(words, mask.length * 2)];
        }
        java.util.Arrays.fill(mask, 0, words, -1L);
        for (PhysicalExpression conjunct : conjuncts) {
            ComparisonExpression comparison = (ComparisonExpression) conjunct;
            boolean constantLeft = comparison.left() instanceof ConstantExpression;
            ColumnExpression column = (ColumnExpression) (constantLeft ? comparison.right() : comparison.left());
            Object constant = ((ConstantExpression) (constantLeft ? comparison.left() : comparison.right())).value();
            CompareOp op = constantLeft ? comparison.operator().flip() : comparison.operator();
            FieldVector vector = batch.column(column.index());
            MemorySegment values = ArrowSegments.values(vector);
            MemorySegment validity = ArrowSegments.validityUncounted(vector, rows);
            if (column.type().physical() == PhysicalType.INT64) {
                kernels.andMaskLong(values, validity, rows, op, (Long) constant, mask);
            } else {
                kernels.andMaskInt(values, validity, rows, op, (int) (long) (Long) constant, mask);
            }
        }
        int n = 0;
        for (int word = 0; word < words; word++) {
            long bits = mask[word];
            if (word == words - 1 && (rows & 63) != 0) {
                bits &= (1L << rows) - 1;
            }
            int base = word << 6;
            while (bits != 0) {
                selection[n++] = base + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
            }
        }
        return n;
    }

    /**
     * Keeps in {@code selection[0..count)} the rows of {@code batch} for which {@code conjunct} (one that
     * {@link #handles} accepts) is true, in order; returns how many remain. {@code selection} must have room
     * for the batch's vectors' row count ({@link Batch#physicalRowCount()}): positions index the vectors.
     */
    int refine(PhysicalExpression conjunct, Batch batch, int[] selection, int count) {
        return refine(conjunct, batch, selection, count, 0);
    }

    private int refine(PhysicalExpression conjunct, Batch batch, int[] selection, int count, int depth) {
        if (count == 0) {
            return 0;
        }
        return switch (conjunct) {
            case ComparisonExpression comparison -> compare(comparison, batch, selection, count);
            case LogicalExpression logical when logical.isAnd() -> {
                int remaining = count;
                for (PhysicalExpression operand : logical.operands()) {
                    remaining = refine(operand, batch, selection, remaining, depth);
                }
                yield remaining;
            }
            case LogicalExpression logical -> union(logical, batch, selection, count, depth);
            default -> throw new IllegalStateException("not a refinable conjunct: " + conjunct);
        };
    }

    /** OR: each operand narrows a copy of the selection; a row stays when any operand kept it. */
    private int union(LogicalExpression or, Batch batch, int[] selection, int count, int depth) {
        int rows = batch.physicalRowCount();
        if (union.length < rows) {
            union = new boolean[Math.max(rows, union.length * 2)];
        }
        if (depth >= scratch.length) {
            scratch = java.util.Arrays.copyOf(scratch, depth * 2);
        }
        if (scratch[depth] == null || scratch[depth].length < rows) {
            scratch[depth] = new int[Math.max(rows, 1024)];
        }
        int[] copy = scratch[depth];
        boolean[] member = depth == 0 ? union : new boolean[rows];
        for (PhysicalExpression operand : or.operands()) {
            System.arraycopy(selection, 0, copy, 0, count);
            int kept = refine(operand, batch, copy, count, depth + 1);
            for (int k = 0; k < kept; k++) {
                member[copy[k]] = true;
            }
        }
        int n = 0;
        for (int k = 0; k < count; k++) {
            int row = selection[k];
            if (member[row]) {
                selection[n++] = row;
                member[row] = false;
            }
        }
        return n;
    }

    private int compare(ComparisonExpression comparison, Batch batch, int[] selection, int count) {
        CompareOp op = comparison.operator();
        PhysicalExpression left = comparison.left();
        PhysicalExpression right = comparison.right();
        if (left instanceof ColumnExpression column && right instanceof ConstantExpression constant) {
            return columnConstant(batch.column(column.index()), column.type(), op, constant.value(),
                    batch.physicalRowCount(), selection, count);
        }
        if (right instanceof ColumnExpression column && left instanceof ConstantExpression constant) {
            return columnConstant(batch.column(column.index()), column.type(), op.flip(), constant.value(),
                    batch.physicalRowCount(), selection, count);
        }
        ColumnExpression a = (ColumnExpression) left;
        ColumnExpression b = (ColumnExpression) right;
        return columnColumn(batch.column(a.index()), batch.column(b.index()), a.type(), op, batch.physicalRowCount(),
                selection, count);
    }

    private int columnConstant(FieldVector column, LogicalType type, CompareOp op, Object constant, int rows,
                               int[] selection, int count) {
        int accepted = ComparisonOutcomes.accepted(op);
        PhysicalType physical = type.physical();
        if (physical == PhysicalType.STRING) {
            return SelectionStrings.refine(column, accepted, ((String) constant).getBytes(StandardCharsets.UTF_8),
                    selection, count);
        }
        MemorySegment values = ArrowSegments.values(column);
        MemorySegment validity = ArrowSegments.validity(column);
        boolean full = count == rows;
        int n = 0;
        switch (physical) {
            case INT64 -> {
                long c = (Long) constant;
                if (full) {
                    return kernels.selectLong(values, validity, rows, op, c, selection);
                }
                for (int k = 0; k < count; k++) {
                    int row = selection[k];
                    selection[n] = row;
                    n += (accepted >>> ComparisonOutcomes.of(values.getAtIndex(ArrowSegments.LONG, row), c))
                            & valid(validity, row);
                }
            }
            case INT32 -> {
                int c = (int) (long) (Long) constant;
                if (full) {
                    return kernels.selectInt(values, validity, rows, op, c, selection);
                }
                for (int k = 0; k < count; k++) {
                    int row = selection[k];
                    selection[n] = row;
                    n += (accepted >>> ComparisonOutcomes.of(values.getAtIndex(ArrowSegments.INT, row), c))
                            & valid(validity, row);
                }
            }
            case FLOAT64 -> {
                double c = (Double) constant;
                if (full) {
                    return kernels.selectDouble(values, validity, rows, op, c, selection);
                }
                for (int k = 0; k < count; k++) {
                    int row = selection[k];
                    selection[n] = row;
                    n += (accepted >>> ComparisonOutcomes.of(values.getAtIndex(ArrowSegments.DOUBLE, row), c))
                            & valid(validity, row);
                }
            }
            default -> throw new IllegalStateException("no refinement on " + type);
        }
        return n;
    }

    private int columnColumn(FieldVector leftColumn, FieldVector rightColumn, LogicalType type, CompareOp op, int rows,
                             int[] selection, int count) {
        int accepted = ComparisonOutcomes.accepted(op);
        PhysicalType physical = type.physical();
        if (physical == PhysicalType.STRING) {
            return SelectionStrings.refinePairs(leftColumn, rightColumn, accepted, selection, count);
        }
        MemorySegment left = ArrowSegments.values(leftColumn);
        MemorySegment leftValidity = ArrowSegments.validity(leftColumn);
        MemorySegment right = ArrowSegments.values(rightColumn);
        MemorySegment rightValidity = ArrowSegments.validity(rightColumn);
        boolean full = count == rows;
        int n = 0;
        switch (physical) {
            case INT64 -> {
                if (full) {
                    return kernels.selectLongPairs(left, leftValidity, right, rightValidity, rows, op, selection);
                }
                for (int k = 0; k < count; k++) {
                    int row = selection[k];
                    selection[n] = row;
                    n += (accepted >>> ComparisonOutcomes.of(left.getAtIndex(ArrowSegments.LONG, row),
                            right.getAtIndex(ArrowSegments.LONG, row))) & valid(leftValidity, row) & valid(rightValidity, row);
                }
            }
            case INT32 -> {
                if (full) {
                    return kernels.selectIntPairs(left, leftValidity, right, rightValidity, rows, op, selection);
                }
                for (int k = 0; k < count; k++) {
                    int row = selection[k];
                    selection[n] = row;
                    n += (accepted >>> ComparisonOutcomes.of(left.getAtIndex(ArrowSegments.INT, row),
                            right.getAtIndex(ArrowSegments.INT, row))) & valid(leftValidity, row) & valid(rightValidity, row);
                }
            }
            case FLOAT64 -> {
                if (full) {
                    return kernels.selectDoublePairs(left, leftValidity, right, rightValidity, rows, op, selection);
                }
                for (int k = 0; k < count; k++) {
                    int row = selection[k];
                    selection[n] = row;
                    n += (accepted >>> ComparisonOutcomes.of(left.getAtIndex(ArrowSegments.DOUBLE, row),
                            right.getAtIndex(ArrowSegments.DOUBLE, row))) & valid(leftValidity, row) & valid(rightValidity, row);
                }
            }
            default -> throw new IllegalStateException("no refinement on " + type);
        }
        return n;
    }

    static int valid(MemorySegment validity, int row) {
        return validity == null ? 1 : (validity.get(ValueLayout.JAVA_BYTE, row >>> 3) >>> (row & 7)) & 1;
    }
}
