package io.basalt.exec.function.record;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.function.set.JsonToRecordFunction;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import io.basalt.type.RecordValue;
import io.basalt.type.datetime.DateTimeSettings;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code json(b)_populate_record(base, document)} as a value: the record of the base's type whose fields come from
 * the object's members of the same names, else from the base (see {@link JsonToRecordFunction}, which does the
 * work for the FROM form too). NULL when the document is NULL. Each row is boxed once.
 */
public final class JsonPopulateRecordFunction implements ScalarFunction {
    private final String name;
    private final JsonToRecordFunction rows;

    public JsonPopulateRecordFunction(String name, LogicalType recordType) {
        this.name = name;
        this.rows = new JsonToRecordFunction("populate_composite", recordType.record().fieldNames(),
                recordType.record().fieldTypes(), DateTimeSettings.current());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector out = context.newVector(resultType, rows);
        for (int i = 0; i < rows; i++) {
            Object document = ValueAccess.get(arguments[1], i);
            if (document == null) {
                ValueAccess.set(out, i, null);
                continue;
            }
            Object[] values = {ValueAccess.get(arguments[0], i), document};
            ValueAccess.set(out, i, RecordValue.of(this.rows.rows(values).getFirst()));
        }
        out.setValueCount(rows);
        return out;
    }
}
