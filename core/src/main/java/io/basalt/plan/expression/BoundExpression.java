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
     * aggregation's output before the plan is built, so no plan node holds one. {@code argument} is the
     * first argument (null for {@code count(*)}), {@code extraArguments} the rest (a second argument, sort
     * keys of {@code ORDER BY} inside the call, direct arguments of an ordered-set aggregate), and
     * {@code filter} the {@code FILTER (WHERE ...)} condition or null.
     */
    record AggregateCall(AggregateFunction function, BoundExpression argument, List<BoundExpression> extraArguments,
                         BoundExpression filter, int position) implements BoundExpression {
        public AggregateCall {
            extraArguments = List.copyOf(extraArguments);
        }

        public AggregateCall(AggregateFunction function, BoundExpression argument, int position) {
            this(function, argument, List.of(), null, position);
        }

        /** The same call with every argument and the filter mapped by {@code mapper} (nulls stay null). */
        public AggregateCall map(java.util.function.UnaryOperator<BoundExpression> mapper) {
            List<BoundExpression> extras = new java.util.ArrayList<>(extraArguments.size());
            for (BoundExpression extra : extraArguments) {
                extras.add(mapper.apply(extra));
            }
            return new AggregateCall(function, argument == null ? null : mapper.apply(argument), extras,
                    filter == null ? null : mapper.apply(filter), position);
        }

        /** The first argument, the extra arguments and the filter, leaving out absent ones. */
        public List<BoundExpression> operands() {
            List<BoundExpression> operands = new java.util.ArrayList<>();
            if (argument != null) {
                operands.add(argument);
            }
            operands.addAll(extraArguments);
            if (filter != null) {
                operands.add(filter);
            }
            return operands;
        }

        @Override
        public LogicalType type() {
            return function.resultType();
        }
    }
}
