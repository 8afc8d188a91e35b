package io.basalt.binder;

import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parameter names (and defaults) of the built-in functions PostgreSQL declares with names, so that they can be
 * called in named or mixed notation ({@code jsonb_set_lax(j, p, v, null_value_treatment => 'delete_key')}). The
 * jsonpath functions and make_interval arrange their named arguments themselves ({@link JsonPathFunctionBinder},
 * {@link DateTimeFunctions}).
 */
final class BuiltinParameterNames {
    /** A parameter: its name and its default (null: none). */
    private record Parameter(String name, BoundExpression defaultValue) {
    }

    private static final Map<String, List<Parameter>> PARAMETERS = Map.of(
            "jsonb_set", List.of(required("jsonb_in"), required("path"), required("replacement"),
                    optional("create_if_missing", true, LogicalType.BOOLEAN)),
            "jsonb_set_lax", List.of(required("jsonb_in"), required("path"), required("replacement"),
                    optional("create_if_missing", true, LogicalType.BOOLEAN),
                    optional("null_value_treatment", "use_json_null", LogicalType.TEXT)),
            "jsonb_insert", List.of(required("jsonb_in"), required("path"), required("replacement"),
                    optional("insert_after", false, LogicalType.BOOLEAN)),
            "make_date", List.of(required("year"), required("month"), required("day")),
            "make_time", List.of(required("hour"), required("min"), required("sec")),
            "make_timestamp", List.of(required("year"), required("month"), required("mday"), required("hour"),
                    required("min"), required("sec")),
            "make_timestamptz", List.of(required("year"), required("month"), required("mday"), required("hour"),
                    required("min"), required("sec"), new Parameter("timezone", null)));

    private BuiltinParameterNames() {
    }

    private static Parameter required(String name) {
        return new Parameter(name, null);
    }

    private static Parameter optional(String name, Object value, LogicalType type) {
        return new Parameter(name, new BoundExpression.Constant(value, type, 0));
    }

    /**
     * The arguments of built-in {@code function} in positional order, up to the last parameter given (the defaults
     * of skipped parameters put in); null when the function has no parameter names or the arguments do not fit them.
     */
    static List<BoundExpression> arrange(String function, CallArguments written) {
        List<Parameter> parameters = PARAMETERS.get(function);
        if (parameters == null || written.variadic()) {
            return null;
        }
        BoundExpression[] slots = new BoundExpression[parameters.size()];
        int last = -1;
        for (int i = 0; i < written.values().size(); i++) {
            String name = written.names().get(i);
            int index = name == null ? i : indexOf(parameters, name);
            if (index < 0 || index >= slots.length || slots[index] != null) {
                return null;
            }
            slots[index] = written.values().get(i);
            last = Math.max(last, index);
        }
        List<BoundExpression> arranged = new ArrayList<>();
        for (int i = 0; i <= last; i++) {
            BoundExpression slot = slots[i] != null ? slots[i] : parameters.get(i).defaultValue();
            if (slot == null) {
                return null;
            }
            arranged.add(slot);
        }
        return arranged;
    }

    private static int indexOf(List<Parameter> parameters, String name) {
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
