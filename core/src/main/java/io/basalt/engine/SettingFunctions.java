package io.basalt.engine;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.FromItem;
import io.basalt.sql.ast.InsertStatement;
import io.basalt.sql.ast.OrderItem;
import io.basalt.sql.ast.Query;
import io.basalt.sql.ast.QueryBody;
import io.basalt.sql.ast.QueryStatement;
import io.basalt.sql.ast.SelectItem;
import io.basalt.sql.ast.Statement;
import io.basalt.sql.ast.TypeName;
import io.basalt.sql.ast.With;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The functions that read and change the session's settings, {@code current_setting(name [, missing_ok])} and
 * {@code set_config(name, value, is_local)}, applied to a statement's syntax tree before it is bound: each call
 * whose arguments are constants is evaluated against the session's {@link SessionSettings} and replaced by its
 * result, a text constant. The binder's function catalogue holds only functions of values, so these calls
 * would otherwise not resolve.
 *
 * <p>Differences from PostgreSQL, which evaluates them row by row: a call is evaluated once, when the statement
 * is bound, in the order the calls are written (so {@code set_config} takes effect even if the query then
 * returns no rows); arguments must be constants (0A000 otherwise); {@code is_local} behaves as SET LOCAL does in
 * Basalt (see {@link SettingStatements}). Calls with other numbers of arguments are left for the binder, which
 * reports them as PostgreSQL does ("function current_setting() does not exist").
 */
final class SettingFunctions {
    /** Told of each change set_config is about to make (the parameter, and whether is_local is true). */
    interface ChangeListener {
        void beforeChange(String name, boolean local);
    }

    private final SessionSettings settings;
    private final ChangeListener listener;

    /** @param apply whether set_config changes the settings; without, it only checks and returns the value */
    private SettingFunctions(SessionSettings settings, boolean apply, ChangeListener listener) {
        this.settings = apply ? settings : settings.copy();
        this.listener = apply ? listener : null;
    }

    /**
     * {@code statement} with its setting functions evaluated (the same object when it has none); statements
     * other than queries and INSERT are returned unchanged.
     */
    static Statement rewrite(Statement statement, SessionSettings settings, boolean apply) {
        return rewrite(statement, settings, apply, null);
    }

    /** As {@link #rewrite(Statement, SessionSettings, boolean)}, telling {@code listener} (if any) of each change. */
    static Statement rewrite(Statement statement, SessionSettings settings, boolean apply, ChangeListener listener) {
        SettingFunctions functions = new SettingFunctions(settings, apply, listener);
        return switch (statement) {
            case QueryStatement query -> {
                Query rewritten = functions.query(query.query());
                yield rewritten == query.query() ? query : new QueryStatement(rewritten, query.position());
            }
            case InsertStatement insert -> {
                Query source = insert.source() == null ? null : functions.query(insert.source());
                List<SelectItem> returning = functions.items(insert.returning());
                yield source == insert.source() && returning == insert.returning() ? insert
                        : new InsertStatement(insert.table(), insert.alias(), insert.columns(), source,
                                insert.onConflict(), returning, insert.position(), insert.columnSubscripts(),
                                insert.with(), insert.overriding());
            }
            default -> statement;
        };
    }

    // ---------------------------------------------------------------- queries

    private Query query(Query query) {
        With with = query.with() == null ? null : with(query.with());
        QueryBody body = body(query.body());
        List<OrderItem> orderBy = orderBy(query.orderBy());
        Expression limit = expression(query.limit());
        Expression offset = expression(query.offset());
        if (with == query.with() && body == query.body() && orderBy == query.orderBy() && limit == query.limit()
                && offset == query.offset()) {
            return query;
        }
        return new Query(with, body, orderBy, limit, offset, query.position());
    }

