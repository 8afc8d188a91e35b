package io.basalt.exec.function.json;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import io.basalt.type.json.JsonNode;
import io.basalt.type.json.Jsonb;
import io.basalt.type.json.JsonbSubscriptAssignment;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * The new value of a jsonb column after {@code j[s1][s2]... = value} ({@link JsonbSubscriptAssignment}).
 * Arguments: the old jsonb, the subscripts as text, the new jsonb value (NULL stores JSON null). A NULL
 * subscript fails (22004); a NULL column starts as an empty array when the first subscript is an integer
 * ({@code firstIsInteger}), else as an empty object. Writes are rare, so rows go through Java values.
 */
public record JsonbSubscriptAssignFunction(boolean firstIsInteger) implements ScalarFunction {
    @Override
    public String name() {
        return "jsonb_subscript_assign";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector out = context.newVector(resultType, rows);
        int subscripts = arguments.length - 2;
        for (int i = 0; i < rows; i++) {
            List<String> path = new ArrayList<>(subscripts);
            for (int s = 0; s < subscripts; s++) {
                String step = (String) ValueAccess.get(arguments[1 + s], i);
                if (step == null) {
                    throw BasaltException.of(SqlState.NULL_VALUE_NOT_ALLOWED,
                            "jsonb subscript in assignment must not be null");
                }
                path.add(step);
            }
            Jsonb old = (Jsonb) ValueAccess.get(arguments[0], i);
            Jsonb value = (Jsonb) ValueAccess.get(arguments[arguments.length - 1], i);
            JsonNode target = old != null ? old.toNode() : firstIsInteger
                    ? new JsonNode.JsonArray(List.of()) : new JsonNode.JsonObject(List.of(), List.of());
            if (old != null && !(target instanceof JsonNode.JsonObject) && !(target instanceof JsonNode.JsonArray)) {
                throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "cannot replace existing key")
                        .withDetail("The path assumes key is a composite object, but it is a scalar value.");
            }
            JsonNode assigned = JsonbSubscriptAssignment.assign(target, path, value == null ? JsonNode.NULL
                    : value.toNode());
            ValueAccess.set(out, i, Jsonb.of(assigned));
        }
        return out;
    }
}
