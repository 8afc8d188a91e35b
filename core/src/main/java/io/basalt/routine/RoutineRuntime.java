package io.basalt.routine;

import io.basalt.catalog.Catalog;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.sql.ast.Statement;
import io.basalt.sql.parser.Parser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A session's link between its routines and its statements: calls a user-defined function with argument values
 * (dispatching on its language), runs the statements a routine body issues in the caller's transaction, and
 * collects the notices RAISE NOTICE emits. One per session; bound to {@link #CURRENT} while a statement of the
 * session is bound and run, so that the binder can resolve user-defined functions and triggers can fire.
 *
 * <p>Values cross this boundary as {@link BoundExpression.Constant}s: a canonical value with its type.
 */
public final class RoutineRuntime {
    /** The runtime of the session whose statement runs now. */
    public static final ScopedValue<RoutineRuntime> CURRENT = ScopedValue.newInstance();

    /** How far calls may nest before PostgreSQL's "stack depth limit exceeded" (54001). */
    private static final int MAX_DEPTH = 200;

    /** Runs a parsed statement in the caller's transaction with {@code $n} values. */
    public interface StatementRunner {
        StatementRows run(Statement statement, List<Object> parameters);
    }

    private final RoutineCatalog routines;
    private final Catalog catalog;
    private final StatementRunner runner;
    private final List<String> notices = new ArrayList<>();
    /** Statements parsed from text once (casts of assigned values, trigger conditions). */
    private final Map<String, Statement> parsed = new HashMap<>();
    private int depth;

    public RoutineRuntime(RoutineCatalog routines, Catalog catalog, StatementRunner runner) {
        this.routines = routines;
        this.catalog = catalog;
        this.runner = runner;
    }

    public RoutineCatalog routines() {
        return routines;
    }

    public Catalog catalog() {
        return catalog;
    }

    /** Runs {@code statement} with {@code parameters} ($1, $2, ...: Constants) in the running transaction. */
    public StatementRows run(Statement statement, List<BoundExpression.Constant> parameters) {
        return runner.run(statement, new ArrayList<>(parameters));
    }

    /** The statement of {@code sql}, parsed once per runtime. */
    public Statement parse(String sql) {
        Statement statement = parsed.get(sql);
        if (statement == null) {
            statement = Parser.parseStatement(sql);
            parsed.put(sql, statement);
        }
        return statement;
    }

    /** Records a notice (RAISE NOTICE / INFO / WARNING) for the statement's result. */
    public void notice(String message) {
        notices.add(message);
    }

    /** The notices recorded since the last call, which are forgotten. */
    public List<String> takeNotices() {
        if (notices.isEmpty()) {
            return List.of();
        }
        List<String> taken = List.copyOf(notices);
        notices.clear();
        return taken;
    }

    /**
     * Calls {@code function} with {@code arguments} (its input parameters' values, already of their types) and
     * returns its result: one value, or for a set-returning function the rows it returns (each an array of its
     * columns' values) as {@link SetResult}.
     */
    public Object call(FunctionEntry function, List<BoundExpression.Constant> arguments) {
        if (function.strict()) {
            for (BoundExpression.Constant argument : arguments) {
                if (argument.value() == null) {
                    return function.returnsSet() ? new SetResult(List.of()) : null;
                }
            }
        }
        if (++depth > MAX_DEPTH) {
            depth = 0;
            throw BasaltException.of(SqlState.STATEMENT_TOO_COMPLEX, "stack depth limit exceeded")
                    .withHint("Increase the configuration parameter \"max_stack_depth\" (currently 2048kB), after"
                            + " ensuring the platform's stack depth limit is adequate.");
        }
        try {
            return switch (function.language()) {
                case "sql" -> SqlFunctionBody.of(function, this).call(arguments, this);
                case "plpgsql" -> io.basalt.routine.plpgsql.PlpgsqlFunction.of(function, this).call(arguments, null,
                        this);
                default -> throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                        "functions in language \"" + function.language() + "\" are not supported yet");
            };
        } finally {
            if (depth > 0) {
                depth--;
            }
        }
    }

    /** The rows a set-returning function returned. */
    public record SetResult(List<Object[]> rows) {
    }
}
