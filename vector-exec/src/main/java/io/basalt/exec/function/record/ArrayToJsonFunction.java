package io.basalt.exec.function.record;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.ArrayValue;
import io.basalt.type.LogicalType;
import io.basalt.type.datetime.DateTimeSettings;
import io.basalt.type.json.SqlJson;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code array_to_json(array [, pretty])}: the array as JSON text, its elements as to_json writes them (records as
 * objects); with pretty, a line break and a space before every top-level element but the first.
 */
public final class ArrayToJsonFunction implements ScalarFunction {
    private final DateTimeSettings settings = DateTimeSettings.current();

    @Override
    public String name() {
        return "array_to_json";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector array = arguments[0];
        LogicalType type = LogicalType.of(array.getField());
        FieldVector out = context.newVector(resultType, rows);
        for (int i = 0; i < rows; i++) {
            if (array.isNull(i) || arguments.length > 1 && arguments[1].isNull(i)) {
                ValueAccess.set(out, i, null);
                continue;
            }
            boolean pretty = arguments.length > 1 && (Boolean) ValueAccess.get(arguments[1], i);
            ArrayValue value = (ArrayValue) ValueAccess.get(array, i);
            if (!pretty) {
                ValueAccess.set(out, i, SqlJson.toText(value, type, settings));
                continue;
            }
            StringBuilder text = new StringBuilder("[");
            for (int k = 0; k < value.length(); k++) {
                if (k > 0) {
                    text.append(",\n ");
                }
                text.append(SqlJson.toText(value.get(k), type.element(), settings));
            }
            ValueAccess.set(out, i, text.append(']').toString());
        }
        out.setValueCount(rows);
        return out;
    }
}
