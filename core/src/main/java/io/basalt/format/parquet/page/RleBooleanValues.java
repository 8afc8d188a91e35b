package io.basalt.format.parquet.page;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Booleans of an RLE page (what data page v2 writers use for BOOLEAN): a 4-byte little-endian length, then the
 * values in the RLE / bit-packing hybrid with a bit width of 1.
 */
public final class RleBooleanValues extends PageValues {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final RleBitPackedDecoder decoder;
    private int[] scratch = new int[0];

    public RleBooleanValues(byte[] data, int offset, int end) {
        if (offset + 4 > end) {
            throw new IllegalStateException("an RLE boolean page too short for its length");
        }
        int length = (int) INT.get(data, offset);
        if (length < 0 || offset + 4L + length > end) {
            throw new IllegalStateException("RLE booleans run past the end of their page");
        }
        this.decoder = new RleBitPackedDecoder(data, offset + 4, offset + 4 + length, 1);
    }

    @Override
    public void readBooleans(boolean[] out, int count) {
        if (scratch.length < count) {
            scratch = new int[count];
        }
        decoder.read(scratch, 0, count);
        for (int i = 0; i < count; i++) {
            out[i] = scratch[i] != 0;
        }
    }
}
