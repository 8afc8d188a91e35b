package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.ArithmeticOperator;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.Query;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import io.basalt.type.ValueConversion;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Binds one expression against a {@link Scope}: resolves column names, types every node with
 * PostgreSQL's rules (see {@link Coercion}) and rewrites the sugar (BETWEEN, IN lists, IS DISTINCT FROM,
 * COALESCE, NULLIF, simple CASE) into the few node kinds the executor knows.
 *
 * <p>Aggregate calls are allowed only where the caller says so ({@code aggregateClause} names the clause
 * for PostgreSQL's "aggregate functions are not allowed in WHERE" message when they are not).
 */
final class ExpressionBinder {
    private final Scope scope;
    private final Parameters parameters;
    private final String aggregateClause;
    /** Where subqueries and outer references go; null where the clause allows none. */
    private final ClauseSubqueries subqueries;
    /** Where window function calls go; null where the clause allows none. */
    private final WindowCalls windows;
    /** The IN / ANY subqueries over VALUES lists that are conjuncts of a WHERE or JOIN/ON condition being bound. */
    private final Set<Expression> valuesListConjuncts = Collections.newSetFromMap(new IdentityHashMap<>());
    /** A clause bound with this binder that allows no window calls (HAVING), else null. */
    private String windowlessClause;
    /** Where the subqueries of aggregate FILTER conditions go (run over the rows being aggregated); null: none. */
    private ClauseSubqueries filterSubqueries;
    private boolean insideAggregate;
    private boolean insideWindow;

    /**
     * @param aggregateClause null when aggregates are allowed, else the clause name used in the error
     */
    ExpressionBinder(Scope scope, Parameters parameters, String aggregateClause) {
        this(scope, parameters, aggregateClause, null);
    }

    ExpressionBinder(Scope scope, Parameters parameters, String aggregateClause, ClauseSubqueries subqueries) {
        this(scope, parameters, aggregateClause, subqueries, null);
    }

    /** @param windows where window function calls go (the SELECT list and ORDER BY), or null */
    ExpressionBinder(Scope scope, Parameters parameters, String aggregateClause, ClauseSubqueries subqueries,
                     WindowCalls windows) {
        this.scope = scope;
        this.parameters = parameters;
        this.aggregateClause = aggregateClause;
        this.subqueries = subqueries;
        this.windows = windows;
    }

    /**
     * Lets aggregate FILTER conditions hold subqueries, bound into {@code subqueries} over this binder's scope: the
     * caller runs them on the rows being aggregated, before the aggregation.
     */
    void bindFilterSubqueriesInto(ClauseSubqueries subqueries) {
        filterSubqueries = subqueries;
    }

    /** Binds an expression of a clause that allows aggregates but no window calls (HAVING). */
    BoundExpression bindWithoutWindows(Expression expression, String clause) {
        windowlessClause = clause;
        try {
            return bind(expression);
        } finally {
            windowlessClause = null;
        }
    }

    BoundExpression bind(Expression expression) {
        Expression rowSubquery = rowSubquery(expression);
        if (rowSubquery != null) {
            return bind(rowSubquery);
        }
        Expression withoutRows = RowExpressions.expand(expression);
        if (withoutRows != null) {
            return bind(withoutRows);
        }
        return switch (expression) {
            case Expression.Default e -> throw BasaltException.at(SqlState.SYNTAX_ERROR, e.position(),
                    "DEFAULT is not allowed in this context");
            case Expression.NullLiteral e -> new BoundExpression.Constant(null, LogicalType.UNKNOWN, e.position());
            case Expression.BooleanLiteral e -> new BoundExpression.Constant(e.value(), LogicalType.BOOLEAN, e.position());
            case Expression.NumberLiteral e -> numberLiteral(e.text(), e.position());
            case Expression.StringLiteral e -> new BoundExpression.Constant(e.value(), LogicalType.UNKNOWN, e.position());
            case Expression.TypedLiteral e -> Coercion.cast(
                    new BoundExpression.Constant(e.value(), LogicalType.UNKNOWN, e.position()),
                    TypeNames.resolve(e.type()), true);
            case Expression.ColumnRef e -> column(e);
            case Expression.Parameter e -> parameters.get(e.index(), e.position());
            case Expression.Unary e -> unary(e);
            case Expression.Binary e -> binary(e);
            case Expression.IsNull e -> {
                BoundExpression operand = bind(e.operand());
                yield operand.type().isRecord() ? RecordExpressions.isNull(operand, e.negated(), e.position())
                        : new BoundExpression.IsNull(operand, e.negated(), e.position());
            }
            case Expression.IsBoolean e -> isBoolean(e);
            case Expression.IsDistinctFrom e -> isDistinctFrom(e);
            case Expression.Between e -> between(e);
            case Expression.InList e -> inList(e);
            case Expression.Case e -> caseExpression(e);
            case Expression.Cast e when e.operand() instanceof Expression.ArrayConstructor array
                    && array.elements().isEmpty() -> ArrayExpressions.emptyArray(TypeNames.resolve(e.type()), e.position());
            case Expression.Cast e when e.operand() instanceof Expression.ArrayConstructor array
                    && TypeNames.resolve(e.type()).isArray() -> DomainChecks.enforce(arrayConstructorAs(array,
                    TypeNames.resolve(e.type()).withDomain(null), e.position()), TypeNames.resolve(e.type()), parameters);
            case Expression.Cast e when e.operand() instanceof Expression.RowConstructor row
                    && TypeNames.resolve(e.type()).isRecord() -> RecordExpressions.constructorAs(bindAll(row.fields()),
                    TypeNames.resolve(e.type()), e.position());
            case Expression.Cast e when e.type().name().equals("regclass") && e.type().arrayDimensions() == 0
                    && e.operand() instanceof Expression.ColumnRef ref
                    && ref.parts().getLast().equals(InheritedScans.TABLE_OID) -> bind(e.operand());
            case Expression.Cast e -> {
                BoundExpression operand = bind(e.operand());
                LogicalType target = TypeNames.resolve(e.type());
                BoundExpression identifier = ObjectIdentifiers.cast(operand, target, e.position());
                yield identifier != null ? identifier
                        : DomainChecks.enforce(explicitCast(operand, target.withDomain(null), e.position()), target,
                                parameters);
            }
            case Expression.FunctionCall e -> functionCall(e);
            case Expression.Like e -> like(e);
            case Expression.InSubquery e -> {
                BoundExpression operand = bind(e.operand());
                BoundExpression overArray = valuesListConjuncts.contains(e)
                        ? valuesListComparison(operand, CompareOp.EQ, e.query(), e.position()) : null;
                if (overArray != null) {
                    yield overArray;
                }
                BoundExpression in = subqueries(e.position()).quantified(operand, CompareOp.EQ, false,
                        e.query(), e.position());
                yield e.negated() ? new BoundExpression.Not(in, e.position()) : in;
            }
            case Expression.Exists e -> subqueries(e.position()).exists(e);
            case Expression.ScalarSubquery e -> subqueries(e.position()).scalar(e);
            case Expression.ArraySubquery e -> subqueries(e.position()).array(e);
            case Expression.Quantified e -> quantified(e);
            case Expression.ArrayConstructor e -> ArrayExpressions.constructor(bindAll(e.elements()), e.position());
            case Expression.Subscript e -> subscripts(e);
            case Expression.RowConstructor e -> RecordExpressions.constructor(bindRowFields(e.fields()), e.position());
            case Expression.FieldSelection e when e.field().equals("*") -> throw notYet("(record).* here",
                    e.position());
            case Expression.FieldSelection e -> RecordExpressions.field(bind(e.operand()), e.field(), e.position());
            case Expression.NamedArgument e -> throw notYet("named function arguments", e.position());
            case Expression.VariadicArgument e -> throw notYet("VARIADIC outside a function call", e.position());
        };
    }

    /** A column of the scope, else (in a subquery) of an enclosing query, else the scope's error. */
    private BoundExpression column(Expression.ColumnRef e) {
        if (e.parts().getLast().equals("*") && e.parts().size() >= 2) {
            String qualifier = e.parts().get(e.parts().size() - 2);
            BoundExpression row = RecordExpressions.wholeRow(scope, qualifier, e.position());
            if (row == null && e.parts().size() == 2 && subqueries != null) {
                row = subqueries.resolveOuterWholeRow(qualifier, e.position());
            }
            if (row == null) {
                throw scope.missingQualifier(qualifier, e.position());
            }
            return row;
        }
        try {
            return scope.resolve(e.parts(), e.position());
        } catch (BasaltException missing) {
            if (missing.sqlState() == SqlState.UNDEFINED_COLUMN && e.parts().size() == 1) {
                BoundExpression row = RecordExpressions.wholeRow(scope, e.parts().getFirst(), e.position());
                if (row != null) {
                    return row;
                }
            }
            boolean absent = missing.sqlState() == SqlState.UNDEFINED_COLUMN
                    || missing.sqlState() == SqlState.UNDEFINED_TABLE;
            BoundExpression outer = absent && subqueries != null ? subqueries.resolveOuter(e.parts(), e.position())
                    : null;
            if (outer == null && absent && subqueries != null && e.parts().size() == 1) {
                outer = subqueries.resolveOuterWholeRow(e.parts().getFirst(), e.position());
            }
            if (outer == null) {
                throw missing;
            }
            return outer;
        }
    }

    private ClauseSubqueries subqueries(int position) {
        if (subqueries == null) {
            throw notYet("subqueries in " + (aggregateClause == null ? "this clause" : aggregateClause), position);
        }
        subqueries.refuseAggregatesAs(aggregateClause);
        return subqueries;
    }

    /** A ROW constructor's fields, where {@code t.*} stands for t's columns one by one, as in PostgreSQL. */
    private List<BoundExpression> bindRowFields(List<Expression> fields) {
        List<BoundExpression> bound = new ArrayList<>(fields.size());
        for (Expression field : fields) {
            if (field instanceof Expression.ColumnRef ref && ref.parts().size() >= 2
                    && ref.parts().getLast().equals("*")) {
                BoundExpression row = bind(field);
                bound.addAll(((BoundExpression.Function) row).arguments());
            } else {
                bound.add(bind(field));
            }
        }
        return bound;
    }

    private List<BoundExpression> bindAll(List<Expression> expressions) {
        List<BoundExpression> bound = new ArrayList<>(expressions.size());
        for (Expression expression : expressions) {
            bound.add(bind(expression));
        }
        return bound;
    }

    private BoundExpression quantified(Expression.Quantified e) {
        CompareOp operator = switch (e.operator()) {
            case "=" -> CompareOp.EQ;
            case "<>", "!=" -> CompareOp.NE;
            case "<" -> CompareOp.LT;
            case "<=" -> CompareOp.LE;
            case ">" -> CompareOp.GT;
            case ">=" -> CompareOp.GE;
            case "~~", "!~~", "~~*", "!~~*" -> null;
            case "+", "-", "*", "/", "%", "^", "||" -> {
                if (e.query() == null) {
                    LogicalType arrayType = bind(e.array()).type();
                    if (!arrayType.isArray() && arrayType.id() != TypeId.UNKNOWN) {
                        throw BasaltException.at(SqlState.WRONG_OBJECT_TYPE, e.position(),
                                "op ANY/ALL (array) requires array on right side");
                    }
                }
                throw BasaltException.at(SqlState.WRONG_OBJECT_TYPE, e.position(),
                        "op ANY/ALL (array) requires operator to yield boolean");
            }
            default -> throw notYet("operator " + e.operator() + " with ANY/ALL", e.position());
        };
        if (operator == null) {
            if (e.query() != null) {
                throw notYet("operator " + e.operator() + " with ANY/ALL (subquery)", e.position());
            }
            return ArrayExpressions.quantifiedLike(e.operator(), e.all(), bind(e.left()), bind(e.array()), e.position());
        }
        if (e.query() == null) {
            return ArrayExpressions.quantified(operator, e.all(), bind(e.left()), bind(e.array()), e.position());
        }
        BoundExpression left = bind(e.left());
        BoundExpression overArray = valuesListConjuncts.contains(e)
                ? valuesListComparison(left, operator, e.query(), e.position()) : null;
        return overArray != null ? overArray
                : subqueries(e.position()).quantified(left, operator, e.all(), e.query(), e.position());
    }

    /** {@link ValuesListComparisons#comparison} over the VALUES list {@code query}, or null to keep the subquery. */
    private BoundExpression valuesListComparison(BoundExpression operand, CompareOp operator, Query query,
                                                 int position) {
        LogicalPlan list = subqueries(position).uncorrelatedPlan(query);
        return list == null ? null : ValuesListComparisons.comparison(operand, operator, list, position);
    }

    /** Binds and requires a boolean result (WHERE, HAVING, AND/OR/NOT operands, CASE WHEN). */
    BoundExpression bindCondition(Expression expression, String clause) {
        Expression condition = "WHERE".equals(clause) ? rowSubqueriesAsFilters(expression) : expression;
        if (subqueries != null && ("WHERE".equals(clause) || "JOIN/ON".equals(clause))) {
            ValuesListComparisons.collectConjuncts(condition, valuesListConjuncts);
        }
        return requireBoolean(bind(condition), clause);
    }

    /**
     * A WHERE condition whose top-level conjuncts of the form {@code row [NOT] IN (query)} are rewritten into the
     * cheaper [NOT] EXISTS forms of {@link RowSubqueries#inForFilter}, valid where only a true result keeps a row.
     */
    private Expression rowSubqueriesAsFilters(Expression expression) {
        return switch (expression) {
            case Expression.Binary e when e.operator().equalsIgnoreCase("AND") -> new Expression.Binary(e.operator(),
                    rowSubqueriesAsFilters(e.left()), rowSubqueriesAsFilters(e.right()), e.position());
            case Expression.InSubquery e when e.operand() instanceof Expression.RowConstructor row && subqueries != null
                    -> {
                checkRowWidth(row, e.query(), e.position());
                yield RowSubqueries.inForFilter(row, e.query(), e.negated(), e.position());
            }
            case Expression.Unary e when e.operator().equalsIgnoreCase("NOT")
                    && e.operand() instanceof Expression.InSubquery in
                    && in.operand() instanceof Expression.RowConstructor row && subqueries != null -> {
                checkRowWidth(row, in.query(), in.position());
                yield RowSubqueries.inForFilter(row, in.query(), !in.negated(), in.position());
            }
            default -> expression;
        };
    }

    /** A row compared with a subquery's rows: the rewrite of {@link RowSubqueries}, or null for anything else. */
    private Expression rowSubquery(Expression expression) {
        return switch (expression) {
            case Expression.InSubquery e when e.operand() instanceof Expression.RowConstructor row -> {
                checkRowWidth(row, e.query(), e.position());
                yield RowSubqueries.in(row, e.query(), e.negated(), e.position());
            }
            case Expression.Quantified e when e.query() != null && !e.all() && e.operator().equals("=")
                    && e.left() instanceof Expression.RowConstructor row -> {
                checkRowWidth(row, e.query(), e.position());
                yield RowSubqueries.in(row, e.query(), false, e.position());
            }
            case Expression.Binary e when e.left() instanceof Expression.RowConstructor row
                    && e.right() instanceof Expression.ScalarSubquery query -> {
                checkRowWidth(row, query.query(), query.position());
                yield RowSubqueries.compare(e.operator(), row, query.query(), e.position());
            }
            default -> null;
        };
    }

    /** PostgreSQL's 42601 when the subquery's columns do not match the row's fields one for one. */
    private void checkRowWidth(Expression.RowConstructor row, Query query, int position) {
        int width = subqueries(position).width(query);
        if (width != row.fields().size()) {
            throw BasaltException.at(SqlState.SYNTAX_ERROR, position,
                    width > row.fields().size() ? "subquery has too many columns" : "subquery has too few columns");
        }
    }

    static BoundExpression requireBoolean(BoundExpression bound, String clause) {
        if (bound.type().id() == TypeId.UNKNOWN) {
            return Coercion.cast(bound, LogicalType.BOOLEAN, false);
        }
        if (bound.type().id() != TypeId.BOOLEAN) {
            throw BasaltException.at(SqlState.DATATYPE_MISMATCH, bound.position(),
                    "argument of " + clause + " must be type boolean, not type " + bound.type().displayName());
        }
        return bound;
    }

    static BoundExpression numberLiteral(String text, int position) {
        String digits = text.startsWith("-") ? text.substring(1) : text;
        if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit)) {
            try {
                long value = Long.parseLong(text);
                LogicalType type = value == (int) value ? LogicalType.INTEGER : LogicalType.BIGINT;
                return new BoundExpression.Constant(value, type, position);
            } catch (NumberFormatException tooLong) {
                return new BoundExpression.Constant(new BigDecimal(text), LogicalType.NUMERIC, position);
            }
        }
        BigDecimal value = ValueConversion.parseDecimal(text);
        int precision = Math.max(value.precision(), value.scale());
        if (precision <= LogicalType.MAX_LONG_DECIMAL_PRECISION && value.scale() <= precision) {
            LogicalType type = LogicalType.numeric(Math.max(precision, 1), value.scale());
            return new BoundExpression.Constant(value.unscaledValue().longValueExact(), type, position);
        }
        return new BoundExpression.Constant(value, LogicalType.NUMERIC, position);
    }

    private BoundExpression unary(Expression.Unary e) {
        if (e.operator().equals("-") && e.operand() instanceof Expression.NumberLiteral number) {
            // PostgreSQL's grammar folds the sign into the constant, so -2147483648 is an integer.
            return numberLiteral("-" + number.text(), e.position());
        }
        BoundExpression operand = bind(e.operand());
        return switch (e.operator()) {
            case "NOT" -> new BoundExpression.Not(requireBoolean(operand, "NOT"), e.position());
            case "+" -> {
                requireNumber(operand, "+", e.position());
                yield operand;
            }
            case "-" -> {
                if (operand.type().id() == TypeId.UNKNOWN) {
                    operand = Coercion.cast(operand, LogicalType.NUMERIC, false);
                }
                if (operand.type().id() == TypeId.INTERVAL) {
                    yield new BoundExpression.Negate(operand, e.position());
                }
                requireNumber(operand, "-", e.position());
                yield negate(operand, e.position());
            }
            default -> {
                BoundExpression geometric = GeometricOperators.prefix(e.operator(), operand, e.position());
                if (geometric != null) {
                    yield geometric;
                }
                BoundExpression textSearch = TextSearchBinder.prefix(e.operator(), operand, e.position());
                if (textSearch != null) {
                    yield textSearch;
                }
                BoundExpression number = NumberOperators.prefix(e.operator(), operand, e.position());
                if (number == null) {
                    throw BasaltException.at(SqlState.UNDEFINED_FUNCTION, e.position(),
                            "operator does not exist: " + e.operator() + " " + operand.type().displayName());
                }
                yield number;
            }
        };
    }

    private static BoundExpression negate(BoundExpression operand, int position) {
        if (operand instanceof BoundExpression.Constant constant && constant.value() != null) {
            Object value = switch (constant.value()) {
                case Long l when l != Long.MIN_VALUE
                        && !(l == io.basalt.type.NumericSpecial.SCALED_LONG_NAN && constant.type().isScaledLong()) -> -l;
                case Double d -> -d;
                case BigDecimal d -> d.negate();
                default -> null;
            };
            if (value != null) {
                return new BoundExpression.Constant(value, constant.type(), position);
            }
        }
        return new BoundExpression.Negate(operand, position);
    }

    private static void requireNumber(BoundExpression operand, String operator, int position) {
        if (!operand.type().isNumber()) {
            throw BasaltException.at(SqlState.UNDEFINED_FUNCTION, position,
                            "operator does not exist: " + operator + " " + operand.type().displayName())
                    .withHint("No operator matches the given name and argument type. You might need to add an explicit type cast.");
        }
    }

    private BoundExpression binary(Expression.Binary e) {
        String operator = e.operator();
        if (operator.equals("AND") || operator.equals("OR")) {
            List<BoundExpression> operands = new ArrayList<>();
            boolean isAnd = operator.equals("AND");
            flatten(e, operator, operands);
            return new BoundExpression.Logical(isAnd, operands, e.position());
        }
        BoundExpression left = bind(e.left());
        BoundExpression right = bind(e.right());
        BoundExpression textSearchOperator = TextSearchBinder.operator(operator, left, right, e.position());
        if (textSearchOperator != null) {
            return textSearchOperator;
        }
        BoundExpression jsonOperator = JsonOperators.bind(operator, left, right, e.position());
        if (jsonOperator != null) {
            return jsonOperator;
        }
        BoundExpression rangeOperator = RangeOperators.bind(operator, left, right, e.position());
        if (rangeOperator != null) {
            return rangeOperator;
        }
        BoundExpression lsnOperator = PgLsnOperators.bind(operator, left, right, e.position());
        if (lsnOperator != null) {
            return lsnOperator;
        }
        BoundExpression geometricOperator = GeometricOperators.bind(operator, left, right, e.position());
        if (geometricOperator != null) {
            return geometricOperator;
        }
        BoundExpression arrayOperator = ArrayExpressions.operator(operator, left, right, e.position());
        if (arrayOperator != null) {
            return arrayOperator;
        }
        CompareOp comparison = switch (operator) {
            case "=" -> CompareOp.EQ;
            case "<>", "!=" -> CompareOp.NE;
            case "<" -> CompareOp.LT;
            case "<=" -> CompareOp.LE;
            case ">" -> CompareOp.GT;
            case ">=" -> CompareOp.GE;
            default -> null;
        };
        if (comparison != null) {
            return compare(comparison, left, right, e.position());
        }
        ArithmeticOperator arithmetic = switch (operator) {
            case "+" -> ArithmeticOperator.ADD;
            case "-" -> ArithmeticOperator.SUBTRACT;
            case "*" -> ArithmeticOperator.MULTIPLY;
            case "/" -> ArithmeticOperator.DIVIDE;
            case "%" -> ArithmeticOperator.MODULO;
            default -> null;
        };
        if (arithmetic != null) {
            return arithmetic(arithmetic, left, right, e.position());
        }
        if (operator.equals("||")) {
            return concatenate(left, right, e.position());
        }
        BoundExpression regex = RegexOperators.bind(operator, left, right, e.position());
        if (regex != null) {
            return regex;
        }
        BoundExpression number = NumberOperators.binary(operator, left, right, e.position());
        if (number != null) {
            return number;
        }
        if ((operator.equals("*=") || operator.equals("*<>")) && left.type().isRecord() && right.type().isRecord()) {
            return new BoundExpression.Function(new io.basalt.exec.function.scalar.RecordImageEquality(
                    operator.equals("*<>")), List.of(left, right), LogicalType.BOOLEAN, e.position());
        }
        throw Coercion.noOperator(operator, left.type(), right.type(), e.position());
    }

    private void flatten(Expression expression, String operator, List<BoundExpression> out) {
        if (expression instanceof Expression.Binary b && b.operator().equals(operator)) {
            flatten(b.left(), operator, out);
            flatten(b.right(), operator, out);
        } else {
            out.add(bindCondition(expression, operator));
        }
    }

    static BoundExpression compare(CompareOp operator, BoundExpression left, BoundExpression right, int position) {
        if (ObjectIdentifiers.comparesOids(left, right)) {
            left = ObjectIdentifiers.toOid(left);
            right = ObjectIdentifiers.toOid(right);
        }
        LogicalType common = Coercion.commonType(left.type(), right.type());
        if (common == null) {
            throw Coercion.noOperator(operator.symbol(), left.type(), right.type(), position);
        }
        if (common.id() == TypeId.CHAR) {
            // bpchar comparisons ignore trailing spaces: compare the values as text, which has none
            return new BoundExpression.Comparison(operator, blankTrimmed(left), blankTrimmed(right), position);
        }
        return new BoundExpression.Comparison(operator, Coercion.cast(left, common, false),
                Coercion.cast(right, common, false), position);
    }

    /** A char (or untyped literal read as bpchar) as text, without its trailing spaces. */
    private static BoundExpression blankTrimmed(BoundExpression value) {
        BoundExpression character = value.type().id() == TypeId.CHAR ? value : Coercion.cast(value, LogicalType.BPCHAR, false);
        return Coercion.cast(character, LogicalType.TEXT, false);
    }

    private static BoundExpression arithmetic(ArithmeticOperator operator, BoundExpression left, BoundExpression right,
                                              int position) {
        // An untyped literal takes the other side's type, as PostgreSQL resolves 'unknown' operands.
        if (left.type().id() == TypeId.UNKNOWN && right.type().isNumber()) {
            left = Coercion.cast(left, right.type(), false);
        }
        if (right.type().id() == TypeId.UNKNOWN && left.type().isNumber()) {
            right = Coercion.cast(right, left.type(), false);
        }
        left = narrowIntegerConstant(left, right);
        right = narrowIntegerConstant(right, left);
        BoundExpression temporal = DateTimeOperators.bind(operator, left, right, position);
        if (temporal != null) {
            return temporal;
        }
        Coercion.ArithmeticTyping typing = Coercion.arithmetic(operator, left.type(), right.type());
        if (typing == null) {
            throw Coercion.noOperator(operator.symbol(), left.type(), right.type(), position);
        }
        return new BoundExpression.Arithmetic(operator, Coercion.cast(left, typing.left(), false),
                Coercion.cast(right, typing.right(), false), typing.result(), position);
    }

    /**
     * An integer constant meeting a NUMERIC operand is typed by its own digits ({@code 2} as numeric(1,0),
     * not numeric(10,0)), so that {@code price * 2} stays within the 18 digits of a scaled long.
     */
    private static BoundExpression narrowIntegerConstant(BoundExpression operand, BoundExpression other) {
        if (other.type().isNumeric() && operand.type().isIntegral()
                && operand instanceof BoundExpression.Constant constant && constant.value() != null) {
            long value = (Long) constant.value();
            int digits = Long.toString(Math.abs(value == Long.MIN_VALUE ? Long.MAX_VALUE : value)).length();
            return Coercion.cast(constant, LogicalType.numeric(digits, 0), false);
        }
        return operand;
    }

    private BoundExpression isBoolean(Expression.IsBoolean e) {
        BoundExpression operand = requireBoolean(bind(e.operand()), "IS " + (e.value() == null ? "UNKNOWN"
                : e.value() ? "TRUE" : "FALSE"));
        int position = e.position();
        BoundExpression test;
        if (e.value() == null) {
            test = new BoundExpression.IsNull(operand, false, position);
        } else {
            BoundExpression condition = e.value() ? operand : new BoundExpression.Not(operand, position);
            test = new BoundExpression.Case(List.of(condition), List.of(constant(true, position)),
                    constant(false, position), LogicalType.BOOLEAN, position);
        }
        return e.negated() ? new BoundExpression.Not(test, position) : test;
    }

    private BoundExpression isDistinctFrom(Expression.IsDistinctFrom e) {
        int position = e.position();
        BoundExpression left = bind(e.left());
        BoundExpression right = bind(e.right());
        BoundExpression differs = compare(CompareOp.NE, left, right, position);
        BoundExpression distinct = new BoundExpression.Case(
                List.of(new BoundExpression.IsNull(left, false, position), new BoundExpression.IsNull(right, false, position)),
                List.of(new BoundExpression.IsNull(right, true, position), constant(true, position)),
                differs, LogicalType.BOOLEAN, position);
        return e.negated() ? new BoundExpression.Not(distinct, position) : distinct;
    }

    private BoundExpression between(Expression.Between e) {
        int position = e.position();
        BoundExpression operand = bind(e.operand());
        BoundExpression low = bind(e.low());
        BoundExpression high = bind(e.high());
        BoundExpression inRange = new BoundExpression.Logical(true, List.of(
                compare(CompareOp.GE, operand, low, position), compare(CompareOp.LE, operand, high, position)), position);
        if (e.symmetric()) {
            BoundExpression reversed = new BoundExpression.Logical(true, List.of(
                    compare(CompareOp.GE, operand, high, position), compare(CompareOp.LE, operand, low, position)),
                    position);
            inRange = new BoundExpression.Logical(false, List.of(inRange, reversed), position);
        }
        return e.negated() ? new BoundExpression.Not(inRange, position) : inRange;
    }

    private BoundExpression inList(Expression.InList e) {
        BoundExpression operand = bind(e.operand());
        List<BoundExpression> equalities = new ArrayList<>();
        for (Expression value : e.values()) {
            equalities.add(compare(CompareOp.EQ, operand, bind(value), e.position()));
        }
        BoundExpression any = equalities.size() == 1 ? equalities.getFirst()
                : new BoundExpression.Logical(false, equalities, e.position());
        return e.negated() ? new BoundExpression.Not(any, e.position()) : any;
    }

    private BoundExpression caseExpression(Expression.Case e) {
        BoundExpression subject = e.operand() == null ? null : bind(e.operand());
        List<BoundExpression> conditions = new ArrayList<>();
        List<BoundExpression> results = new ArrayList<>();
        for (Expression.When when : e.whens()) {
            BoundExpression condition = subject == null
                    ? bindCondition(when.condition(), "CASE")
                    : compare(CompareOp.EQ, subject, bind(when.condition()), when.position());
            conditions.add(condition);
            results.add(bind(when.result()));
        }
        BoundExpression otherwise = e.otherwise() == null
                ? new BoundExpression.Constant(null, LogicalType.UNKNOWN, e.position())
                : bind(e.otherwise());
        List<BoundExpression> branches = new ArrayList<>(results);
        branches.add(otherwise);
        LogicalType type = unify(branches, "CASE");
        List<BoundExpression> castResults = new ArrayList<>();
        for (BoundExpression result : results) {
            castResults.add(Coercion.cast(result, type, false));
        }
        return new BoundExpression.Case(conditions, castResults, Coercion.cast(otherwise, type, false), type,
                e.position());
    }

    /** The common type of several expressions (CASE branches, COALESCE arguments, VALUES columns). */
    /** A chain {@code a[..][..]...} bound as one subscripting of {@code a}, as PostgreSQL reads it. */
    private BoundExpression subscripts(Expression.Subscript last) {
        java.util.ArrayDeque<Expression.Subscript> chain = new java.util.ArrayDeque<>();
        Expression operand = last;
        while (operand instanceof Expression.Subscript subscript) {
            chain.push(subscript);
            operand = subscript.operand();
        }
        List<BoundExpression> lowers = new ArrayList<>();
        List<BoundExpression> uppers = new ArrayList<>();
        List<Boolean> slices = new ArrayList<>();
        BoundExpression array = bind(operand);
        for (Expression.Subscript subscript : chain) {
            lowers.add(subscript.lower() == null ? null : bind(subscript.lower()));
            uppers.add(subscript.upper() == null ? null : bind(subscript.upper()));
            slices.add(subscript.slice());
        }
        return ArrayExpressions.subscript(array, lowers, uppers, slices, last.position());
    }

    static LogicalType unify(List<BoundExpression> expressions, String construct) {
        // PostgreSQL ignores untyped literals and NULLs when choosing the type, unless all are untyped.
        LogicalType type = null;
        boolean mixed = false;
        for (BoundExpression expression : expressions) {
            if (expression.type().id() == TypeId.UNKNOWN) {
                continue;
            }
            mixed |= type != null && !type.equals(expression.type());
            LogicalType next = type == null ? expression.type() : Coercion.commonType(type, expression.type());
            if (next == null) {
                throw BasaltException.at(SqlState.DATATYPE_MISMATCH, expression.position(),
                        construct + " types " + type.displayName() + " and " + expression.type().displayName()
                                + " cannot be matched");
            }
            type = next;
        }
        if (type != null && type.id() == TypeId.CHAR && (mixed || type.precision() >= 0 && expressions.stream()
                .anyMatch(expression -> expression.type().id() == TypeId.UNKNOWN))) {
            // PostgreSQL keeps a char's length only when every input has it
            return LogicalType.BPCHAR;
        }
        if (type != null && type.id() == TypeId.VARCHAR && type.precision() >= 0 && (mixed || expressions.stream()
                .anyMatch(expression -> expression.type().id() == TypeId.UNKNOWN))) {
            // likewise a varchar's length
            return LogicalType.VARCHAR;
        }
        if (type != null && type.isNumeric() && mixed) {
            // PostgreSQL keeps each NUMERIC value's own scale here (least(2.5, 1) is 1, not 1.0): only the
            // unconstrained representation carries a scale per value.
            return LogicalType.NUMERIC;
        }
        return type == null ? LogicalType.TEXT : type;
    }


    /**
     * {@code ARRAY[...]::t[]}: as in PostgreSQL, the cast reaches into the constructor, each element (of every
     * nesting level) cast to {@code t} explicitly, so that {@code ARRAY[1, 'NaN']::float8[]} reads 'NaN' as a
     * double.
     */
    private BoundExpression arrayConstructorAs(Expression.ArrayConstructor array, LogicalType target, int position) {
        if (array.elements().isEmpty()) {
            return ArrayExpressions.emptyArray(target, position);
        }
        List<BoundExpression> elements = new ArrayList<>();
        for (Expression element : array.elements()) {
            if (element instanceof Expression.ArrayConstructor inner) {
                elements.add(arrayConstructorAs(inner, target, position));
                continue;
            }
            BoundExpression bound = bind(element);
            elements.add(explicitCast(bound, bound.type().isArray() ? target : target.element(), element.position()));
        }
        return explicitCast(ArrayExpressions.constructor(elements, array.position()), target, position);
    }

    private static BoundExpression explicitCast(BoundExpression operand, LogicalType target, int position) {
        if (!Coercion.castable(operand.type(), target)) {
            // between array types PostgreSQL names the element types that have no cast
            boolean arrays = operand.type().isArray() && target.isArray();
            LogicalType from = arrays ? operand.type().element() : operand.type();
            LogicalType to = arrays ? target.element() : target;
            throw BasaltException.at(SqlState.CANNOT_COERCE, position,
                    "cannot cast type " + from.displayName() + " to " + to.displayName());
        }
        return Coercion.cast(operand, target, true);
    }

    private BoundExpression functionCall(Expression.FunctionCall call) {
        String name = call.name().last();
        if (name.equals("count") && call.arguments().isEmpty() && !call.star() && !call.withinGroup()) {
            throw BasaltException.at(SqlState.WRONG_OBJECT_TYPE, call.position(),
                    "count(*) must be used to call a parameterless aggregate function");
        }
        if (call.over() != null) {
            return windowCall(call);
        }
        if (Functions.isHypotheticalSetAggregate(name)) {
            if (call.withinGroup()) {
                return aggregate(call, name);
            }
            if (!call.arguments().isEmpty()) {
                throw BasaltException.at(SqlState.WRONG_OBJECT_TYPE, call.position(),
                        "WITHIN GROUP is required for ordered-set aggregate " + name);
            }
        }
        if (WindowFunctions.isWindowOnly(name)) {
            throw BasaltException.at(SqlState.WRONG_OBJECT_TYPE, call.position(),
                    "window function " + name + " requires an OVER clause");
        }
        if (Functions.isAggregate(name) || UserAggregateCalls.mayBe(name)) {
            return aggregate(call, name);
        }
        if (name.equals("grouping") && call.name().parts().size() == 1) {
            return grouping(call);
        }
        if (call.distinct() || call.star() || call.filter() != null || !call.orderBy().isEmpty()) {
            throw BasaltException.at(SqlState.WRONG_OBJECT_TYPE, call.position(),
                    (call.distinct() ? "DISTINCT" : call.star() ? "*" : call.filter() != null ? "FILTER"
                            : call.withinGroup() ? "WITHIN GROUP" : "ORDER BY")
                            + " specified, but " + name + " is not an aggregate function");
        }
        if (RoleFunctions.handles(call)) {
            return RoleFunctions.bind(call, this);
        }
        if (SessionInformationFunctions.handles(call)) {
            return SessionInformationFunctions.bind(call, this);
        }
        if (SequenceFunctions.handles(name)) {
            return SequenceFunctions.bind(name, call, this);
        }
        if (name.equals("make_interval")) {
            return DateTimeFunctions.makeInterval(call, this::bind);
        }
        if (ObjectIdentifiers.handles(name)) {
            return ObjectIdentifiers.function(name, bindAll(call.arguments()), call.position());
        }
        call = JsonPathFunctionBinder.positional(call);
        CallArguments written = CallArguments.bind(call, this);
        if (UserFunctionCalls.mayBe(name)) {
            BoundExpression user = UserFunctionCalls.bind(call, written);
            if (user != null) {
                return user;
            }
        }
        if (written.anyNamed()) {
            List<BoundExpression> arranged = BuiltinParameterNames.arrange(name, written);
            if (arranged == null) {
                throw UserFunctionCalls.undefined(call, written);
            }
            return builtinCall(call, name, arranged);
        }
        List<BoundExpression> arguments = written.spread(call.position());
        if (arguments == null) {
            return nullVariadicCall(call, written);
        }
        try {
            return builtinCall(call, name, arguments);
        } catch (BasaltException e) {
            throw asWritten(e, call);
        }
    }

    /**
     * A schema-qualified call's 42883 names the function as written, as PostgreSQL's does: {@code function
     * s.f(integer) does not exist}.
     */
    private static BasaltException asWritten(BasaltException e, Expression.FunctionCall call) {
        String bare = "function " + call.name().last() + "(";
        if (call.name().parts().size() < 2 || e.sqlState() != SqlState.UNDEFINED_FUNCTION
                || !e.getMessage().startsWith(bare)) {
            return e;
        }
        String written = "function " + String.join(".", call.name().parts()) + "("
                + e.getMessage().substring(bare.length());
        BasaltException renamed = BasaltException.at(e.sqlState(), e.position(), written);
        return e.hint() == null ? renamed : renamed.withHint(e.hint());
    }

    /**
     * A built-in call with {@code VARIADIC NULL}: format formats without the variadic arguments; every other
     * function's result is NULL, of the type the call without them has.
     */
    private BoundExpression nullVariadicCall(Expression.FunctionCall call, CallArguments written) {
        List<BoundExpression> fixed = written.values().subList(0, written.values().size() - 1);
        String name = call.name().last();
        if (name.equals("format")) {
            return builtinCall(call, name, fixed);
        }
        LogicalType type;
        try {
            type = builtinCall(call, name, fixed).type();
        } catch (BasaltException e) {
            type = LogicalType.TEXT;
        }
        return new BoundExpression.Constant(null, type, call.position());
    }

    private BoundExpression builtinCall(Expression.FunctionCall call, String name, List<BoundExpression> arguments) {
        if (AggregateSupportFunctions.handles(name)) {
            BoundExpression support = AggregateSupportFunctions.bind(name, arguments, call.position());
            if (support != null) {
                return support;
            }
        }
        return switch (name) {
            case "coalesce" -> coalesce(arguments, call.position());
            case "nullif" -> nullIf(arguments, call.position());
            case "greatest", "least" -> extremum(name, arguments, call.position());
            case "extract", "date_part" -> datePart(name, arguments, call.position());
            case "date_trunc" -> DateTimeFunctions.dateTrunc(arguments, call.position());
            case "timezone" -> {
                BoundExpression shifted = DateTimeFunctions.timezone(arguments, parameters.statementTimeMicros(),
                        call.position());
                yield shifted != null ? shifted : Functions.scalar(name, arguments, call.position());
            }
            case "to_number" -> {
                BoundExpression number = FormattingFunctions.toNumber(arguments, call.position());
                yield number != null ? number : Functions.scalar(name, arguments, call.position());
            }
            case "to_char" -> {
                BoundExpression formatted = FormattingFunctions.toChar(arguments, call.position());
                yield formatted != null ? formatted : Functions.scalar(name, arguments, call.position());
            }
            case "now", "current_timestamp", "transaction_timestamp", "statement_timestamp", "clock_timestamp",
                 "localtimestamp", "current_date", "current_time", "localtime" ->
                    currentTime(name, arguments, call.position());
            default -> {
                BoundExpression dateTime = DateTimeFunctions.bind(name, arguments, parameters.statementTimeMicros(),
                        call.position());
                yield dateTime != null ? dateTime : Functions.scalar(name, arguments, call.position());
            }
        };
    }

    private BoundExpression like(Expression.Like e) {
        BoundExpression operand = bind(e.operand());
        BoundExpression pattern = bind(e.pattern());
        BoundExpression escape = e.escape() == null
                ? new BoundExpression.Constant("\\", LogicalType.UNKNOWN, e.position()) : bind(e.escape());
        String operator = (e.negated() ? "!" : "") + (e.caseInsensitive() ? "~~*" : "~~");
        BoundExpression byteaEscape = e.escape() == null ? null : escape;
        if (!e.caseInsensitive() && ByteaLike.applies(operand, pattern, byteaEscape)) {
            return ByteaLike.bind(operand, pattern, byteaEscape, e.negated(), e.position());
        }
        if (!operand.type().isString() || !pattern.type().isString() || !escape.type().isString()) {
            throw Coercion.noOperator(operator, operand.type(), pattern.type(), e.position());
        }
        // a char operand is matched with its padding, as PostgreSQL's bpcharlike does
        operand = operand.type().id() == TypeId.CHAR ? operand : Coercion.cast(operand, LogicalType.TEXT, false);
        pattern = Coercion.cast(pattern, LogicalType.TEXT, false);
        escape = Coercion.cast(escape, LogicalType.TEXT, false);
        if (pattern instanceof BoundExpression.Constant p && escape instanceof BoundExpression.Constant x) {
            if (p.value() == null || x.value() == null) {
                return new BoundExpression.Constant(null, LogicalType.BOOLEAN, e.position());
            }
            io.basalt.exec.function.scalar.LikeFunction function;
            try {
                function = io.basalt.exec.function.scalar.LikeFunction.constant((String) p.value(), (String) x.value(),
                        e.negated(), e.caseInsensitive());
            } catch (BasaltException invalid) {
                throw invalid.withPositionIfAbsent(p.position());
            }
            return new BoundExpression.Function(function, List.of(operand), LogicalType.BOOLEAN, e.position());
        }
        return new BoundExpression.Function(io.basalt.exec.function.scalar.LikeFunction.dynamic(e.negated(),
                e.caseInsensitive()), List.of(operand, pattern, escape), LogicalType.BOOLEAN, e.position());
    }

    /**
     * {@code a || b}: bytea concatenation when a side is bytea and the other bytea or an untyped literal; else
     * text concatenation, a non-text side converted to its text form, as PostgreSQL does.
     */
    private static BoundExpression concatenate(BoundExpression left, BoundExpression right, int position) {
        TypeId l = left.type().id();
        TypeId r = right.type().id();
        if ((l == TypeId.BYTEA || r == TypeId.BYTEA) && (l == TypeId.BYTEA || l == TypeId.UNKNOWN)
                && (r == TypeId.BYTEA || r == TypeId.UNKNOWN)) {
            return new BoundExpression.Function(io.basalt.exec.function.scalar.ScalarFunctions.byteaConcatOperator(),
                    List.of(Coercion.cast(left, LogicalType.BYTEA, false), Coercion.cast(right, LogicalType.BYTEA, false)),
                    LogicalType.BYTEA, position);
        }
        if (!left.type().isString() && !right.type().isString()) {
            throw Coercion.noOperator("||", left.type(), right.type(), position);
        }
        return new BoundExpression.Function(io.basalt.exec.function.scalar.ScalarFunctions.concatOperator(),
                List.of(Coercion.cast(left, LogicalType.TEXT, true), Coercion.cast(right, LogicalType.TEXT, true)),
                LogicalType.TEXT, position);
    }

    private static BoundExpression extremum(String name, List<BoundExpression> arguments, int position) {
        LogicalType type = unify(arguments, name.toUpperCase(java.util.Locale.ROOT));
        List<BoundExpression> cast = new ArrayList<>();
        for (BoundExpression argument : arguments) {
            cast.add(Coercion.cast(argument, type, false));
        }
        return new BoundExpression.Function(new io.basalt.exec.function.scalar.ExtremumFunction(name.equals("greatest")),
                cast, type, position);
    }

    /** {@code EXTRACT(field FROM d)} (numeric) and {@code date_part('field', d)} (double precision). */
    private static BoundExpression datePart(String name, List<BoundExpression> arguments, int position) {
        if (arguments.size() != 2 || !(arguments.get(0) instanceof BoundExpression.Constant field)
                || !field.type().isString() || field.value() == null) {
            throw notYet(name + " with these arguments", position);
        }
        BoundExpression source = arguments.get(1);
        if (source.type().id() == TypeId.UNKNOWN) {
            source = Coercion.cast(source, LogicalType.TIMESTAMPTZ, false);
        }
        if (source.type().id() == TypeId.TIMESTAMP || source.type().id() == TypeId.TIMESTAMPTZ) {
            io.basalt.exec.function.scalar.DatePartFunction function;
            try {
                function = source.type().id() == TypeId.TIMESTAMPTZ
                        ? io.basalt.exec.function.scalar.DatePartFunction.ofTimestampTz((String) field.value(),
                                io.basalt.type.datetime.DateTimeSettings.current().zone())
                        : io.basalt.exec.function.scalar.DatePartFunction.ofTimestamp((String) field.value());
            } catch (BasaltException invalid) {
                throw invalid;
            }
            return new BoundExpression.Function(function, List.of(source),
                    DateTimeFunctions.partType(name, function.field()), position);
        }
        if (source.type().id() == TypeId.INTERVAL) {
            return DateTimeFunctions.intervalPart(name, (String) field.value(), source, position);
        }
        if (source.type().isTimeOfDay()) {
            return DateTimeFunctions.timePart(name, (String) field.value(), source, position);
        }
        if (source.type().id() != TypeId.DATE) {
            throw notYet(name + " on " + source.type().displayName(), position);
        }
        io.basalt.exec.function.scalar.DatePartFunction function;
        try {
            function = io.basalt.exec.function.scalar.DatePartFunction.of((String) field.value());
        } catch (BasaltException invalid) {
            throw invalid;
        }
        return new BoundExpression.Function(function, List.of(source),
                DateTimeFunctions.partType(name, function.field()), position);
    }

    /** {@code now()} and friends: the statement's start time, the same for every call in the statement. */
    private BoundExpression currentTime(String name, List<BoundExpression> arguments, int position) {
        return DateTimeFunctions.current(name, arguments, parameters.statementTimeMicros(), position);
    }

    private static BoundExpression coalesce(List<BoundExpression> arguments, int position) {
        LogicalType type = unify(arguments, "COALESCE");
        List<BoundExpression> conditions = new ArrayList<>();
        List<BoundExpression> results = new ArrayList<>();
        for (int i = 0; i < arguments.size() - 1; i++) {
            BoundExpression argument = Coercion.cast(arguments.get(i), type, false);
            conditions.add(new BoundExpression.IsNull(argument, true, position));
            results.add(argument);
        }
        return new BoundExpression.Case(conditions, results, Coercion.cast(arguments.getLast(), type, false), type,
                position);
    }

    private static BoundExpression nullIf(List<BoundExpression> arguments, int position) {
        if (arguments.size() != 2) {
            throw BasaltException.at(SqlState.UNDEFINED_FUNCTION, position, "function nullif with "
                    + arguments.size() + " arguments does not exist");
        }
        BoundExpression first = arguments.get(0);
        BoundExpression equal = compare(CompareOp.EQ, first, arguments.get(1), position);
        LogicalType type = first.type().id() == TypeId.UNKNOWN ? LogicalType.TEXT : first.type();
        return new BoundExpression.Case(List.of(equal),
                List.of(new BoundExpression.Constant(null, type, position)), Coercion.cast(first, type, false), type,
                position);
    }

    private BoundExpression windowCall(Expression.FunctionCall call) {
        String forbidden = windowlessClause != null ? windowlessClause : windows == null ? aggregateClause : null;
        if (forbidden != null) {
            throw BasaltException.at(SqlState.WINDOWING_ERROR, call.position(),
                    "window functions are not allowed in " + forbidden);
        }
        if (windows == null) {
            throw notYet("window functions here", call.position());
        }
        if (insideWindow) {
            throw BasaltException.at(SqlState.WINDOWING_ERROR, call.position(), "window function calls cannot be nested");
        }
        if (insideAggregate) {
            throw BasaltException.at(SqlState.GROUPING_ERROR, call.position(),
                    "aggregate function calls cannot contain window function calls");
        }
        insideWindow = true;
        try {
            return windows.bind(call, this);
        } finally {
            insideWindow = false;
        }
    }

    /** {@code GROUPING(...)}: allowed where aggregates are, not inside one; the aggregation binder resolves it. */
    private BoundExpression grouping(Expression.FunctionCall call) {
        if (aggregateClause != null) {
            throw BasaltException.at(SqlState.GROUPING_ERROR, call.position(),
                    "grouping operations are not allowed in " + aggregateClause);
        }
        if (insideAggregate) {
            throw BasaltException.at(SqlState.GROUPING_ERROR, call.position(), "aggregate function calls cannot be nested");
        }
        List<BoundExpression> arguments = new ArrayList<>();
        for (Expression argument : call.arguments()) {
            arguments.add(bind(argument));
        }
        return GroupingFunction.call(arguments, call.position());
    }

    private BoundExpression aggregate(Expression.FunctionCall call, String name) {
        if (aggregateClause != null) {
            throw BasaltException.at(SqlState.GROUPING_ERROR, call.position(),
                    "aggregate functions are not allowed in " + aggregateClause);
        }
        if (insideAggregate) {
            throw BasaltException.at(SqlState.GROUPING_ERROR, call.position(), "aggregate function calls cannot be nested");
        }
        boolean orderedSet = Functions.isOrderedSetAggregate(name)
                || call.withinGroup() && Functions.isHypotheticalSetAggregate(name);
        insideAggregate = true;
        if (orderedSet != call.withinGroup()) {
            // PostgreSQL looks such a call up as a function of all its arguments, sort keys included, and
            // finds none.
            List<BoundExpression> all = new ArrayList<>();
            for (Expression argument : call.arguments()) {
                all.add(bind(argument));
            }
            if (call.withinGroup()) {
                for (io.basalt.sql.ast.OrderItem item : call.orderBy()) {
                    all.add(bind(item.expression()));
                }
            }
            insideAggregate = false;
            throw OrderedSetMisuse.error(name, all, call.withinGroup(), call.position());
        }
        BoundExpression.AggregateCall bound;
        try {
            if (call.star() && UserAggregateCalls.mayBe(name)
                    && (bound = UserAggregateCalls.bind(call, List.of())) != null) {
                // a user-defined aggregate without arguments: agg(*)
            } else if (call.star() && !name.equals("count") && UserAggregateCalls.mayBe(name)) {
                throw Functions.undefined(name, List.of(), call.position());
            } else if (call.star()) {
                if (!name.equals("count")) {
                    throw BasaltException.at(SqlState.WRONG_OBJECT_TYPE, call.position(),
                            name + "(*) specified, but " + name + " is not an aggregate function without arguments");
                }
                bound = new BoundExpression.AggregateCall(io.basalt.exec.function.aggregate.CountAggregate.star(), null,
                        call.position());
            } else if (orderedSet) {
                bound = orderedSetAggregate(call, name);
            } else {
                List<BoundExpression> arguments = new ArrayList<>();
                for (Expression argument : call.arguments()) {
                    arguments.add(bind(argument));
                }
                BoundExpression.AggregateCall user = UserAggregateCalls.mayBe(name)
                        ? UserAggregateCalls.bind(call, arguments) : null;
                bound = user != null ? user : Functions.aggregate(name, arguments, call.position());
                if (call.distinct() && !call.orderBy().isEmpty()) {
                    requireKeysAmongArguments(call, bound);
                }
                if (call.distinct()) {
                    List<LogicalType> extraTypes = new ArrayList<>();
                    for (BoundExpression extra : bound.extraArguments()) {
                        extraTypes.add(extra.type());
                    }
                    bound = new BoundExpression.AggregateCall(
                            new io.basalt.exec.function.aggregate.DistinctAggregate(bound.function(), extraTypes),
                            bound.argument(), bound.extraArguments(), null, bound.position());
                }
                if (!call.orderBy().isEmpty() || call.distinct()) {
                    bound = orderedInput(bound, call, name);
                }
            }
        } finally {
            insideAggregate = false;
        }
        if (call.filter() != null) {
            bound = new BoundExpression.AggregateCall(bound.function(), bound.argument(), bound.extraArguments(),
                    filterCondition(call.filter()), bound.position());
        }
        BoundExpression enclosing = subqueries == null ? null : subqueries.enclosingQueryAggregate(bound);
        if (enclosing != null) {
            return enclosing;
        }
        UserAggregateSharing.register(parameters, bound, call.distinct());
        return bound;
    }

    /** With DISTINCT, PostgreSQL sorts by the arguments, so every ORDER BY key must be one of them. */
    private void requireKeysAmongArguments(Expression.FunctionCall call, BoundExpression.AggregateCall bound) {
        List<BoundExpression> arguments = new ArrayList<>();
        arguments.add(bound.argument());
        arguments.addAll(bound.extraArguments());
        for (io.basalt.sql.ast.OrderItem item : call.orderBy()) {
            BoundExpression key = bind(item.expression());
            boolean found = false;
            for (BoundExpression argument : arguments) {
                found |= io.basalt.plan.expression.ExpressionEquivalence.same(key, argument)
                        || io.basalt.plan.expression.ExpressionEquivalence.same(Coercion.cast(key, argument.type(), false),
                        argument);
            }
            if (!found) {
                throw BasaltException.at(SqlState.INVALID_COLUMN_REFERENCE, item.position(),
                        "in an aggregate with DISTINCT, ORDER BY expressions must appear in argument list");
            }
        }
    }

    /** {@code FILTER (WHERE f)}: a boolean condition without aggregates, bound in the aggregate's scope. */
    BoundExpression filterCondition(Expression filter) {
        BoundExpression condition = new ExpressionBinder(scope, parameters, "FILTER", filterSubqueries).bind(filter);
        if (condition.type().id() == TypeId.UNKNOWN) {
            return Coercion.cast(condition, LogicalType.BOOLEAN, false);
        }
        if (condition.type().id() != TypeId.BOOLEAN) {
            throw BasaltException.at(SqlState.DATATYPE_MISMATCH, filter.position(),
                    "argument of FILTER must be type boolean, not type " + condition.type().displayName());
        }
        return condition;
    }

    /**
     * {@code agg(args ORDER BY keys)}: the keys become extra arguments and the function is wrapped so that it
     * sees each group's rows in key order; for aggregates whose result does not depend on order the keys are
     * bound (so errors in them show) and dropped. With DISTINCT every key must be one of the arguments.
     */
    private BoundExpression.AggregateCall orderedInput(BoundExpression.AggregateCall bound,
                                                      Expression.FunctionCall call, String name) {
        List<BoundExpression> keys = new ArrayList<>();
        List<io.basalt.exec.operator.sort.SortKey> sortKeys = new ArrayList<>();
        for (io.basalt.sql.ast.OrderItem item : call.orderBy()) {
            BoundExpression key = bind(item.expression());
            if (key.type().id() == TypeId.UNKNOWN) {
                key = Coercion.cast(key, LogicalType.TEXT, false);
            }
            boolean nullsFirst = item.nullsFirst() != null ? item.nullsFirst() : item.descending();
            sortKeys.add(new io.basalt.exec.operator.sort.SortKey(keys.size(), item.descending(), nullsFirst));
            keys.add(key);
        }
        if (call.distinct()) {
            // PostgreSQL de-duplicates by sorting on the ORDER BY keys and then every argument, ascending
            List<BoundExpression> arguments = new ArrayList<>();
            if (bound.argument() != null) {
                arguments.add(bound.argument());
            }
            arguments.addAll(bound.extraArguments());
            for (BoundExpression argument : arguments) {
                sortKeys.add(new io.basalt.exec.operator.sort.SortKey(keys.size(), false, false));
                keys.add(argument);
            }
        }
        if (Functions.isOrderInsensitive(name) || keys.isEmpty()) {
            return bound;
        }
        List<BoundExpression> extras = new ArrayList<>(bound.extraArguments());
        extras.addAll(keys);
        return new BoundExpression.AggregateCall(
                new io.basalt.exec.function.aggregate.OrderedAggregate(bound.function(),
                        1 + bound.extraArguments().size(), sortKeys),
                bound.argument(), extras, null, bound.position());
    }

    /** {@code f(direct) WITHIN GROUP (ORDER BY x)}: the direct arguments and the one sort key are bound. */
    private BoundExpression.AggregateCall orderedSetAggregate(Expression.FunctionCall call, String name) {
        List<BoundExpression> direct = new ArrayList<>();
        for (Expression argument : call.arguments()) {
            direct.add(bind(argument));
        }
        if (call.orderBy().size() != 1) {
            List<BoundExpression> all = new ArrayList<>(direct);
            for (io.basalt.sql.ast.OrderItem item : call.orderBy()) {
                all.add(bind(item.expression()));
            }
            throw Functions.undefined(name, all, call.position());
        }
        io.basalt.sql.ast.OrderItem item = call.orderBy().getFirst();
        if (Functions.isHypotheticalSetAggregate(name)) {
            boolean nullsFirst = item.nullsFirst() != null ? item.nullsFirst() : item.descending();
            return Functions.hypotheticalSetAggregate(name, direct, bind(item.expression()), item.descending(),
                    nullsFirst, call.position());
        }
        return Functions.orderedSetAggregate(name, direct, bind(item.expression()), item.descending(),
                call.position());
    }

    private static BoundExpression constant(boolean value, int position) {
        return new BoundExpression.Constant(value, LogicalType.BOOLEAN, position);
    }

    static BasaltException notYet(String feature, int position) {
        return BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, position, feature + " is not supported yet");
    }
}
