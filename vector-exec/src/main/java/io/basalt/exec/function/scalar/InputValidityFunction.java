package io.basalt.exec.function.scalar;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.type.LogicalType;
import io.basalt.type.ValueConversion;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * {@code pg_input_is_valid(text, type)}: whether each text reads as a value of {@code type} through the
 * type's text input. A data exception (SQLSTATE class 22: bad syntax, out of range, too long) means
 * invalid; any other error is raised, as PostgreSQL raises its hard errors.
 */
public record InputValidityFunction(LogicalType type) implements ScalarFunction {
    public InputValidityFunction {
        requireNonNull(type, "type is null");
    }

    @Override
    public String name() {
        return "pg_input_is_valid";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        VarCharVector text = (VarCharVector) arguments[0];
        BitVector out = (BitVector) context.newVector(resultType, rows);
        for (int i = 0; i < rows; i++) {
            if (text.isNull(i)) {
                continue;
            }
            String value = new String(text.get(i), java.nio.charset.StandardCharsets.UTF_8);
            out.set(i, inputError(value, type) == null ? 1 : 0);
        }
        out.setValueCount(rows);
        return out;
    }

    /** The soft error reading {@code text} as {@code type} raises, or null when it reads. */
    public static BasaltException inputError(String text, LogicalType type) {
        try {
            ValueConversion.convert(text, LogicalType.TEXT, type, false);
            return null;
        } catch (BasaltException error) {
            if (error.sqlState().code().startsWith("22")) {
                return error;
            }
            throw error;
        }
    }
}
