package io.basalt.storage.column;

import io.basalt.storage.column.encoding.BinaryStreamCodec;
import io.basalt.storage.column.encoding.BinaryValueAnalysis;
import io.basalt.storage.column.encoding.ByteSink;
import io.basalt.storage.column.encoding.ByteSource;
import io.basalt.storage.column.encoding.ValidityCodec;
import io.basalt.storage.column.kernel.DecodeKernels;
import io.basalt.type.TypeId;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * The UTF8 and BINARY layouts of {@link AdaptiveChunkCodec}: copies a row range of a VarChar or VarBinary vector into
 * one byte array with NULL rows made empty, hands it to {@link BinaryStreamCodec}, and on reading rebuilds the
 * vector's offsets, data and validity.
 */
final class VariableWidthChunk {
    private VariableWidthChunk() {
    }

    /** Writes the values of rows {@code [from, from + count)} (validity already written) and returns the statistics. */
    static ChunkStatistics write(FieldVector vector, int from, int count, int nulls, ByteSink out) {
        BaseVariableWidthVector source = (BaseVariableWidthVector) vector;
        ArrowBuf offsetBuffer = source.getOffsetBuffer();
        ArrowBuf dataBuffer = source.getDataBuffer();
        ArrowBuf validity = source.getValidityBuffer();
        boolean[] isNull = nulls == 0 ? null : new boolean[count];
        int[] offsets = new int[count + 1];
        byte[] data;
        if (nulls == 0) {
            // the rows' bytes lie back to back in the vector: one copy, offsets shifted to start at 0
            int base = offsetBuffer.getInt((long) from * Integer.BYTES);
            for (int i = 1; i <= count; i++) {
                offsets[i] = offsetBuffer.getInt((long) (from + i) * Integer.BYTES) - base;
            }
            data = new byte[offsets[count]];
            dataBuffer.getBytes(base, data, 0, offsets[count]);
        } else {
            long total = 0;
            for (int i = 0; i < count; i++) {
                boolean rowIsNull = BitVectorHelper.get(validity, from + i) == 0;
                if (rowIsNull) {
                    isNull[i] = true;
                } else {
                    total += offsetBuffer.getInt((long) (from + i + 1) * Integer.BYTES)
                        - offsetBuffer.getInt((long) (from + i) * Integer.BYTES);
                }
                offsets[i + 1] = (int) total;
            }
            data = new byte[(int) total];
            for (int i = 0; i < count; i++) {
                int length = offsets[i + 1] - offsets[i];
                if (length > 0) {
                    dataBuffer.getBytes(offsetBuffer.getInt((long) (from + i) * Integer.BYTES), data, offsets[i], length);
                }
            }
        }
        TypeId type = ChunkBounds.typeOf(vector.getField());
        BinaryValueAnalysis analysis = BinaryValueAnalysis.of(data, offsets, isNull, count, ChunkBounds.boundsByBytes(type));
        BinaryStreamCodec.write(data, offsets, isNull, count, analysis, out);
        return ChunkBounds.ofVariableWidth(data, offsets, isNull, count, nulls, type, analysis);
    }

    /** Reads {@code count} rows (validity first, then values) into {@code vector}, newly created. */
    static void read(BaseVariableWidthVector vector, ByteSource in, int count, DecodeKernels kernels) {
        int validityBytes = (count + 7) / 8;
        try (ArrowBuf validity = vector.getAllocator().buffer(Math.max(validityBytes, 1))) {
            ValidityCodec.read(in, count, validity, kernels);
            BinaryStreamCodec.read(in, count, vector, kernels);
            ArrowBuf target = vector.getValidityBuffer();
            target.setZero(0, target.capacity());
            target.setBytes(0, validity, 0, validityBytes);
        }
        vector.setLastSet(count - 1);
        vector.setValueCount(count);
    }
}
