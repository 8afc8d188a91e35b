package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.function.array.ArrayConstructFunction;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.sql.ast.Expression;
import io.basalt.type.ArrayValue;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.List;

/**
 * The bound arguments of a function call as written: each value, the parameter name it was given for ({@code name
 * => value}; null for a positional argument), and whether the last one was written {@code VARIADIC array}.
 * PostgreSQL's rules on the notation are checked here: positional arguments come before named ones, and a name is
 * used once.
 */
record CallArguments(List<BoundExpression> values, List<String> names, boolean variadic) {
    CallArguments {
        values = List.copyOf(values);
        names = java.util.Collections.unmodifiableList(new ArrayList<>(names));
    }

    /** Binds the arguments of {@code call} with {@code binder}. */
    static CallArguments bind(Expression.FunctionCall call, ExpressionBinder binder) {
        List<BoundExpression> values = new ArrayList<>();
        List<String> names = new ArrayList<>();
        boolean variadic = false;
        for (Expression argument : call.arguments()) {
            Expression value = argument;
            if (value instanceof Expression.VariadicArgument variadicArgument) {
                variadic = true;
                value = variadicArgument.value();
            }
            String name = null;
            if (value instanceof Expression.NamedArgument named) {
                name = named.name();
                if (names.contains(name)) {
                    throw BasaltException.at(SqlState.SYNTAX_ERROR, named.position(),
                            "argument name \"" + name + "\" used more than once");
                }
                value = named.value();
            } else if (!names.isEmpty() && names.getLast() != null) {
                throw BasaltException.at(SqlState.SYNTAX_ERROR, value.position(),
                        "positional argument cannot follow named argument");
            }
            values.add(binder.bind(value));
            names.add(name);
        }
        return new CallArguments(values, names, variadic);
    }

    /** Whether some argument was given by name. */
    boolean anyNamed() {
        for (String name : names) {
            if (name != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * The arguments of a built-in function with the VARIADIC array spread into its elements (PostgreSQL's
     * {@code VARIADIC "any"} functions see the elements); null when the array is NULL. The array must be a constant
     * or an ARRAY constructor.
     */
    List<BoundExpression> spread(int position) {
        if (!variadic) {
            return values;
        }
        BoundExpression array = values.getLast();
        if (array.type().id() == TypeId.UNKNOWN) {
            array = Coercion.cast(array, LogicalType.arrayOf(LogicalType.TEXT), false);
        }
        if (!array.type().isArray()) {
            throw BasaltException.at(SqlState.DATATYPE_MISMATCH, array.position(),
                    "VARIADIC argument must be an array");
        }
        List<BoundExpression> spread = new ArrayList<>(values.subList(0, values.size() - 1));
        if (array instanceof BoundExpression.Constant constant) {
            if (constant.value() == null) {
                return null;
            }
            for (Object element : ((ArrayValue) constant.value()).elements()) {
                spread.add(new BoundExpression.Constant(element, array.type().element(), array.position()));
            }
            return spread;
        }
        if (array instanceof BoundExpression.Function function && function.function() instanceof ArrayConstructFunction) {
            spread.addAll(function.arguments());
            return spread;
        }
        throw ExpressionBinder.notYet("VARIADIC arguments that are not constant arrays or ARRAY[...]", position);
    }
}
