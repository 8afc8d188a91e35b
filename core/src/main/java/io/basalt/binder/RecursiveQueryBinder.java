package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.operator.scan.LentRows;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.sql.ast.FromItem;
import io.basalt.sql.ast.Query;
import io.basalt.sql.ast.QueryBody;
import io.basalt.sql.ast.With;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.List;

/**
 * A WITH RECURSIVE query that names itself: {@code non-recursive-term UNION [ALL] recursive-term}, bound as a
 * {@link LogicalPlan.RecursiveUnion}. The non-recursive term fixes the column types (an unknown literal there is
 * text); inside the recursive term the query's own name reads the previous iteration's rows through a
 * {@link LentRows} (the work table). As in PostgreSQL, the recursive term's columns must resolve to the same types with the
 * non-recursive term's (42804 otherwise, with PostgreSQL's hint to cast the non-recursive term).
 */
final class RecursiveQueryBinder {
    private RecursiveQueryBinder() {
    }

    /** Whether {@code table}'s query names itself in a FROM clause (then it is recursive). */
    static boolean namesItself(With.CommonTableExpression table) {
        return table.query() != null && mentions(table.query(), table.name());
    }

    /** Whether a query names {@code name} in FROM, in its body or in the queries of its own WITH clause. */
    static boolean mentions(Query query, String name) {
        if (query.with() != null) {
            for (With.CommonTableExpression inner : query.with().tables()) {
                if (!inner.name().equals(name) && mentions(inner.query(), name)) {
                    return true;
                }
            }
        }
        return mentions(query.body(), name);
    }

    private static boolean mentions(QueryBody body, String name) {
        return switch (body) {
            case QueryBody.Select select -> {
                for (FromItem item : select.from()) {
                    if (mentions(item, name)) {
                        yield true;
                    }
                }
                yield false;
            }
            case QueryBody.Values values -> false;
            case QueryBody.SetOperation operation -> mentions(operation.left(), name) || mentions(operation.right(), name);
            case QueryBody.Nested nested -> mentions(nested.query(), name);
        };
    }

    static boolean mentions(FromItem item, String name) {
        return switch (item) {
            case FromItem.Table table -> table.name().parts().size() == 1 && table.name().last().equals(name);
            case FromItem.Subquery subquery -> mentions(subquery.query(), name);
            case FromItem.Function function -> false;
            case FromItem.Join join -> mentions(join.left(), name) || mentions(join.right(), name);
            case FromItem.JoinAlias alias -> mentions(alias.joined(), name);
        };
    }

    /** Binds the recursive query {@code table}, written in {@code definedIn}. */
    static BoundQuery bind(With.CommonTableExpression table, Surroundings definedIn, BindContext context) {
        Query query = table.query();
        if (!(query.body() instanceof QueryBody.SetOperation union) || union.operator() != QueryBody.SetOperator.UNION) {
            throw BasaltException.at(SqlState.INVALID_RECURSION, table.position(), "recursive query \""
                            + table.name() + "\" does not have the form non-recursive-term UNION [ALL] recursive-term");
        }
        RecursiveReferenceChecks.check(table.name(), query, union);
        BoundQuery seed = new QueryBinder(context, definedIn).bind(SetOperationBinder.operand(union.left(),
                union.position()));
        List<String> names = CommonTableBinder.columnNames(table, seed.names());
        List<LogicalType> types = new ArrayList<>();
        for (LogicalType type : seed.plan().outputTypes()) {
            types.add(type.id() == TypeId.UNKNOWN ? LogicalType.TEXT : type);
        }
        LogicalPlan seedPlan = SetOperationBinder.castTo(seed, types);
        LentRows workTable = new LentRows(table.name(), types);
        int[] columns = new int[types.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = i;
        }
        BoundQuery self = new BoundQuery(new LogicalPlan.Scan(workTable, columns, types), names);
        Surroundings inner = definedIn.withTables(new Surroundings.CommonTables(table.name(), table, definedIn,
                definedIn.tables(), true, self));
        BoundQuery step = new QueryBinder(context, inner).bind(SetOperationBinder.operand(union.right(),
                union.position()));
        List<LogicalType> stepTypes = step.plan().outputTypes();
        if (stepTypes.size() != types.size()) {
            throw BasaltException.at(SqlState.SYNTAX_ERROR, union.position(),
                    "each UNION query must have the same number of columns");
        }
        for (int i = 0; i < types.size(); i++) {
            LogicalType overall = Coercion.commonType(types.get(i), stepTypes.get(i));
            boolean typmodLost = overall != null && overall.id() == TypeId.NUMERIC
                    && types.get(i).id() == TypeId.NUMERIC && types.get(i).precision() >= 0
                    && !types.get(i).equals(stepTypes.get(i));
            if (typmodLost) {
                // PostgreSQL keeps a type modifier only when both terms have the same one
                overall = LogicalType.NUMERIC;
            }
            if (overall == null || overall.id() != types.get(i).id() || typmodLost) {
                throw BasaltException.at(SqlState.DATATYPE_MISMATCH, union.position(), "recursive query \""
                                + table.name() + "\" column " + (i + 1) + " has type " + types.get(i).displayName()
                                + " in non-recursive term but type "
                                + expressionTypeName(overall == null ? stepTypes.get(i) : overall) + " overall")
                        .withHint("Cast the output of the non-recursive term to the correct type.");
            }
        }
        LogicalPlan stepPlan = SetOperationBinder.castTo(step, types);
        return new BoundQuery(new LogicalPlan.RecursiveUnion(seedPlan, stepPlan, workTable, !union.all()), names);
    }

    /** A type as PostgreSQL names an expression's type: numeric results of arithmetic carry no precision. */
    private static String expressionTypeName(LogicalType type) {
        return type.id() == TypeId.NUMERIC ? "numeric" : type.displayName();
    }
}
