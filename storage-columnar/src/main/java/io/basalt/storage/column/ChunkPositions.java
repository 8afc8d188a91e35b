package io.basalt.storage.column;

import io.basalt.storage.column.encoding.BinaryStreamPositions;
import io.basalt.storage.column.encoding.ByteSource;
import io.basalt.storage.column.encoding.ChunkCorruption;
import io.basalt.storage.column.encoding.DoubleStreamPositions;
import io.basalt.storage.column.encoding.LongStreamPositions;
import io.basalt.storage.column.encoding.ValidityCodec;
import io.basalt.storage.column.kernel.DecodeKernelProvider;
import io.basalt.storage.column.kernel.DecodeKernels;
import java.lang.foreign.MemorySegment;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Reads chosen rows of an {@link AdaptiveChunkCodec} chunk into a vector holding only them, without decoding the
 * chunk's other rows: the late materialization of a scan whose predicates kept few rows of a row group. Serves the
 * integer-stream layouts (SMALLINT, INTEGER, DATE, BIGINT and the types stored so, 128-bit decimals and other 16-byte
 * values as two streams) through {@link LongStreamPositions}, doubles (raw bits or ALP-style decimals) through
 * {@link DoubleStreamPositions}, and text and binary chunks (constant, dictionary, plain or FSST-style:
 * {@link BinaryStreamPositions}), NULLs through {@link ValidityCodec#readAt}; other layouts (booleans, Arrow IPC) and
 * delta-coded integers are left to a whole decode, which a caller with a cache of decoded chunks does once. The
 * chunk's checksum is the caller's to have verified.
 */
public final class ChunkPositions {
    private static final int HEADER_BYTES = 7;
    private static final int CHECKSUM_BYTES = 4;

    /** The reader with the decode kernels this JVM runs. */
    public static final ChunkPositions INSTANCE = new ChunkPositions(DecodeKernelProvider.kernels());

    private final DecodeKernels kernels;

    /** A reader decoding nested streams with {@code kernels} (tests pass each implementation). */
    public ChunkPositions(DecodeKernels kernels) {
        this.kernels = kernels;
    }

    /**
     * Rows {@code positions[0, selected)} (ascending, distinct) of {@code chunk} as a new vector of {@code selected}
     * rows for {@code field}, owned by {@code allocator}; null when the chunk's layout is not read here (the caller
     * decodes it whole).
     *
     * @throws io.basalt.error.BasaltException DATA_CORRUPTED when the chunk is damaged or a position lies past its rows
     */
    public FieldVector read(MemorySegment chunk, Field field, int[] positions, int selected,
                            BufferAllocator allocator) {
        long size = chunk.byteSize();
        if (size < HEADER_BYTES + CHECKSUM_BYTES) {
            throw ChunkCorruption.of("only " + size + " bytes");
        }
        ByteSource in = new ByteSource(chunk, size - CHECKSUM_BYTES);
        if (in.getByte() != AdaptiveChunkCodec.MAGIC) {
            throw ChunkCorruption.of("not a column chunk");
        }
        int version = in.getByte();
        if (version != AdaptiveChunkCodec.FORMAT_VERSION) {
            throw ChunkCorruption.of("format version " + version);
        }
        ChunkLayout layout = ChunkLayout.ofId(in.getByte());
        if (!handles(layout)) {
            return null;
        }
        int count = in.getCount(AdaptiveChunkCodec.MAXIMUM_ROWS, "row count");
        if (selected > 0 && positions[selected - 1] >= count) {
            throw ChunkCorruption.of("row " + positions[selected - 1] + " of " + count);
        }
        FieldVector vector = field.createVector(allocator);
        try {
            if (ChunkLayout.of(vector) != layout) {
                throw ChunkCorruption.of("layout " + layout + " for a column of type " + field.getType());
            }
            if (layout == ChunkLayout.UTF8 || layout == ChunkLayout.BINARY) {
                return readVariableWidth(in, count, positions, selected, (BaseVariableWidthVector) vector)
                        ? vector : closed(vector);
            }
            BaseFixedWidthVector fixed = (BaseFixedWidthVector) vector;
            fixed.allocateNew(Math.max(selected, 1));
            ValidityCodec.readAt(in, count, positions, selected, fixed.getValidityBuffer(), kernels);
            if (layout == ChunkLayout.FLOAT64) {
                if (!DoubleStreamPositions.readsAtPositions(chunk, in.position())) {
                    return closed(vector);  // delta-coded decimal integers: decoded whole by the caller instead
                }
                long[] bits = new long[Math.max(selected, 1)];
                DoubleStreamPositions.read(in, count, positions, selected, bits, kernels);
                FixedWidthValues.write(vector, layout, bits, null, selected);
                vector.setValueCount(selected);
                return vector;
            }
            if (!LongStreamPositions.readsAtPositions(chunk, in.position())) {
                return closed(vector);  // a delta stream: decoded whole (and cached) by the caller instead
            }
            long[] values = new long[Math.max(selected, 1)];
            LongStreamPositions.read(in, count, positions, selected, values, kernels);
            long[] high = null;
            if (layout == ChunkLayout.DECIMAL128 || layout == ChunkLayout.FIXED16) {
                high = new long[Math.max(selected, 1)];
                LongStreamPositions.read(in, count, positions, selected, high, kernels);
            }
            FixedWidthValues.write(vector, layout, values, high, selected);
            vector.setValueCount(selected);
            return vector;
        } catch (RuntimeException e) {
            vector.close();
            if (e instanceof io.basalt.error.BasaltException) {
                throw e;
            }
            throw ChunkCorruption.of(e.toString());
        }
    }

    /**
     * Text and binary rows: validity at the positions (into a scratch bitmap, since the vector's buffers are
     * allocated only once the values' size is known), then the values; false when the stream is not read at positions.
     */
    private boolean readVariableWidth(ByteSource in, int count, int[] positions, int selected,
                                      BaseVariableWidthVector vector) {
        int validityBytes = (selected + 7) / 8;
        try (ArrowBuf validity = vector.getAllocator().buffer(Math.max(validityBytes, 1))) {
            ValidityCodec.readAt(in, count, positions, selected, validity, kernels);
            if (!BinaryStreamPositions.read(in, count, positions, selected, vector, kernels)) {
                return false;
            }
            ArrowBuf target = vector.getValidityBuffer();
            target.setZero(0, target.capacity());
            target.setBytes(0, validity, 0, validityBytes);
        }
        vector.setLastSet(selected - 1);
        vector.setValueCount(selected);
        return true;
    }

    private static FieldVector closed(FieldVector vector) {
        vector.close();
        return null;
    }

    private static boolean handles(ChunkLayout layout) {
        return switch (layout) {
            case INT16, INT32, DATE32, INT64, DECIMAL128, FIXED16, FLOAT64, UTF8, BINARY -> true;
            case ARROW_IPC, BOOLEAN -> false;
        };
    }
}
