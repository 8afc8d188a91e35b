package io.basalt.exec.function.scalar;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.type.LogicalType;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * {@code x [NOT] LIKE|ILIKE pattern [ESCAPE e]}. With a constant pattern (the usual case) the pattern is
 * compiled once, when the query is planned, and the only argument is {@code x}; otherwise the arguments
 * are {@code x, pattern, escape} and each distinct pattern is compiled as it comes. The same code matches
 * bytea against bytea patterns (PostgreSQL's byealike), the arguments then being binary vectors.
 */
public final class LikeFunction implements ScalarFunction {
    private final LikePattern constantPattern;
    private final boolean negated;
    private final boolean caseInsensitive;

    private LikeFunction(LikePattern constantPattern, boolean negated, boolean caseInsensitive) {
        this.constantPattern = constantPattern;
        this.negated = negated;
        this.caseInsensitive = caseInsensitive;
    }

    /** A LIKE over one argument with a pattern known at planning time. */
    public static LikeFunction constant(String pattern, String escape, boolean negated, boolean caseInsensitive) {
        return new LikeFunction(LikePattern.compile(pattern, escape, caseInsensitive), negated, caseInsensitive);
    }

    /** A LIKE whose pattern and escape are its second and third arguments. */
    public static LikeFunction dynamic(boolean negated, boolean caseInsensitive) {
        return new LikeFunction(null, negated, caseInsensitive);
    }

    /** What every value a plain (not negated, case-sensitive) constant LIKE matches starts with, else null. */
    public byte[] literalPrefix() {
        return constantPattern == null || negated || caseInsensitive ? null : constantPattern.literalPrefix();
    }

    @Override
    public String name() {
        return (negated ? "NOT " : "") + (caseInsensitive ? "ILIKE" : "LIKE");
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        BaseVariableWidthVector values = (BaseVariableWidthVector) arguments[0];
        BitVector out = (BitVector) context.newVector(LogicalType.BOOLEAN, rows);
        ArrowBuf offsets = values.getOffsetBuffer();
        ArrowBuf data = values.getDataBuffer();
        byte[] scratch = new byte[64];
        String lastPattern = null;
        String lastEscape = null;
        LikePattern pattern = constantPattern;
        for (int i = 0; i < rows; i++) {
            if (values.isNull(i)) {
                continue;
            }
            if (constantPattern == null) {
                if (arguments[1].isNull(i) || arguments[2].isNull(i)) {
                    continue;
                }
                String text = new String(bytes(arguments[1], i), StandardCharsets.UTF_8);
                String escape = new String(bytes(arguments[2], i), StandardCharsets.UTF_8);
                if (!text.equals(lastPattern) || !escape.equals(lastEscape)) {
                    pattern = LikePattern.compile(text, escape, caseInsensitive);
                    lastPattern = text;
                    lastEscape = escape;
                }
            }
            int start = offsets.getInt((long) i * 4);
            int length = offsets.getInt((long) (i + 1) * 4) - start;
            if (scratch.length < length) {
                scratch = new byte[Math.max(length, scratch.length * 2)];
            }
            data.getBytes(start, scratch, 0, length);
            out.set(i, pattern.matches(scratch, length) != negated ? 1 : 0);
        }
        return out;
    }

    private static byte[] bytes(FieldVector vector, int row) {
        return vector instanceof VarCharVector text ? text.get(row) : ((VarBinaryVector) vector).get(row);
    }

    /** Value equality: two calls of the same function with the same settings are the same expression. */
    @Override
    public boolean equals(Object other) {
        return other instanceof LikeFunction that && java.util.Objects.equals(constantPattern, that.constantPattern) && java.util.Objects.equals(negated, that.negated) && java.util.Objects.equals(caseInsensitive, that.caseInsensitive);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(getClass(), constantPattern, negated, caseInsensitive);
    }
}
