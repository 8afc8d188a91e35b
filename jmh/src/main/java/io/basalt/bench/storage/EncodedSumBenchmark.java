package io.basalt.bench.storage;

import io.basalt.exec.kernel.ArrowSegments;
import io.basalt.exec.kernel.Kernels;
import io.basalt.exec.kernel.PlainKernels;
import io.basalt.exec.kernel.VectorKernels;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.storage.column.AdaptiveChunkCodec;
import io.basalt.storage.column.EncodedChunkSums;
import io.basalt.storage.column.kernel.PlainDecodeKernels;
import io.basalt.storage.column.kernel.VectorDecodeKernels;
import io.basalt.type.LogicalType;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The sum of one row group's BIGINT chunk (122,880 rows, no NULL) two ways, with the plain and the Vector API kernels:
 * decoded into an Arrow vector and summed (what a scan under the aggregate did), and summed from the encoded chunk
 * ({@link EncodedChunkSums}: a frame of reference as rows x base plus the packed offsets, runs as value x length).
 * Values as in {@link OnDiskSumComparison} ({@code (g * 7919) % 1000000}: a 20-bit frame of reference), or runs of 4.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false"})
public class EncodedSumBenchmark {
    private static final int ROWS = 122_880;

    @Param({"for", "rle"})
    public String encoding;

    @Param({"plain", "vector"})
    public String kernels;

    private BufferAllocator allocator;
    private AdaptiveChunkCodec codec;
    private EncodedChunkSums sums;
    private Kernels sumKernels;
    private MemorySegment chunk;
    private Field field;
    private final long[] lowHigh = new long[2];

    @Setup(Level.Trial)
    public void setUp() {
        allocator = new RootAllocator();
        boolean vector = kernels.equals("vector");
        codec = new AdaptiveChunkCodec(vector ? new VectorDecodeKernels() : new PlainDecodeKernels());
        sums = new EncodedChunkSums(vector ? new VectorDecodeKernels() : new PlainDecodeKernels());
        sumKernels = vector ? new VectorKernels() : new PlainKernels();
        Random random = new Random(42);
        long start = random.nextInt(1_000_000);
        try (FieldVector values = ValueAccess.allocate(LogicalType.BIGINT, "v", allocator, ROWS)) {
            for (int i = 0; i < ROWS; i++) {
                long value = encoding.equals("for") ? ((start + i) * 7919) % 1_000_000 : 5_000_000L + i / 4;
                ValueAccess.set(values, i, value);
            }
            values.setValueCount(ROWS);
            AdaptiveChunkCodec.DescribedChunk encoded = codec.encodeDescribed(values, 0, ROWS);
            if (!encoded.description().startsWith(encoding)) {
                throw new IllegalStateException(encoding + " chose " + encoded.description());
            }
            chunk = MemorySegment.ofArray(encoded.chunk().bytes());
            field = values.getField();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        allocator.close();
    }

    @Benchmark
    public long decodeThenSum() {
        try (FieldVector vector = codec.decode(chunk, field, allocator)) {
            sumKernels.sumLong(ArrowSegments.values((BigIntVector) vector), null, ROWS, lowHigh);
            return lowHigh[0] + (lowHigh[1] << 32);
        }
    }

    @Benchmark
    public long sumEncoded() {
        lowHigh[0] = 0;
        lowHigh[1] = 0;
        sums.sumIntegers(chunk, LogicalType.BIGINT, lowHigh);
        return lowHigh[0];
    }
}
