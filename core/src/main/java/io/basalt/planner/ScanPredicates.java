package io.basalt.planner;

import io.basalt.exec.function.scalar.LikeFunction;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.operator.scan.ScanPredicate;
import io.basalt.exec.operator.scan.ScanSource;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The conjuncts of a filter directly over a table scan that the scan can use to skip row groups by their zone maps
 * ({@link ScanPredicate}): a column compared with a constant ({@code =, <, <=, >, >=}, BETWEEN, which binds to two
 * of them), an IN list of constants, IS [NOT] NULL, and LIKE with a constant {@code 'prefix%'} pattern. Only
 * columns of types whose order the zone maps share with SQL are used (integers, floating point, NUMERIC, text and
 * varchar, dates and timestamps); anything else, and any conjunct of another shape, is left to the filter alone. The
 * jsonb operators a GIN index serves ({@code @>}, {@code ?}, {@code ?|}, {@code ?&} with a constant) become
 * {@link ScanPredicate.JsonbMatch}, which zone maps ignore and the store's inverted indexes use.
 * The filter always stays above the scan: pushing only lets the scan skip.
 *
 * <p>Before: {@code Filter(a >= 10 AND b LIKE 'x%' AND f(c)) <- Scan t}. After: the same filter over
 * {@code Scan t} opened with predicates {@code [a >= 10, b prefix "x"]}.
 */
final class ScanPredicates {
    private static final Set<TypeId> ORDERED = Set.of(TypeId.SMALLINT, TypeId.INTEGER, TypeId.BIGINT, TypeId.REAL,
            TypeId.DOUBLE, TypeId.NUMERIC, TypeId.TEXT, TypeId.VARCHAR, TypeId.DATE, TypeId.TIMESTAMP,
            TypeId.TIMESTAMPTZ);

    private ScanPredicates() {
    }

    /** The predicates in {@code conjuncts} (over the scan's output, whose columns are {@code scanColumns}). */
    static List<ScanPredicate> of(List<BoundExpression> conjuncts, int[] scanColumns) {
        List<ScanPredicate> predicates = new ArrayList<>();
        for (BoundExpression conjunct : conjuncts) {
            add(conjunct, scanColumns, predicates);
        }
        return predicates;
    }

    private static void add(BoundExpression expression, int[] scanColumns, List<ScanPredicate> out) {
        switch (expression) {
            case BoundExpression.Logical logical when logical.isAnd() -> {
                for (BoundExpression operand : logical.operands()) {
                    add(operand, scanColumns, out);
                }
            }
            case BoundExpression.Logical logical -> {
                ScanPredicate in = inList(logical, scanColumns);
                if (in != null) {
                    out.add(in);
                }
            }
            case BoundExpression.Comparison comparison -> {
                ScanPredicate.Compare compare = compare(comparison, scanColumns);
                if (compare != null) {
                    out.add(compare);
                }
            }
            case BoundExpression.IsNull isNull when isNull.operand() instanceof BoundExpression.ColumnRef column
                    && sourceColumn(column, scanColumns) >= 0 ->
                    out.add(new ScanPredicate.IsNull(sourceColumn(column, scanColumns), isNull.negated()));
            case BoundExpression.Function function when function.function() instanceof LikeFunction like
                    && like.literalPrefix() != null && function.arguments().size() == 1
                    && function.arguments().getFirst() instanceof BoundExpression.ColumnRef column
                    && (column.type().id() == TypeId.TEXT || column.type().id() == TypeId.VARCHAR)
                    && sourceColumn(column, scanColumns) >= 0 ->
                    out.add(new ScanPredicate.Prefix(sourceColumn(column, scanColumns), like.literalPrefix()));
            case BoundExpression.Function function when jsonbMatch(function, scanColumns) != null ->
                    out.add(jsonbMatch(function, scanColumns));
            default -> {
                // not a shape zone maps can use
            }
        }
    }

    /**
     * {@code jsonb_column @> constant} (or {@code constant <@ jsonb_column}), {@code ? constant}, {@code ?| constant}
     * or {@code ?& constant}, which a GIN index may narrow; null for anything else or when bitmap scans are off.
     */
    private static ScanPredicate.JsonbMatch jsonbMatch(BoundExpression.Function function, int[] scanColumns) {
        if (function.function() instanceof io.basalt.exec.function.json.JsonPathFunction path) {
            return jsonPathMatch(function, path, scanColumns);
        }
        if (function.arguments().size() != 1
                || !(function.arguments().getFirst() instanceof BoundExpression.ColumnRef column)
                || column.type().id() != TypeId.JSONB || sourceColumn(column, scanColumns) < 0) {
            return null;
        }
        IndexScanSwitches switches = IndexScanSwitches.current();
        if (!switches.bitmapScans()) {
            return null;
        }
        int source = sourceColumn(column, scanColumns);
        boolean prefer = !switches.sequentialScans();
        if (function.function() instanceof io.basalt.exec.function.json.JsonbContainsFunction contains
                && !contains.containedBy() && contains.pattern() != null) {
            return new ScanPredicate.JsonbMatch(source, ScanPredicate.JsonbMatchKind.CONTAINS, contains.pattern(),
                    prefer);
        }
        if (function.function() instanceof io.basalt.exec.function.json.JsonbExistsFunction exists
                && exists.constantKeys() != null) {
            List<String> keys = exists.constantKeys();
            return switch (exists.kind()) {
                case ONE -> new ScanPredicate.JsonbMatch(source, ScanPredicate.JsonbMatchKind.EXISTS, keys.getFirst(),
                        prefer);
                case ANY -> new ScanPredicate.JsonbMatch(source, ScanPredicate.JsonbMatchKind.EXISTS_ANY, keys, prefer);
                case ALL -> new ScanPredicate.JsonbMatch(source, ScanPredicate.JsonbMatchKind.EXISTS_ALL, keys, prefer);
            };
        }
        return null;
    }

