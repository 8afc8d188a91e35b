package io.basalt.storage.column;

import io.basalt.storage.column.encoding.BinaryStreamCodec;
import io.basalt.storage.column.encoding.ByteSink;
import io.basalt.storage.column.encoding.ByteSource;
import io.basalt.storage.column.encoding.ChunkCorruption;
import io.basalt.storage.column.encoding.DoubleStreamCodec;
import io.basalt.storage.column.encoding.LongStreamCodec;
import io.basalt.storage.column.encoding.ValidityCodec;
import io.basalt.storage.column.kernel.DecodeKernelProvider;
import io.basalt.storage.column.kernel.DecodeKernels;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * The codec the database files use: per chunk, an analysis of the real values picks the smallest encoding of each
 * stream the chunk's {@link ChunkLayout} has (constant, run-length, frame-of-reference bit-packing, delta, dictionary,
 * ALP for doubles, plain), NULLs go to a compressed validity mask, and statistics come out of the same pass.
 *
 * <p>Chunk format (little-endian): magic byte {@code 0xB5}, format version (1), layout id, row count (int), then for
 * every layout but ARROW_IPC the validity mask ({@link ValidityCodec}) and the layout's streams: integer layouts one
 * {@link LongStreamCodec} stream; FLOAT64 a {@link DoubleStreamCodec} stream; DECIMAL128 and FIXED16 two integer
 * streams (low then high 64 bits); UTF8 and BINARY a {@link BinaryStreamCodec} stream. ARROW_IPC holds the length and
 * bytes of an {@link ArrowIpcChunkCodec} chunk instead. Last comes a CRC32C of everything before it, so any damage is
 * reported as DATA_CORRUPTED rather than decoded into wrong values.
 */
public final class AdaptiveChunkCodec implements ColumnChunkCodec {
    public static final AdaptiveChunkCodec INSTANCE = new AdaptiveChunkCodec(DecodeKernelProvider.kernels());
    static final int MAGIC = 0xB5;
    static final int FORMAT_VERSION = 1;
    /** The most rows a chunk holds: far above a row group (122,880), low enough that a bad count cannot exhaust memory. */
    public static final int MAXIMUM_ROWS = 1 << 24;
    private static final int HEADER_BYTES = 7;
    private static final int CHECKSUM_BYTES = 4;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final DecodeKernels kernels;

    /** A codec decoding with {@code kernels} (tests pass each implementation). */
    public AdaptiveChunkCodec(DecodeKernels kernels) {
        this.kernels = kernels;
    }

    /** An encoded chunk and a description of the encodings chosen for it (for reports such as compression figures). */
    public record DescribedChunk(EncodedChunk chunk, String description) {
    }

    @Override
    public EncodedChunk encode(FieldVector vector, int from, int count) {
        return encodeDescribed(vector, from, count).chunk();
    }

    /** {@link #encode}, with the description of the encodings chosen. */
    public DescribedChunk encodeDescribed(FieldVector vector, int from, int count) {
        if (from < 0 || count < 0 || from + count > vector.getValueCount()) {
            throw new IllegalArgumentException("rows [" + from + ", " + (from + count) + ") of " + vector.getValueCount());
        }
        if (count > MAXIMUM_ROWS) {
            throw new IllegalArgumentException("a chunk holds at most " + MAXIMUM_ROWS + " rows, not " + count);
        }
        ChunkLayout layout = ChunkLayout.of(vector);
        ByteSink out = new ByteSink(capacityHint(vector, layout, from, count));
        out.putByte(MAGIC);
        out.putByte(FORMAT_VERSION);
        out.putByte(layout.id());
        out.putInt(count);
        ChunkStatistics statistics;
        if (layout == ChunkLayout.ARROW_IPC) {
            EncodedChunk ipc = ArrowIpcChunkCodec.INSTANCE.encode(vector, from, count);
            out.putInt(ipc.bytes().length);
            out.putBytes(ipc.bytes(), 0, ipc.bytes().length);
            out.describe("arrow-ipc");
            statistics = ipc.statistics();
        } else {
            int nulls = nullsIn(vector, from, count);
            ValidityCodec.write(vector, from, count, nulls, out);
            statistics = switch (layout) {
                case UTF8, BINARY -> VariableWidthChunk.write(vector, from, count, nulls, out);
                default -> writeFixedWidth(vector, layout, from, count, nulls, out);
            };
        }
        CRC32C crc = new CRC32C();
        crc.update(out.buffer(), 0, out.size());
        out.putInt((int) crc.getValue());
        return new DescribedChunk(new EncodedChunk(out.toByteArray(), statistics), out.description());
    }

    /** About half the bytes of a variable-width range (what compressed text takes), for sizing the chunk's sink. */
    private static int capacityHint(FieldVector vector, ChunkLayout layout, int from, int count) {
        if ((layout != ChunkLayout.UTF8 && layout != ChunkLayout.BINARY) || count == 0) {
            return 256;
        }
        ArrowBuf offsets = ((BaseVariableWidthVector) vector).getOffsetBuffer();
        long bytes = offsets.getInt((long) (from + count) * Integer.BYTES) - offsets.getInt((long) from * Integer.BYTES);
        return (int) Math.min(1 << 26, Math.max(256, bytes / 2 + count));
    }

