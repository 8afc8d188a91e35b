package io.basalt.exec.function.json;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.ArrayValue;
import io.basalt.type.LogicalType;
import io.basalt.type.json.JsonRawText;
import org.apache.arrow.vector.FieldVector;

/**
 * The extraction operators of json ({@code ->}, {@code ->>}, {@code #>}, {@code #>>}, and json_extract_path):
 * the part found is returned as it is written in the document ({@link JsonRawText}), the {@code >>} forms
 * unescaping a string and giving NULL for a JSON null. Arguments: the json text and the key, index or path.
 */
public record JsonTextExtractFunction(JsonbExtractFunction.Kind kind, boolean asText) implements ScalarFunction {
    @Override
    public String name() {
        return switch (kind) {
            case FIELD, ELEMENT -> asText ? "->>" : "->";
            case PATH -> asText ? "#>>" : "#>";
        };
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector out = context.newVector(resultType, rows);
        for (int i = 0; i < rows; i++) {
            String document = (String) ValueAccess.get(arguments[0], i);
            Object operand = ValueAccess.get(arguments[1], i);
            if (document == null || operand == null) {
                continue;
            }
            String found = switch (kind) {
                case FIELD -> JsonRawText.field(document, (String) operand);
                case ELEMENT -> JsonRawText.element(document, ((Number) operand).longValue());
                case PATH -> JsonRawText.path(document, ((ArrayValue) operand).elements());
            };
            String result = asText ? JsonRawText.asText(found) : found;
            if (result != null) {
                ValueAccess.set(out, i, result);
            }
        }
        return out;
    }
}
