package io.basalt.bench.kernel;

import io.basalt.exec.kernel.ArrowSegments;
import io.basalt.exec.kernel.Kernels;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
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
 * The micro suite's scan-sum as the ungrouped sum sees a table in memory: {@code rows} BIGINT values without NULLs in
 * Arrow vectors of 2,048 each, every one its own allocation (far more than the caches hold), summed batch by batch
 * the way {@code SumAverageAggregate} does (count the NULLs from the bitmap, then sum). A fused kernel that counted
 * the bitmap's words while summing ({@code Kernels.sumLongCountingValid}) was measured here slower and removed
 * (BENCHMARKS.md, agg7).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
    "--enable-native-access=ALL-UNNAMED", "-Darrow.enable_unsafe_memory_access=true",
    "-Darrow.enable_null_check_for_get=false"})
public class ChunkSumBenchmark {
    private static final int BATCH = 2048;

    @Param({"plain", "vector"})
    public String kernels;

    @Param({"20000000"})
    public int rows;

    private Kernels implementation;
    private BufferAllocator allocator;
    private BigIntVector[] chunks;
    private final long[] lowHigh = new long[2];

    @Setup(Level.Trial)
    public void setUp() {
        implementation = KernelBenchmark.named(kernels);
        allocator = new RootAllocator();
        chunks = new BigIntVector[rows / BATCH];
        SplittableRandom random = new SplittableRandom(42);
        for (int c = 0; c < chunks.length; c++) {
            BigIntVector chunk = new BigIntVector("v", allocator);
            chunk.allocateNew(BATCH);
            for (int i = 0; i < BATCH; i++) {
                chunk.set(i, random.nextLong(1_000_000));
            }
            chunk.setValueCount(BATCH);
            chunks[c] = chunk;
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        for (BigIntVector chunk : chunks) {
            chunk.close();
        }
        allocator.close();
    }

    /** The NULLs counted from the bitmap first, then the sum without it when there are none. */
    @Benchmark
    public long countThenSum() {
        long total = 0;
        long valid = 0;
        for (BigIntVector chunk : chunks) {
            int nulls = ArrowSegments.nullCount(chunk);
            implementation.sumLong(ArrowSegments.values(chunk),
                    nulls == 0 ? null : ArrowSegments.of(chunk.getValidityBuffer()), BATCH, lowHigh);
            total += lowHigh[0] + (lowHigh[1] << 32);
            valid += BATCH - nulls;
        }
        return total + valid;
    }
}
