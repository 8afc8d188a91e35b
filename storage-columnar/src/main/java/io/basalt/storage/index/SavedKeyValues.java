package io.basalt.storage.index;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * How the keys of an index over an expression ({@link ExpressionKeyIndex}) are written to a saved index file: one
 * tag byte, then the value. The keys are the canonical values of the ordered types such an index serves (integers,
 * dates and timestamps as Long, double precision as Double, NUMERIC as BigDecimal with its scale, text as String,
 * boolean as Boolean); a key of any other class cannot be saved, and the index is then rebuilt on open instead.
 */
final class SavedKeyValues {
    private static final byte LONG = 1;
    private static final byte DOUBLE = 2;
    private static final byte TEXT = 3;
    private static final byte BOOLEAN = 4;
    private static final byte DECIMAL = 5;

    private SavedKeyValues() {
    }

    /** Whether {@code key} can be written. */
    static boolean savable(Object key) {
        return key instanceof Long || key instanceof Double || key instanceof String || key instanceof Boolean
                || key instanceof BigDecimal;
    }

    /** Writes {@code key} ({@link #savable} holds). */
    static void write(DataOutput out, Object key) throws IOException {
        switch (key) {
            case Long value -> {
                out.writeByte(LONG);
                out.writeLong(value);
            }
            case Double value -> {
                out.writeByte(DOUBLE);
                out.writeLong(Double.doubleToRawLongBits(value));
            }
            case String value -> {
                // writeUTF stops at 64 KB: the length and UTF-8 bytes instead
                byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.writeByte(TEXT);
                out.writeInt(bytes.length);
                out.write(bytes);
            }
            case Boolean value -> {
                out.writeByte(BOOLEAN);
                out.writeBoolean(value);
            }
            case BigDecimal value -> {
                byte[] unscaled = value.unscaledValue().toByteArray();
                out.writeByte(DECIMAL);
                out.writeInt(value.scale());
                out.writeInt(unscaled.length);
                out.write(unscaled);
            }
            default -> throw new IllegalArgumentException("cannot save a key of " + key.getClass());
        }
    }

    /**
     * Reads a key {@link #write} wrote.
     *
     * @throws IOException when the bytes are not such a key
     */
    static Object read(DataInput in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case LONG -> in.readLong();
            case DOUBLE -> Double.longBitsToDouble(in.readLong());
            case TEXT -> new String(bytes(in), java.nio.charset.StandardCharsets.UTF_8);
            case BOOLEAN -> in.readBoolean();
            case DECIMAL -> {
                int scale = in.readInt();
                byte[] unscaled = bytes(in);
                if (unscaled.length == 0) {
                    throw new IOException("empty decimal");
                }
                yield new BigDecimal(new BigInteger(unscaled), scale);
            }
            default -> throw new IOException("unknown key tag " + tag);
        };
    }

    private static byte[] bytes(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > (1 << 28)) {
            throw new IOException("bad length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }
}
