package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.FromItem;
import io.basalt.sql.ast.Query;
import io.basalt.sql.ast.QueryBody;
import io.basalt.sql.ast.SelectItem;
import io.basalt.sql.ast.TypeName;
import io.basalt.sql.ast.With;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The SEARCH and CYCLE clauses of a recursive WITH query, rewritten into plain SQL as PostgreSQL's rewriter does
 * (rewriteSearchCycle.c). For {@code WITH RECURSIVE q (c1, c2) AS (left UNION [ALL] right) SEARCH ... CYCLE ...}
 * the query becomes {@code q (c1, c2, seq, mark, path)} over
 *
 * <pre>
 *   SELECT c1, c2, ARRAY[ROW(by)] AS seq,                          -- BREADTH: ROW(0::bigint, by)
 *          default AS mark, ARRAY[ROW(cyc)] AS path
 *     FROM (left) "*TLOCRN*" (c1, c2)
 *   UNION [ALL]
 *   SELECT c1, c2, seq || ARRAY[ROW(by)],                          -- BREADTH: ROW((seq).f1 + 1, by)
 *          CASE WHEN ROW(cyc) = ANY (path) THEN value ELSE default END, path || ARRAY[ROW(cyc)]
 *     FROM (right, its SELECT list extended by q.seq, q.mark, q.path) "*TROCRN*" (c1, c2, seq, mark, path)
 *    WHERE mark &lt;&gt; value
 * </pre>
 *
 * <p>Depth-first order sorts the path arrays, breadth-first the (depth, columns) rows. The right side must be a
 * SELECT that names {@code q} in its own FROM clause (through joins), with PostgreSQL's errors otherwise; the
 * columns named in the clauses must be columns of the query and the new names new.
 */
final class SearchCycleRewrite {
    private static final String LEFT_ALIAS = "*TLOCRN*";
    private static final String RIGHT_ALIAS = "*TROCRN*";

    private SearchCycleRewrite() {
    }

    /**
     * {@code table} without its SEARCH and CYCLE clauses, rewritten to compute them.
     *
     * @param recursive whether {@code table} is a recursive query of WITH RECURSIVE (42601 when not)
     */
    static With.CommonTableExpression rewrite(With.CommonTableExpression table, boolean recursive,
                                              Surroundings definedIn, BindContext context) {
        if (!recursive) {
            throw BasaltException.at(SqlState.SYNTAX_ERROR, table.position(), "WITH query is not recursive");
        }
        With.Search search = table.search();
        With.Cycle cycle = table.cycle();
        if (!(table.query().body() instanceof QueryBody.SetOperation union)
                || union.operator() != QueryBody.SetOperator.UNION) {
            // not of the recursive form: the recursive query's binder says so
            return new With.CommonTableExpression(table.name(), table.columnAliases(), table.materialized(),
                    table.query(), table.position());
        }
        List<String> names = columnNames(table, union, definedIn, context);
        validate(names, search, cycle, context);
        QueryBody.Select right = rightSelect(union.right(), table.name());
        int position = union.position();

        List<SelectItem> seedItems = new ArrayList<>();
        List<SelectItem> stepItems = new ArrayList<>();
        for (String name : names) {
            seedItems.add(item(column(LEFT_ALIAS, name), null));
            stepItems.add(item(column(RIGHT_ALIAS, name), null));
        }
        List<String> added = new ArrayList<>();
        if (search != null) {
            added.add(search.sequenceColumn());
            Expression seq = column(RIGHT_ALIAS, search.sequenceColumn());
            if (search.breadthFirst()) {
                List<Expression> seedFields = new ArrayList<>();
                seedFields.add(new Expression.Cast(new Expression.NumberLiteral("0", position),
                        new TypeName("bigint", List.of(), 0, position), position));
                seedFields.addAll(columns(LEFT_ALIAS, search.columns()));
                seedItems.add(item(new Expression.RowConstructor(seedFields, position), search.sequenceColumn()));
                List<Expression> stepFields = new ArrayList<>();
                stepFields.add(new Expression.Binary("+", new Expression.FieldSelection(seq, "f1", position),
                        new Expression.NumberLiteral("1", position), position));
                stepFields.addAll(columns(RIGHT_ALIAS, search.columns()));
                stepItems.add(item(new Expression.RowConstructor(stepFields, position), search.sequenceColumn()));
            } else {
                seedItems.add(item(pathOf(LEFT_ALIAS, search.columns(), position), search.sequenceColumn()));
                stepItems.add(item(new Expression.Binary("||", seq, pathOf(RIGHT_ALIAS, search.columns(), position),
                        position), search.sequenceColumn()));
            }
        }
        Expression where = null;
        if (cycle != null) {
            added.add(cycle.markColumn());
            added.add(cycle.pathColumn());
            Expression value = cycle.markValue() != null ? cycle.markValue()
                    : new Expression.BooleanLiteral(true, position);
            Expression otherwise = cycle.markDefault() != null ? cycle.markDefault()
                    : new Expression.BooleanLiteral(false, position);
            Expression path = column(RIGHT_ALIAS, cycle.pathColumn());
            seedItems.add(item(otherwise, cycle.markColumn()));
            seedItems.add(item(pathOf(LEFT_ALIAS, cycle.columns(), position), cycle.pathColumn()));
            Expression repeats = new Expression.Quantified("=", false,
                    new Expression.RowConstructor(columns(RIGHT_ALIAS, cycle.columns()), position), null, path,
                    position);
            stepItems.add(item(new Expression.Case(null, List.of(new Expression.When(repeats, value, position)),
                    otherwise, position), cycle.markColumn()));
            stepItems.add(item(new Expression.Binary("||", path, pathOf(RIGHT_ALIAS, cycle.columns(), position),
                    position), cycle.pathColumn()));
            where = new Expression.Binary("<>", column(RIGHT_ALIAS, cycle.markColumn()), value, position);
        }

        Query left = SetOperationBinder.operand(union.left(), position);
        QueryBody.Select seed = new QueryBody.Select(false, seedItems, List.of(new FromItem.Subquery(left, false,
                LEFT_ALIAS, names, position)), null, List.of(), null, position);
        String reference = recursiveReference(right, table.name());
        List<SelectItem> rightItems = new ArrayList<>();
        for (SelectItem selected : right.items()) {
            expandStar(selected, right.from(), reference, table.name(), names, rightItems);
        }
        for (String name : added) {
            rightItems.add(item(column(reference, name), name));
        }
        QueryBody.Select extended = new QueryBody.Select(right.distinct(), right.distinctOn(), rightItems, right.from(),
                right.where(), right.groupBy(), right.having(), right.windows(), right.position(),
                right.groupingSets());
        List<String> allNames = new ArrayList<>(names);
        allNames.addAll(added);
        QueryBody.Select step = new QueryBody.Select(false, stepItems, List.of(new FromItem.Subquery(
                SetOperationBinder.operand(extended, position), false, RIGHT_ALIAS, allNames, position)), where,
                List.of(), null, position);
        Query query = table.query();
        Query rewritten = new Query(query.with(), new QueryBody.SetOperation(union.operator(), union.all(), seed, step,
                union.position()), query.orderBy(), query.limit(), query.offset(), query.position());
        return new With.CommonTableExpression(table.name(), allNames, table.materialized(), rewritten,
                table.position());
    }

