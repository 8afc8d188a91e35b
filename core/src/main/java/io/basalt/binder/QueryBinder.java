package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ExpressionEquivalence;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.OrderItem;
import io.basalt.sql.ast.Query;
import io.basalt.sql.ast.QueryBody;
import io.basalt.sql.ast.SelectItem;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds a query into a logical plan, clause by clause in SQL's logical order: FROM (its own binder,
 * {@link FromClauseBinder}), WHERE, GROUP BY and aggregates, HAVING, the SELECT list, DISTINCT, ORDER BY,
 * LIMIT/OFFSET. ORDER BY resolves names against the output columns first and against the input otherwise
 * (computed sort keys ride along as hidden columns that a final projection drops), as PostgreSQL does.
 */
public final class QueryBinder {
    private final BindContext context;
    private final Surroundings surroundings;

    public QueryBinder(BindContext context) {
        this(context, Surroundings.NONE);
    }

    QueryBinder(BindContext context, Surroundings surroundings) {
        this.context = context;
        this.surroundings = surroundings;
    }

    /**
     * Binds a query. Locking clauses are bound only at the top level of a SELECT statement
     * ({@link LockingQueryBinder}); anywhere else (subqueries, CTEs, views, cursors) they are 0A000.
     */
    public BoundQuery bind(Query query) {
        if (!query.locking().isEmpty()) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, query.locking().getFirst().strength().text()
                    + " is supported only at the top level of a SELECT statement");
        }
        if (query.with() != null) {
            Surroundings inner = CommonTableBinder.declare(query.with(), surroundings, context);
            return new QueryBinder(context, inner).bind(new Query(query.body(), query.orderBy(), query.limit(),
                    query.offset(), query.position()));
        }
        return switch (query.body()) {
            case QueryBody.Select select -> bindSelect(select, query);
            case QueryBody.Values values -> finish(bindValues(values), query.orderBy(), query);
            case QueryBody.Nested nested -> {
                if (query.orderBy().isEmpty() && query.limit() == null && query.offset() == null) {
                    yield bind(nested.query());
                }
                if (SetOperationBinder.isSetOperation(nested.query())) {
                    SetOperationBinder.requireOutputColumns(query.orderBy());
                }
                yield finish(bind(nested.query()), query.orderBy(), query);
            }
            case QueryBody.SetOperation operation -> {
                BoundQuery combined = new SetOperationBinder(this::bind).bind(operation);
                SetOperationBinder.requireOutputColumns(query.orderBy());
                if (query.orderBy().isEmpty() && query.limit() == null && query.offset() == null) {
                    yield combined;
                }
                yield finish(combined, query.orderBy(), query);
            }
        };
    }

    // ---- SELECT -------------------------------------------------------------------------------------

    private BoundQuery bindSelect(QueryBody.Select written, Query query) {
        QueryBody.Select select = SetReturningItems.hoist(written);
        FromClauseBinder fromBinder = new FromClauseBinder(context, surroundings);
        FromClauseBinder.Source source = fromBinder.bind(select.from());
        LogicalPlan plan = source.plan();
        Scope scope = source.scope();
        int width = scope.columns().size();
        if (select.where() != null) {
            plan = where(select.where(), plan, scope, context, surroundings);
            plan = prunedPartitions(select, source, plan);
        }
        List<String> names = new ArrayList<>();
        List<BoundExpression> items = new ArrayList<>();
        ClauseSubqueries selectSubqueries = new ClauseSubqueries(context, surroundings, scope);
        selectSubqueries.takeAggregates();
        ClauseSubqueries filterSubqueries = new ClauseSubqueries(context, surroundings, scope);
        WindowCalls windows = new WindowCalls(select.windows());
        ExpressionBinder binder = new ExpressionBinder(scope, context.parameters(), null, selectSubqueries, windows);
        binder.bindFilterSubqueriesInto(filterSubqueries);
        for (SelectItem item : select.items()) {
            switch (item) {
                case SelectItem.Star star -> {
                    String qualifier = star.qualifier() == null ? null : star.qualifier().last();
                    if (qualifier != null && !scope.hasQualifier(qualifier)) {
                        throw scope.missingQualifier(qualifier, star.position());
                    }
                    if (qualifier == null && select.from().isEmpty()) {
                        throw BasaltException.at(SqlState.SYNTAX_ERROR, star.position(),
                                "SELECT * with no tables specified is not valid");
                    }
                    for (int index : scope.columnsOf(qualifier)) {
                        Scope.Column column = scope.columns().get(index);
                        items.add(new BoundExpression.ColumnRef(index, column.qualifier(), column.name(), column.type(),
                                star.position()));
                        names.add(column.name());
                    }
                }
                case SelectItem.Item expressionItem when expressionItem.expression()
                        instanceof Expression.FieldSelection selection && selection.field().equals("*") -> {
                    // (record).* : one column per field
                    BoundExpression record = binder.bind(selection.operand());
                    if (!record.type().isRecord()) {
                        throw BasaltException.at(SqlState.WRONG_OBJECT_TYPE, record.position(),
                                "type " + record.type().displayName() + " is not composite");
                    }
                    for (String field : record.type().record().fieldNames()) {
                        items.add(RecordExpressions.field(record, field, selection.position()));
                        names.add(field);
                    }
                }
                case SelectItem.Item expressionItem -> {
                    items.add(binder.bind(expressionItem.expression()));
                    names.add(expressionItem.alias() != null ? expressionItem.alias()
                            : ColumnNaming.figure(expressionItem.expression()));
                }
            }
        }
        List<OrderItem> orderBy = query.orderBy();
        if (!select.distinctOn().isEmpty() && orderBy.isEmpty()) {
            orderBy = asOrderItems(select.distinctOn());
        }
        OrderBinding order = bindOrderBy(orderBy, names, items, binder);
        List<Integer> distinctKeys = null;
        if (!select.distinctOn().isEmpty()) {
            DistinctOnOrder distinctOn = withDistinctOn(bindOrderBy(asOrderItems(select.distinctOn()), names, items,
                    binder), order, items);
            order = distinctOn.order();
            distinctKeys = order.columns().subList(0, distinctOn.keyCount());
        }
        windows.checkDefinitions(binder);
        boolean aggregating = !select.groupBy().isEmpty() || select.groupingSets() != null || select.having() != null
                || containsAggregate(items) || containsAggregate(order.hiddenExpressions())
                || windows.anyExpression(QueryBinder::containsAggregate)
                || selectSubqueries.anyComparison(QueryBinder::containsAggregate)
                || !selectSubqueries.enclosingAggregates().isEmpty();
        BoundExpression having = null;
        if (aggregating) {
            List<BoundExpression> keys = bindGroupBy(select.groupBy(), scope, names, items);
            BoundExpression condition = select.having() == null ? null
                    : ExpressionBinder.requireBoolean(binder.bindWithoutWindows(select.having(), "HAVING"), "HAVING");
            List<BoundExpression> clauses = new ArrayList<>(items);
            clauses.addAll(order.hiddenExpressions());
            windows.anyExpression(expression -> {
                clauses.add(expression);
                return false;
            });
            if (condition != null) {
                clauses.add(condition);
            }
            clauses.addAll(selectSubqueries.enclosingAggregates());
            if (select.groupingSets() == null) {
                List<BoundExpression> dependent = FunctionalDependencies.extraKeys(keys, scope, clauses);
                if (!dependent.isEmpty()) {
                    keys = new ArrayList<>(keys);
                    keys.addAll(dependent);
                }
            }
            GroupingSetsPlan grouping = GroupingSetsPlan.of(keys, select.groupingSets(), clauses);
            ExpressionRewriter rewriter = new ExpressionRewriter(grouping.outputKeys(),
                    fromBinder.usingColumnDefinitions(source));
            items = rewriteAll(rewriter, items);
            List<BoundExpression> hidden = rewriteAll(rewriter, order.hiddenExpressions());
            order = order.withHidden(hidden);
            if (condition != null) {
                having = rewriter.rewrite(condition);
            }
            windows.rewrite(rewriter::rewrite);
            selectSubqueries.rewriteComparisons(rewriter::rewrite);
            selectSubqueries.regroup(rewriter);
            List<LogicalPlan.AggregateSpec> specs = new ArrayList<>();
            for (BoundExpression.AggregateCall call : rewriter.aggregates()) {
                OrderedSetDirectArguments.requireGrouped(call, grouping.outputKeys());
                List<BoundExpression> arguments = new ArrayList<>(call.extraArguments());
                if (call.argument() != null) {
                    arguments.add(call.argument());
                }
                for (BoundExpression argument : arguments) {
                    if (hasSubqueryResult(argument)) {
                        throw ExpressionBinder.notYet("subqueries in aggregate arguments", call.position());
                    }
                }
                specs.add(new LogicalPlan.AggregateSpec(call.function(), call.argument(), call.extraArguments(),
                        call.filter() == null ? null : filterSubqueries.place(call.filter(), width)));
            }
            if (!filterSubqueries.isEmpty()) {
                // FILTER conditions are evaluated on the rows being aggregated: their subqueries run there
                plan = filterSubqueries.applyTo(plan);
            }
            plan = grouping.build(plan, specs);
            if (plan instanceof LogicalPlan.Aggregate plain && plain.groupingSets() == null) {
                plan = FunctionalDependencies.groupOnIndependentKeys(plain, scope);
            }
            if (select.groupingSets() == null && !keys.isEmpty() && query.orderBy().isEmpty()
                    && SortedGroups.needed(specs)) {
                plan = SortedGroups.sort(plan, keys.size());
            }
            if (!selectSubqueries.isEmpty()) {
                int aggregateWidth = plan.outputTypes().size();
                plan = selectSubqueries.applyTo(plan);
                items = selectSubqueries.placeAll(items, aggregateWidth);
                order = order.withHidden(selectSubqueries.placeAll(order.hiddenExpressions(), aggregateWidth));
                having = having == null ? null : selectSubqueries.place(having, aggregateWidth);
                windows.rewrite(expression -> selectSubqueries.place(expression, aggregateWidth));
            }
            if (having != null) {
                plan = new LogicalPlan.Filter(plan, conjuncts(having));
            }
        } else if (!filterSubqueries.isEmpty()) {
            throw ExpressionBinder.notYet("subqueries in the FILTER of a window function",
                    filterSubqueries.firstPosition());
        } else if (!selectSubqueries.isEmpty()) {
            plan = selectSubqueries.applyTo(plan);
            items = selectSubqueries.placeAll(items, width);
            order = order.withHidden(selectSubqueries.placeAll(order.hiddenExpressions(), width));
            windows.rewrite(expression -> selectSubqueries.place(expression, width));
        }
        if (!windows.isEmpty()) {
            plan = windows.applyTo(plan);
            items = windows.placeAll(items);
            order = order.withHidden(windows.placeAll(order.hiddenExpressions()));
        }
        List<BoundExpression> projected = new ArrayList<>(items);
        projected.addAll(order.hiddenExpressions());
        plan = new LogicalPlan.Project(plan, projected);
        if (select.distinct()) {
            if (!order.hiddenExpressions().isEmpty()) {
                throw BasaltException.at(SqlState.INVALID_COLUMN_REFERENCE, order.firstHiddenPosition(),
                        "for SELECT DISTINCT, ORDER BY expressions must appear in select list");
            }
            List<BoundExpression> keys = new ArrayList<>();
            List<LogicalType> types = plan.outputTypes();
            for (int i = 0; i < types.size(); i++) {
                keys.add(new BoundExpression.ColumnRef(i, null, names.get(i), types.get(i), 0));
            }
            plan = new LogicalPlan.Aggregate(plan, keys, List.of());
        }
        return applyOrderAndLimit(plan, names, order, query, distinctKeys);
    }

    private static List<OrderItem> asOrderItems(List<Expression> expressions) {
        List<OrderItem> items = new ArrayList<>();
        for (Expression expression : expressions) {
            items.add(new OrderItem(expression, false, null, expression.position()));
        }
        return items;
    }

    /**
     * The ORDER BY that DISTINCT ON sorts by, as PostgreSQL arranges it: the leading ORDER BY items that are DISTINCT
     * ON expressions come first, then the DISTINCT ON expressions ORDER BY does not name, appended ascending; the
     * DISTINCT ON keys are that prefix. A DISTINCT ON expression found, or left over, after an ORDER BY item that
     * is not one fails with 42P10 at that DISTINCT ON expression.
     */
    private static DistinctOnOrder withDistinctOn(OrderBinding on, OrderBinding order, List<BoundExpression> items) {
        int count = on.columns().size();
        boolean[] covered = new boolean[count];
        List<OrderItem> orderItems = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        List<OrderItem> rest = new ArrayList<>();
        List<Integer> restColumns = new ArrayList<>();
        boolean skipped = false;
        for (int i = 0; i < order.columns().size(); i++) {
            BoundExpression orderExpression = expressionAt(order, order.columns().get(i), items);
            int match = -1;
            for (int j = 0; j < count; j++) {
                if (ExpressionEquivalence.same(orderExpression, expressionAt(on, on.columns().get(j), items))) {
                    covered[j] = true;
                    match = match < 0 ? j : match;
                }
            }
            if (match >= 0 && skipped) {
                throw distinctOnMismatch(on.items().get(match).position());
            }
            if (match >= 0) {
                orderItems.add(order.items().get(i));
                columns.add(order.columns().get(i));
            } else {
                skipped = true;
                rest.add(order.items().get(i));
                restColumns.add(order.columns().get(i));
            }
        }
        List<BoundExpression> hidden = new ArrayList<>(order.hiddenExpressions());
        for (int j = 0; j < count; j++) {
            if (covered[j] || coveredEarlier(on, j, items)) {
                continue;
            }
            if (skipped) {
                throw distinctOnMismatch(on.items().get(j).position());
            }
            BoundExpression expression = expressionAt(on, on.columns().get(j), items);
            int column = on.columns().get(j) < items.size() ? on.columns().get(j) : -1;
            for (int h = 0; column < 0 && h < hidden.size(); h++) {
                if (ExpressionEquivalence.same(hidden.get(h), expression)) {
                    column = items.size() + h;
                }
            }
            if (column < 0) {
                column = items.size() + hidden.size();
                hidden.add(expression);
            }
            orderItems.add(on.items().get(j));
            columns.add(column);
        }
        int keyCount = columns.size();
        orderItems.addAll(rest);
        columns.addAll(restColumns);
        return new DistinctOnOrder(new OrderBinding(orderItems, columns, hidden, order.visibleCount()), keyCount);
    }

    /** The sort of a DISTINCT ON query and how many of its leading columns are the DISTINCT ON keys. */
    private record DistinctOnOrder(OrderBinding order, int keyCount) {
    }

    /** Whether DISTINCT ON expression {@code j} repeats an earlier one (it then adds no sort key). */
    private static boolean coveredEarlier(OrderBinding on, int j, List<BoundExpression> items) {
        for (int k = 0; k < j; k++) {
            if (ExpressionEquivalence.same(expressionAt(on, on.columns().get(j), items),
                    expressionAt(on, on.columns().get(k), items))) {
                return true;
            }
        }
        return false;
    }

    private static BasaltException distinctOnMismatch(int position) {
        return BasaltException.at(SqlState.INVALID_COLUMN_REFERENCE, position,
                "SELECT DISTINCT ON expressions must match initial ORDER BY expressions");
    }

    private static BoundExpression expressionAt(OrderBinding binding, int column, List<BoundExpression> items) {
        return column < items.size() ? items.get(column) : binding.hiddenExpressions().get(column - items.size());
    }

    /**
     * When the FROM list is one partitioned table (without ONLY), the filtered {@code plan} over a scan that leaves
     * out the partitions the WHERE conjuncts rule out ({@link PartitionPruning}); else {@code plan}.
     */
    private LogicalPlan prunedPartitions(QueryBody.Select select, FromClauseBinder.Source source, LogicalPlan plan) {
        if (select.from().size() != 1 || !(select.from().getFirst() instanceof io.basalt.sql.ast.FromItem.Table table) || table.only()
                || !(plan instanceof LogicalPlan.Filter filter) || filter.input() != source.plan()) {
            return plan;
        }
        List<String> parts = table.name().parts();
        var entry = context.catalog().findTable(parts.size() >= 2 ? parts.get(parts.size() - 2) : null,
                table.name().last()).orElse(null);
        if (entry == null || source.scope().columns().isEmpty() || source.scope().columns().getFirst().table() != entry
                || !PartitionPruning.applies(context.catalog(), entry)) {
            return plan;
        }
        return new LogicalPlan.Filter(InheritedScans.plan(context.catalog(), entry, false, filter.conjuncts()),
                filter.conjuncts());
    }

    /**
     * {@code plan} (whose columns {@code scope} lists) filtered by a WHERE condition, which may hold subqueries;
     * the result has the same columns.
     */
    static LogicalPlan where(Expression condition, LogicalPlan plan, Scope scope, BindContext context,
                             Surroundings surroundings) {
        int width = scope.columns().size();
        ClauseSubqueries subqueries = new ClauseSubqueries(context, surroundings, scope);
        ExpressionBinder binder = new ExpressionBinder(scope, context.parameters(), "WHERE", subqueries);
        BoundExpression bound = binder.bindCondition(condition, "WHERE");
        if (subqueries.isEmpty()) {
            return new LogicalPlan.Filter(plan, conjuncts(bound));
        }
        LogicalPlan filtered = new LogicalPlan.Filter(subqueries.applyTo(plan), conjuncts(subqueries.place(bound, width)));
        return new LogicalPlan.Project(filtered, columnsOf(filtered, width));
    }

    /** References to the first {@code width} columns of {@code plan}. */
    static List<BoundExpression> columnsOf(LogicalPlan plan, int width) {
        List<LogicalType> types = plan.outputTypes();
        List<BoundExpression> columns = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            columns.add(new BoundExpression.ColumnRef(i, null, "?column?", types.get(i), 0));
        }
        return columns;
    }

    static boolean hasSubqueryResult(BoundExpression expression) {
        boolean[] found = {false};
        io.basalt.plan.expression.PlaceholderReplacement.replace(expression, leaf -> {
            found[0] |= leaf.function() instanceof io.basalt.plan.expression.Placeholder.SubqueryResult;
            return leaf;
        });
        return found[0];
    }

    private static boolean containsAggregate(List<BoundExpression> expressions) {
        for (BoundExpression expression : expressions) {
            if (containsAggregate(expression)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsAggregate(BoundExpression expression) {
        return switch (expression) {
            case BoundExpression.AggregateCall call -> true;
            case BoundExpression.ColumnRef e -> false;
            case BoundExpression.Constant e -> false;
            case BoundExpression.Arithmetic e -> containsAggregate(e.left()) || containsAggregate(e.right());
            case BoundExpression.Negate e -> containsAggregate(e.operand());
            case BoundExpression.Comparison e -> containsAggregate(e.left()) || containsAggregate(e.right());
            case BoundExpression.Logical e -> containsAggregate(e.operands());
            case BoundExpression.Not e -> containsAggregate(e.operand());
            case BoundExpression.IsNull e -> containsAggregate(e.operand());
            case BoundExpression.Cast e -> containsAggregate(e.operand());
            case BoundExpression.Case e -> containsAggregate(e.conditions()) || containsAggregate(e.results())
                    || containsAggregate(e.otherwise());
            case BoundExpression.Function e -> GroupingFunction.isCall(e) || containsAggregate(e.arguments());
        };
    }

    private static List<BoundExpression> rewriteAll(ExpressionRewriter rewriter, List<BoundExpression> expressions) {
        List<BoundExpression> out = new ArrayList<>(expressions.size());
        for (BoundExpression expression : expressions) {
            out.add(rewriter.rewrite(expression));
        }
        return out;
    }

    /** GROUP BY items: an output position, an output column name, or an expression over the input. */
    private List<BoundExpression> bindGroupBy(List<Expression> groupBy, Scope scope, List<String> names,
                                              List<BoundExpression> items) {
        ExpressionBinder binder = new ExpressionBinder(scope, context.parameters(), "GROUP BY");
        List<BoundExpression> keys = new ArrayList<>();
        for (Expression expression : groupBy) {
            BoundExpression key;
            if (expression instanceof Expression.NumberLiteral number && number.text().chars().allMatch(Character::isDigit)) {
                int position = Integer.parseInt(number.text());
                if (position < 1 || position > items.size()) {
                    throw BasaltException.at(SqlState.INVALID_COLUMN_REFERENCE, number.position(),
                            "GROUP BY position " + position + " is not in select list");
                }
                key = items.get(position - 1);
                if (containsAggregate(key)) {
                    throw BasaltException.at(SqlState.GROUPING_ERROR, number.position(),
                            "aggregate functions are not allowed in GROUP BY");
                }
            } else if (expression instanceof Expression.ColumnRef ref && ref.parts().size() == 1
                    && !inScope(scope, ref.parts().getFirst()) && names.contains(ref.parts().getFirst())) {
                key = items.get(names.indexOf(ref.parts().getFirst()));
            } else {
                key = binder.bind(expression);
            }
            BoundExpression.Function window = WindowCalls.firstCall(key);
            if (window != null) {
                throw BasaltException.at(SqlState.WINDOWING_ERROR, window.position(),
                        "window functions are not allowed in GROUP BY");
            }
            keys.add(key);
        }
        return keys;
    }

    private static boolean inScope(Scope scope, String name) {
        for (Scope.Column column : scope.columns()) {
            if (column.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The operands of a top-level AND, flattened; any other condition is its own single conjunct. */
    static List<BoundExpression> conjuncts(BoundExpression condition) {
        if (condition instanceof BoundExpression.Logical logical && logical.isAnd()) {
            List<BoundExpression> out = new ArrayList<>();
            for (BoundExpression operand : logical.operands()) {
                out.addAll(conjuncts(operand));
            }
            return out;
        }
        return List.of(condition);
    }

    // ---- VALUES -------------------------------------------------------------------------------------

    /**
     * VALUES. A row with subqueries becomes a projection over one empty row with the subqueries applied to it, and the
     * rows are then appended in order (else one {@link LogicalPlan.Values} holds them all).
     */
    private BoundQuery bindValues(QueryBody.Values values) {
        List<List<BoundExpression>> rows = new ArrayList<>();
        List<ClauseSubqueries> rowSubqueries = new ArrayList<>();
        boolean anySubquery = false;
        int width = values.rows().getFirst().size();
        for (List<Expression> row : values.rows()) {
            if (row.size() != width) {
                throw BasaltException.at(SqlState.SYNTAX_ERROR, row.isEmpty() ? values.position() : row.getFirst().position(),
                        "VALUES lists must all be the same length");
            }
            ClauseSubqueries subqueries = new ClauseSubqueries(context, surroundings, Scope.EMPTY);
            ExpressionBinder binder = new ExpressionBinder(Scope.EMPTY, context.parameters(), "VALUES", subqueries);
            List<BoundExpression> bound = new ArrayList<>();
            for (Expression expression : row) {
                bound.add(binder.bind(expression));
            }
            rows.add(bound);
            rowSubqueries.add(subqueries);
            anySubquery |= !subqueries.isEmpty();
        }
        List<LogicalType> types = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            List<BoundExpression> column = new ArrayList<>();
            for (List<BoundExpression> row : rows) {
                column.add(row.get(c));
            }
            types.add(ExpressionBinder.unify(column, "VALUES"));
            names.add("column" + (c + 1));
        }
        List<List<BoundExpression>> cast = new ArrayList<>();
        for (List<BoundExpression> row : rows) {
            List<BoundExpression> castRow = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                castRow.add(Coercion.cast(row.get(c), types.get(c), false));
            }
            cast.add(castRow);
        }
        if (anySubquery) {
            LogicalPlan plan = null;
            for (int r = 0; r < cast.size(); r++) {
                LogicalPlan oneRow = new LogicalPlan.Values(List.of(List.of()), List.of());
                LogicalPlan row = new LogicalPlan.Project(rowSubqueries.get(r).applyTo(oneRow),
                        rowSubqueries.get(r).placeAll(cast.get(r), 0));
                plan = plan == null ? row : new LogicalPlan.Append(plan, row);
            }
            return new BoundQuery(plan, names);
        }
        return new BoundQuery(new LogicalPlan.Values(cast, types), names);
    }

    // ---- ORDER BY and LIMIT -------------------------------------------------------------------------

    /** Sort keys as output column indices; keys that are not output columns become hidden columns. */
    private record OrderBinding(List<OrderItem> items, List<Integer> columns, List<BoundExpression> hiddenExpressions,
                                int visibleCount) {
        OrderBinding withHidden(List<BoundExpression> hidden) {
            return new OrderBinding(items, columns, hidden, visibleCount);
        }

        int firstHiddenPosition() {
            return hiddenExpressions.isEmpty() ? 0 : hiddenExpressions.getFirst().position();
        }
    }

    private OrderBinding bindOrderBy(List<OrderItem> orderBy, List<String> names,
                                     List<BoundExpression> items, ExpressionBinder binder) {
        List<Integer> columns = new ArrayList<>();
        List<BoundExpression> hidden = new ArrayList<>();
        for (OrderItem item : orderBy) {
            Expression expression = item.expression();
            int column = -1;
            if (expression instanceof Expression.NumberLiteral number && number.text().chars().allMatch(Character::isDigit)) {
                int position = Integer.parseInt(number.text());
                if (position < 1 || position > items.size()) {
                    throw BasaltException.at(SqlState.INVALID_COLUMN_REFERENCE, number.position(),
                            "ORDER BY position " + position + " is not in select list");
                }
                column = position - 1;
            } else if (expression instanceof Expression.ColumnRef ref && ref.parts().size() == 1) {
                String name = ref.parts().getFirst();
                for (int i = 0; i < names.size(); i++) {
                    if (names.get(i).equals(name)) {
                        if (column >= 0 && !ExpressionEquivalence.same(items.get(column), items.get(i))) {
                            throw BasaltException.at(SqlState.AMBIGUOUS_COLUMN, ref.position(),
                                    "ORDER BY \"" + name + "\" is ambiguous");
                        }
                        if (column < 0) {
                            column = i;
                        }
                    }
                }
            }
            if (column < 0) {
                BoundExpression bound = binder.bind(expression);
                for (int i = 0; i < items.size(); i++) {
                    if (ExpressionEquivalence.same(items.get(i), bound)) {
                        column = i;
                        break;
                    }
                }
                if (column < 0) {
                    column = items.size() + hidden.size();
                    hidden.add(bound);
                }
            }
            columns.add(column);
        }
        return new OrderBinding(orderBy, columns, hidden, items.size());
    }

    private BoundQuery applyOrderAndLimit(LogicalPlan plan, List<String> names, OrderBinding order, Query query) {
        return applyOrderAndLimit(plan, names, order, query, null);
    }

    /** {@code distinctKeys}: the sort columns of DISTINCT ON, or null. */
    private BoundQuery applyOrderAndLimit(LogicalPlan plan, List<String> names, OrderBinding order, Query query,
                                          List<Integer> distinctKeys) {
        PostponedOutputs.Split postponed = null;
        if (!order.items().isEmpty() && distinctKeys == null && !query.limitWithTies()
                && (query.limit() != null || query.offset() != null)) {
            postponed = PostponedOutputs.split(plan, order.columns(), order.visibleCount());
            if (postponed != null) {
                plan = postponed.inner();
            }
        }
        if (!order.items().isEmpty()) {
            List<LogicalPlan.SortSpec> keys = new ArrayList<>();
            for (int i = 0; i < order.items().size(); i++) {
                OrderItem item = order.items().get(i);
                boolean nullsFirst = item.nullsFirst() != null ? item.nullsFirst() : item.descending();
                keys.add(new LogicalPlan.SortSpec(order.columns().get(i), item.descending(), nullsFirst));
            }
            plan = new LogicalPlan.Sort(plan, keys);
        }
        if (distinctKeys != null) {
            plan = new LogicalPlan.DistinctOn(plan, distinctKeys);
        }
        if (query.limitWithTies()) {
            // the ties compare the sort keys, some of which may be hidden: limit before they are projected away
            plan = withTies(plan, query, order.columns());
        }
        if (!order.hiddenExpressions().isEmpty() && postponed == null) {
            List<BoundExpression> visible = new ArrayList<>();
            List<LogicalType> types = plan.outputTypes();
            for (int i = 0; i < order.visibleCount(); i++) {
                visible.add(new BoundExpression.ColumnRef(i, null, names.get(i), types.get(i), 0));
            }
            plan = new LogicalPlan.Project(plan, visible);
        }
        if (query.limitWithTies()) {
            return new BoundQuery(plan, names);
        }
        long limit = query.limit() == null ? -1 : rowCount(query.limit(), "LIMIT", SqlState.INVALID_ROW_COUNT_IN_LIMIT_CLAUSE);
        long offset = query.offset() == null ? 0 : rowCount(query.offset(), "OFFSET",
                SqlState.INVALID_ROW_COUNT_IN_RESULT_OFFSET_CLAUSE);
        if (postponed != null) {
            // as PostgreSQL projects below its Limit, the skipped OFFSET rows are computed too
            long skipped = Math.max(offset, 0);
            if (limit >= 0) {
                plan = new LogicalPlan.Limit(plan, limit + skipped, 0);
            }
            plan = postponed.outputs().over(plan);
            if (skipped > 0) {
                plan = new LogicalPlan.Limit(plan, -1, skipped);
            }
            return new BoundQuery(plan, names);
        }
        if (limit >= 0 || offset > 0) {
            plan = new LogicalPlan.Limit(plan, limit, Math.max(offset, 0));
        }
        return new BoundQuery(plan, names);
    }

    /**
     * FETCH FIRST n ROWS WITH TIES over the sorted {@code plan}: the rows tying with the last one kept, by the sort
     * key columns {@code keys}, are kept too. The count must not be NULL (2201W).
     */
    private LogicalPlan withTies(LogicalPlan plan, Query query, List<Integer> keys) {
        if (query.limit() != null && isNull(query.limit())) {
            throw BasaltException.of(SqlState.INVALID_ROW_COUNT_IN_LIMIT_CLAUSE, "row count cannot be null in FETCH FIRST ... WITH TIES clause");
        }
        long limit = rowCount(query.limit(), "LIMIT", SqlState.INVALID_ROW_COUNT_IN_LIMIT_CLAUSE);
        long offset = query.offset() == null ? 0 : rowCount(query.offset(), "OFFSET",
                SqlState.INVALID_ROW_COUNT_IN_RESULT_OFFSET_CLAUSE);
        return new LogicalPlan.Limit(plan, limit, Math.max(offset, 0), keys);
    }

    private boolean isNull(io.basalt.sql.ast.Expression expression) {
        BoundExpression bound = new ExpressionBinder(Scope.EMPTY, context.parameters(), "LIMIT").bind(expression);
        return io.basalt.planner.ConstantEvaluator.isConstant(bound)
                && io.basalt.planner.ConstantEvaluator.evaluate(bound) == null;
    }

    /** For VALUES and nested queries: ORDER BY over output columns only. */
    private BoundQuery finish(BoundQuery inner, List<OrderItem> orderBy, Query query) {
        List<LogicalType> types = inner.plan().outputTypes();
        List<BoundExpression> items = new ArrayList<>();
        List<Scope.Column> columns = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            items.add(new BoundExpression.ColumnRef(i, null, inner.names().get(i), types.get(i), 0));
            columns.add(new Scope.Column(null, inner.names().get(i), types.get(i)));
        }
        ExpressionBinder binder = new ExpressionBinder(new Scope(columns), context.parameters(), "ORDER BY");
        OrderBinding order = bindOrderBy(orderBy, inner.names(), items, binder);
        LogicalPlan plan = inner.plan();
        if (!order.hiddenExpressions().isEmpty()) {
            List<BoundExpression> projected = new ArrayList<>(items);
            projected.addAll(order.hiddenExpressions());
            plan = new LogicalPlan.Project(plan, projected);
        }
        return applyOrderAndLimit(plan, inner.names(), order, query);
    }

    private long rowCount(Expression expression, String clause, SqlState negativeState) {
        ExpressionBinder binder = new ExpressionBinder(Scope.EMPTY, context.parameters(), clause);
        BoundExpression bound = binder.bind(expression);
        if (bound.type().id() == TypeId.UNKNOWN || bound.type().isNumber()) {
            bound = Coercion.cast(bound, LogicalType.BIGINT, false);
        }
        if (bound.type().id() != TypeId.BIGINT) {
            throw BasaltException.at(SqlState.DATATYPE_MISMATCH, expression.position(),
                    "argument of " + clause + " must be type bigint, not type " + bound.type().displayName());
        }
        if (!io.basalt.planner.ConstantEvaluator.isConstant(bound)) {
            throw BasaltException.at(SqlState.INVALID_COLUMN_REFERENCE, expression.position(),
                    "argument of " + clause + " must not contain variables");
        }
        Object folded = io.basalt.planner.ConstantEvaluator.evaluate(bound);
        if (folded == null) {
            return clause.equals("LIMIT") ? -1 : 0;
        }
        long value = (Long) folded;
        if (value < 0) {
            throw BasaltException.at(negativeState, 0, clause + " must not be negative");
        }
        return value;
    }
}
