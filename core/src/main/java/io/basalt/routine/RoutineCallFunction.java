package io.basalt.routine;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.VolatileFunction;
import io.basalt.storage.table.TableTransaction;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * A call of a user-defined function that the binder could not inline (a PL/pgSQL function, or a SQL function whose
 * body is more than one SELECT of an expression), evaluated row by row through the session's
 * {@link RoutineRuntime}. The statement's transaction is captured when the call is bound and bound again while a
 * row is evaluated, because a parallel pipeline may evaluate it on a worker thread; calls are serialised on the
 * runtime, which a session uses from one thread at a time.
 *
 * <p>Always treated as volatile (evaluated per row, never folded into a constant at planning), whatever the
 * function declares.
 */
public final class RoutineCallFunction implements VolatileFunction {
    private final FunctionEntry function;
    private final RoutineRuntime runtime;
    private final TableTransaction transaction;
    private final List<LogicalType> argumentTypes;

    public RoutineCallFunction(FunctionEntry function, RoutineRuntime runtime, TableTransaction transaction) {
        this.function = requireNonNull(function, "function is null");
        this.runtime = requireNonNull(runtime, "runtime is null");
        this.transaction = transaction;
        this.argumentTypes = function.inputTypes();
    }

    @Override
    public String name() {
        return function.name();
    }

    /** The function called. */
    public FunctionEntry function() {
        return function;
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector out = context.newVector(resultType, rows);
        synchronized (runtime) {
            ScopedValue.Carrier carrier = ScopedValue.where(RoutineRuntime.CURRENT, runtime);
                if (transaction != null) {
                    carrier = carrier.where(TableTransaction.CURRENT, transaction);
                }
                carrier.run(() -> {
                    for (int row = 0; row < rows; row++) {
                        List<BoundExpression.Constant> values = new ArrayList<>(arguments.length);
                        for (int a = 0; a < arguments.length; a++) {
                            values.add(new BoundExpression.Constant(ValueAccess.get(arguments[a], row),
                                    argumentTypes.get(a), 0));
                        }
                        Object result = runtime.call(function, values);
                        if (result instanceof RoutineRuntime.SetResult) {
                            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                                    "set-returning function " + function.name() + " in this place is not supported yet");
                        }
                        ValueAccess.set(out, row, result);
                    }
                });
        }
        out.setValueCount(rows);
        return out;
    }
}
