package io.basalt.planner;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.memory.MemoryRoots;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.plan.expression.BoundExpression;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Evaluates an expression that reads no columns (e.g. {@code LIMIT 2 + 2}) once, at planning time, with
 * the same code that would run it per row, so folding can never disagree with execution.
 */
public final class ConstantEvaluator {
    private static final long LIMIT = 64L << 20;

    private ConstantEvaluator() {
    }

    /** The value in canonical Java form (see {@link ValueAccess}), or null for NULL. */
    public static Object evaluate(BoundExpression expression) {
        PhysicalExpression physical = ExpressionPlanner.plan(expression);
        try (BufferAllocator allocator = MemoryRoots.newRoot("constant folding", LIMIT);
             EvaluationContext context = new EvaluationContext(allocator)) {
            return ValueAccess.get(physical.evaluate(new Batch(List.of(), 1), context), 0);
        }
    }

    /** Whether the expression reads no input column (and holds no aggregate and no volatile function). */
    public static boolean isConstant(BoundExpression expression) {
        return switch (expression) {
            case BoundExpression.ColumnRef e -> false;
            case BoundExpression.AggregateCall e -> false;
            case BoundExpression.Constant e -> true;
            case BoundExpression.Arithmetic e -> isConstant(e.left()) && isConstant(e.right());
            case BoundExpression.Negate e -> isConstant(e.operand());
            case BoundExpression.Comparison e -> isConstant(e.left()) && isConstant(e.right());
            case BoundExpression.Logical e -> e.operands().stream().allMatch(ConstantEvaluator::isConstant);
            case BoundExpression.Not e -> isConstant(e.operand());
            case BoundExpression.IsNull e -> isConstant(e.operand());
            case BoundExpression.Cast e -> isConstant(e.operand());
            case BoundExpression.Case e -> e.conditions().stream().allMatch(ConstantEvaluator::isConstant)
                    && e.results().stream().allMatch(ConstantEvaluator::isConstant) && isConstant(e.otherwise());
            case BoundExpression.Function e -> !(e.function() instanceof io.basalt.plan.expression.Placeholder)
                    && !(e.function() instanceof io.basalt.plan.expression.VolatileFunction)
                    && e.arguments().stream().allMatch(ConstantEvaluator::isConstant);
        };
    }
}