    private With with(With with) {
        List<With.CommonTableExpression> tables = new ArrayList<>();
        boolean changed = false;
        for (With.CommonTableExpression table : with.tables()) {
            if (table.query() == null) {
                tables.add(table);
                continue;
            }
            Query rewritten = query(table.query());
            changed |= rewritten != table.query();
            tables.add(rewritten == table.query() ? table : table.withQuery(rewritten));
        }
        return changed ? new With(with.recursive(), tables, with.position()) : with;
    }

    private QueryBody body(QueryBody body) {
        return switch (body) {
            case QueryBody.Select select -> {
                List<SelectItem> items = items(select.items());
                List<FromItem> from = fromItems(select.from());
                Expression where = expression(select.where());
                List<Expression> groupBy = expressions(select.groupBy());
                Expression having = expression(select.having());
                yield items == select.items() && from == select.from() && where == select.where()
                        && groupBy == select.groupBy() && having == select.having() ? select
                        : new QueryBody.Select(select.distinct(), select.distinctOn(), items, from, where, groupBy, having,
                                select.windows(), select.position(), select.groupingSets());
            }
            case QueryBody.Values values -> {
                List<List<Expression>> rows = new ArrayList<>();
                boolean changed = false;
                for (List<Expression> row : values.rows()) {
                    List<Expression> rewritten = expressions(row);
                    changed |= rewritten != row;
                    rows.add(rewritten);
                }
                yield changed ? new QueryBody.Values(rows, values.position()) : values;
            }
            case QueryBody.SetOperation operation -> {
                QueryBody left = body(operation.left());
                QueryBody right = body(operation.right());
                yield left == operation.left() && right == operation.right() ? operation
                        : new QueryBody.SetOperation(operation.operator(), operation.all(), left, right,
                                operation.position());
            }
            case QueryBody.Nested nested -> {
                Query rewritten = query(nested.query());
                yield rewritten == nested.query() ? nested : new QueryBody.Nested(rewritten, nested.position());
            }
        };
    }

    /** Select items; an unnamed item that is exactly a setting function keeps the function's name as its own. */
    private List<SelectItem> items(List<SelectItem> items) {
        List<SelectItem> rewritten = new ArrayList<>();
        boolean changed = false;
        for (SelectItem item : items) {
            SelectItem result = item;
            if (item instanceof SelectItem.Item expressionItem) {
                Expression expression = expression(expressionItem.expression());
                if (expression != expressionItem.expression()) {
                    String alias = expressionItem.alias();
                    if (alias == null) {
                        alias = columnName(expressionItem.expression());
                    }
                    result = new SelectItem.Item(expression, alias, item.position());
                }
            }
            changed |= result != item;
            rewritten.add(result);
        }
        return changed ? rewritten : items;
    }

    /**
     * The name PostgreSQL gives a result column that is a setting function, possibly cast
     * ({@code current_setting('x')::integer} is "current_setting"), or null to leave naming to the binder.
     */
    private static String columnName(Expression original) {
        return switch (original) {
            case Expression.FunctionCall call -> settingFunction(call);
            case Expression.Cast cast -> columnName(cast.operand());
            default -> null;
        };
    }

    private List<FromItem> fromItems(List<FromItem> items) {
        List<FromItem> rewritten = new ArrayList<>();
        boolean changed = false;
        for (FromItem item : items) {
            FromItem result = fromItem(item);
            changed |= result != item;
            rewritten.add(result);
        }
        return changed ? rewritten : items;
    }

    private FromItem fromItem(FromItem item) {
        return switch (item) {
            case FromItem.Table table -> table;
            case FromItem.Subquery subquery -> {
                Query rewritten = query(subquery.query());
                yield rewritten == subquery.query() ? subquery : new FromItem.Subquery(rewritten, subquery.lateral(),
                        subquery.alias(), subquery.columnAliases(), subquery.position());
            }
            case FromItem.Function function -> {
                List<Expression> arguments = expressions(function.call().arguments());
                yield arguments == function.call().arguments() ? function : new FromItem.Function(
                        withArguments(function.call(), arguments), function.lateral(), function.alias(),
                        function.columnAliases(), function.position());
            }
            case FromItem.Join join -> {
                FromItem left = fromItem(join.left());
                FromItem right = fromItem(join.right());
                Expression condition = expression(join.condition());
                yield left == join.left() && right == join.right() && condition == join.condition() ? join
                        : new FromItem.Join(join.type(), join.natural(), left, right, condition, join.using(),
                                join.position());
            }
            case FromItem.JoinAlias alias -> {
                FromItem joined = fromItem(alias.joined());
                yield joined == alias.joined() ? alias : new FromItem.JoinAlias(joined, alias.alias(),
                        alias.columnAliases(), alias.usingAlias(), alias.position());
            }
        };
    }

