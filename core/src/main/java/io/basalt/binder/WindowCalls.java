package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.operator.window.WindowFrame;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ExpressionEquivalence;
import io.basalt.plan.expression.Placeholder;
import io.basalt.plan.expression.PlaceholderReplacement;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.OrderItem;
import io.basalt.sql.ast.WindowDefinition;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The window function calls of one SELECT (its list and ORDER BY) and the named windows of its WINDOW
 * clause. Each call is bound against the SELECT's input scope (its window's keys and its arguments may use
 * aggregates, which the aggregation rewrites like any other expression) and becomes a
 * {@link Placeholder.WindowResult} in its expression. {@link #applyTo} then stacks one
 * {@link LogicalPlan.Window} per distinct window (same PARTITION BY and ORDER BY) on the SELECT's input,
 * and {@link #place} turns each placeholder into the column holding its call's result.
 *
 * <p>Named windows follow PostgreSQL's rules: {@code OVER w} is w itself, frame included; {@code OVER (w ...)}
 * and {@code WINDOW x AS (w ...)} copy w's PARTITION BY (and may not add one), take w's ORDER BY unless w has
 * none, and may not copy a window with a frame clause.
 */
final class WindowCalls {
    /** A window with references to named windows resolved, still as syntax. */
    private record Window(List<Expression> partitionBy, List<OrderItem> orderBy, Expression.WindowFrame frame,
                          int position) {
    }

    private record Pending(List<BoundExpression> partitionKeys, List<LogicalPlan.WindowOrder> orderKeys,
                           LogicalPlan.WindowCallSpec call) {
    }

    /** The clause name of PostgreSQL's "window functions are not allowed in window definitions". */
    private static final String WINDOW_DEFINITIONS = "window definitions";

    private final Map<String, Window> named = new LinkedHashMap<>();
    private final List<Pending> pending = new ArrayList<>();
    private int[] columns;

    WindowCalls(List<WindowDefinition> definitions) {
        for (WindowDefinition definition : definitions) {
            if (named.containsKey(definition.name())) {
                throw BasaltException.at(SqlState.WINDOWING_ERROR, definition.spec().position(),
                        "window \"" + definition.name() + "\" is already defined");
            }
            named.put(definition.name(), resolve(definition.spec(), true));
        }
    }

    /**
     * Binds the keys and frames of every named window, used or not, so that their errors show as PostgreSQL
     * shows them; the results are dropped (each call binds its window again).
     */
    void checkDefinitions(ExpressionBinder binder) {
        for (Window window : named.values()) {
            for (Expression key : window.partitionBy()) {
                binder.bindWithoutWindows(key, WINDOW_DEFINITIONS);
            }
            List<LogicalType> orderTypes = new ArrayList<>();
            for (OrderItem item : window.orderBy()) {
                orderTypes.add(binder.bindWithoutWindows(item.expression(), WINDOW_DEFINITIONS).type());
            }
            WindowFrameBinder.bind(window.frame(), orderTypes, binder, window.position());
        }
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /** {@code spec} with its reference to a named window resolved. */
    private Window resolve(Expression.WindowSpec spec, boolean inWindowClause) {
        if (spec.reference() == null) {
            return new Window(spec.partitionBy(), spec.orderBy(), spec.frame(), spec.position());
        }
        String name = spec.reference();
        Window base = named.get(name);
        if (base == null) {
            throw BasaltException.at(SqlState.UNDEFINED_OBJECT, spec.position(), "window \"" + name + "\" does not exist");
        }
        if (spec.bare()) {
            return base;
        }
        if (!spec.partitionBy().isEmpty()) {
            throw BasaltException.at(SqlState.WINDOWING_ERROR, spec.position(),
                    "cannot override PARTITION BY clause of window \"" + name + "\"");
        }
        if (!spec.orderBy().isEmpty() && !base.orderBy().isEmpty()) {
            throw BasaltException.at(SqlState.WINDOWING_ERROR, spec.position(),
                    "cannot override ORDER BY clause of window \"" + name + "\"");
        }
        if (base.frame() != null) {
            BasaltException error = BasaltException.at(SqlState.WINDOWING_ERROR, spec.position(),
                    "cannot copy window \"" + name + "\" because it has a frame clause");
            if (inWindowClause || !spec.orderBy().isEmpty() || spec.frame() != null) {
                throw error;
            }
            throw error.withHint("Omit the parentheses in this OVER clause.");
        }
        return new Window(base.partitionBy(), spec.orderBy().isEmpty() ? base.orderBy() : spec.orderBy(),
                spec.frame(), spec.position());
    }

    /**
     * Binds a call with OVER: its window, function and arguments (through {@code binder}, which tracks
     * nesting); returns the placeholder of its result.
     */
    BoundExpression bind(Expression.FunctionCall call, ExpressionBinder binder) {
        String name = call.name().last();
        if (call.distinct()) {
            throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, call.position(),
                    "DISTINCT is not implemented for window functions");
        }
        if (!call.orderBy().isEmpty()) {
            throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, call.position(),
                    "aggregate ORDER BY is not implemented for window functions");
        }
        Window window = resolve(call.over(), false);
        List<BoundExpression> arguments = new ArrayList<>();
        for (Expression argument : call.arguments()) {
            arguments.add(binder.bind(argument));
        }
        WindowFunctions.Resolved resolved = WindowFunctions.resolve(name, call.star(), arguments, call.position());
        if (call.filter() != null) {
            resolved = WindowAggregateFilter.apply(resolved, name.toLowerCase(java.util.Locale.ROOT),
                    binder.filterCondition(call.filter()), call.position());
        }
        List<BoundExpression> partitionKeys = new ArrayList<>();
        for (Expression key : window.partitionBy()) {
            partitionKeys.add(binder.bindWithoutWindows(key, WINDOW_DEFINITIONS));
        }
        List<LogicalPlan.WindowOrder> orderKeys = new ArrayList<>();
        List<LogicalType> orderTypes = new ArrayList<>();
        for (OrderItem item : window.orderBy()) {
            BoundExpression key = binder.bindWithoutWindows(item.expression(), WINDOW_DEFINITIONS);
            boolean nullsFirst = item.nullsFirst() != null ? item.nullsFirst() : item.descending();
            orderKeys.add(new LogicalPlan.WindowOrder(key, item.descending(), nullsFirst));
            orderTypes.add(key.type());
        }
        WindowFrame frame = WindowFrameBinder.bind(window.frame(), orderTypes, binder, window.position());
        int id = pending.size();
        pending.add(new Pending(partitionKeys, orderKeys,
                new LogicalPlan.WindowCallSpec(resolved.function(), resolved.arguments(), frame)));
        return Placeholder.of(new Placeholder.WindowResult(id), resolved.function().resultType(), call.position());
    }

    /** Whether any key or argument of any call satisfies {@code test} (e.g. holds an aggregate). */
    boolean anyExpression(Predicate<BoundExpression> test) {
        for (Pending p : pending) {
            for (BoundExpression key : p.partitionKeys()) {
                if (test.test(key)) {
                    return true;
                }
            }
            for (LogicalPlan.WindowOrder key : p.orderKeys()) {
                if (test.test(key.key())) {
                    return true;
                }
            }
            for (BoundExpression argument : p.call().arguments()) {
                if (test.test(argument)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Rewrites every key and argument (onto an aggregation's output, or to place subqueries). */
    void rewrite(UnaryOperator<BoundExpression> rewriter) {
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            List<BoundExpression> partitionKeys = new ArrayList<>();
            for (BoundExpression key : p.partitionKeys()) {
                partitionKeys.add(rewriter.apply(key));
            }
            List<LogicalPlan.WindowOrder> orderKeys = new ArrayList<>();
            for (LogicalPlan.WindowOrder key : p.orderKeys()) {
                orderKeys.add(new LogicalPlan.WindowOrder(rewriter.apply(key.key()), key.descending(),
                        key.nullsFirst()));
            }
            List<BoundExpression> arguments = new ArrayList<>();
            for (BoundExpression argument : p.call().arguments()) {
                arguments.add(rewriter.apply(argument));
            }
            pending.set(i, new Pending(partitionKeys, orderKeys, new LogicalPlan.WindowCallSpec(p.call().function(),
                    arguments, p.call().frame())));
        }
    }

    /**
     * {@code input} with one Window node per distinct window stacked on it, in the order the windows were
     * first written; remembers which output column holds each call's result.
     */
    LogicalPlan applyTo(LogicalPlan input) {
        columns = new int[pending.size()];
        boolean[] placed = new boolean[pending.size()];
        LogicalPlan plan = input;
        for (int first = 0; first < pending.size(); first++) {
            if (placed[first]) {
                continue;
            }
            Pending window = pending.get(first);
            int width = plan.outputTypes().size();
            List<LogicalPlan.WindowCallSpec> calls = new ArrayList<>();
            for (int i = first; i < pending.size(); i++) {
                if (!placed[i] && sameWindow(window, pending.get(i))) {
                    placed[i] = true;
                    columns[i] = width + calls.size();
                    calls.add(pending.get(i).call());
                }
            }
            plan = new LogicalPlan.Window(plan, window.partitionKeys(), window.orderKeys(), calls);
        }
        return plan;
    }

    private static boolean sameWindow(Pending a, Pending b) {
        if (a.partitionKeys().size() != b.partitionKeys().size() || a.orderKeys().size() != b.orderKeys().size()) {
            return false;
        }
        for (int i = 0; i < a.partitionKeys().size(); i++) {
            if (!ExpressionEquivalence.same(a.partitionKeys().get(i), b.partitionKeys().get(i))) {
                return false;
            }
        }
        for (int i = 0; i < a.orderKeys().size(); i++) {
            LogicalPlan.WindowOrder x = a.orderKeys().get(i);
            LogicalPlan.WindowOrder y = b.orderKeys().get(i);
            if (x.descending() != y.descending() || x.nullsFirst() != y.nullsFirst()
                    || !ExpressionEquivalence.same(x.key(), y.key())) {
                return false;
            }
        }
        return true;
    }

    /** The first window call in {@code expression}, or null. */
    static BoundExpression.Function firstCall(BoundExpression expression) {
        BoundExpression.Function[] found = {null};
        PlaceholderReplacement.replace(expression, leaf -> {
            if (found[0] == null && leaf.function() instanceof Placeholder.WindowResult) {
                found[0] = leaf;
            }
            return leaf;
        });
        return found[0];
    }

    /** {@code expression} over the Window nodes' output: each call's placeholder becomes its result column. */
    BoundExpression place(BoundExpression expression) {
        return PlaceholderReplacement.replace(expression, leaf -> leaf.function() instanceof Placeholder.WindowResult r
                ? new BoundExpression.ColumnRef(columns[r.id()], null, "?column?", leaf.type(), leaf.position())
                : leaf);
    }

    List<BoundExpression> placeAll(List<BoundExpression> expressions) {
        List<BoundExpression> out = new ArrayList<>(expressions.size());
        for (BoundExpression expression : expressions) {
            out.add(place(expression));
        }
        return out;
    }
}
