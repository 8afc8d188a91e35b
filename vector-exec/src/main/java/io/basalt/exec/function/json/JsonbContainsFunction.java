package io.basalt.exec.function.json;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.type.LogicalType;
import io.basalt.type.json.Jsonb;
import io.basalt.type.json.JsonbContainment;
import java.lang.foreign.MemorySegment;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarBinaryVector;

/**
 * {@code a @> b} and {@code a <@ b} on jsonb, evaluated on the binary values in place. With a constant
 * pattern ({@code doc @> '{"k": "v"}'}) the pattern is encoded once and the function takes the documents as
 * its only argument.
 */
public final class JsonbContainsFunction implements ScalarFunction {
    private final boolean containedBy;
    private final byte[] pattern;

    /**
     * @param containedBy true for {@code <@} (the second argument contains the first)
     * @param pattern     the constant other side, or null when both sides are arguments
     */
    public JsonbContainsFunction(boolean containedBy, Jsonb pattern) {
        this.containedBy = containedBy;
        this.pattern = pattern == null ? null : pattern.bytes();
    }

    /** Whether this is {@code <@} (the second argument contains the first). */
    public boolean containedBy() {
        return containedBy;
    }

    /** The constant other side's encoding (not to be changed), or null when both sides are arguments. */
    public byte[] pattern() {
        return pattern;
    }

    @Override
    public String name() {
        return containedBy ? "<@" : "@>";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        BitVector out = (BitVector) context.newVector(resultType, rows);
        VarBinaryVector left = (VarBinaryVector) arguments[0];
        MemorySegment leftData = JsonbVectors.data(left);
        if (pattern != null) {
            MemorySegment constant = MemorySegment.ofArray(pattern);
            long length = pattern.length;
            for (int i = 0; i < rows; i++) {
                if (left.isNull(i)) {
                    continue;
                }
                long start = JsonbVectors.start(left, i);
                long end = JsonbVectors.end(left, i);
                boolean result = containedBy
                        ? JsonbContainment.contains(constant, 0, length, leftData, start, end)
                        : JsonbContainment.contains(leftData, start, end, constant, 0, length);
                out.set(i, result ? 1 : 0);
            }
            return out;
        }
        VarBinaryVector right = (VarBinaryVector) arguments[1];
        MemorySegment rightData = JsonbVectors.data(right);
        for (int i = 0; i < rows; i++) {
            if (left.isNull(i) || right.isNull(i)) {
                continue;
            }
            long aStart = JsonbVectors.start(left, i);
            long aEnd = JsonbVectors.end(left, i);
            long bStart = JsonbVectors.start(right, i);
            long bEnd = JsonbVectors.end(right, i);
            boolean result = containedBy
                    ? JsonbContainment.contains(rightData, bStart, bEnd, leftData, aStart, aEnd)
                    : JsonbContainment.contains(leftData, aStart, aEnd, rightData, bStart, bEnd);
            out.set(i, result ? 1 : 0);
        }
        return out;
    }
}
