package io.basalt.binder;

import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.FromItem;
import io.basalt.sql.ast.QueryBody;
import io.basalt.sql.ast.SelectItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A set-returning function written as a whole SELECT item ({@code SELECT generate_series(1, 3)},
 * {@code SELECT a, generate_series(1, 2) FROM t}) yields one output row per value it returns for each input row.
 * Without GROUP BY, HAVING or aggregates that is a cross join of the FROM list with the function, so the item
 * moves into FROM under a name no query can write, and the SELECT item reads its column, keeping the function's
 * name as the column's; casts applied to the call stay on the item. Two or more such items run in lockstep
 * (PostgreSQL's rule since version 10) as one ROWS FROM item. Calls nested in other expressions are not rewritten.
 */
final class SetReturningItems {
    private static final Set<String> SET_RETURNING = Set.of("generate_series", "unnest", "regexp_matches",
            "regexp_split_to_table", "string_to_table", "jsonb_path_query", "jsonb_path_query_tz");
    /** The FROM name of a hoisted call; it starts with NUL, which no SQL identifier can hold. */
    private static final String ALIAS = "\0set_returning";

    private SetReturningItems() {
    }

    /** Whether {@code name} is one of the set-returning functions Basalt has (they bind in FROM). */
    static boolean isSetReturning(String name) {
        return SET_RETURNING.contains(name) || JsonSetFunctionBinder.NAMES.contains(name)
                || UserFunctionCalls.isSetReturning(name);
    }

    static QueryBody.Select hoist(QueryBody.Select select) {
        if (!select.groupBy().isEmpty() || select.groupingSets() != null || select.having() != null) {
            return select;
        }
        int found = -1;
        List<Integer> calls = new ArrayList<>();
        for (int i = 0; i < select.items().size(); i++) {
            if (select.items().get(i) instanceof SelectItem.Item item) {
                if (isSetReturningCall(withoutCasts(item.expression()))) {
                    found = i;
                    calls.add(i);
                } else if (!plain(item.expression())) {
                    return select;
                }
            }
        }
        if (found < 0) {
            return select;
        }
        if (calls.size() > 1) {
            return inLockstep(select, calls);
        }
        SelectItem.Item item = (SelectItem.Item) select.items().get(found);
        Expression.FunctionCall call = (Expression.FunctionCall) withoutCasts(item.expression());
        List<FromItem> from = new ArrayList<>(select.from());
        from.add(new FromItem.Function(call, false, ALIAS, List.of(), call.position()));
        List<SelectItem> items = new ArrayList<>(select.items());
        String name = item.alias() != null ? item.alias() : ColumnNaming.figure(item.expression());
        items.set(found, new SelectItem.Item(replaceCall(item.expression(),
                new Expression.ColumnRef(List.of(ALIAS), call.position())), name, item.position()));
        return new QueryBody.Select(select.distinct(), select.distinctOn(), items, from, select.where(),
                select.groupBy(), select.having(), select.windows(), select.position());
    }

    /**
     * Several set-returning items run in lockstep, as PostgreSQL runs them since version 10: row i of each beside row
     * i of the others, the shorter ones padded with NULLs, which is what {@code ROWS FROM (f(...), g(...))} gives. The
     * calls move into FROM as one ROWS FROM item, each item reading its own column. Each call must give one column
     * (unnest of a single array, not of several).
     */
    private static QueryBody.Select inLockstep(QueryBody.Select select, List<Integer> calls) {
        List<Expression.FunctionCall> functions = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (int index : calls) {
            Expression.FunctionCall call = (Expression.FunctionCall)
                    withoutCasts(((SelectItem.Item) select.items().get(index)).expression());
            if (call.name().last().equals("unnest") && call.arguments().size() != 1) {
                return select;
            }
            functions.add(call);
            columns.add(ALIAS + functions.size());
        }
        Expression.FunctionCall first = functions.getFirst();
        List<FromItem> from = new ArrayList<>(select.from());
        from.add(new FromItem.Function(first, false, ALIAS, columns, first.position(), List.of(), false, functions));
        List<SelectItem> items = new ArrayList<>(select.items());
        for (int k = 0; k < calls.size(); k++) {
            SelectItem.Item item = (SelectItem.Item) select.items().get(calls.get(k));
            String name = item.alias() != null ? item.alias() : ColumnNaming.figure(item.expression());
            items.set(calls.get(k), new SelectItem.Item(replaceCall(item.expression(),
                    new Expression.ColumnRef(List.of(ALIAS, columns.get(k)), item.position())), name,
                    item.position()));
        }
        return new QueryBody.Select(select.distinct(), select.distinctOn(), items, from, select.where(),
                select.groupBy(), select.having(), select.windows(), select.position());
    }

    /** The expression under any casts applied to it ({@code generate_series(...)::text}). */
    private static Expression withoutCasts(Expression expression) {
        return expression instanceof Expression.Cast cast ? withoutCasts(cast.operand()) : expression;
    }

    /** {@code expression} with the call under its casts replaced by {@code reference}. */
    private static Expression replaceCall(Expression expression, Expression reference) {
        return expression instanceof Expression.Cast cast
                ? new Expression.Cast(replaceCall(cast.operand(), reference), cast.type(), cast.position())
                : reference;
    }

    private static boolean isSetReturningCall(Expression expression) {
        return expression instanceof Expression.FunctionCall call && call.over() == null && call.filter() == null
                && !call.distinct() && !call.star() && call.orderBy().isEmpty() && call.name().parts().size() == 1
                && (SET_RETURNING.contains(call.name().last())
                        || JsonSetFunctionBinder.SINGLE_COLUMN.contains(call.name().last())
                        || UserFunctionCalls.isSetReturning(call.name().last()));
    }

    /** Whether an expression certainly holds no aggregate, window or set-returning call (then hoisting is safe). */
    private static boolean plain(Expression expression) {
        return switch (expression) {
            case Expression.ColumnRef ignored -> true;
            case Expression.NumberLiteral ignored -> true;
            case Expression.StringLiteral ignored -> true;
            case Expression.NullLiteral ignored -> true;
            case Expression.BooleanLiteral ignored -> true;
            case Expression.TypedLiteral ignored -> true;
            case Expression.Parameter ignored -> true;
            case Expression.Cast cast -> plain(cast.operand());
            case Expression.Unary unary -> plain(unary.operand());
            case Expression.Binary binary -> plain(binary.left()) && plain(binary.right());
            case Expression.FunctionCall call -> call.over() == null && !Functions.isAggregate(call.name().last())
                    && !isSetReturning(call.name().last()) && call.arguments().stream().allMatch(
                    SetReturningItems::plain);
            default -> false;
        };
    }
}
