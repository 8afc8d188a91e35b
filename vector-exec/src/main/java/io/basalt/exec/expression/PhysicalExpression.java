package io.basalt.exec.expression;

import io.basalt.exec.batch.Batch;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.FieldVector;

/**
 * An expression ready to run over batches. Expressions are immutable and shared by threads; all
 * per-evaluation state lives in the {@link EvaluationContext}.
 *
 * <p>{@link #evaluate} returns a vector with one value per row of the batch: either one of the batch's
 * own vectors (a column reference) or one allocated from the context. The caller never closes it; it is
 * valid until the context's next {@code releaseBatch()}.
 */
public sealed interface PhysicalExpression
        permits ColumnExpression, ConstantExpression, ArithmeticExpression, NegateExpression, ComparisonExpression,
        LogicalExpression, NotExpression, IsNullExpression, CastExpression, CaseExpression, FunctionExpression,
        CompactDecimalArithmetic, AnyEqualsExpression {

    LogicalType type();

    FieldVector evaluate(Batch batch, EvaluationContext context);
}
