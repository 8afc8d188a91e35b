package io.basalt.plan.expression;

import io.basalt.exec.expression.ArithmeticOperator;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.function.aggregate.AggregateFunction;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.type.LogicalType;
import java.util.List;

/**
 * A typed, resolved expression of the logical plan. Column references are positions in the input of the
 * plan node that holds the expression; no names are left to look up. Every node keeps the source position
 * of the syntax it came from, for error messages raised after binding.
 */
public sealed interface BoundExpression {
    LogicalType type();

    int position();

    /**
     * Input column {@code index}; {@code qualifier} (table name or alias, may be null) and {@code name} are
     * kept for messages and output naming.
     */
    record ColumnRef(int index, String qualifier, String name, LogicalType type, int position)
            implements BoundExpression {
        /** {@code t.x} as PostgreSQL names a column in messages. */
        public String qualifiedName() {
            return qualifier == null ? name : qualifier + "." + name;
        }
    }

    /** A constant in canonical Java form ({@code io.basalt.exec.vector.ValueAccess}), or null. */
    record Constant(Object value, LogicalType type, int position) implements BoundExpression {
    }

    record Arithmetic(ArithmeticOperator operator, BoundExpression left, BoundExpression right, LogicalType type,
                      int position) implements BoundExpression {
    }

    record Negate(BoundExpression operand, int position) implements BoundExpression {
        @Override
        public LogicalType type() {
            return operand.type();
        }
    }

    record Comparison(CompareOp operator, BoundExpression left, BoundExpression right, int position)
            implements BoundExpression {
        @Override
        public LogicalType type() {
            return LogicalType.BOOLEAN;
        }
    }

    record Logical(boolean isAnd, List<BoundExpression> operands, int position) implements BoundExpression {
        public Logical {
            operands = List.copyOf(operands);
        }

        @Override
        public LogicalType type() {
            return LogicalType.BOOLEAN;
        }
    }

    record Not(BoundExpression operand, int position) implements BoundExpression {
        @Override
        public LogicalType type() {
            return LogicalType.BOOLEAN;
        }
    }

    record IsNull(BoundExpression operand, boolean negated, int position) implements BoundExpression {
        @Override
        public LogicalType type() {
            return LogicalType.BOOLEAN;
        }
    }

    record Cast(BoundExpression operand, LogicalType type, boolean explicit, int position) implements BoundExpression {
    }

    record Case(List<BoundExpression> conditions, List<BoundExpression> results, BoundExpression otherwise,
                LogicalType type, int position) implements BoundExpression {
        public Case {
            conditions = List.copyOf(conditions);
            results = List.copyOf(results);
        }
    }

    record Function(ScalarFunction function, List<BoundExpression> arguments, LogicalType type, int position)
            implements BoundExpression {
        public Function {
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * An aggregate call while a SELECT is being bound; the binder replaces it by a reference to the
     * aggregation's output before the plan is built, so no plan node holds one.
     */
    record AggregateCall(AggregateFunction function, BoundExpression argument, int position)
            implements BoundExpression {
        @Override
        public LogicalType type() {
            return function.resultType();
        }
    }
}
