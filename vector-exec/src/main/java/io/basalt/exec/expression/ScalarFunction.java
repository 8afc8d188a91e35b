package io.basalt.exec.expression;

import io.basalt.type.LogicalType;
import org.apache.arrow.vector.FieldVector;

/**
 * A scalar function's implementation for one resolved signature: it receives its evaluated arguments
 * (one vector each, {@code rows} values) and fills a result vector of {@code resultType} allocated from
 * the context. Implementations are stateless and specialise on argument types once per call, not per row.
 */
public interface ScalarFunction {
    String name();

    FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context);
}
