package io.basalt.exec.function.scalar;

import io.basalt.error.BasaltException;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;

/**
 * The integer bit operators {@code & | # ~ << >>} over smallint, integer and bigint. The binary ones take
 * two operands of the result type, except the shifts, whose count is an integer; shifts behave as
 * PostgreSQL's C code does on common hardware (the count taken modulo the operand width after promotion to
 * int, the result cut back to the type), with no overflow errors.
 */
public record BitwiseFunction(Kind kind) implements ScalarFunction {
    /** The operators. */
    public enum Kind {
        AND("&"), OR("|"), XOR("#"), NOT("~"), SHIFT_LEFT("<<"), SHIFT_RIGHT(">>");

        private final String symbol;

        Kind(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public boolean isShift() {
            return this == SHIFT_LEFT || this == SHIFT_RIGHT;
        }
    }

    @Override
    public String name() {
        return kind.symbol();
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector out = context.newVector(resultType, rows);
        // Specialised per vector type once; each loop reads and writes primitives.
        switch (out) {
            case BigIntVector o -> longs((BigIntVector) arguments[0], arguments.length > 1 ? arguments[1] : null, o, rows);
            case IntVector o -> ints((IntVector) arguments[0], arguments.length > 1 ? arguments[1] : null, o, rows);
            case SmallIntVector o -> shorts((SmallIntVector) arguments[0], arguments.length > 1 ? arguments[1] : null, o, rows);
            default -> throw BasaltException.internal(kind.symbol() + " into " + out.getClass().getSimpleName());
        }
        out.setValueCount(rows);
        return out;
    }

    private void longs(BigIntVector left, FieldVector right, BigIntVector out, int rows) {
        for (int i = 0; i < rows; i++) {
            if (left.isNull(i) || right != null && right.isNull(i)) {
                out.setNull(i);
                continue;
            }
            long a = left.get(i);
            long result = switch (kind) {
                case AND -> a & ((BigIntVector) right).get(i);
                case OR -> a | ((BigIntVector) right).get(i);
                case XOR -> a ^ ((BigIntVector) right).get(i);
                case NOT -> ~a;
                case SHIFT_LEFT -> a << ((IntVector) right).get(i);
                case SHIFT_RIGHT -> a >> ((IntVector) right).get(i);
            };
            out.set(i, result);
        }
    }

    private void ints(IntVector left, FieldVector right, IntVector out, int rows) {
        for (int i = 0; i < rows; i++) {
            if (left.isNull(i) || right != null && right.isNull(i)) {
                out.setNull(i);
                continue;
            }
            int a = left.get(i);
            int b = right == null ? 0 : ((IntVector) right).get(i);
            int result = switch (kind) {
                case AND -> a & b;
                case OR -> a | b;
                case XOR -> a ^ b;
                case NOT -> ~a;
                case SHIFT_LEFT -> a << b;
                case SHIFT_RIGHT -> a >> b;
            };
            out.set(i, result);
        }
    }

    private void shorts(SmallIntVector left, FieldVector right, SmallIntVector out, int rows) {
        for (int i = 0; i < rows; i++) {
            if (left.isNull(i) || right != null && right.isNull(i)) {
                out.setNull(i);
                continue;
            }
            int a = left.get(i);
            int b = right == null ? 0 : kind.isShift() ? ((IntVector) right).get(i) : ((SmallIntVector) right).get(i);
            int result = switch (kind) {
                case AND -> a & b;
                case OR -> a | b;
                case XOR -> a ^ b;
                case NOT -> ~a;
                case SHIFT_LEFT -> a << b;
                case SHIFT_RIGHT -> a >> b;
            };
            out.set(i, (short) result);
        }
    }
}
