package io.basalt.binder;

import io.basalt.plan.expression.BoundExpression;
import io.basalt.routine.FunctionEntry;
import io.basalt.sql.ast.RoutineStatement.ParameterMode;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the arguments of a call of a user-defined function in the places of its input parameters, as PostgreSQL's
 * function resolution does: positional arguments fill the first parameters; named ones ({@code name => value}) the
 * parameter of that name; left-out parameters take their DEFAULT. For a function whose last parameter is VARIADIC,
 * the positional arguments beyond the others become the elements of its array (at least one), unless the call
 * passes the array itself with {@code VARIADIC array}. The result is one expression per input parameter, not yet
 * converted to the parameters' types; null when the arguments do not fit the function.
 */
final class ParameterArrangement {
    private ParameterArrangement() {
    }

    /** The arguments in parameter order, defaults and variadic array included; null when they do not fit. */
    static List<BoundExpression> arrange(FunctionEntry function, CallArguments arguments, int position) {
        List<FunctionEntry.Parameter> inputs = function.inputs();
        boolean variadicParameter = !inputs.isEmpty() && inputs.getLast().mode() == ParameterMode.VARIADIC;
        if (arguments.variadic() && !variadicParameter) {
            return null;
        }
        int fixed = variadicParameter && !arguments.variadic() ? inputs.size() - 1 : inputs.size();
        BoundExpression[] slots = new BoundExpression[inputs.size()];
        List<BoundExpression> elements = new ArrayList<>();
        for (int i = 0; i < arguments.values().size(); i++) {
            BoundExpression value = arguments.values().get(i);
            String name = arguments.names().get(i);
            if (name == null) {
                if (i < fixed) {
                    slots[i] = value;
                } else if (variadicParameter && !arguments.variadic()) {
                    elements.add(value);
                } else {
                    return null;
                }
                continue;
            }
            int index = indexOf(inputs, name);
            if (index < 0 || slots[index] != null || index >= fixed && !arguments.variadic()) {
                return null;
            }
            slots[index] = value;
        }
        if (!elements.isEmpty()) {
            BoundExpression array = variadicArray(elements, inputs.getLast().type(), position);
            if (array == null) {
                return null;
            }
            slots[inputs.size() - 1] = array;
        }
        List<BoundExpression> arranged = new ArrayList<>(slots.length);
        for (int i = 0; i < slots.length; i++) {
            BoundExpression slot = slots[i];
            if (slot == null) {
                if (inputs.get(i).defaultValue() == null) {
                    return null;
                }
                slot = new ExpressionBinder(Scope.EMPTY, Parameters.none(), "DEFAULT")
                        .bind(inputs.get(i).defaultValue());
            }
            arranged.add(slot);
        }
        return arranged;
    }

    private static int indexOf(List<FunctionEntry.Parameter> inputs, String name) {
        for (int i = 0; i < inputs.size(); i++) {
            if (name.equals(inputs.get(i).name())) {
                return i;
            }
        }
        return -1;
    }

    /** ARRAY[elements] of the variadic parameter's array type, or null when an element cannot become one. */
    private static BoundExpression variadicArray(List<BoundExpression> elements, LogicalType arrayType, int position) {
        if (!arrayType.isArray()) {
            return null;
        }
        LogicalType element = arrayType.element();
        List<BoundExpression> converted = new ArrayList<>(elements.size());
        for (BoundExpression value : elements) {
            LogicalType from = value.type();
            if (from.id() != TypeId.UNKNOWN && from.id() != element.id()) {
                LogicalType common = Coercion.commonType(from, element);
                if (common == null || common.id() != element.id()) {
                    return null;
                }
            }
            converted.add(Coercion.cast(value, element, false));
        }
        return ArrayExpressions.constructor(converted, position);
    }
}