    private static int nullsIn(FieldVector vector, int from, int count) {
        if (vector.getNullCount() == 0) {
            return 0;
        }
        ArrowBuf validity = vector.getValidityBuffer();
        int nulls = 0;
        for (int i = 0; i < count; i++) {
            nulls += 1 - BitVectorHelper.get(validity, from + i);
        }
        return nulls;
    }

    private static ChunkStatistics writeFixedWidth(FieldVector vector, ChunkLayout layout, int from, int count, int nulls,
                                                   ByteSink out) {
        long[] values = FixedWidthValues.read(vector, layout, from, count, 0);
        switch (layout) {
            case FLOAT64 -> {
                DoubleStreamCodec.write(values, count, out);
                return ChunkBounds.ofDoubles(values, count, nulls);
            }
            case DECIMAL128, FIXED16 -> {
                long[] high = FixedWidthValues.read(vector, layout, from, count, 1);
                out.describe("low ");
                LongStreamCodec.write(values, count, Long.BYTES, out);
                out.describe("; high ");
                LongStreamCodec.write(high, count, Long.BYTES, out);
                if (layout == ChunkLayout.DECIMAL128) {
                    int scale = ((ArrowType.Decimal) vector.getField().getType()).getScale();
                    return ChunkBounds.ofDecimals(values, high, count, nulls, scale);
                }
                return ChunkBounds.ofSixteenBytes(values, high, count, nulls, ChunkBounds.typeOf(vector.getField()));
            }
            default -> {
                LongStreamCodec.write(values, count, layout.plainBytes(), out);
                return ChunkBounds.ofIntegers(layout, values, count, nulls);
            }
        }
    }

    @Override
    public FieldVector decode(MemorySegment chunk, Field field, BufferAllocator allocator) {
        long size = chunk.byteSize();
        if (size < HEADER_BYTES + CHECKSUM_BYTES) {
            throw ChunkCorruption.of("only " + size + " bytes");
        }
        CRC32C crc = new CRC32C();
        crc.update(chunk.asSlice(0, size - CHECKSUM_BYTES).asByteBuffer());
        if ((int) crc.getValue() != chunk.get(INT, size - CHECKSUM_BYTES)) {
            throw ChunkCorruption.of("checksum mismatch");
        }
        ByteSource in = new ByteSource(chunk, size - CHECKSUM_BYTES);
        if (in.getByte() != MAGIC) {
            throw ChunkCorruption.of("not a column chunk");
        }
        int version = in.getByte();
        if (version != FORMAT_VERSION) {
            throw ChunkCorruption.of("format version " + version + " (this Basalt reads version " + FORMAT_VERSION + ")");
        }
        ChunkLayout layout = ChunkLayout.ofId(in.getByte());
        int count = in.getCount(MAXIMUM_ROWS, "row count");
        if (layout == ChunkLayout.ARROW_IPC) {
            int length = in.getCount(in.remaining(), "Arrow IPC length");
            FieldVector vector = ArrowIpcChunkCodec.INSTANCE.decode(in.slice(length), field, allocator);
            if (vector.getValueCount() != count || in.remaining() != 0) {
                vector.close();
                throw ChunkCorruption.of("Arrow IPC chunk of " + vector.getValueCount() + " rows");
            }
            return vector;
        }
        FieldVector vector = field.createVector(allocator);
        try {
            if (ChunkLayout.of(vector) != layout) {
                throw ChunkCorruption.of("layout " + layout + " for a column of type " + field.getType());
            }
            decodeInto(vector, layout, in, count);
            if (in.remaining() != 0) {
                throw ChunkCorruption.of(in.remaining() + " bytes after the values");
            }
            return vector;
        } catch (RuntimeException e) {
            vector.close();
            if (e instanceof io.basalt.error.BasaltException) {
                throw e;
            }
            throw ChunkCorruption.of(e.toString());
        }
    }

    private void decodeInto(FieldVector vector, ChunkLayout layout, ByteSource in, int count) {
        if (layout == ChunkLayout.UTF8 || layout == ChunkLayout.BINARY) {
            VariableWidthChunk.read((BaseVariableWidthVector) vector, in, count, kernels);
            return;
        }
        BaseFixedWidthVector fixed = (BaseFixedWidthVector) vector;
        fixed.allocateNew(Math.max(count, 1));
        ValidityCodec.read(in, count, fixed.getValidityBuffer(), kernels);
        switch (layout) {
            case FLOAT64 -> FixedWidthValues.write(vector, layout, DoubleStreamCodec.read(in, count, kernels), null, count);
            case DECIMAL128, FIXED16 -> {
                long[] low = LongStreamCodec.read(in, count, kernels);
                long[] high = LongStreamCodec.read(in, count, kernels);
                FixedWidthValues.write(vector, layout, low, high, count);
            }
            default -> FixedWidthValues.write(vector, layout, LongStreamCodec.read(in, count, kernels), null, count);
        }
        vector.setValueCount(count);
    }
}
