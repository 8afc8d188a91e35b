package io.basalt.engine;

import io.basalt.binder.BindContext;
import io.basalt.binder.BoundQuery;
import io.basalt.binder.Parameters;
import io.basalt.binder.QueryBinder;
import io.basalt.binder.TypeNames;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.planner.ConstantEvaluator;
import io.basalt.sql.ast.DeallocateStatement;
import io.basalt.sql.ast.ExecuteStatement;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.PrepareStatement;
import io.basalt.sql.ast.Query;
import io.basalt.sql.ast.QueryBody;
import io.basalt.sql.ast.Statement;
import io.basalt.sql.ast.TypeName;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A session's prepared statements: PREPARE checks a statement and keeps it under its name, EXECUTE binds it
 * again with its arguments as the {@code $n} parameters (so it sees the catalog as it is then, as
 * PostgreSQL's re-planning does), DEALLOCATE forgets it.
 *
 * <p>Arguments of parameters with a declared type are cast to that type, whose modifiers PostgreSQL drops
 * ({@code numeric(10,2)} is numeric). The cast is explicit, slightly more permissive than PostgreSQL's
 * assignment rules ({@code true} passes for an integer as 1). Parameters without a declared type receive the
 * argument's text as an untyped literal, which the statement's context then types, as PostgreSQL types such a
 * parameter from its context (and as text without one).
 */
final class PreparedStatements {
    /** A statement ready to run: what to run, and the context that gives its parameters their values. */
    record Execution(Statement statement, BindContext context) {
    }

    private final Map<String, Prepared> statements = new LinkedHashMap<>();
    private final SessionSettings settings;

    PreparedStatements(SessionSettings settings) {
        this.settings = settings;
    }

    private record Prepared(PrepareStatement statement, List<LogicalType> types) {
    }

    /** PREPARE: checks the parameter types and the statement (bound with NULLs for its parameters) and keeps it. */
    QueryResultImpl prepare(PrepareStatement prepare, BindContext context) {
        if (statements.containsKey(prepare.name())) {
            throw BasaltException.of(SqlState.DUPLICATE_PREPARED_STATEMENT,
                    "prepared statement \"" + prepare.name() + "\" already exists");
        }
        List<LogicalType> types = new ArrayList<>();
        for (TypeName type : prepare.parameterTypes()) {
            // PostgreSQL keeps a parameter's type without its modifiers: numeric(10,2) is numeric
            LogicalType resolved = TypeNames.resolve(type);
            types.add(switch (resolved.id()) {
                case NUMERIC -> LogicalType.NUMERIC;
                case VARCHAR -> LogicalType.VARCHAR;
                case CHAR -> LogicalType.BPCHAR;
                default -> resolved;
            });
        }
        List<Object> placeholders = new ArrayList<>();
        for (int number = 1; number <= prepare.parameterCount(); number++) {
            if (number > types.size() && !prepare.referencedParameters().contains(number)) {
                throw BasaltException.of(SqlState.INDETERMINATE_DATATYPE,
                        "could not determine data type of parameter $" + number);
            }
            placeholders.add(number <= types.size() ? new BoundExpression.Constant(null, types.get(number - 1), 0)
                    : null);
        }
        StatementBinder.bind(SettingFunctions.rewrite(prepare.statement(), settings, false),
                new BindContext(context.catalog(), context.tableFunctions(), new Parameters(placeholders)));
        statements.put(prepare.name(), new Prepared(prepare, List.copyOf(types)));
        return QueryResultImpl.command("PREPARE", 0, List.of());
    }

    /** The statement prepared as {@code name}, or null. */
    Statement statement(String name) {
        Prepared found = statements.get(name);
        return found == null ? null : found.statement().statement();
    }

    /**
     * EXECUTE (and EXPLAIN EXECUTE): the prepared statement with the arguments evaluated as its parameters and
     * its setting functions evaluated now.
     */
    Execution execution(ExecuteStatement execute, BindContext context) {
        Prepared prepared = statements.get(execute.name());
        if (prepared == null) {
            throw notFound(execute.name());
        }
        int expected = prepared.statement().parameterCount();
        if (execute.arguments().size() != expected) {
            throw BasaltException.of(SqlState.SYNTAX_ERROR,
                    "wrong number of parameters for prepared statement \"" + execute.name() + "\"")
                    .withDetail("Expected " + expected + " parameters but got " + execute.arguments().size() + ".");
        }
        List<Object> values = expected == 0 ? List.of() : evaluate(execute.arguments(), prepared.types(), context);
        return new Execution(SettingFunctions.rewrite(prepared.statement().statement(), settings, true),
                new BindContext(context.catalog(), context.tableFunctions(), new Parameters(values)));
    }

    /**
     * The arguments' values, evaluated as one VALUES row: typed constants for declared parameters, the text
     * (or null) of the others.
     */
    private static List<Object> evaluate(List<Expression> arguments, List<LogicalType> types, BindContext context) {
        List<Expression> row = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            Expression argument = arguments.get(i);
            row.add(i < types.size()
                    ? new Expression.Cast(argument, typeName(types.get(i), argument.position()), argument.position())
                    : argument);
        }
        int position = arguments.getFirst().position();
        Query values = new Query(new QueryBody.Values(List.of(row), position), List.of(), null, null, position);
        BoundQuery bound;
        try {
            bound = new QueryBinder(context).bind(values);
        } catch (BasaltException failure) {
            if (failure.sqlState() == SqlState.GROUPING_ERROR && failure.getMessage().endsWith("in VALUES")) {
                throw BasaltException.at(SqlState.GROUPING_ERROR, failure.position(),
                        "aggregate functions are not allowed in EXECUTE parameters");
            }
            throw failure;
        }
        LogicalPlan.Values plan = (LogicalPlan.Values) bound.plan();
        List<Object> results = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            BoundExpression expression = plan.rows().getFirst().get(i);
            LogicalType type = plan.outputTypes().get(i);
            Object value = ConstantEvaluator.evaluate(expression);
            if (i < types.size()) {
                results.add(new BoundExpression.Constant(value, type, arguments.get(i).position()));
            } else {
                results.add(value == null ? null : ValueAccess.text(type, value));
            }
        }
        return results;
    }

    /** The written form of a declared parameter type (which has no modifiers), to cast an argument to it. */
    private static TypeName typeName(LogicalType type, int position) {
        String name = type.isEnum() ? type.enumType().schema() + "." + type.displayName() : type.id().pgName();
        return new TypeName(name, List.of(), 0, position);
    }

    QueryResultImpl deallocate(DeallocateStatement deallocate) {
        if (deallocate.all()) {
            statements.clear();
            return QueryResultImpl.command("DEALLOCATE ALL", 0, List.of());
        }
        if (statements.remove(deallocate.name()) == null) {
            throw notFound(deallocate.name());
        }
        return QueryResultImpl.command("DEALLOCATE", 0, List.of());
    }

    private static BasaltException notFound(String name) {
        return BasaltException.of(SqlState.INVALID_SQL_STATEMENT_NAME,
                "prepared statement \"" + name + "\" does not exist");
    }
}
