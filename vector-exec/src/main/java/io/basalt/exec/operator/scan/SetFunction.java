package io.basalt.exec.operator.scan;

import io.basalt.exec.operator.SourceState;
import io.basalt.exec.pipeline.ExecutionContext;
import java.util.List;

/**
 * A set-returning function whose arguments are known only when the plan runs (a LATERAL reference to an earlier
 * FROM item's row): {@link FunctionScanOperator} evaluates the arguments and asks the function for its rows.
 * Implementations are immutable and thread-safe.
 */
public interface SetFunction {
    /** The function's name, for plan printing. */
    String name();

    /** The types of the function's output columns. */
    List<io.basalt.type.LogicalType> outputTypes();

    /**
     * The rows for these argument values (canonical Java values, see {@link io.basalt.exec.vector.ValueAccess};
     * null for NULL), as a source the caller closes.
     */
    SourceState open(Object[] arguments, ExecutionContext context);
}
