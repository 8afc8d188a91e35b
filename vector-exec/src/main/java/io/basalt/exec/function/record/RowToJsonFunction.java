package io.basalt.exec.function.record;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.RecordVectors;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import io.basalt.type.datetime.DateTimeSettings;
import io.basalt.type.json.SqlJson;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code row_to_json(record [, pretty])}: the record as a JSON object of its fields (see
 * {@link SqlJson#recordText}); the second argument, a boolean vector, asks for a line per field. Each row's record
 * is boxed once ({@link RecordVectors#get}) to be written out.
 */
public final class RowToJsonFunction implements ScalarFunction {
    private final DateTimeSettings settings = DateTimeSettings.current();

    @Override
    public String name() {
        return "row_to_json";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector record = arguments[0];
        LogicalType type = LogicalType.of(record.getField());
        FieldVector out = context.newVector(resultType, rows);
        for (int i = 0; i < rows; i++) {
            if (record.isNull(i) || arguments.length > 1 && arguments[1].isNull(i)) {
                ValueAccess.set(out, i, null);
                continue;
            }
            boolean pretty = arguments.length > 1 && (Boolean) ValueAccess.get(arguments[1], i);
            ValueAccess.set(out, i, SqlJson.recordText(RecordVectors.get(record, i), type, pretty, settings));
        }
        out.setValueCount(rows);
        return out;
    }
}
