package io.basalt.format.parquet.page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.io.api.Binary;

/**
 * Values in the encodings Basalt does not decode itself (DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY,
 * DELTA_BYTE_ARRAY, BYTE_STREAM_SPLIT, RLE booleans), read one at a time through parquet-mr's decoder of that
 * encoding. Slower than {@link PlainValues}, but each page's values still land in primitive arrays.
 */
public final class FallbackValues extends PageValues {
    private final ValuesReader reader;
    private byte[] copied = new byte[0];

    /** Starts reading the {@code count} values of an {@code encoding} page from {@code data[offset .. end)}. */
    public FallbackValues(Encoding encoding, ColumnDescriptor column, int count, byte[] data, int offset, int end) {
        this.reader = encoding.getValuesReader(column, ValuesType.VALUES);
        try {
            reader.initFromPage(count, ByteBufferInputStream.wrap(ByteBuffer.wrap(data, offset, end - offset)));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    @Override
    public void readInts(int[] out, int count) {
        for (int i = 0; i < count; i++) {
            out[i] = reader.readInteger();
        }
    }

    @Override
    public void readLongs(long[] out, int count) {
        for (int i = 0; i < count; i++) {
            out[i] = reader.readLong();
        }
    }

    @Override
    public void readFloats(float[] out, int count) {
        for (int i = 0; i < count; i++) {
            out[i] = reader.readFloat();
        }
    }

    @Override
    public void readDoubles(double[] out, int count) {
        for (int i = 0; i < count; i++) {
            out[i] = reader.readDouble();
        }
    }

    @Override
    public void readBooleans(boolean[] out, int count) {
        for (int i = 0; i < count; i++) {
            out[i] = reader.readBoolean();
        }
    }

    @Override
    public byte[] readBinaries(int[] starts, int[] lengths, int count) {
        int used = 0;
        for (int i = 0; i < count; i++) {
            Binary value = reader.readBytes();
            int length = value.length();
            if (used + length > copied.length) {
                byte[] grown = new byte[Math.max(copied.length * 2, used + length + 1024)];
                System.arraycopy(copied, 0, grown, 0, used);
                copied = grown;
            }
            ByteBuffer bytes = value.toByteBuffer();
            bytes.get(bytes.position(), copied, used, length);
            starts[i] = used;
            lengths[i] = length;
            used += length;
        }
        return copied;
    }
}