    private List<OrderItem> orderBy(List<OrderItem> items) {
        List<OrderItem> rewritten = new ArrayList<>();
        boolean changed = false;
        for (OrderItem item : items) {
            Expression expression = expression(item.expression());
            OrderItem result = expression == item.expression() ? item
                    : new OrderItem(expression, item.descending(), item.nullsFirst(), item.position());
            changed |= result != item;
            rewritten.add(result);
        }
        return changed ? rewritten : items;
    }

    // ---------------------------------------------------------------- expressions

    private List<Expression> expressions(List<Expression> expressions) {
        List<Expression> rewritten = new ArrayList<>(expressions.size());
        boolean changed = false;
        for (Expression expression : expressions) {
            Expression result = expression(expression);
            changed |= result != expression;
            rewritten.add(result);
        }
        return changed ? rewritten : expressions;
    }

    /** The expression with its setting functions evaluated; null stays null. */
    private Expression expression(Expression expression) {
        if (expression == null) {
            return null;
        }
        return switch (expression) {
            case Expression.Default e -> e;
            case Expression.NullLiteral e -> e;
            case Expression.BooleanLiteral e -> e;
            case Expression.NumberLiteral e -> e;
            case Expression.StringLiteral e -> e;
            case Expression.TypedLiteral e -> e;
            case Expression.ColumnRef e -> e;
            case Expression.Parameter e -> e;
            case Expression.Unary e -> {
                Expression operand = expression(e.operand());
                yield operand == e.operand() ? e : new Expression.Unary(e.operator(), operand, e.position());
            }
            case Expression.Binary e -> {
                Expression left = expression(e.left());
                Expression right = expression(e.right());
                yield left == e.left() && right == e.right() ? e
                        : new Expression.Binary(e.operator(), left, right, e.position());
            }
            case Expression.IsNull e -> {
                Expression operand = expression(e.operand());
                yield operand == e.operand() ? e : new Expression.IsNull(operand, e.negated(), e.position());
            }
            case Expression.IsBoolean e -> {
                Expression operand = expression(e.operand());
                yield operand == e.operand() ? e
                        : new Expression.IsBoolean(operand, e.value(), e.negated(), e.position());
            }
            case Expression.IsDistinctFrom e -> {
                Expression left = expression(e.left());
                Expression right = expression(e.right());
                yield left == e.left() && right == e.right() ? e
                        : new Expression.IsDistinctFrom(left, right, e.negated(), e.position());
            }
            case Expression.Between e -> {
                Expression operand = expression(e.operand());
                Expression low = expression(e.low());
                Expression high = expression(e.high());
                yield operand == e.operand() && low == e.low() && high == e.high() ? e
                        : new Expression.Between(operand, low, high, e.negated(), e.symmetric(), e.position());
            }
            case Expression.InList e -> {
                Expression operand = expression(e.operand());
                List<Expression> values = expressions(e.values());
                yield operand == e.operand() && values == e.values() ? e
                        : new Expression.InList(operand, values, e.negated(), e.position());
            }
            case Expression.InSubquery e -> {
                Expression operand = expression(e.operand());
                Query query = query(e.query());
                yield operand == e.operand() && query == e.query() ? e
                        : new Expression.InSubquery(operand, query, e.negated(), e.position());
            }
            case Expression.Exists e -> {
                Query query = query(e.query());
                yield query == e.query() ? e : new Expression.Exists(query, e.position());
            }
            case Expression.ScalarSubquery e -> {
                Query query = query(e.query());
                yield query == e.query() ? e : new Expression.ScalarSubquery(query, e.position());
            }
            case Expression.ArraySubquery e -> {
                Query query = query(e.query());
                yield query == e.query() ? e : new Expression.ArraySubquery(query, e.position());
            }
            case Expression.Quantified e -> {
                Expression left = expression(e.left());
                Query query = e.query() == null ? null : query(e.query());
                Expression array = expression(e.array());
                yield left == e.left() && query == e.query() && array == e.array() ? e
                        : new Expression.Quantified(e.operator(), e.all(), left, query, array, e.position());
            }
            case Expression.Like e -> {
                Expression operand = expression(e.operand());
                Expression pattern = expression(e.pattern());
                Expression escape = expression(e.escape());
                yield operand == e.operand() && pattern == e.pattern() && escape == e.escape() ? e
                        : new Expression.Like(operand, pattern, escape, e.negated(), e.caseInsensitive(), e.position());
            }
            case Expression.Case e -> caseExpression(e);
            case Expression.Cast e -> {
                Expression operand = expression(e.operand());
                yield operand == e.operand() ? e : new Expression.Cast(operand, e.type(), e.position());
            }
            case Expression.FunctionCall e -> functionCall(e);
            case Expression.ArrayConstructor e -> {
                List<Expression> elements = expressions(e.elements());
                yield elements == e.elements() ? e : new Expression.ArrayConstructor(elements, e.position());
            }
            case Expression.Subscript e -> {
                Expression operand = expression(e.operand());
                Expression lower = expression(e.lower());
                Expression upper = expression(e.upper());
                yield operand == e.operand() && lower == e.lower() && upper == e.upper() ? e
                        : new Expression.Subscript(operand, lower, upper, e.slice(), e.position());
            }
            case Expression.RowConstructor e -> {
                List<Expression> fields = expressions(e.fields());
                yield fields == e.fields() ? e : new Expression.RowConstructor(fields, e.position());
            }
            case Expression.VariadicArgument e -> {
                Expression value = expression(e.value());
                yield value == e.value() ? e : new Expression.VariadicArgument(value, e.position());
            }
            case Expression.NamedArgument e -> {
                Expression value = expression(e.value());
                yield value == e.value() ? e : new Expression.NamedArgument(e.name(), value, e.position());
            }
            case Expression.FieldSelection e -> {
                Expression operand = expression(e.operand());
                yield operand == e.operand() ? e : new Expression.FieldSelection(operand, e.field(), e.position());
            }
        };
    }

