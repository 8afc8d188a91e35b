package io.basalt.bench.storage;

import io.basalt.storage.column.kernel.DecodeKernels;
import io.basalt.storage.column.kernel.PlainDecodeKernels;
import io.basalt.storage.column.kernel.VectorDecodeKernels;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Each decode kernel alone, plain against Vector API, over one row group's worth of values (122,880): unpacking
 * bit-packed values of {@code width} bits, adding a frame of reference, running sums of deltas, and gathering from a
 * 17-entry dictionary. The kernels chosen for the decoders are the ones found faster here (see BENCHMARKS.md); the
 * implementation is instantiated directly, whatever {@code DecodeKernelProvider} would choose.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class DecodeKernelBenchmark {
    private static final int COUNT = 122_880;

    @Param({"plain", "vector"})
    public String kernels;

    @Param({"20"})
    public int width;

    private DecodeKernels implementation;
    private long[] packed;
    private long[] values;
    private long[] codes;
    private long[] dictionary;
    private long[] out;

    @Setup(Level.Trial)
    public void setUp() {
        implementation = switch (kernels) {
            case "plain" -> new PlainDecodeKernels();
            case "vector" -> new VectorDecodeKernels();
            default -> throw new IllegalArgumentException("kernels must be plain or vector, not " + kernels);
        };
        Random random = new Random(42);
        packed = new long[DecodeKernels.packedWords(COUNT, width)];
        for (int i = 0; i < packed.length; i++) {
            packed[i] = random.nextLong();
        }
        values = new long[COUNT];
        codes = new long[COUNT];
        dictionary = new long[17];
        for (int i = 0; i < dictionary.length; i++) {
            dictionary[i] = random.nextLong();
        }
        for (int i = 0; i < COUNT; i++) {
            values[i] = random.nextInt(1 << width);
            codes[i] = random.nextInt(dictionary.length);
        }
        out = new long[DecodeKernels.blocks(COUNT) * DecodeKernels.BLOCK];
    }

    @Benchmark
    public long unpack() {
        implementation.unpack(packed, width, COUNT, out);
        return out[COUNT - 1];
    }

    /** Adds a base to values in place: the values grow by a wrapping amount per call, which costs nothing to check. */
    @Benchmark
    public long addBase() {
        implementation.addBase(values, COUNT, 12_345);
        return values[COUNT - 1];
    }

    @Benchmark
    public long prefixSum() {
        System.arraycopy(codes, 0, out, 0, COUNT);
        implementation.prefixSum(out, COUNT, 8_000);
        return out[COUNT - 1];
    }

    @Benchmark
    public long gather() {
        implementation.gather(dictionary, codes, COUNT, out);
        return out[COUNT - 1];
    }
}
