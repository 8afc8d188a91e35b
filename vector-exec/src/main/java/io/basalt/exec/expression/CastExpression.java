package io.basalt.exec.expression;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import io.basalt.type.PhysicalType;
import io.basalt.type.ValueConversion;
import io.basalt.type.datetime.DateTimeSettings;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;

/**
 * Converts values to {@code type}. Widening between integer types and to double precision runs as
 * tight loops; every other conversion goes value by value through {@link ValueConversion}, which holds
 * PostgreSQL's rules (boxing there is accepted: those casts are rare in hot paths). Conversions of dates
 * and times to and from text or between kinds use the session's {@code settings}, captured when the plan
 * was built.
 */
public record CastExpression(PhysicalExpression operand, LogicalType type, boolean explicit, DateTimeSettings settings)
        implements PhysicalExpression {
    public CastExpression {
        requireNonNull(operand, "operand is null");
        requireNonNull(type, "type is null");
        requireNonNull(settings, "settings is null");
    }

    /** A cast with the settings of the session whose statement is being planned. */
    public CastExpression(PhysicalExpression operand, LogicalType type, boolean explicit) {
        this(operand, type, explicit, DateTimeSettings.current());
    }

    @Override
    public FieldVector evaluate(Batch batch, EvaluationContext context) {
        FieldVector in = operand.evaluate(batch, context);
        LogicalType from = operand.type();
        if (from.equals(type)) {
            return in;
        }
        int rows = batch.rowCount();
        FieldVector out = context.newVector(type, rows);
        if (sameText(from) && in instanceof org.apache.arrow.vector.VarCharVector strings
                && out instanceof org.apache.arrow.vector.VarCharVector target) {
            io.basalt.exec.vector.VectorGather.copyStrings(strings, rows, target);
            return out;
        }
        if (IntegerText.applies(in, from, type, out)) {
            IntegerText.write(in, rows, (org.apache.arrow.vector.VarCharVector) out);
            return out;
        }
        boolean toUnconstrained = type.physical() == PhysicalType.BIG_DECIMAL && type.precision() < 0
                && out instanceof org.apache.arrow.vector.VarBinaryVector;
        if (!widen(in, out, rows, from) && !rescale(in, out, rows, from) && !(toUnconstrained
                && CompactDecimals.castToUnconstrained(in, from, (org.apache.arrow.vector.VarBinaryVector) out, rows, this))) {
            for (int i = 0; i < rows; i++) {
                convertOne(in, i, out, from);
            }
        }
        out.setValueCount(rows);
        return out;
    }

    /**
     * Whether the cast leaves every value's text as it is: text or varchar to text or to varchar without a
     * length (not char, whose trailing blanks a cast to text drops).
     */
    private boolean sameText(LogicalType from) {
        boolean source = from.id() == io.basalt.type.TypeId.TEXT || from.id() == io.basalt.type.TypeId.VARCHAR;
        boolean target = type.id() == io.basalt.type.TypeId.TEXT
                || type.id() == io.basalt.type.TypeId.VARCHAR && type.precision() < 0;
        return source && target;
    }

    /** Converts row {@code i} of {@code in} (of type {@code from}) value by value into {@code out}. */
    void convertOne(FieldVector in, int i, FieldVector out, LogicalType from) {
        ValueAccess.set(out, i, ValueConversion.convert(ValueAccess.get(in, i), from, type, explicit, settings));
    }

    /** Integer widening and integer-to-double; returns false when the conversion is not one of these. */
    private boolean widen(FieldVector in, FieldVector out, int rows, LogicalType from) {
        if (!from.isIntegral() || !(type.isIntegral() || type.physical() == PhysicalType.FLOAT64)) {
            return false;
        }
        if (type.isIntegral() && integerWidth(type) < integerWidth(from)) {
            return false;
        }
        for (int i = 0; i < rows; i++) {
            if (in.isNull(i)) {
                continue;
            }
            long value = switch (in) {
                case SmallIntVector v -> v.get(i);
                case IntVector v -> v.get(i);
                case BigIntVector v -> v.get(i);
                default -> throw new IllegalStateException();
            };
            switch (out) {
                case IntVector v -> v.set(i, (int) value);
                case BigIntVector v -> v.set(i, value);
                case Float8Vector v -> v.set(i, (double) value);
                case SmallIntVector v -> v.set(i, (short) value);
                default -> throw new IllegalStateException();
            }
        }
        return true;
    }

    /**
     * Integers and scaled NUMERICs to a scaled NUMERIC of the same or a larger scale (64 or 128 bits):
     * a multiplication by a power of ten, which the target's precision guarantees cannot overflow.
     */
    private boolean rescale(FieldVector in, FieldVector out, int rows, LogicalType from) {
        boolean source = from.isIntegral() || from.isScaledLong();
        boolean target = type.isScaledLong() || type.isScaledWide();
        int fromScale = from.isScaledLong() ? from.scale() : 0;
        if (!source || !target || type.scale() < fromScale
                || type.precision() - type.scale() < integerDigits(from)) {
            return false;
        }
        long factor = 1;
        for (int k = fromScale; k < type.scale(); k++) {
            factor *= 10;
        }
        if (type.scale() - fromScale > 18) {
            return false;
        }
        for (int i = 0; i < rows; i++) {
            if (in.isNull(i)) {
                continue;
            }
            long value = switch (in) {
                case SmallIntVector v -> v.get(i);
                case IntVector v -> v.get(i);
                case BigIntVector v -> v.get(i);
                default -> throw new IllegalStateException();
            };
            if (from.isScaledLong() && value == io.basalt.type.NumericSpecial.SCALED_LONG_NAN) {
                // NaN keeps its sentinel in a scaled long and becomes the 128-bit sentinel in a wide target.
                ValueAccess.set(out, i, ValueConversion.fromDecimal(io.basalt.type.NumericSpecial.NAN, type));
            } else if (out instanceof BigIntVector longs) {
                longs.set(i, value * factor);
            } else {
                org.apache.arrow.vector.DecimalVector wide = (org.apache.arrow.vector.DecimalVector) out;
                long low = value * factor;
                long high = Math.multiplyHigh(value, factor);
                wide.getDataBuffer().setLong((long) i * 16, low);
                wide.getDataBuffer().setLong((long) i * 16 + 8, high);
                wide.setIndexDefined(i);
            }
        }
        return true;
    }

    /** Digits before the decimal point a value of {@code type} can have. */
    private static int integerDigits(LogicalType type) {
        return switch (type.id()) {
            case SMALLINT -> 5;
            case INTEGER -> 10;
            case BIGINT -> 19;
            default -> type.precision() - type.scale();
        };
    }

    private static int integerWidth(LogicalType type) {
        return switch (type.id()) {
            case SMALLINT -> 2;
            case INTEGER -> 4;
            default -> 8;
        };
    }

    @Override
    public String toString() {
        return operand + "::" + type;
    }
}
