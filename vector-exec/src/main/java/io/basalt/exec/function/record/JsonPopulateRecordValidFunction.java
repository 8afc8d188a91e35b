package io.basalt.exec.function.record;

import io.basalt.error.BasaltException;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.function.set.JsonToRecordFunction;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import io.basalt.type.datetime.DateTimeSettings;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code jsonb_populate_record_valid(base, document)} (PostgreSQL 18): whether
 * {@code jsonb_populate_record(base, document)} would succeed, that is whether every member converts to its field's
 * type without a data error (SQLSTATE class 22 or 23: a value too long, an array of the wrong shape, invalid input).
 * Other errors are raised as they are. NULL when the document is NULL.
 */
public final class JsonPopulateRecordValidFunction implements ScalarFunction {
    private final JsonToRecordFunction rows;

    public JsonPopulateRecordValidFunction(LogicalType recordType) {
        this.rows = new JsonToRecordFunction("populate_composite", recordType.record().fieldNames(),
                recordType.record().fieldTypes(), DateTimeSettings.current());
    }

    @Override
    public String name() {
        return "jsonb_populate_record_valid";
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
            boolean valid = true;
            try {
                this.rows.rows(new Object[] {ValueAccess.get(arguments[0], i), document});
            } catch (BasaltException failure) {
                String code = failure.sqlState().code();
                if (!code.startsWith("22") && !code.startsWith("23")) {
                    throw failure;
                }
                valid = false;
            }
            ValueAccess.set(out, i, valid);
        }
        out.setValueCount(rows);
        return out;
    }
}
