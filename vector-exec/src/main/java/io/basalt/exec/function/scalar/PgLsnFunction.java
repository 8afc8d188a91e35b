package io.basalt.exec.function.scalar;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import io.basalt.type.PgLsn;
import io.basalt.type.ValueConversion;
import java.math.BigDecimal;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * PostgreSQL's pg_lsn functions and operators that compute through numeric: {@code pg_lsn(numeric)}, {@code pg_lsn -
 * pg_lsn} (the distance in bytes, a numeric), {@code pg_lsn + numeric}, {@code numeric + pg_lsn} and {@code pg_lsn -
 * numeric} (a location, rounded to a whole byte, within 0 .. 2^64-1). NULL in any argument gives NULL. Value by
 * value, boxed: these are not used on hot paths.
 */
public final class PgLsnFunction implements ScalarFunction {
    public enum Kind { FROM_NUMERIC, DISTANCE, PLUS, NUMERIC_PLUS, MINUS }

    private final Kind kind;

    public PgLsnFunction(Kind kind) {
        this.kind = kind;
    }

    @Override
    public String name() {
        return switch (kind) {
            case FROM_NUMERIC -> "pg_lsn";
            case DISTANCE, MINUS -> "-";
            case PLUS, NUMERIC_PLUS -> "+";
        };
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector out = context.newVector(resultType, rows);
        LogicalType[] types = new LogicalType[arguments.length];
        for (int a = 0; a < arguments.length; a++) {
            Field field = arguments[a].getField();
            types[a] = LogicalType.of(field);
        }
        for (int i = 0; i < rows; i++) {
            Object first = ValueAccess.get(arguments[0], i);
            Object second = arguments.length > 1 ? ValueAccess.get(arguments[1], i) : Boolean.TRUE;
            if (first != null && second != null) {
                ValueAccess.set(out, i, compute(first, types[0], second, arguments.length > 1 ? types[1] : null));
            }
        }
        out.setValueCount(rows);
        return out;
    }

    private Object compute(Object first, LogicalType firstType, Object second, LogicalType secondType) {
        return switch (kind) {
            case FROM_NUMERIC -> PgLsn.fromNumeric(ValueConversion.toDecimal(first, firstType),
                    "cannot convert NaN to pg_lsn");
            case DISTANCE -> PgLsn.toNumeric((Long) first).subtract(PgLsn.toNumeric((Long) second));
            case PLUS -> PgLsn.fromNumeric(sum((Long) first, ValueConversion.toDecimal(second, secondType), false),
                    "cannot add NaN to pg_lsn");
            case NUMERIC_PLUS -> PgLsn.fromNumeric(sum((Long) second, ValueConversion.toDecimal(first, firstType),
                    false), "cannot add NaN to pg_lsn");
            case MINUS -> PgLsn.fromNumeric(sum((Long) first, ValueConversion.toDecimal(second, secondType), true),
                    "cannot subtract NaN from pg_lsn");
        };
    }

    /** The location plus (or minus) {@code bytes}; a special numeric is returned as it is, for the caller's error. */
    private static BigDecimal sum(long lsn, BigDecimal bytes, boolean subtract) {
        if (bytes instanceof io.basalt.type.NumericSpecial) {
            return bytes;
        }
        BigDecimal location = PgLsn.toNumeric(lsn);
        return subtract ? location.subtract(bytes) : location.add(bytes);
    }
}
