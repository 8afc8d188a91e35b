package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.ArithmeticOperator;
import io.basalt.exec.function.aggregate.CountAggregate;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.OrderItem;
import io.basalt.sql.ast.Query;
import io.basalt.sql.ast.QueryBody;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Binds {@code left UNION|INTERSECT|EXCEPT [ALL] right} with PostgreSQL's rules: both operands have the same
 * number of columns (42601), each column pair is unified as CASE branches are (42804), the output names are
 * the left operand's. The plan is built from ordinary nodes plus {@link LogicalPlan.Append} and
 * {@link LogicalPlan.Repeat}:
 * <ul>
 *   <li>UNION ALL appends; UNION groups the appended rows by every column (NULLs equal, as GROUP BY).</li>
 *   <li>INTERSECT and EXCEPT [ALL] tag each side's rows with two marker columns (left: 1, NULL; right:
 *   NULL, 1), append them and count both markers per distinct row, giving the row's multiplicities l and r.
 *   INTERSECT keeps rows with l &gt; 0 and r &gt; 0, EXCEPT those with l &gt; 0 and r = 0; the ALL forms
 *   repeat each row min(l, r) or l - r times.</li>
 * </ul>
 * ORDER BY, LIMIT and OFFSET over the whole result are the caller's ({@link QueryBinder}).
 */
final class SetOperationBinder {
    private final Function<Query, BoundQuery> operandBinder;

    /** {@code operandBinder} binds an operand (a SELECT, VALUES, nested query or set operation) alone. */
    SetOperationBinder(Function<Query, BoundQuery> operandBinder) {
        this.operandBinder = operandBinder;
    }

    BoundQuery bind(QueryBody.SetOperation operation) {
        BoundQuery left = operandBinder.apply(operand(operation.left(), operation.position()));
        BoundQuery right = operandBinder.apply(operand(operation.right(), operation.position()));
        String name = operation.operator().name();
        List<LogicalType> leftTypes = left.plan().outputTypes();
        List<LogicalType> rightTypes = right.plan().outputTypes();
        if (leftTypes.size() != rightTypes.size()) {
            throw BasaltException.at(SqlState.SYNTAX_ERROR, operation.position(),
                    "each " + name + " query must have the same number of columns");
        }
        List<LogicalType> types = new ArrayList<>();
        for (int i = 0; i < leftTypes.size(); i++) {
            List<BoundExpression> pair = List.of(
                    new BoundExpression.ColumnRef(i, null, left.names().get(i), leftTypes.get(i), operation.position()),
                    new BoundExpression.ColumnRef(i, null, right.names().get(i), rightTypes.get(i), operation.position()));
            types.add(ExpressionBinder.unify(pair, name));
        }
        LogicalPlan leftPlan = castTo(left, types);
        LogicalPlan rightPlan = castTo(right, types);
        int width = types.size();
        LogicalPlan plan = switch (operation.operator()) {
            case UNION -> {
                LogicalPlan appended = new LogicalPlan.Append(leftPlan, rightPlan);
                yield operation.all() ? appended : new LogicalPlan.Aggregate(appended, columns(types, 0, width), List.of());
            }
            case INTERSECT, EXCEPT -> counted(operation.operator(), operation.all(), leftPlan, rightPlan, types);
        };
        return new BoundQuery(plan, left.names());
    }