    private Expression caseExpression(Expression.Case e) {
        Expression operand = expression(e.operand());
        List<Expression.When> whens = new ArrayList<>();
        boolean changed = operand != e.operand();
        for (Expression.When when : e.whens()) {
            Expression condition = expression(when.condition());
            Expression result = expression(when.result());
            boolean same = condition == when.condition() && result == when.result();
            changed |= !same;
            whens.add(same ? when : new Expression.When(condition, result, when.position()));
        }
        Expression otherwise = expression(e.otherwise());
        changed |= otherwise != e.otherwise();
        return changed ? new Expression.Case(operand, whens, otherwise, e.position()) : e;
    }

    private Expression functionCall(Expression.FunctionCall call) {
        List<Expression> arguments = expressions(call.arguments());
        String name = settingFunction(call);
        if (name != null && call.over() == null && call.filter() == null && !call.distinct() && !call.star()
                && call.orderBy().isEmpty()) {
            if (name.equals("current_setting") && (arguments.size() == 1 || arguments.size() == 2)) {
                return currentSetting(arguments, call.position());
            }
            if (name.equals("set_config") && arguments.size() == 3) {
                return setConfig(arguments, call.position());
            }
        }
        List<OrderItem> orderBy = orderBy(call.orderBy());
        Expression filter = expression(call.filter());
        if (arguments == call.arguments() && orderBy == call.orderBy() && filter == call.filter()) {
            return call;
        }
        return new Expression.FunctionCall(call.name(), arguments, call.distinct(), call.star(), orderBy, filter,
                call.over(), call.position(), call.withinGroup());
    }

