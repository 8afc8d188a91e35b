package io.basalt.storage.column;

import io.basalt.storage.column.encoding.ByteSource;
import io.basalt.storage.column.encoding.LongStreamCodec;
import io.basalt.storage.column.encoding.ValidityCodec;
import io.basalt.storage.column.kernel.DecodeKernelProvider;
import io.basalt.storage.column.kernel.DecodeKernels;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.lang.foreign.MemorySegment;

/**
 * Sums an integer column chunk written by {@link AdaptiveChunkCodec} without decoding it into a vector: the value
 * stream summed where it lies ({@link LongStreamCodec#sum}: a constant chunk as rows times its value, a frame of
 * reference as rows times its base plus the packed offsets, runs as value times length). Only chunks without NULLs
 * between their values (no NULL, or only NULLs) are summed so: the encoder fills a NULL row with its neighbour's
 * value, which the stream's sum would count.
 *
 * <p>The chunk's own CRC32C is not checked here: callers hand over bytes whose file checksum they verified.
 */
public final class EncodedChunkSums {
    private final DecodeKernels kernels;

    /** The sums with the kernels this JVM runs. */
    public static final EncodedChunkSums INSTANCE = new EncodedChunkSums(DecodeKernelProvider.kernels());

    /** Sums running {@code kernels} (tests pass each implementation). */
    public EncodedChunkSums(DecodeKernels kernels) {
        this.kernels = kernels;
    }

    /** Whether {@link #sumIntegers} may sum chunks of a column of {@code type}: SMALLINT, INTEGER and BIGINT. */
    public static boolean handles(LogicalType type) {
        TypeId id = type.id();
        return id == TypeId.SMALLINT || id == TypeId.INTEGER || id == TypeId.BIGINT;
    }

    /**
     * Adds the sum of the non-NULL values of {@code chunk} (a column of {@code type}, see {@link #handles}) to
     * {@code sum}, a signed 128-bit integer as {@code {low 64 bits, high 64 bits}}, and returns how many values it
     * added; -1, with {@code sum} unchanged, when the chunk cannot be summed from its encoding (NULLs between its
     * values, a layout other than an integer stream).
     *
     * @throws io.basalt.error.BasaltException DATA_CORRUPTED when the chunk is damaged
     */
    public int sumIntegers(MemorySegment chunk, LogicalType type, long[] sum) {
        if (!handles(type)) {
            return -1;
        }
        ByteSource in = new ByteSource(chunk, chunk.byteSize());
        if (in.remaining() < 7 || in.getByte() != AdaptiveChunkCodec.MAGIC
                || in.getByte() != AdaptiveChunkCodec.FORMAT_VERSION) {
            return -1;
        }
        ChunkLayout layout = ChunkLayout.ofId(in.getByte());
        if (layout != ChunkLayout.INT16 && layout != ChunkLayout.INT32 && layout != ChunkLayout.INT64) {
            return -1;
        }
        int count = in.getCount(AdaptiveChunkCodec.MAXIMUM_ROWS, "row count");
        int valid = ValidityCodec.uniformValidRows(in, count);
        if (valid == 0) {
            return 0;
        }
        if (valid < 0) {
            return -1;
        }
        long[] chunkSum = new long[2];
        LongStreamCodec.sum(in, count, kernels, chunkSum);
        long before = sum[0];
        sum[0] = before + chunkSum[0];
        sum[1] += chunkSum[1] + (Long.compareUnsigned(sum[0], before) < 0 ? 1 : 0);
        return count;
    }
}