    /** {@code jsonb_column @? constant} or {@code @@ constant} (a jsonpath), which a GIN index may narrow, else null. */
    private static ScanPredicate.JsonbMatch jsonPathMatch(BoundExpression.Function function,
                                                          io.basalt.exec.function.json.JsonPathFunction path,
                                                          int[] scanColumns) {
        io.basalt.exec.function.json.JsonPathFunction.Kind kind = path.kind();
        if (kind != io.basalt.exec.function.json.JsonPathFunction.Kind.EXISTS_OPERATOR
                && kind != io.basalt.exec.function.json.JsonPathFunction.Kind.MATCH_OPERATOR
                || function.arguments().size() != 2
                || !(function.arguments().get(0) instanceof BoundExpression.ColumnRef column)
                || column.type().id() != TypeId.JSONB || sourceColumn(column, scanColumns) < 0
                || !(function.arguments().get(1) instanceof BoundExpression.Constant constant)
                || !(constant.value() instanceof String text)) {
            return null;
        }
        IndexScanSwitches switches = IndexScanSwitches.current();
        if (!switches.bitmapScans()) {
            return null;
        }
        return new ScanPredicate.JsonbMatch(sourceColumn(column, scanColumns),
                kind == io.basalt.exec.function.json.JsonPathFunction.Kind.EXISTS_OPERATOR
                        ? ScanPredicate.JsonbMatchKind.PATH_EXISTS : ScanPredicate.JsonbMatchKind.PATH_MATCH,
                text, !switches.sequentialScans());
    }

    /** {@code column op constant} or {@code constant op column} on an ordered column, else null. */
    private static ScanPredicate.Compare compare(BoundExpression.Comparison comparison, int[] scanColumns) {
        if (comparison.operator() == CompareOp.NE) {
            return null;
        }
        if (comparison.left() instanceof BoundExpression.ColumnRef column
                && comparison.right() instanceof BoundExpression.Constant constant) {
            return compare(column, comparison.operator(), constant, scanColumns);
        }
        if (comparison.right() instanceof BoundExpression.ColumnRef column
                && comparison.left() instanceof BoundExpression.Constant constant) {
            return compare(column, comparison.operator().flip(), constant, scanColumns);
        }
        return null;
    }

    private static ScanPredicate.Compare compare(BoundExpression.ColumnRef column, CompareOp operator,
                                                 BoundExpression.Constant constant, int[] scanColumns) {
        int source = sourceColumn(column, scanColumns);
        if (source < 0 || constant.value() == null || !ORDERED.contains(column.type().id())
                || column.type().id() != constant.type().id()) {
            return null;
        }
        Object value = constant.value();
        if (column.type().isScaledLong() && value instanceof Long scaled) {
            value = atColumnScale(scaled, constant.type().scale(), column.type().scale());
            if (value == null) {
                return null;
            }
        }
        return new ScanPredicate.Compare(source, operator, value);
    }

    /**
     * A scaled NUMERIC constant ({@code unscaled * 10^-fromScale}) at the column's scale, as the column stores it
     * and its zone maps hold it; null when it is not exactly representable there (then it is not pushed).
     */
    private static Long atColumnScale(long unscaled, int fromScale, int toScale) {
        if (fromScale == toScale) {
            return unscaled;
        }
        java.math.BigDecimal value = java.math.BigDecimal.valueOf(unscaled, fromScale);
        java.math.BigDecimal exact = value.setScale(toScale, java.math.RoundingMode.DOWN);
        if (exact.compareTo(value) != 0 || exact.unscaledValue().bitLength() > 63) {
            return null;
        }
        return exact.unscaledValue().longValue();
    }

    /** {@code column = c1 OR column = c2 OR ...} (an IN list) over one ordered column, else null. */
    private static ScanPredicate inList(BoundExpression.Logical any, int[] scanColumns) {
        int column = -1;
        List<Object> values = new ArrayList<>();
        for (BoundExpression operand : any.operands()) {
            if (!(operand instanceof BoundExpression.Comparison comparison)) {
                return null;
            }
            ScanPredicate.Compare equal = compare(comparison, scanColumns);
            if (equal == null || equal.operator() != CompareOp.EQ || column >= 0 && equal.column() != column) {
                return null;
            }
            column = equal.column();
            values.add(equal.value());
        }
        return column < 0 ? null : new ScanPredicate.InList(column, values);
    }

    /** The table column a reference to the scan's output names, or -1 (a row id). */
    private static int sourceColumn(BoundExpression.ColumnRef column, int[] scanColumns) {
        int index = column.index();
        if (index < 0 || index >= scanColumns.length) {
            return -1;
        }
        int source = scanColumns[index];
        return source == ScanSource.ROW_ID ? -1 : source;
    }
}
