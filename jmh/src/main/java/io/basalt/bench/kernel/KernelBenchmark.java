package io.basalt.bench.kernel;

import io.basalt.exec.kernel.ArrowSegments;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.kernel.Kernels;
import io.basalt.exec.kernel.PlainKernels;
import io.basalt.exec.kernel.VectorKernels;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
 * Plain against Vector API kernels over one million values without nulls, in native memory laid out as
 * Arrow lays it out: selections of 64-bit values at 1% and at 50% selectivity and of 32-bit values at
 * 50% (values in random order, so that a branch predictor cannot learn the hits), and the three sums. Run with the Basalt JVM flags
 * ({@code --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED}); the fork adds them.
 * The implementation is instantiated directly, whatever {@code KernelProvider} would choose.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class KernelBenchmark {
    private static final int COUNT = 1 << 20;
    private static final long VALUE_RANGE = 1_000_000;

    @Param({"plain", "vector"})
    public String kernels;

    private Kernels implementation;
    private Arena arena;
    private MemorySegment longs;
    private MemorySegment ints;
    private MemorySegment doubles;
    private int[] selection;

    /** The kernel set a benchmark's {@code kernels} parameter names: "plain" or "vector". */
    static Kernels named(String kernels) {
        return switch (kernels) {
            case "plain" -> new PlainKernels();
            case "vector" -> new VectorKernels();
            default -> throw new IllegalArgumentException("kernels must be plain or vector, not " + kernels);
        };
    }

    @Setup(Level.Trial)
    public void setUp() {
        implementation = KernelBenchmark.named(kernels);
        arena = Arena.ofShared();
        longs = arena.allocate((long) COUNT * Long.BYTES, 64);
        ints = arena.allocate((long) COUNT * Integer.BYTES, 64);
        doubles = arena.allocate((long) COUNT * Double.BYTES, 64);
        Random random = new Random(42);
        for (int i = 0; i < COUNT; i++) {
            long value = (long) (random.nextDouble() * VALUE_RANGE);
            longs.setAtIndex(ArrowSegments.LONG, i, value);
            ints.setAtIndex(ArrowSegments.INT, i, random.nextInt());
            doubles.setAtIndex(ArrowSegments.DOUBLE, i, random.nextGaussian());
        }
        selection = new int[COUNT];
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
    }

    @Benchmark
    public int selectLongOnePercent() {
        return implementation.selectLong(longs, null, COUNT, CompareOp.LT, VALUE_RANGE / 100, selection);
    }

    @Benchmark
    public int selectLongHalf() {
        return implementation.selectLong(longs, null, COUNT, CompareOp.LT, VALUE_RANGE / 2, selection);
    }

    @Benchmark
    public int selectIntHalf() {
        return implementation.selectInt(ints, null, COUNT, CompareOp.LT, 0, selection);
    }

    @Benchmark
    public long sumLong() {
        long[] lowHigh = new long[2];
        implementation.sumLong(longs, null, COUNT, lowHigh);
        return lowHigh[0] ^ lowHigh[1];
    }

    @Benchmark
    public long sumInt() {
        return implementation.sumInt(ints, null, COUNT);
    }

    @Benchmark
    public double sumDouble() {
        return implementation.sumDouble(doubles, null, COUNT);
    }
}
