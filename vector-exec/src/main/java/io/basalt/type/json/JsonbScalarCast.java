package io.basalt.type.json;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import io.basalt.type.ValueConversion;
import java.math.BigDecimal;

/**
 * PostgreSQL 15's casts from jsonb to boolean and the number types: only a top-level scalar of the matching
 * kind converts (a number to any number type, rounding as numeric does; a boolean to boolean); anything else
 * fails with 22023 "cannot cast jsonb string to type integer" and the like.
 */
public final class JsonbScalarCast {
    private JsonbScalarCast() {
    }

    /** {@code value::to} as a canonical value of {@code to}. */
    public static Object convert(Jsonb value, LogicalType to) {
        byte tag = value.tag();
        if (to.id() == TypeId.BOOLEAN) {
            if (tag == JsonbReader.TRUE || tag == JsonbReader.FALSE) {
                return tag == JsonbReader.TRUE;
            }
        } else if (tag == JsonbReader.NUMBER) {
            BigDecimal number = JsonbReader.number(value.segment(), 0, value.bytes().length);
            return ValueConversion.convert(number, LogicalType.NUMERIC, to, true);
        }
        throw cannotCast(kindName(tag), to);
    }

    /** PostgreSQL's name of a value kind in cast errors. */
    public static String kindName(byte tag) {
        return switch (tag) {
            case JsonbReader.NULL -> "null";
            case JsonbReader.STRING -> "string";
            case JsonbReader.NUMBER -> "numeric";
            case JsonbReader.TRUE, JsonbReader.FALSE -> "boolean";
            case JsonbReader.ARRAY -> "array";
            default -> "object";
        };
    }

    static BasaltException cannotCast(String kind, LogicalType to) {
        return BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                "cannot cast jsonb " + kind + " to type " + to.id().pgName());
    }
}
