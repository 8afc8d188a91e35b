package io.basalt.storage.column;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.vector.ValueAccess;
import io.basalt.storage.column.kernel.PlainDecodeKernels;
import io.basalt.storage.column.kernel.VectorDecodeKernels;
import io.basalt.type.LogicalType;
import java.lang.foreign.MemorySegment;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

/**
 * Sums of encoded integer chunks against the sum of their values added one by one in exact arithmetic: SMALLINT,
 * INTEGER, BIGINT and NUMERIC(12,2) (its unscaled longs), every {@link ChunkShape} (so every integer encoding, and
 * NULLs between values, read as a mask), through the plain and the vector kernels: every chunk summed exactly, also
 * where the sum needs more than 64 bits.
 */
class EncodedChunkSumsTest {
    private static final EncodedChunkSums[] SUMS = {
        new EncodedChunkSums(new PlainDecodeKernels()), new EncodedChunkSums(new VectorDecodeKernels())};
    private static final List<LogicalType> TYPES = List.of(LogicalType.SMALLINT, LogicalType.INTEGER, LogicalType.BIGINT,
            LogicalType.numeric(12, 2));

    @Test
    void sumsEqualTheValuesAddedOneByOne() {
        Set<String> summed = new TreeSet<>();
        try (BufferAllocator allocator = new RootAllocator()) {
            for (LogicalType type : TYPES) {
                for (ChunkShape shape : ChunkShape.values()) {
                    Random random = new Random(type.toString().hashCode() * 31L + shape.ordinal());
                    for (int count : new int[] {1, 63, 64, 65, 2500, 5000, 122_880}) {
                        List<Object> values = ColumnValues.generate(type, shape, count, random);
                        AdaptiveChunkCodec.DescribedChunk chunk = encode(type, values, allocator);
                        MemorySegment bytes = MemorySegment.ofArray(chunk.chunk().bytes());
                        BigInteger expected = BigInteger.ZERO;
                        int valid = 0;
                        for (Object value : values) {
                            if (value != null) {
                                expected = expected.add(BigInteger.valueOf(((Number) value).longValue()));
                                valid++;
                            }
                        }
                        boolean mixed = valid != 0 && valid != values.size();
                        for (EncodedChunkSums sums : SUMS) {
                            String context = type + " " + shape + " " + values.size() + " rows, " + chunk.description();
                            long[] sum = {7, -3};
                            int added = sums.sumIntegers(bytes, type, sum);
                            assertThat(added).as(context).isEqualTo(valid);
                            assertThat(wide(sum).subtract(wide(new long[] {7, -3}))).as(context)
                                    .isEqualTo(expected);
                            summed.add((mixed ? "masked " : "") + chunk.description().split("[ (]")[0]);
                        }
                    }
                }
            }
        }
        assertThat(summed).as("the encodings summed").contains("constant", "for", "delta", "rle", "dict", "plain",
                "masked for");
    }

    @Test
    void sumsBeyondSixtyFourBitsAreExact() {
        try (BufferAllocator allocator = new RootAllocator()) {
            for (long value : new long[] {Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 5}) {
                // a constant chunk, a frame of reference of small offsets on a huge base, and runs
                List<Object> constant = new ArrayList<>(Collections.nCopies(122_880, value));
                List<Object> framed = new ArrayList<>();
                List<Object> runs = new ArrayList<>();
                Random random = new Random(value);
                for (int i = 0; i < 122_880; i++) {
                    framed.add(value > 0 ? value - random.nextInt(1000) : value + random.nextInt(1000));
                    runs.add(i < 60_000 ? value : value > 0 ? value - 1 : value + 1);
                }
                for (List<Object> values : List.of(constant, framed, runs)) {
                    AdaptiveChunkCodec.DescribedChunk chunk = encode(LogicalType.BIGINT, values, allocator);
                    BigInteger expected = BigInteger.ZERO;
                    for (Object v : values) {
                        expected = expected.add(BigInteger.valueOf((Long) v));
                    }
                    for (EncodedChunkSums sums : SUMS) {
                        long[] sum = new long[2];
                        assertThat(sums.sumIntegers(MemorySegment.ofArray(chunk.chunk().bytes()), LogicalType.BIGINT,
                                sum)).isEqualTo(values.size());
                        assertThat(wide(sum)).as(chunk.description()).isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void otherTypesAreDeclined() {
        try (BufferAllocator allocator = new RootAllocator()) {
            AdaptiveChunkCodec.DescribedChunk chunk = encode(LogicalType.DATE, List.of((Object) 8000L),
                    allocator);
            long[] sum = new long[2];
            assertThat(EncodedChunkSums.INSTANCE.sumIntegers(MemorySegment.ofArray(chunk.chunk().bytes()),
                    LogicalType.DATE, sum)).isEqualTo(-1);
            assertThat(sum).containsExactly(0, 0);
        }
    }

    private static BigInteger wide(long[] sum) {
        return BigInteger.valueOf(sum[1]).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(sum[0])));
    }

    private static AdaptiveChunkCodec.DescribedChunk encode(LogicalType type, List<Object> values,
                                                            BufferAllocator allocator) {
        try (FieldVector vector = ValueAccess.allocate(type, "c", allocator, values.size())) {
            for (int row = 0; row < values.size(); row++) {
                ValueAccess.set(vector, row, values.get(row));
            }
            vector.setValueCount(values.size());
            return AdaptiveChunkCodec.INSTANCE.encodeDescribed(vector, 0, values.size());
        }
    }
}
