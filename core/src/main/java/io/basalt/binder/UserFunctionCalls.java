package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ColumnReferences;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.routine.FunctionEntry;
import io.basalt.routine.RoutineCallFunction;
import io.basalt.routine.RoutineRuntime;
import io.basalt.routine.SqlFunctionBody;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.QueryBody;
import io.basalt.sql.ast.QueryStatement;
import io.basalt.sql.ast.SelectItem;
import io.basalt.sql.ast.Statement;
import io.basalt.storage.table.TableTransaction;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls of user-defined functions in expressions. The call resolves among the overloads of the name in the
 * schemas searched (or the one named), by argument count (parameters with defaults may be left out) and types
 * (an exact type beats an implicit conversion). A LANGUAGE sql function whose body is a single {@code SELECT
 * expression} is inlined: the body's expression, bound over its parameters, takes the call's place with the
 * arguments put in for the parameters, so it runs vectorized like any expression. Any other function becomes a
 * {@link RoutineCallFunction}, evaluated row by row.
 */
final class UserFunctionCalls {
    private UserFunctionCalls() {
    }

    /** Whether {@code name} may be a user-defined function of the running session. */
    static boolean mayBe(String name) {
        return RoutineRuntime.CURRENT.isBound() && RoutineRuntime.CURRENT.get().routines().anyFunctionNamed(name);
    }