    /**
     * PostgreSQL sorts a set operation's result by output columns only: ORDER BY items must be output
     * column names or positions, anything else fails with 0A000.
     */
    static void requireOutputColumns(List<OrderItem> orderBy) {
        for (OrderItem item : orderBy) {
            Expression expression = item.expression();
            boolean position = expression instanceof Expression.NumberLiteral number
                    && number.text().chars().allMatch(Character::isDigit);
            if (!position && !(expression instanceof Expression.ColumnRef)) {
                throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, expression.position(),
                        "invalid UNION/INTERSECT/EXCEPT ORDER BY clause");
            }
        }
    }

    /** Whether {@code query}'s result is a set operation's, possibly inside parentheses. */
    static boolean isSetOperation(Query query) {
        Query current = query;
        while (current.body() instanceof QueryBody.Nested nested && current.orderBy().isEmpty()
                && current.limit() == null && current.offset() == null) {
            current = nested.query();
        }
        return current.body() instanceof QueryBody.SetOperation;
    }

    static Query operand(QueryBody body, int position) {
        return new Query(body, List.of(), null, null, position);
    }

    /**
     * {@code bound}'s rows with its columns cast to {@code types}. A projection on top takes the casts
     * directly, so literals are converted (and fail) as constants, as PostgreSQL does for
     * {@code SELECT 1 UNION SELECT 'x'}.
     */
    static LogicalPlan castTo(BoundQuery bound, List<LogicalType> types) {
        LogicalPlan plan = bound.plan();
        if (plan.outputTypes().equals(types)) {
            return plan;
        }
        List<BoundExpression> expressions;
        LogicalPlan input;
        if (plan instanceof LogicalPlan.Project project) {
            expressions = project.expressions();
            input = project.input();
        } else {
            expressions = columns(plan.outputTypes(), 0, types.size());
            input = plan;
        }
        List<BoundExpression> cast = new ArrayList<>(expressions.size());
        for (int i = 0; i < expressions.size(); i++) {
            cast.add(Coercion.cast(expressions.get(i), types.get(i), false));
        }
        return new LogicalPlan.Project(input, cast);
    }

    /** INTERSECT and EXCEPT [ALL] by counting each distinct row's occurrences on both sides. */
    private static LogicalPlan counted(QueryBody.SetOperator operator, boolean all, LogicalPlan left,
                                       LogicalPlan right, List<LogicalType> types) {
        int width = types.size();
        BoundExpression one = new BoundExpression.Constant(1L, LogicalType.BIGINT, 0);
        BoundExpression none = new BoundExpression.Constant(null, LogicalType.BIGINT, 0);
        LogicalPlan appended = new LogicalPlan.Append(tagged(left, types, one, none), tagged(right, types, none, one));
        List<LogicalType> markedTypes = new ArrayList<>(types);
        markedTypes.add(LogicalType.BIGINT);
        markedTypes.add(LogicalType.BIGINT);
        List<BoundExpression> markers = columns(markedTypes, width, width + 2);
        LogicalPlan counts = new LogicalPlan.Aggregate(appended, columns(types, 0, width), List.of(
                new LogicalPlan.AggregateSpec(new CountAggregate(LogicalType.BIGINT), markers.get(0)),
                new LogicalPlan.AggregateSpec(new CountAggregate(LogicalType.BIGINT), markers.get(1))));
        // counts: the row's columns, then l (#width) and r (#width + 1)
        BoundExpression l = markers.get(0);
        BoundExpression r = markers.get(1);
        BoundExpression zero = new BoundExpression.Constant(0L, LogicalType.BIGINT, 0);
        List<BoundExpression> rowColumns = columns(types, 0, width);
        if (!all) {
            CompareOp rightTest = operator == QueryBody.SetOperator.INTERSECT ? CompareOp.GT : CompareOp.EQ;
            LogicalPlan kept = new LogicalPlan.Filter(counts, List.of(
                    new BoundExpression.Comparison(CompareOp.GT, l, zero, 0),
                    new BoundExpression.Comparison(rightTest, r, zero, 0)));
            return new LogicalPlan.Project(kept, rowColumns);
        }
        BoundExpression copies = operator == QueryBody.SetOperator.INTERSECT
                ? new BoundExpression.Case(List.of(new BoundExpression.Comparison(CompareOp.LT, l, r, 0)), List.of(l), r,
                        LogicalType.BIGINT, 0)
                : new BoundExpression.Arithmetic(ArithmeticOperator.SUBTRACT, l, r, LogicalType.BIGINT, 0);
        List<BoundExpression> repeated = new ArrayList<>(rowColumns);
        repeated.add(copies);
        return new LogicalPlan.Repeat(new LogicalPlan.Project(counts, repeated));
    }

    /** {@code plan}'s columns followed by the two marker columns. */
    private static LogicalPlan tagged(LogicalPlan plan, List<LogicalType> types, BoundExpression leftMarker,
                                      BoundExpression rightMarker) {
        List<BoundExpression> expressions = columns(types, 0, types.size());
        expressions.add(leftMarker);
        expressions.add(rightMarker);
        return new LogicalPlan.Project(plan, expressions);
    }

    /** References to columns {@code from..to} of a plan whose columns have {@code types}. */
    private static List<BoundExpression> columns(List<LogicalType> types, int from, int to) {
        List<BoundExpression> columns = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            columns.add(new BoundExpression.ColumnRef(i, null, "?column?", types.get(i), 0));
        }
        return columns;
    }
}
