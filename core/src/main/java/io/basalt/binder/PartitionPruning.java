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
 * {@code current_date - 7} ({@code =, <, <=, >, >=}, or {@code IS NULL}), or an OR of such comparisons ({@code
 * key IN (v, w)}), cannot hold for any row its bound admits. Range bounds are judged on the key's first column, list
 * bounds on their values, hash bounds by hashing the values an equality or IN list gives every key column; the
 * DEFAULT partition is kept unless an equality names another partition's value; keys that are expressions keep
 * every partition. The rows are the same with or without pruning: only partitions that cannot hold a matching row
 * are skipped.
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
        if (link.bound() instanceof PartitionBound.Hash hash) {
            return hashMayMatch(hash, key, root, conjuncts);
        }
        if (link.values() == null || !(key.expressions().getFirst() instanceof Expression.ColumnRef column)) {
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
     * Whether the hash partition {@code hash} may hold a matching row: when the conjuncts give every key column a
     * value ({@code key = v}) or a few ({@code key IN (v, w)}), the partition is kept only if one combination of them
     * hashes to its remainder, computed as routing computes it. Keys that are expressions keep every partition.
     */
    private static boolean hashMayMatch(PartitionBound.Hash hash, TableHierarchy.PartitionKey key, TableEntry root,
                                        List<BoundExpression> conjuncts) {
        List<List<BoundExpression.Constant>> candidates = new java.util.ArrayList<>();
        int combinations = 1;
        for (Expression expression : key.expressions()) {
            if (!(expression instanceof Expression.ColumnRef column)) {
                return true;
            }
            List<BoundExpression.Constant> values = null;
            int keyColumn = root.columnIndex(column.parts().getLast());
            for (BoundExpression conjunct : conjuncts) {
                List<BoundExpression.Constant> given = equalValues(conjunct, keyColumn);
                if (given != null && (values == null || given.size() < values.size())) {
                    values = given;
                }
            }
            if (values == null) {
                return true;
            }
            combinations *= values.size();
            if (combinations > MAX_HASH_COMBINATIONS) {
                return true;
            }
            candidates.add(values);
        }
        return anyHashes(hash, candidates, new java.util.ArrayList<>());
    }

    /** More combinations of key values than this keep the partition rather than hash them all. */
    private static final int MAX_HASH_COMBINATIONS = 64;

    /** Whether some choice of one value per key column (after {@code chosen}) hashes to the partition's remainder. */
    private static boolean anyHashes(PartitionBound.Hash hash, List<List<BoundExpression.Constant>> candidates,
                                     List<BoundExpression> chosen) {
        if (chosen.size() == candidates.size()) {
            BoundExpression holds = new BoundExpression.Function(
                    new io.basalt.exec.function.scalar.PartitionHashFunction(hash.modulus(), hash.remainder()),
                    chosen, io.basalt.type.LogicalType.BOOLEAN, 0);
            try {
                return !Boolean.FALSE.equals(ConstantEvaluator.evaluate(holds));
            } catch (BasaltException failed) {
                return true;
            }
        }
        for (BoundExpression.Constant value : candidates.get(chosen.size())) {
            chosen.add(value);
            boolean found = anyHashes(hash, candidates, chosen);
            chosen.removeLast();
            if (found) {
                return true;
            }
        }
        return false;
    }

    /**
     * The values {@code conjunct} allows key column {@code keyColumn}: one for {@code key = v}, each of them for an OR
     * of such equalities ({@code key IN (v, w)}); null when it does not restrict the column to non-null values of
     * its type.
     */
    private static List<BoundExpression.Constant> equalValues(BoundExpression conjunct, int keyColumn) {
        List<BoundExpression> terms = conjunct instanceof BoundExpression.Logical logical && !logical.isAnd()
                ? logical.operands() : List.of(conjunct);
        List<BoundExpression.Constant> values = new java.util.ArrayList<>();
        for (BoundExpression term : terms) {
            if (!isEquality(term, keyColumn)) {
                return null;
            }
            BoundExpression.Comparison comparison = (BoundExpression.Comparison) term;
            BoundExpression side = comparison.left() instanceof BoundExpression.ColumnRef ? comparison.right()
                    : comparison.left();
            values.add(valueOf(side));
        }
        return values;
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
            // key = v, or key IN (v, w): the DEFAULT partition holds none of them when other partitions admit each
            List<BoundExpression> terms = conjunct instanceof BoundExpression.Logical logical && !logical.isAnd()
                    ? logical.operands() : List.of(conjunct);
            boolean elsewhere = true;
            for (BoundExpression term : terms) {
                elsewhere &= isEquality(term, keyColumn) && admittedBySibling(term, keyColumn, siblings);
            }
            if (elsewhere) {
                return false;
            }
        }
        return true;
    }

    private static boolean admittedBySibling(BoundExpression equality, int keyColumn,
                                             List<TableHierarchy.Link> siblings) {
        for (TableHierarchy.Link sibling : siblings) {
            if (!sibling.isDefault() && sibling.values() != null && !(sibling.bound() instanceof PartitionBound.Hash)
                    && mayMatch(equality, keyColumn, sibling, true)) {
                return true;
            }
        }
        return false;
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
        if (conjunct instanceof BoundExpression.Logical logical && !logical.isAnd()) {
            // an OR (such as key IN (v, w)) may hold in the partition when one of its terms may
            for (BoundExpression term : logical.operands()) {
                if (mayMatch(term, keyColumn, link, singleColumn)) {
                    return true;
                }
            }
            return false;
        }
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