    /** Whether {@code name} is a user-defined set-returning function of the running session. */
    static boolean isSetReturning(String name) {
        if (!mayBe(name)) {
            return false;
        }
        RoutineRuntime runtime = RoutineRuntime.CURRENT.get();
        List<String> schemas = new ArrayList<>(runtime.catalog().searchedSchemas());
        for (String schema : schemas) {
            for (FunctionEntry function : runtime.routines().functions(schema, name)) {
                if (function.returnsSet()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The bound call, or null when no user-defined function of that name takes these arguments. */
    static BoundExpression bind(Expression.FunctionCall call, CallArguments written) {
        RoutineRuntime runtime = RoutineRuntime.CURRENT.get();
        FunctionEntry function = resolve(runtime, call, written);
        if (function == null) {
            return null;
        }
        List<BoundExpression> arguments = ParameterArrangement.arrange(function, written, call.position());
        if (function.procedure()) {
            throw BasaltException.at(SqlState.WRONG_OBJECT_TYPE, call.position(),
                    function.name() + "(" + ") is a procedure").withHint("To call a procedure, use CALL.");
        }
        RoutineAccess.execute(function.schema(), function.name(), io.basalt.catalog.privilege.SecuredKind.FUNCTION);
        if (function.returnsTrigger()) {
            throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, call.position(),
                    "trigger functions can only be called as triggers");
        }
        if (function.returnsSet()) {
            throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, call.position(),
                    "set-returning user-defined functions outside FROM are not supported yet");
        }
        List<FunctionEntry.Parameter> inputs = function.inputs();
        List<BoundExpression> cast = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            cast.add(Coercion.cast(arguments.get(i), inputs.get(i).type(), false));
        }
        LogicalType result = function.returnType() == null ? LogicalType.TEXT : function.returnType();
        BoundExpression inlined = inline(function, cast);
        if (inlined != null) {
            return inlined;
        }
        return new BoundExpression.Function(new RoutineCallFunction(function, runtime, TableTransaction.current()),
                cast, result, call.position());
    }

    /** A user-defined function's rows in FROM: the VALUES they make, and the name of their column (or null). */
    record FromRows(LogicalPlan.Values values, String column) {
    }

    /**
     * A call of a user-defined function in FROM, run once while the statement is bound (its arguments must be
     * constants): a set-returning function gives its rows, any other one a single row. Null when no user-defined
     * function of that name takes these arguments.
     */
    static FromRows bindInFrom(Expression.FunctionCall call, ExpressionBinder argumentBinder) {
        RoutineRuntime runtime = RoutineRuntime.CURRENT.get();
        CallArguments written = CallArguments.bind(call, argumentBinder);
        FunctionEntry function = resolve(runtime, call, written);
        if (function == null) {
            return null;
        }
        List<BoundExpression> arguments = ParameterArrangement.arrange(function, written, call.position());
        if (function.returnType() == null || function.procedure() || function.returnsTrigger()) {
            throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, call.position(),
                    "function " + function.name() + " in FROM is not supported yet");
        }
        List<FunctionEntry.Parameter> inputs = function.inputs();
        List<BoundExpression.Constant> values = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            BoundExpression cast = Coercion.cast(arguments.get(i), inputs.get(i).type(), false);
            if (!(cast instanceof BoundExpression.Constant constant)) {
                throw ExpressionBinder.notYet("user-defined functions in FROM with arguments that are not constants",
                        call.position());
            }
            values.add(constant);
        }
        Object result = runtime.call(function, values);
        List<List<BoundExpression>> rows = new ArrayList<>();
        if (result instanceof RoutineRuntime.SetResult set) {
            for (Object[] row : set.rows()) {
                rows.add(List.of(new BoundExpression.Constant(row[0], function.returnType(), call.position())));
            }
        } else {
            rows.add(List.of(new BoundExpression.Constant(result, function.returnType(), call.position())));
        }
        String column = null;
        if (!function.tableColumns().isEmpty()) {
            column = function.tableColumns().getFirst().name();
        } else {
            for (FunctionEntry.Parameter parameter : function.parameters()) {
                if (!parameter.input() || parameter.mode() == io.basalt.sql.ast.RoutineStatement.ParameterMode.INOUT) {
                    column = parameter.name();
                }
            }
        }
        return new FromRows(new LogicalPlan.Values(rows, List.of(function.returnType())), column);
    }

    private static FunctionEntry resolve(RoutineRuntime runtime, Expression.FunctionCall call,
                                         CallArguments arguments) {
        List<String> parts = call.name().parts();
        List<String> schemas = new ArrayList<>();
        if (parts.size() >= 2) {
            schemas.add(parts.get(parts.size() - 2));
        } else {
            if (runtime.catalog().tempSchema() != null) {
                schemas.add(runtime.catalog().tempSchema());
            }
            schemas.addAll(runtime.catalog().searchedSchemas());
        }
        FunctionEntry best = null;
        int bestScore = -1;
        for (String schema : schemas) {
            for (FunctionEntry candidate : runtime.routines().functions(schema, call.name().last())) {
                List<BoundExpression> arranged = ParameterArrangement.arrange(candidate, arguments,
                        call.position());
                int score = arranged == null ? -1 : score(candidate, arranged);
                if (score > bestScore) {
                    best = candidate;
                    bestScore = score;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return null;
    }

    /** How well {@code arguments} fit: -1 not at all, else the number of exactly matching types. */
    private static int score(FunctionEntry function, List<BoundExpression> arguments) {
        List<FunctionEntry.Parameter> inputs = function.inputs();
        int exact = 0;
        for (int i = 0; i < arguments.size(); i++) {
            LogicalType from = arguments.get(i).type();
            LogicalType to = inputs.get(i).type();
            if (from.id() == to.id() || from.isString() && to.isString() && from.id() != TypeId.UNKNOWN) {
                exact++;
            } else if (from.id() != TypeId.UNKNOWN && !implicit(from, to)) {
                return -1;
            }
        }
        return exact;
    }

    /**
     * PostgreSQL's 42883 for a call no function takes, the arguments listed as written ({@code f(c => unknown)}).
     */
    static BasaltException undefined(Expression.FunctionCall call, CallArguments written) {
        StringBuilder signature = new StringBuilder(String.join(".", call.name().parts())).append('(');
        for (int i = 0; i < written.values().size(); i++) {
            signature.append(i == 0 ? "" : ", ");
            if (written.variadic() && i == written.values().size() - 1) {
                signature.append("VARIADIC ");
            }
            if (written.names().get(i) != null) {
                signature.append(written.names().get(i)).append(" => ");
            }
            signature.append(written.values().get(i).type().displayName());
        }
        return BasaltException.at(SqlState.UNDEFINED_FUNCTION, call.position(),
                        "function " + signature.append(')') + " does not exist")
                .withHint("No function matches the given name and argument types. You might need to add explicit "
                        + "type casts.");
    }

    /** Whether PostgreSQL converts {@code from} to {@code to} implicitly (to choose among overloads). */
    private static boolean implicit(LogicalType from, LogicalType to) {
        LogicalType common = Coercion.commonType(from, to);
        return common != null && common.id() == to.id();
    }

    /**
     * The body's expression over {@code arguments}, or null when the body is not a single {@code SELECT
     * expression} (or binding it alone fails: it reads tables, has subqueries, ...).
     */
    private static BoundExpression inline(FunctionEntry function, List<BoundExpression> arguments) {
        if (!function.language().equals("sql") || function.strict() || function.returnType() == null) {
            return null;
        }
        Statement statement = SqlFunctionBody.inlineable(function);
        if (!(statement instanceof QueryStatement query) || query.query().with() != null
                || !query.query().orderBy().isEmpty() || query.query().limit() != null
                || query.query().offset() != null || !query.query().locking().isEmpty()
                || !(query.query().body() instanceof QueryBody.Select select) || select.distinct()
                || !select.from().isEmpty() || select.where() != null || !select.groupBy().isEmpty()
                || select.having() != null || !select.windows().isEmpty() || select.groupingSets() != null
                || select.items().size() != 1 || !(select.items().getFirst() instanceof SelectItem.Item item)) {
            return null;
        }
        List<Scope.Column> columns = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            columns.add(new Scope.Column(null, "$" + (i + 1), arguments.get(i).type(), null, true));
        }
        BoundExpression body;
        try {
            body = new ExpressionBinder(new Scope(columns), Parameters.none(), "functions").bind(item.expression());
        } catch (BasaltException notInlineable) {
            return null;
        }
        BoundExpression substituted = ColumnReferences.substitute(body, reference -> arguments.get(reference.index()));
        try {
            return Coercion.cast(substituted, function.returnType(), true);
        } catch (BasaltException notConvertible) {
            return null;
        }
    }
}