    /** The query's column names: the left side's, renamed by the column list. */
    private static List<String> columnNames(With.CommonTableExpression table, QueryBody.SetOperation union,
                                            Surroundings definedIn, BindContext context) {
        if (!isSelect(union.left())) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "with a SEARCH or CYCLE clause, the left side of the UNION must be a SELECT");
        }
        if (union.right() instanceof QueryBody.Nested nested && isSelect(nested.query().body())) {
            // a parenthesised SELECT with its own WITH clause: the recursive reference is not at its top level
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "with a SEARCH or CYCLE clause, the recursive "
                    + "reference to WITH query \"" + table.name() + "\" must be at the top level of its right-hand SELECT");
        }
        if (!(union.right() instanceof QueryBody.Select)) {
            throw BasaltException.of(SqlState.SYNTAX_ERROR,
                    "with a SEARCH or CYCLE clause, the right side of the UNION must be a SELECT");
        }
        BoundQuery seed = new QueryBinder(context, definedIn).bind(SetOperationBinder.operand(union.left(),
                union.position()));
        return CommonTableBinder.columnNames(table, seed.names());
    }

    private static boolean isSelect(QueryBody body) {
        return switch (body) {
            case QueryBody.Select ignored -> true;
            case QueryBody.Values ignored -> true;
            case QueryBody.Nested nested -> isSelect(nested.query().body());
            case QueryBody.SetOperation ignored -> false;
        };
    }

    private static QueryBody.Select rightSelect(QueryBody right, String name) {
        QueryBody.Select select = (QueryBody.Select) right;
        if (recursiveReference(select, name) == null) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "with a SEARCH or CYCLE clause, the recursive "
                    + "reference to WITH query \"" + name + "\" must be at the top level of its right-hand SELECT");
        }
        return select;
    }

    /** The name through which {@code select}'s FROM clause reads WITH query {@code name}, or null. */
    private static String recursiveReference(QueryBody.Select select, String name) {
        for (FromItem item : select.from()) {
            String found = recursiveReference(item, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String recursiveReference(FromItem item, String name) {
        return switch (item) {
            case FromItem.Table table when table.name().parts().size() == 1 && table.name().last().equals(name) ->
                    table.alias() != null ? table.alias() : name;
            case FromItem.Join join -> {
                String left = recursiveReference(join.left(), name);
                yield left != null ? left : recursiveReference(join.right(), name);
            }
            case FromItem.JoinAlias alias when alias.usingAlias() -> recursiveReference(alias.joined(), name);
            default -> null;
        };
    }

    /**
     * Adds {@code selected} to {@code items}, a star that would read the recursive reference spelled out: the
     * reference then has the added columns too, but the star means the query's columns as written.
     */
    private static void expandStar(SelectItem selected, List<FromItem> from, String reference, String name,
                                   List<String> names, List<SelectItem> items) {
        if (!(selected instanceof SelectItem.Star star)) {
            items.add(selected);
            return;
        }
        if (star.qualifier() != null) {
            if (star.qualifier().parts().size() == 1 && star.qualifier().last().equals(reference)) {
                for (String column : names) {
                    items.add(item(column(reference, column), null));
                }
            } else {
                items.add(selected);
            }
            return;
        }
        List<String> itemNames = new ArrayList<>();
        for (FromItem item : from) {
            if (!itemNames(item, itemNames)) {
                items.add(selected);
                return;
            }
        }
        for (String itemName : itemNames) {
            if (itemName.equals(reference)) {
                for (String column : names) {
                    items.add(item(column(reference, column), null));
                }
            } else {
                items.add(new SelectItem.Star(io.basalt.sql.ast.QualifiedName.of(itemName, star.position()),
                        star.position()));
            }
        }
    }

    /** The names of the FROM items {@code *} reads, in order; false when a join merges columns (USING, NATURAL). */
    private static boolean itemNames(FromItem item, List<String> names) {
        return switch (item) {
            case FromItem.Table table -> names.add(table.alias() != null ? table.alias() : table.name().last());
            case FromItem.Subquery subquery -> subquery.alias() != null && names.add(subquery.alias());
            case FromItem.Function function -> names.add(function.alias() != null ? function.alias()
                    : function.call().name().last());
            case FromItem.Join join -> !join.natural() && join.using().isEmpty() && itemNames(join.left(), names)
                    && itemNames(join.right(), names);
            case FromItem.JoinAlias ignored -> false;
        };
    }

    /** PostgreSQL's checks of the clauses against the query's columns and each other. */
    private static void validate(List<String> names, With.Search search, With.Cycle cycle, BindContext context) {
        if (search != null) {
            requireColumns(names, search.columns(), "search column", search.position());
            if (names.contains(search.sequenceColumn())) {
                throw BasaltException.at(SqlState.SYNTAX_ERROR, search.position(), "search sequence column name \""
                        + search.sequenceColumn() + "\" already used in WITH query column list");
            }
        }
        if (cycle != null) {
            requireColumns(names, cycle.columns(), "cycle column", cycle.position());
            if (cycle.markValue() != null) {
                ExpressionBinder binder = new ExpressionBinder(Scope.EMPTY, context.parameters(), "CYCLE");
                List<BoundExpression> values = List.of(binder.bind(cycle.markValue()),
                        binder.bind(cycle.markDefault()));
                ExpressionBinder.unify(values, "CYCLE");
            }
            if (names.contains(cycle.markColumn())) {
                throw BasaltException.at(SqlState.SYNTAX_ERROR, cycle.position(), "cycle mark column name \""
                        + cycle.markColumn() + "\" already used in WITH query column list");
            }
            if (names.contains(cycle.pathColumn())) {
                throw BasaltException.at(SqlState.SYNTAX_ERROR, cycle.position(), "cycle path column name \""
                        + cycle.pathColumn() + "\" already used in WITH query column list");
            }
            if (cycle.markColumn().equals(cycle.pathColumn())) {
                throw BasaltException.at(SqlState.SYNTAX_ERROR, cycle.position(),
                        "cycle mark column name and cycle path column name are the same");
            }
        }
        if (search != null && cycle != null) {
            if (search.sequenceColumn().equals(cycle.markColumn())) {
                throw BasaltException.at(SqlState.SYNTAX_ERROR, search.position(),
                        "search sequence column name and cycle mark column name are the same");
            }
            if (search.sequenceColumn().equals(cycle.pathColumn())) {
                throw BasaltException.at(SqlState.SYNTAX_ERROR, search.position(),
                        "search sequence column name and cycle path column name are the same");
            }
        }
    }

    private static void requireColumns(List<String> names, List<String> columns, String what, int position) {
        Set<String> seen = new HashSet<>();
        for (String column : columns) {
            if (!names.contains(column)) {
                throw BasaltException.at(SqlState.SYNTAX_ERROR, position, what + " \"" + column
                        + "\" not in WITH query column list");
            }
            if (!seen.add(column)) {
                throw BasaltException.at(SqlState.DUPLICATE_COLUMN, position, what + " \"" + column
                        + "\" specified more than once");
            }
        }
    }

    /** {@code ARRAY[ROW(qualifier.c, ...)]}. */
    private static Expression pathOf(String qualifier, List<String> names, int position) {
        return new Expression.ArrayConstructor(List.of(new Expression.RowConstructor(columns(qualifier, names),
                position)), position);
    }

    private static List<Expression> columns(String qualifier, List<String> names) {
        List<Expression> columns = new ArrayList<>();
        for (String name : names) {
            columns.add(column(qualifier, name));
        }
        return columns;
    }

    private static Expression column(String qualifier, String name) {
        return new Expression.ColumnRef(List.of(qualifier, name), -1);
    }

    private static SelectItem item(Expression expression, String alias) {
        return new SelectItem.Item(expression, alias, -1);
    }
}
