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
 * reference as rows times its base plus the packed offsets, runs as value times length). A chunk with NULLs between
 * its values (the encoder fills a NULL row with its neighbour's value, which the stream's sum would count) has its
 * validity read as a bitmap and its values decoded into an array and summed under that mask
 * ({@link DecodeKernels#sumMasked}): still no vector and nothing cached.
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

    /**
     * Whether {@link #sumIntegers} may sum chunks of a column of {@code type}: SMALLINT, INTEGER, BIGINT and NUMERIC
     * stored as a scaled long (whose unscaled values it sums; the NaN sentinel is the caller's to rule out).
     */
    public static boolean handles(LogicalType type) {
        TypeId id = type.id();
        return id == TypeId.SMALLINT || id == TypeId.INTEGER || id == TypeId.BIGINT || type.isScaledLong();
    }

    /**
     * Adds the sum of the non-NULL values of {@code chunk} (a column of {@code type}, see {@link #handles}) to
     * {@code sum}, a signed 128-bit integer as {@code {low 64 bits, high 64 bits}}, and returns how many values it
     * added; -1, with {@code sum} unchanged, when the chunk cannot be summed from its encoding (a layout other than an
     * integer stream).
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
        long validityAt = in.position();
        int valid = ValidityCodec.uniformValidRows(in, count);
        if (valid == 0) {
            return 0;
        }
        long[] chunkSum = new long[2];
        if (valid < 0) {
            // NULLs between values: the mask read again from its start, the values decoded and summed under it
            ByteSource again = new ByteSource(chunk.asSlice(validityAt), chunk.byteSize() - validityAt);
            long[] bits = new long[(count + 63) >>> 6];
            valid = count - ValidityCodec.readBits(again, count, bits, kernels);
            long[] values = LongStreamCodec.read(again, count, kernels);
            long[] halves = new long[2];
            kernels.sumMasked(values, bits, count, halves);
            DecodeKernels.addHalves(halves, chunkSum);
        } else {
            LongStreamCodec.sum(in, count, kernels, chunkSum);
        }
        long before = sum[0];
        sum[0] = before + chunkSum[0];
        sum[1] += chunkSum[1] + (Long.compareUnsigned(sum[0], before) < 0 ? 1 : 0);
        return valid;
    }

    /**
     * Decodes an integer-like chunk (SMALLINT, INTEGER, DATE, BIGINT and the types stored as BIGINT) into an array of
     * its values, a NULL row holding whatever the encoder filled in, and sets {@code valid}'s bit {@code r} (clear, at
     * least {@code (rows + 63) / 64} words) for each non-NULL row {@code r}: what a scan that evaluates a filter and
     * aggregates the selected rows itself reads, without a vector. Null when the chunk is of another layout.
     *
     * @throws io.basalt.error.BasaltException DATA_CORRUPTED when the chunk is damaged
     */
    public long[] readIntegers(MemorySegment chunk, long[] valid) {
        ByteSource in = new ByteSource(chunk, chunk.byteSize());
        if (in.remaining() < 7 || in.getByte() != AdaptiveChunkCodec.MAGIC
                || in.getByte() != AdaptiveChunkCodec.FORMAT_VERSION) {
            return null;
        }
        ChunkLayout layout = ChunkLayout.ofId(in.getByte());
        if (layout != ChunkLayout.INT16 && layout != ChunkLayout.INT32 && layout != ChunkLayout.DATE32
                && layout != ChunkLayout.INT64) {
            return null;
        }
        int count = in.getCount(AdaptiveChunkCodec.MAXIMUM_ROWS, "row count");
        long validityAt = in.position();
        if (ValidityCodec.uniformValidRows(in, count) == 0) {
            return new long[Math.max(count, 1)];
        }
        ByteSource again = new ByteSource(chunk.asSlice(validityAt), chunk.byteSize() - validityAt);
        ValidityCodec.readBits(again, count, valid, kernels);
        return LongStreamCodec.read(again, count, kernels);
    }
}
