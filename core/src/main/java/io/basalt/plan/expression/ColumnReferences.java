package io.basalt.plan.expression;

import io.basalt.error.BasaltException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** Reading and renumbering the input columns an expression refers to. */
public final class ColumnReferences {
    private ColumnReferences() {
    }

    /** Adds the indices of every column {@code expression} reads to {@code into}. */
    public static void collect(BoundExpression expression, BitSet into) {
        switch (expression) {
            case BoundExpression.ColumnRef e -> into.set(e.index());
            case BoundExpression.Constant e -> {
            }
            case BoundExpression.Arithmetic e -> {
                collect(e.left(), into);
                collect(e.right(), into);
            }
            case BoundExpression.Negate e -> collect(e.operand(), into);
            case BoundExpression.Comparison e -> {
                collect(e.left(), into);
                collect(e.right(), into);
            }
            case BoundExpression.Logical e -> collectAll(e.operands(), into);
            case BoundExpression.Not e -> collect(e.operand(), into);
            case BoundExpression.IsNull e -> collect(e.operand(), into);
            case BoundExpression.Cast e -> collect(e.operand(), into);
            case BoundExpression.Case e -> {
                collectAll(e.conditions(), into);
                collectAll(e.results(), into);
                collect(e.otherwise(), into);
            }
            case BoundExpression.Function e -> collectAll(e.arguments(), into);
            case BoundExpression.AggregateCall e -> {
                for (BoundExpression operand : e.operands()) {
                    collect(operand, into);
                }
            }
        }
    }

    public static void collectAll(List<BoundExpression> expressions, BitSet into) {
        for (BoundExpression expression : expressions) {
            collect(expression, into);
        }
    }

    /** {@code expression} with every column index {@code i} replaced by {@code mapping[i]}. */
    public static BoundExpression renumber(BoundExpression expression, int[] mapping) {
        return switch (expression) {
            case BoundExpression.ColumnRef e -> {
                int index = mapping[e.index()];
                if (index < 0) {
                    throw BasaltException.internal("column #" + e.index() + " was pruned but is still read");
                }
                yield new BoundExpression.ColumnRef(index, e.qualifier(), e.name(), e.type(), e.position());
            }
            case BoundExpression.Constant e -> e;
            case BoundExpression.Arithmetic e -> new BoundExpression.Arithmetic(e.operator(),
                    renumber(e.left(), mapping), renumber(e.right(), mapping), e.type(), e.position());
            case BoundExpression.Negate e -> new BoundExpression.Negate(renumber(e.operand(), mapping), e.position());
            case BoundExpression.Comparison e -> new BoundExpression.Comparison(e.operator(),
                    renumber(e.left(), mapping), renumber(e.right(), mapping), e.position());
            case BoundExpression.Logical e -> new BoundExpression.Logical(e.isAnd(), renumberAll(e.operands(), mapping),
                    e.position());
            case BoundExpression.Not e -> new BoundExpression.Not(renumber(e.operand(), mapping), e.position());
            case BoundExpression.IsNull e -> new BoundExpression.IsNull(renumber(e.operand(), mapping), e.negated(),
                    e.position());
            case BoundExpression.Cast e -> new BoundExpression.Cast(renumber(e.operand(), mapping), e.type(),
                    e.explicit(), e.position());
            case BoundExpression.Case e -> new BoundExpression.Case(renumberAll(e.conditions(), mapping),
                    renumberAll(e.results(), mapping), renumber(e.otherwise(), mapping), e.type(), e.position());
            case BoundExpression.Function e -> new BoundExpression.Function(e.function(),
                    renumberAll(e.arguments(), mapping), e.type(), e.position());
            case BoundExpression.AggregateCall e -> e.map(operand -> renumber(operand, mapping));
        };
    }

    /** {@code expression} with every column reference replaced by what {@code replacement} makes of it. */
    public static BoundExpression substitute(BoundExpression expression,
                                             java.util.function.Function<BoundExpression.ColumnRef, BoundExpression> replacement) {
        return switch (expression) {
            case BoundExpression.ColumnRef e -> replacement.apply(e);
            case BoundExpression.Constant e -> e;
            case BoundExpression.Arithmetic e -> new BoundExpression.Arithmetic(e.operator(),
                    substitute(e.left(), replacement), substitute(e.right(), replacement), e.type(), e.position());
            case BoundExpression.Negate e -> new BoundExpression.Negate(substitute(e.operand(), replacement),
                    e.position());
            case BoundExpression.Comparison e -> new BoundExpression.Comparison(e.operator(),
                    substitute(e.left(), replacement), substitute(e.right(), replacement), e.position());
            case BoundExpression.Logical e -> new BoundExpression.Logical(e.isAnd(),
                    substituteAll(e.operands(), replacement), e.position());
            case BoundExpression.Not e -> new BoundExpression.Not(substitute(e.operand(), replacement), e.position());
            case BoundExpression.IsNull e -> new BoundExpression.IsNull(substitute(e.operand(), replacement),
                    e.negated(), e.position());
            case BoundExpression.Cast e -> new BoundExpression.Cast(substitute(e.operand(), replacement), e.type(),
                    e.explicit(), e.position());
            case BoundExpression.Case e -> new BoundExpression.Case(substituteAll(e.conditions(), replacement),
                    substituteAll(e.results(), replacement), substitute(e.otherwise(), replacement), e.type(),
                    e.position());
            case BoundExpression.Function e -> new BoundExpression.Function(e.function(),
                    substituteAll(e.arguments(), replacement), e.type(), e.position());
            case BoundExpression.AggregateCall e -> e.map(operand -> substitute(operand, replacement));
        };
    }

    private static List<BoundExpression> substituteAll(List<BoundExpression> expressions,
            java.util.function.Function<BoundExpression.ColumnRef, BoundExpression> replacement) {
        List<BoundExpression> out = new ArrayList<>(expressions.size());
        for (BoundExpression expression : expressions) {
            out.add(substitute(expression, replacement));
        }
        return out;
    }

    public static List<BoundExpression> renumberAll(List<BoundExpression> expressions, int[] mapping) {
        List<BoundExpression> out = new ArrayList<>(expressions.size());
        for (BoundExpression expression : expressions) {
            out.add(renumber(expression, mapping));
        }
        return out;
    }
}
