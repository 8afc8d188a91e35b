package io.basalt.format.parquet.page;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Values in Parquet's PLAIN encoding: little-endian INT32, INT64, FLOAT and DOUBLE, booleans packed one bit each
 * (least significant first), BYTE_ARRAY as a 4-byte length and the bytes, FIXED_LEN_BYTE_ARRAY as the bytes.
 * Reads straight from the page's array without copying. Also decodes dictionary pages, which are PLAIN.
 */
public final class PlainValues extends PageValues {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] data;
    private final int end;
    private final int fixedLength;
    private int position;
    private int bitIndex;
    private int blockOffset;

    /**
     * @param fixedLength the length of FIXED_LEN_BYTE_ARRAY values, -1 for BYTE_ARRAY (and other types)
     */
    public PlainValues(byte[] data, int offset, int end, int fixedLength) {
        this.data = data;
        this.position = offset;
        this.end = end;
        this.fixedLength = fixedLength;
    }

    private void need(long bytes) {
        if (position + bytes > end) {
            throw new IllegalStateException("PLAIN values end before the page's value count");
        }
    }

    @Override
    public void readInts(int[] out, int count) {
        need(4L * count);
        byte[] bytes = data;
        int at = position;
        for (int i = 0; i < count; i++) {
            out[i] = (int) INT.get(bytes, at);
            at += 4;
        }
        position = at;
    }

    @Override
    public void readLongs(long[] out, int count) {
        need(8L * count);
        byte[] bytes = data;
        int at = position;
        for (int i = 0; i < count; i++) {
            out[i] = (long) LONG.get(bytes, at);
            at += 8;
        }
        position = at;
    }

    @Override
    public void readFloats(float[] out, int count) {
        need(4L * count);
        byte[] bytes = data;
        int at = position;
        for (int i = 0; i < count; i++) {
            out[i] = Float.intBitsToFloat((int) INT.get(bytes, at));
            at += 4;
        }
        position = at;
    }

    @Override
    public void readDoubles(double[] out, int count) {
        need(8L * count);
        byte[] bytes = data;
        int at = position;
        for (int i = 0; i < count; i++) {
            out[i] = Double.longBitsToDouble((long) LONG.get(bytes, at));
            at += 8;
        }
        position = at;
    }

    @Override
    public void readBooleans(boolean[] out, int count) {
        int bit = bitIndex;
        need((bit + count + 7) >>> 3);
        byte[] bytes = data;
        int base = position;
        for (int i = 0; i < count; i++) {
            int index = bit + i;
            out[i] = ((bytes[base + (index >>> 3)] >>> (index & 7)) & 1) != 0;
        }
        bit += count;
        position = base + (bit >>> 3);
        bitIndex = bit & 7;
    }

    @Override
    public byte[] readBinaries(int[] starts, int[] lengths, int count) {
        int at = position;
        if (fixedLength >= 0) {
            need((long) fixedLength * count);
            for (int i = 0; i < count; i++) {
                starts[i] = at;
                lengths[i] = fixedLength;
                at += fixedLength;
            }
        } else {
            for (int i = 0; i < count; i++) {
                if (at + 4 > end) {
                    throw new IllegalStateException("PLAIN values end before the page's value count");
                }
                int length = (int) INT.get(data, at);
                if (length < 0 || at + 4L + length > end) {
                    throw new IllegalStateException("a PLAIN byte array runs past the end of its page");
                }
                starts[i] = at + 4;
                lengths[i] = length;
                at += 4 + length;
            }
        }
        position = at;
        return data;
    }

    @Override
    public byte[] plainBlock(int count, int width) {
        need((long) width * count);
        blockOffset = position;
        position += width * count;
        return data;
    }

    @Override
    public int plainOffset() {
        return blockOffset;
    }
}
