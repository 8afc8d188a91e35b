package io.basalt.exec.function.scalar;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.type.LogicalType;
import java.security.SecureRandom;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;

/**
 * {@code gen_random_uuid()}: a version 4 uuid from a cryptographically strong generator, as PostgreSQL
 * makes it, and a new one for every row (the function is volatile). The batch's random bytes are drawn in
 * one call and written straight into the vector's buffer.
 */
public final class RandomUuidFunction implements ScalarFunction {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public String name() {
        return "gen_random_uuid";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FixedSizeBinaryVector out = (FixedSizeBinaryVector) context.newVector(resultType, rows);
        byte[] bytes = new byte[rows * 16];
        RANDOM.nextBytes(bytes);
        ArrowBuf data = out.getDataBuffer();
        for (int i = 0; i < rows; i++) {
            int base = i * 16;
            // Version 4 in the high nibble of byte 6, the RFC 4122 variant (binary 10) in the top bits of byte 8.
            bytes[base + 6] = (byte) ((bytes[base + 6] & 0x0f) | 0x40);
            bytes[base + 8] = (byte) ((bytes[base + 8] & 0x3f) | 0x80);
            out.setIndexDefined(i);
        }
        data.setBytes(0, bytes);
        return out;
    }

    /** Equality stays identity, so two calls in one query are never taken for one expression. */
    @Override
    public String toString() {
        return name();
    }
}
