package io.basalt.binder;

import io.basalt.error.SqlState;
import io.basalt.error.BasaltException;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.ArrayValue;
import io.basalt.type.EnumType;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's enum support functions: {@code enum_first(x)}, {@code enum_last(x)} and {@code enum_range(x)}, which
 * read only the type of their argument, and {@code enum_range(low, high)}, the labels from {@code low} to
 * {@code high} (NULL: from the first, to the last). They are folded to constants when bound: the labels are the
 * type's as the statement is bound. {@code enum_range(low, high)} needs constant bounds for now.
 */
final class EnumFunctions {
    private EnumFunctions() {
    }

    /** The call bound, or null when {@code name} is not one of these functions or the arguments do not fit. */
    static BoundExpression bind(String name, List<BoundExpression> arguments, int position) {
        boolean known = name.equals("enum_first") || name.equals("enum_last") || name.equals("enum_range");
        if (!known || arguments.isEmpty() || arguments.size() > 2 || arguments.size() == 2 && !name.equals("enum_range")) {
            return null;
        }
        LogicalType type = enumArgumentType(arguments);
        if (type == null) {
            return null;
        }
        EnumType enumType = type.enumType();
        EnumType.Labels labels = enumType.labels();
        double[] keys = labels.keys();
        if (name.equals("enum_first") || name.equals("enum_last")) {
            if (keys.length == 0) {
                throw BasaltException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                        "enum " + enumType.name() + " contains no values");
            }
            int index = name.equals("enum_first") ? 0 : keys.length - 1;
            enumType.checkSafe(labels.names()[index]);
            Object value = keys[index];
            return new BoundExpression.Constant(value, type, position);
        }
        double low = Double.NEGATIVE_INFINITY;
        double high = Double.POSITIVE_INFINITY;
        if (arguments.size() == 2) {
            Object[] bounds = new Object[2];
            for (int i = 0; i < 2; i++) {
                BoundExpression argument = Coercion.cast(arguments.get(i), type, false);
                if (!(argument instanceof BoundExpression.Constant constant)) {
                    throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, position,
                            "enum_range with bounds that are not constants is not supported yet");
                }
                bounds[i] = constant.value();
            }
            if (bounds[0] != null) {
                low = (Double) bounds[0];
            }
            if (bounds[1] != null) {
                high = (Double) bounds[1];
            }
        }
        List<Object> range = new ArrayList<>();
        for (double key : keys) {
            if (key >= low && key <= high) {
                enumType.checkSafe(enumType.label(key));
                range.add(key);
            }
        }
        return new BoundExpression.Constant(ArrayValue.of(range), LogicalType.arrayOf(type), position);
    }

    /** The enum type of the arguments (both the same enum, or one an untyped literal), or null. */
    private static LogicalType enumArgumentType(List<BoundExpression> arguments) {
        LogicalType found = null;
        for (BoundExpression argument : arguments) {
            LogicalType type = argument.type();
            if (type.isEnum()) {
                if (found != null && !found.equals(type)) {
                    return null;
                }
                found = type;
            } else if (type.id() != TypeId.UNKNOWN) {
                return null;
            }
        }
        return found;
    }
}
