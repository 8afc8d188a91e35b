package io.basalt.arrow;

import io.basalt.api.ResultColumn;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The SQL columns of Arrow data that Basalt reads in place: each field must be laid out as Basalt lays out its type
 * (the type recorded in the field's {@code basalt.type} metadata, or inferred from the Arrow type: Bool, Int16/32/64,
 * Float64, Utf8, Date32, Decimal128). Other layouts (Float32, Int8, timestamps without Basalt's metadata, ...) are
 * refused with 0A000 rather than misread.
 */
final class ArrowColumns {
    private ArrowColumns() {
    }

    static List<ResultColumn> of(Schema schema) {
        List<ResultColumn> columns = new ArrayList<>();
        for (Field field : schema.getFields()) {
            LogicalType type = LogicalType.of(field);
            if (!type.arrowField(field.getName()).getType().equals(field.getType())) {
                throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "Arrow type " + field.getType()
                        + " of column \"" + field.getName() + "\" is not supported");
            }
            columns.add(new ResultColumn(field.getName(), type));
        }
        return columns;
    }
}
