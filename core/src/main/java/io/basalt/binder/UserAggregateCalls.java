package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.planner.ConstantEvaluator;
import io.basalt.planner.UserDefinedAggregate;
import io.basalt.routine.AggregateEntry;
import io.basalt.routine.FunctionEntry;
import io.basalt.routine.RoutineRuntime;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.QueryBody;
import io.basalt.sql.ast.QueryStatement;
import io.basalt.sql.ast.SelectItem;
import io.basalt.sql.lexer.IdentifierQuoting;
import io.basalt.sql.parser.Parser;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls of user-defined aggregates (CREATE AGGREGATE). The call resolves among the aggregates of the name in the
 * schemas searched by argument count and types, as a function call does; its arguments are cast to the declared
 * types. The transition function is bound as the call {@code sfunc("$1", "$2", ...)} over the state and the
 * arguments, and the final function as {@code ffunc("$1")} over the state, through the ordinary function
 * resolution (so a user-defined SQL or PL/pgSQL function, or a built-in support function, is found as any call
 * finds it); the initial condition is the INITCOND text cast to the state type.
 */
final class UserAggregateCalls {
    private UserAggregateCalls() {
    }

    /** Whether {@code name} may be a user-defined aggregate of the running session. */
    static boolean mayBe(String name) {
        return RoutineRuntime.CURRENT.isBound() && RoutineRuntime.CURRENT.get().routines().anyAggregateNamed(name);
    }

    /** The bound aggregate call, or null when no user-defined aggregate of the name takes these arguments. */
    static BoundExpression.AggregateCall bind(Expression.FunctionCall call, List<BoundExpression> arguments) {
        RoutineRuntime runtime = RoutineRuntime.CURRENT.get();
        AggregateEntry aggregate = resolve(runtime, call, arguments);
        if (aggregate == null) {
            return null;
        }
        RoutineAccess.execute(aggregate.schema(), aggregate.name(), io.basalt.catalog.privilege.SecuredKind.AGGREGATE);
        List<BoundExpression> cast = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            LogicalType declared = aggregate.argumentTypes().get(i);
            BoundExpression argument = arguments.get(i);
            LogicalType type = declared != null ? declared
                    : argument.type().id() == TypeId.UNKNOWN ? LogicalType.TEXT : argument.type();
            cast.add(Coercion.cast(argument, type, false));
            types.add(type);
        }
        List<LogicalType> transitionTypes = new ArrayList<>();
        transitionTypes.add(aggregate.stateType());
        transitionTypes.addAll(types);
        BoundExpression transition = functionOver(aggregate.transitionFunction(), transitionTypes);
        BoundExpression finish = aggregate.finalFunction() == null ? null
                : functionOver(aggregate.finalFunction(), List.of(aggregate.stateType()));
        Object initial = aggregate.initialCondition() == null ? null
                : ConstantEvaluator.evaluate(Coercion.cast(new BoundExpression.Constant(aggregate.initialCondition(),
                        LogicalType.UNKNOWN, call.position()), aggregate.stateType(), true));
        boolean strict = strict(runtime, aggregate.transitionFunction(), transitionTypes);
        UserDefinedAggregate function = new UserDefinedAggregate(aggregate.name(), types, aggregate.stateType(),
                transition, strict, finish, aggregate.initialCondition() != null, initial,
                String.join(".", aggregate.transitionFunction()) + "|" + aggregate.stateType() + "|"
                        + aggregate.initialCondition() + "|" + types);
        if (cast.isEmpty()) {
            return new BoundExpression.AggregateCall(function, null, call.position());
        }
        return new BoundExpression.AggregateCall(function, cast.getFirst(), cast.subList(1, cast.size()), null,
                call.position());
    }

    /** {@code name("$1", "$2", ...)} bound over columns of {@code types}. */
    static BoundExpression functionOver(List<String> name, List<LogicalType> types) {
        StringBuilder text = new StringBuilder("SELECT ");
        for (int i = 0; i < name.size(); i++) {
            text.append(i == 0 ? "" : ".").append(IdentifierQuoting.quote(name.get(i)));
        }
        text.append('(');
        List<Scope.Column> columns = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            text.append(i == 0 ? "" : ", ").append("\"$").append(i + 1).append('"');
            columns.add(new Scope.Column(null, "$" + (i + 1), types.get(i), null, false));
        }
        QueryStatement statement = (QueryStatement) Parser.parseStatement(text.append(')').toString());
        SelectItem.Item item = (SelectItem.Item) ((QueryBody.Select) statement.query().body()).items().getFirst();
        return new ExpressionBinder(new Scope(columns), Parameters.none(), "functions").bind(item.expression());
    }

    /** Whether the transition function is strict: a user-defined function as declared, a built-in as defined. */
    private static boolean strict(RoutineRuntime runtime, List<String> parts, List<LogicalType> types) {
        String last = parts.getLast();
        List<String> schemas = new ArrayList<>();
        if (parts.size() >= 2) {
            schemas.add(parts.get(parts.size() - 2));
        } else {
            schemas.addAll(runtime.catalog().searchedSchemas());
        }
        for (String schema : schemas) {
            for (FunctionEntry function : runtime.routines().functions(schema, last)) {
                if (function.inputTypes().size() == types.size()) {
                    return function.strict();
                }
            }
        }
        Boolean builtin = AggregateSupportFunctions.strict(last, types.size());
        return builtin != null && builtin;
    }

    private static AggregateEntry resolve(RoutineRuntime runtime, Expression.FunctionCall call,
                                          List<BoundExpression> arguments) {
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
        for (String schema : schemas) {
            AggregateEntry best = null;
            int bestScore = -1;
            for (AggregateEntry candidate : runtime.routines().aggregates(schema, call.name().last())) {
                int score = score(candidate, arguments);
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
    private static int score(AggregateEntry aggregate, List<BoundExpression> arguments) {
        if (aggregate.argumentTypes().size() != arguments.size()) {
            return -1;
        }
        int exact = 0;
        for (int i = 0; i < arguments.size(); i++) {
            LogicalType from = arguments.get(i).type();
            LogicalType to = aggregate.argumentTypes().get(i);
            if (to == null || from.equals(to) || from.id() == to.id() && !from.isArray()) {
                exact++;
            } else if (from.id() != TypeId.UNKNOWN) {
                LogicalType common = Coercion.commonType(from, to);
                if (common == null || !common.equals(to) && common.id() != to.id()) {
                    return -1;
                }
            }
        }
        return exact;
    }

    /** PostgreSQL's 42883 for an aggregate name no definition takes (used when CREATE AGGREGATE checks). */
    static BasaltException undefined(String name, List<LogicalType> types) {
        StringBuilder text = new StringBuilder("function ").append(name).append('(');
        for (int i = 0; i < types.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(types.get(i).displayName());
        }
        return BasaltException.of(SqlState.UNDEFINED_FUNCTION, text.append(") does not exist").toString());
    }
}
