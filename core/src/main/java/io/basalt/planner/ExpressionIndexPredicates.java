package io.basalt.planner;

import io.basalt.exec.function.json.PathValueFunction;

import io.basalt.exec.function.textsearch.TextSearchFunction;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.operator.scan.ScanPredicate;
import io.basalt.exec.operator.scan.ScanSource;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ColumnReferences;
import io.basalt.plan.expression.ExpressionEquivalence;
import io.basalt.storage.index.ExpressionKeyIndex;
import io.basalt.storage.table.TableStore;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The conjuncts of a filter directly over a table scan that an index over an expression can answer
 * ({@link ExpressionKeyIndex}, CREATE INDEX ... ((expr))): the index's expression compared with a constant
 * ({@code =, <, <=, >, >=}, BETWEEN as two of them) or an IN list of constants (the binder's OR of equalities), the
 * expression the same as the index's (bound, over the same table columns: {@link ExpressionEquivalence}) and the
 * constant of the key's type. Each becomes a {@link ScanPredicate.IndexKey} for the scan; the store decides whether
 * reading through the index pays, and the full filter still runs above the scan. EXPLAIN prints such a scan as
 * PostgreSQL prints a btree index read through a bitmap: "Bitmap Heap Scan" over "Bitmap Index Scan on i".
 *
 * <p>Before: {@code Filter(doc->>'brand' = 'x' AND f(doc)) <- Scan t} with index {@code i ((doc->>'brand'))}.
 * After: the same filter over {@code Scan t} opened with {@code [IndexKey(i, =, 'x')]}. A GIN index over a tsvector
 * (its key a tsvector column or expression) answers {@code key @@ constant tsquery} the same way
 * ({@link ScanPredicate.TextSearchKey}).
 */
public final class ExpressionIndexPredicates {
    private ExpressionIndexPredicates() {
    }

    /** Whether an index over {@code key} (bound over its table's columns) may serve reads: no volatile function. */
    public static boolean servable(BoundExpression key) {
        return !LateralParameter.isVolatile(key);
    }

    /**
     * {@code predicates} (the scan's own, from {@link ScanPredicates}) with the index conditions of {@code conjuncts}
     * (over the scan's output, whose columns are {@code scanColumns}) added; {@code predicates} itself when there are
     * none.
     */
    public static List<ScanPredicate> with(List<ScanPredicate> predicates, List<BoundExpression> conjuncts,
                                           int[] scanColumns, ScanSource source) {
        List<ScanPredicate> keys = of(conjuncts, scanColumns, source);
        if (keys.isEmpty()) {
            return predicates;
        }
        List<ScanPredicate> out = new ArrayList<>(predicates);
        out.addAll(keys);
        return out;
    }

    /** The index conditions among {@code conjuncts}, in conjunct order. */
    static List<ScanPredicate> of(List<BoundExpression> conjuncts, int[] scanColumns, ScanSource source) {
        List<ScanPredicate> out = new ArrayList<>();
        if (!(source instanceof TableStore store)) {
            return out;
        }
        List<ExpressionKeyIndex> indexes = store.expressionIndexes();
        IndexScanSwitches switches = IndexScanSwitches.current();
        if (indexes.isEmpty() || !switches.bitmapScans()) {
            return out;
        }
        for (BoundExpression conjunct : conjuncts) {
            ScanPredicate key = indexKey(conjunct, scanColumns, indexes, !switches.sequentialScans());
            if (key != null) {
                out.add(key);
            }
        }
        return out;
    }

    /**
     * The index over an expression a scan of {@code source} reading {@code scanColumns} under a filter of
     * {@code conjuncts} reads its candidate rows through, with the conjuncts it looks up by (the Index Cond and
     * Recheck Cond) and the others (the Filter); null when it reads rows otherwise.
     */
    public static PointLookups.Lookup lookup(ScanSource source, List<BoundExpression> conjuncts, int[] scanColumns) {
        if (!(source instanceof TableStore store) || store.expressionIndexes().isEmpty()) {
            return null;
        }
        List<ScanPredicate> keys = of(conjuncts, scanColumns, source);
        if (keys.isEmpty()) {
            return null;
        }
        String indexName = store.expressionLookup(keys);
        if (indexName == null) {
            return null;
        }
        List<BoundExpression> conditions = new ArrayList<>();
        List<BoundExpression> others = new ArrayList<>();
        List<ExpressionKeyIndex> indexes = store.expressionIndexes();
        for (BoundExpression conjunct : conjuncts) {
            ScanPredicate key = indexKey(conjunct, scanColumns, indexes, true);
            if (key != null && indexName(key).equals(indexName)) {
                conditions.add(conjunct);
            } else {
                others.add(conjunct);
            }
        }
        return new PointLookups.Lookup(indexName, conditions, others);
    }

    /**
     * {@code conjunct} (over the output of a scan of {@code source} whose columns are {@code scanColumns}) as a
     * condition on the key of one of the source's indexes over expressions, whether or not enable_bitmapscan lets
     * scans read through it; null when none serves it. For the planner's row estimates.
     */
    public static ScanPredicate.IndexKey estimationKey(BoundExpression conjunct, int[] scanColumns, ScanSource source) {
        if (!(source.underlying() instanceof TableStore store)) {
            return null;
        }
        List<ExpressionKeyIndex> indexes = store.expressionIndexes();
        return !indexes.isEmpty() && indexKey(conjunct, scanColumns, indexes, false) instanceof ScanPredicate.IndexKey key
                ? key : null;
    }

    private static String indexName(ScanPredicate key) {
        return key instanceof ScanPredicate.TextSearchKey match ? match.indexName()
                : ((ScanPredicate.IndexKey) key).indexName();
    }

    /** {@code conjunct} as a condition on the key of one of {@code indexes}, or null. */
    private static ScanPredicate indexKey(BoundExpression conjunct, int[] scanColumns,
                                          List<ExpressionKeyIndex> indexes, boolean prefer) {
        if (conjunct instanceof BoundExpression.Function function
                && function.function() instanceof TextSearchFunction search
                && search.kind() == TextSearchFunction.Kind.MATCH) {
            return textSearchKey(function, scanColumns, indexes, prefer);
        }
        if (conjunct instanceof BoundExpression.Comparison comparison) {
            Comparison keyed = comparison(comparison, scanColumns, indexes);
            return keyed == null ? null : new ScanPredicate.IndexKey(keyed.index.name(), keyed.operator,
                    List.of(keyed.value), prefer);
        }
        if (conjunct instanceof BoundExpression.Logical any && !any.isAnd()) {
            String index = null;
            List<Object> values = new ArrayList<>();
            for (BoundExpression operand : any.operands()) {
                if (!(operand instanceof BoundExpression.Comparison comparison)) {
                    return null;
                }
                Comparison keyed = comparison(comparison, scanColumns, indexes);
                if (keyed == null || keyed.operator != CompareOp.EQ
                        || index != null && !index.equals(keyed.index.name())) {
                    return null;
                }
                index = keyed.index.name();
                values.add(keyed.value);
            }
            return index == null ? null : new ScanPredicate.IndexKey(index, CompareOp.EQ, values, prefer);
        }
        return null;
    }

    /** A comparison of an index's key with a constant, as {@code key operator value}. */
    private record Comparison(ExpressionKeyIndex index, CompareOp operator, Object value) {
    }

    private static Comparison comparison(BoundExpression.Comparison comparison, int[] scanColumns,
                                         List<ExpressionKeyIndex> indexes) {
        if (comparison.operator() == CompareOp.NE) {
            return null;
        }
        if (comparison.right() instanceof BoundExpression.Constant constant) {
            return keyed(comparison.left(), comparison.operator(), constant, scanColumns, indexes);
        }
        if (comparison.left() instanceof BoundExpression.Constant constant) {
            return keyed(comparison.right(), comparison.operator().flip(), constant, scanColumns, indexes);
        }
        return null;
    }

    private static Comparison keyed(BoundExpression expression, CompareOp operator, BoundExpression.Constant constant,
                                    int[] scanColumns, List<ExpressionKeyIndex> indexes) {
        if (constant.value() == null || expression instanceof BoundExpression.Constant
                || expression instanceof BoundExpression.ColumnRef) {
            return null;
        }
        // a read of a shredded path column (ReadShreddedPaths) stands for the extraction it replaced
        BoundExpression overTable = expression instanceof BoundExpression.Function call
                && call.function() instanceof PathValueFunction path
                && path.extraction() instanceof BoundExpression extraction
                ? extraction : overTableColumns(expression, scanColumns);
        if (overTable == null) {
            return null;
        }
        for (ExpressionKeyIndex index : indexes) {
            if (!index.inverted() && index.definition() instanceof BoundExpression key
                    && ExpressionEquivalence.same(key, overTable)) {
                Object value = keyValue(key.type(), constant);
                return value == null ? null : new Comparison(index, operator, value);
            }
        }
        return null;
    }

    /**
     * {@code tsvector @@ tsquery} (either way round) where the tsvector is the key of a GIN index over a tsvector (the
     * same expression or column) and the tsquery reads no column ({@code 'a & b'::tsquery},
     * {@code to_tsquery('english', 'a')}: computed here, once), else null. A query that fails to compute is left to
     * the filter, which raises its error.
     */
    private static ScanPredicate.TextSearchKey textSearchKey(BoundExpression.Function function, int[] scanColumns,
                                                             List<ExpressionKeyIndex> indexes, boolean prefer) {
        if (function.arguments().size() != 2) {
            return null;
        }
        int vectorSide = function.arguments().get(0).type().id() == TypeId.TSQUERY ? 1 : 0;
        BoundExpression vector = function.arguments().get(vectorSide);
        BoundExpression query = function.arguments().get(1 - vectorSide);
        if (vector.type().id() != TypeId.TSVECTOR || query.type().id() != TypeId.TSQUERY
                || !ConstantEvaluator.isConstant(query)) {
            return null;
        }
        BoundExpression overTable = overTableColumns(vector, scanColumns);
        if (overTable == null) {
            return null;
        }
        for (ExpressionKeyIndex index : indexes) {
            if (index.inverted() && index.definition() instanceof BoundExpression key
                    && ExpressionEquivalence.same(key, overTable)) {
                Object text;
                try {
                    text = query instanceof BoundExpression.Constant constant ? constant.value()
                            : ConstantEvaluator.evaluate(query);
                } catch (io.basalt.error.BasaltException failed) {
                    return null;
                }
                return text instanceof String written ? new ScanPredicate.TextSearchKey(index.name(), written, prefer)
                        : null;
            }
        }
        return null;
    }

    /** {@code expression} (over the scan's output) over the table's columns, or null when it reads a row id. */
    private static BoundExpression overTableColumns(BoundExpression expression, int[] scanColumns) {
        BitSet read = new BitSet();
        ColumnReferences.collect(expression, read);
        int[] mapping = new int[Math.max(read.length(), 1)];
        for (int i = read.nextSetBit(0); i >= 0; i = read.nextSetBit(i + 1)) {
            if (i >= scanColumns.length || scanColumns[i] == ScanSource.ROW_ID || scanColumns[i] < 0) {
                return null;
            }
            mapping[i] = scanColumns[i];
        }
        return ColumnReferences.renumber(expression, mapping);
    }

    /** The constant as the index holds keys of {@code keyType}, or null when it is of another type. */
    private static Object keyValue(LogicalType keyType, BoundExpression.Constant constant) {
        TypeId key = keyType.id();
        TypeId given = constant.type().id();
        boolean text = (key == TypeId.TEXT || key == TypeId.VARCHAR) && (given == TypeId.TEXT || given == TypeId.VARCHAR);
        if (key != given && !text) {
            return null;
        }
        Object value = constant.value();
        if (key == TypeId.NUMERIC) {
            if (value instanceof Long unscaled && constant.type().isScaledLong()) {
                return BigDecimal.valueOf(unscaled, constant.type().scale());
            }
            return value instanceof BigDecimal ? value : null;
        }
        return value instanceof String || value instanceof Long || value instanceof Double || value instanceof Boolean
                ? value : null;
    }
}
