package io.basalt.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.function.scalar.LikeFunction;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.operator.scan.ScanPredicate;
import io.basalt.exec.operator.scan.ScanSource;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.LogicalType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which conjuncts of a filter over a scan become zone-map predicates, and which stay with the filter alone. */
class ScanPredicatesTest {
    /** The scan reads table columns 5 (bigint), 2 (text) and 7 (interval), and a row id. */
    private static final int[] SCAN = {5, 2, 7, ScanSource.ROW_ID};

    private static BoundExpression.ColumnRef column(int index) {
        LogicalType type = switch (index) {
            case 0 -> LogicalType.BIGINT;
            case 1 -> LogicalType.TEXT;
            case 2 -> LogicalType.INTERVAL;
            default -> LogicalType.BIGINT;
        };
        return new BoundExpression.ColumnRef(index, null, "c" + index, type, 0);
    }

    private static BoundExpression.Constant constant(Object value, LogicalType type) {
        return new BoundExpression.Constant(value, type, 0);
    }

    private static BoundExpression compare(CompareOp operator, BoundExpression left, BoundExpression right) {
        return new BoundExpression.Comparison(operator, left, right, 0);
    }

    @Test
    void comparisonsWithConstantsArePushedWithTheirTableColumn() {
        List<ScanPredicate> predicates = ScanPredicates.of(List.of(
                compare(CompareOp.GE, column(0), constant(10L, LogicalType.BIGINT)),
                compare(CompareOp.LT, constant(20L, LogicalType.BIGINT), column(0)),
                compare(CompareOp.EQ, column(1), constant("x", LogicalType.TEXT))), SCAN);
        assertThat(predicates).containsExactly(new ScanPredicate.Compare(5, CompareOp.GE, 10L),
                new ScanPredicate.Compare(5, CompareOp.GT, 20L), new ScanPredicate.Compare(2, CompareOp.EQ, "x"));
    }

    @Test
    void betweenInListNullTestsAndPrefixesArePushed() {
        BoundExpression between = new BoundExpression.Logical(true, List.of(
                compare(CompareOp.GE, column(0), constant(1L, LogicalType.BIGINT)),
                compare(CompareOp.LE, column(0), constant(9L, LogicalType.BIGINT))), 0);
        BoundExpression in = new BoundExpression.Logical(false, List.of(
                compare(CompareOp.EQ, column(1), constant("a", LogicalType.TEXT)),
                compare(CompareOp.EQ, column(1), constant("b", LogicalType.TEXT))), 0);
        BoundExpression isNull = new BoundExpression.IsNull(column(2), true, 0);
        BoundExpression like = new BoundExpression.Function(LikeFunction.constant("ab%", "\\", false, false),
                List.of(column(1)), LogicalType.BOOLEAN, 0);
        List<ScanPredicate> predicates = ScanPredicates.of(List.of(between, in, isNull, like), SCAN);
        assertThat(predicates).hasSize(5);
        assertThat(predicates.subList(0, 4)).containsExactly(new ScanPredicate.Compare(5, CompareOp.GE, 1L),
                new ScanPredicate.Compare(5, CompareOp.LE, 9L), new ScanPredicate.InList(2, List.of("a", "b")),
                new ScanPredicate.IsNull(7, true));
        assertThat(predicates.get(4)).isInstanceOfSatisfying(ScanPredicate.Prefix.class, prefix -> {
            assertThat(prefix.column()).isEqualTo(2);
            assertThat(prefix.prefix()).isEqualTo("ab".getBytes(StandardCharsets.UTF_8));
        });
    }

    /**
     * A NUMERIC(p <= 18) constant is a long scaled by its own type's scale; it is pushed at the column's scale (how
     * the column stores it and the zone maps hold it), and not pushed where it has more fraction digits than the
     * column.
     */
    @Test
    void scaledNumericConstantsArePushedAtTheColumnsScale() {
        BoundExpression.ColumnRef price = new BoundExpression.ColumnRef(0, null, "price", LogicalType.numeric(15, 2), 0);
        List<ScanPredicate> predicates = ScanPredicates.of(List.of(
                compare(CompareOp.LT, price, constant(2400L, LogicalType.numeric(4, 2))),
                compare(CompareOp.GE, price, constant(5L, LogicalType.numeric(2, 1))),
                compare(CompareOp.LE, price, constant(7L, LogicalType.numeric(1, 0))),
                compare(CompareOp.GT, price, constant(12345L, LogicalType.numeric(5, 3)))), SCAN);
        assertThat(predicates).containsExactly(new ScanPredicate.Compare(5, CompareOp.LT, 2400L),
                new ScanPredicate.Compare(5, CompareOp.GE, 50L), new ScanPredicate.Compare(5, CompareOp.LE, 700L));
    }

    @Test
    void otherShapesStayWithTheFilter() {
        List<BoundExpression> conjuncts = List.of(
                compare(CompareOp.NE, column(0), constant(1L, LogicalType.BIGINT)),
                compare(CompareOp.EQ, column(0), constant(null, LogicalType.BIGINT)),
                compare(CompareOp.EQ, column(0), column(0)),
                compare(CompareOp.EQ, column(0), constant(1, LogicalType.INTEGER)),
                compare(CompareOp.GT, column(2), constant("1 day", LogicalType.INTERVAL)),
                compare(CompareOp.EQ, column(3), constant(1L, LogicalType.BIGINT)),
                new BoundExpression.Logical(false, List.of(
                        compare(CompareOp.EQ, column(0), constant(1L, LogicalType.BIGINT)),
                        compare(CompareOp.EQ, column(1), constant("a", LogicalType.TEXT))), 0),
                new BoundExpression.Function(LikeFunction.constant("%ab", "\\", false, false), List.of(column(1)),
                        LogicalType.BOOLEAN, 0),
                new BoundExpression.Function(LikeFunction.constant("ab%", "\\", true, false), List.of(column(1)),
                        LogicalType.BOOLEAN, 0),
                new BoundExpression.Function(LikeFunction.constant("ab%", "\\", false, true), List.of(column(1)),
                        LogicalType.BOOLEAN, 0));
        assertThat(ScanPredicates.of(conjuncts, SCAN)).isEmpty();
    }
}
