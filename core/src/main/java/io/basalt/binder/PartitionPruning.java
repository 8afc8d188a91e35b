package io.basalt.binder;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.TableHierarchy;
import io.basalt.catalog.TableHierarchy.PartitionValues;
import io.basalt.error.BasaltException;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.VolatileCalls;
import io.basalt.planner.ConstantEvaluator;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.PartitionBound;
import java.util.List;

/**
 * Partition pruning when a statement is bound, which is each time it runs (EXECUTE of a prepared statement binds it
 * with the parameters' values): a partition is left out of a scan of its partitioned ancestor when a WHERE
 * conjunct comparing a partition key column with a constant, a parameter or a stable expression such as
 * {@code current_date - 7} ({@code =, <, <=, >, >=}, or {@code IS NULL}) cannot hold for any row its bound admits. Range bounds are judged on the key's first column, list bounds on their
 * values; DEFAULT and hash partitions, and keys that are expressions, are always kept. The rows are the same
 * with or without pruning: only partitions that cannot hold a matching row are skipped.
 */
final class PartitionPruning {
    private PartitionPruning() {
    }

    /**
     * Whether the partition {@code link} of a table with {@code key} may hold rows satisfying every one of
     * {@code conjuncts}, which read the columns of {@code root} (the table the query names).
     */
    static boolean mayMatch(TableHierarchy.Link link, TableHierarchy.PartitionKey key, TableEntry root,
                            List<BoundExpression> conjuncts, List<TableHierarchy.Link> siblings) {
        if (link.isDefault()) {
            return defaultMayMatch(key, root, conjuncts, siblings);
        }
        if (link.values() == null || link.bound() instanceof PartitionBound.Hash
                || !(key.expressions().getFirst() instanceof Expression.ColumnRef column)) {
            return true;
        }
        int keyColumn = root.columnIndex(column.parts().getLast());
        boolean singleColumn = key.expressions().size() == 1;
        for (BoundExpression conjunct : conjuncts) {
            if (!mayMatch(conjunct, keyColumn, link, singleColumn)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The DEFAULT partition holds no row with {@code key = v} (a single-column key) when another partition's bound
     * admits {@code v}.
     */
    private static boolean defaultMayMatch(TableHierarchy.PartitionKey key, TableEntry root,
                                           List<BoundExpression> conjuncts, List<TableHierarchy.Link> siblings) {
        if (key.expressions().size() != 1 || !(key.expressions().getFirst() instanceof Expression.ColumnRef column)) {
            return true;
        }
        int keyColumn = root.columnIndex(column.parts().getLast());
        for (BoundExpression conjunct : conjuncts) {
            if (!(conjunct instanceof BoundExpression.Comparison comparison)
                    || comparison.operator() != CompareOp.EQ) {
                continue;
            }
            for (TableHierarchy.Link sibling : siblings) {
                if (!sibling.isDefault() && sibling.values() != null
                        && !(sibling.bound() instanceof PartitionBound.Hash)
                        && mayMatch(conjunct, keyColumn, sibling, true) && isEquality(conjunct, keyColumn)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether {@code conjunct} is {@code key column = non-null constant of its type}. */
    private static boolean isEquality(BoundExpression conjunct, int keyColumn) {
        if (!(conjunct instanceof BoundExpression.Comparison comparison) || comparison.operator() != CompareOp.EQ) {
            return false;
        }
        BoundExpression left = comparison.left();
        BoundExpression right = comparison.right();
        if (!(left instanceof BoundExpression.ColumnRef)) {
            BoundExpression swap = left;
            left = right;
            right = swap;
        }
        return left instanceof BoundExpression.ColumnRef ref && ref.index() == keyColumn
                && valueOf(right) instanceof BoundExpression.Constant value && value.value() != null
                && value.type().equals(ref.type());
    }

    private static boolean mayMatch(BoundExpression conjunct, int keyColumn, TableHierarchy.Link link,
                                    boolean singleColumn) {
        if (conjunct instanceof BoundExpression.IsNull isNull && !isNull.negated()
                && isNull.operand() instanceof BoundExpression.ColumnRef ref && ref.index() == keyColumn) {
            return link.bound() instanceof PartitionBound.In && link.values().in().contains(null);
        }
        if (!(conjunct instanceof BoundExpression.Comparison comparison)) {
            return true;
        }
        CompareOp operator = comparison.operator();
        BoundExpression column = comparison.left();
        BoundExpression constant = comparison.right();
        if (constant instanceof BoundExpression.ColumnRef && !(column instanceof BoundExpression.ColumnRef)) {
            column = comparison.right();
            constant = comparison.left();
            operator = operator.flip();
        }
        if (!(column instanceof BoundExpression.ColumnRef ref) || ref.index() != keyColumn
                || !(valueOf(constant) instanceof BoundExpression.Constant value) || value.value() == null
                || !value.type().equals(ref.type()) || operator == CompareOp.NE) {
            return true;
        }
        Object v = value.value();
        if (link.bound() instanceof PartitionBound.In) {
            if (operator != CompareOp.EQ) {
                return true;
            }
            for (Object listed : link.values().in()) {
                if (listed != null && compare(listed, v) == 0) {
                    return true;
                }
            }
            return false;
        }
        Object low = link.values().from().getFirst();
        Object high = link.values().to().getFirst();
        // the first key column lies in [low, high), or [low, high] when later columns decide the upper end
        boolean lowBelow = low == PartitionValues.MINVALUE;
        boolean highAbove = high == PartitionValues.MAXVALUE;
        return switch (operator) {
            case EQ -> (lowBelow || compare(low, v) <= 0)
                    && (highAbove || (singleColumn ? compare(v, high) < 0 : compare(v, high) <= 0));
            case LT -> lowBelow || compare(low, v) < 0;
            case LE -> lowBelow || compare(low, v) <= 0;
            case GT, GE -> highAbove || (singleColumn ? compare(v, high) < 0 : compare(v, high) <= 0);
            case NE -> true;
        };
    }

    /**
     * {@code expression} as a constant: itself, or its value when it reads no column and calls no volatile function
     * (a stable {@code current_date}, {@code now()}, arithmetic on constants), computed when the statement is bound,
     * i.e. each time it runs; null when it is not one or its evaluation fails (the scan then keeps the partition and
     * the error comes from the filter, as without pruning).
     */
    private static BoundExpression.Constant valueOf(BoundExpression expression) {
        if (expression instanceof BoundExpression.Constant constant) {
            return constant;
        }
        if (!ConstantEvaluator.isConstant(expression) || VolatileCalls.in(expression)) {
            return null;
        }
        try {
            return new BoundExpression.Constant(ConstantEvaluator.evaluate(expression), expression.type(), 0);
        } catch (BasaltException failed) {
            return null;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a.getClass() == b.getClass() && a instanceof Comparable comparable) {
            return comparable.compareTo(b);
        }
        return 0;
    }

    /** Whether pruning can use the statement's conjuncts for {@code table}: it is partitioned. */
    static boolean applies(Catalog catalog, TableEntry table) {
        return catalog.hierarchy().partitionKey(table.schema(), table.name()) != null;
    }
}