    private static Expression.FunctionCall withArguments(Expression.FunctionCall call, List<Expression> arguments) {
        return new Expression.FunctionCall(call.name(), arguments, call.distinct(), call.star(), call.orderBy(),
                call.filter(), call.over(), call.position(), call.withinGroup());
    }

    /** "current_setting" or "set_config" when {@code call} names one (bare or in pg_catalog), else null. */
    private static String settingFunction(Expression.FunctionCall call) {
        List<String> parts = call.name().parts();
        String name = parts.getLast();
        if (!name.equals("current_setting") && !name.equals("set_config")) {
            return null;
        }
        if (parts.size() == 1 || (parts.size() == 2 && parts.getFirst().equals("pg_catalog"))) {
            return name;
        }
        return null;
    }

    private Expression currentSetting(List<Expression> arguments, int position) {
        String name = text(arguments.getFirst(), "current_setting", position);
        if (name == null) {
            return textConstant(null, position);
        }
        boolean missingOk = arguments.size() == 2 && Boolean.TRUE.equals(bool(arguments.get(1), position));
        return textConstant(missingOk ? settings.find(name) : settings.show(name), position);
    }

    private Expression setConfig(List<Expression> arguments, int position) {
        String name = text(arguments.get(0), "set_config", position);
        if (name == null) {
            throw BasaltException.at(SqlState.NULL_VALUE_NOT_ALLOWED, position, "SET requires parameter name");
        }
        String value = text(arguments.get(1), "set_config", position);
        Boolean local = bool(arguments.get(2), position);
        if (listener != null) {
            listener.beforeChange(name, Boolean.TRUE.equals(local));
        }
        String result = value == null ? settings.reset(name) : settings.set(name, value, new ArrayList<>());
        return textConstant(result, position);
    }

    /** A constant text argument's value (null for NULL), or 0A000 for anything that is not a constant. */
    private static String text(Expression argument, String function, int position) {
        return switch (argument) {
            case Expression.NullLiteral e -> null;
            case Expression.StringLiteral e -> e.value();
            case Expression.NumberLiteral e -> e.text();
            case Expression.Cast e when e.type().name().equals("text") -> text(e.operand(), function, position);
            default -> throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, argument.position(),
                    function + " with arguments that are not constants is not supported yet");
        };
    }

    /** A constant Boolean argument (null for NULL), read as PostgreSQL reads Boolean input. */
    private static Boolean bool(Expression argument, int position) {
        return switch (argument) {
            case Expression.NullLiteral e -> null;
            case Expression.BooleanLiteral e -> e.value();
            case Expression.StringLiteral e -> {
                String value = e.value().strip().toLowerCase(Locale.ROOT);
                if (value.equals("t") || value.equals("true") || value.equals("on") || value.equals("yes")
                        || value.equals("1")) {
                    yield Boolean.TRUE;
                }
                if (value.equals("f") || value.equals("false") || value.equals("off") || value.equals("no")
                        || value.equals("0")) {
                    yield Boolean.FALSE;
                }
                throw BasaltException.at(SqlState.INVALID_TEXT_REPRESENTATION, e.position(),
                        "invalid input syntax for type boolean: \"" + e.value() + "\"");
            }
            default -> throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, argument.position(),
                    "setting functions with arguments that are not constants are not supported yet");
        };
    }

    private static Expression textConstant(String value, int position) {
        Expression literal = value == null ? new Expression.NullLiteral(position)
                : new Expression.StringLiteral(value, position);
        return new Expression.Cast(literal, new TypeName("text", List.of(), 0, position), position);
    }
}
