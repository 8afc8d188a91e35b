package io.basalt.bench.kernel;

import io.basalt.exec.kernel.ArrowSegments;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.kernel.Kernels;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.SplittableRandom;
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
 * TPC-H q06's filter as the filter operator runs it: per batch, five comparisons ANDed into one bitmap
 * ({@link Kernels#andMaskInt} twice on a DATE column, {@link Kernels#andMaskLong} three times on two scaled NUMERIC
 * columns) and the surviving rows listed, over 2^22 rows in batches of {@code batchRows}, each column of each batch a
 * separate native segment of exactly its values' bytes (as a table in memory holds them). {@code batchRows} 2048 is
 * the engine's batch; 1048576 is the kernel in isolation, where whatever a call costs once (a masked last vector,
 * the choice of a loop) disappears. Values in TPC-H's ranges and random order: about 2% of the rows survive.
 * {@code bitmaps}: "none" passes no validity (a column known to hold no NULL); "counted" counts each column's
 * bitmap (its own allocation, every bit set) first and passes none when all are valid, as the filter did before;
 * "uncounted" passes the bitmap without counting it, as {@code SelectionRefiner.selectAll} does now.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class BatchFilterBenchmark {
    private static final int ROWS = 1 << 22;

    @Param({"plain", "vector"})
    public String kernels;

    @Param({"2048", "1048576"})
    public int batchRows;

    @Param({"none"})
    public String bitmaps;

    private Kernels implementation;
    private Arena arena;
    private MemorySegment[] shipDates;
    private MemorySegment[] discounts;
    private MemorySegment[] quantities;
    private MemorySegment[][] validity;
    private long[] mask;
    private int[] selection;

    @Setup(Level.Trial)
    public void setUp() {
        implementation = KernelBenchmark.named(kernels);
        arena = Arena.ofShared();
        int batches = ROWS / batchRows;
        shipDates = new MemorySegment[batches];
        discounts = new MemorySegment[batches];
        quantities = new MemorySegment[batches];
        validity = new MemorySegment[3][batches];
        SplittableRandom random = new SplittableRandom(42);
        for (int b = 0; b < batches; b++) {
            shipDates[b] = arena.allocate((long) batchRows * Integer.BYTES, 64);
            discounts[b] = arena.allocate((long) batchRows * Long.BYTES, 64);
            quantities[b] = arena.allocate((long) batchRows * Long.BYTES, 64);
            for (MemorySegment[] column : validity) {
                column[b] = arena.allocate((batchRows + 63) / 64 * 8L, 64).fill((byte) -1);
            }
            for (int i = 0; i < batchRows; i++) {
                shipDates[b].setAtIndex(ArrowSegments.INT, i, 8036 + random.nextInt(2526)); // 1992-01-02..1998-12-01
                discounts[b].setAtIndex(ArrowSegments.LONG, i, random.nextInt(11)); // 0.00..0.10 at scale 2
                quantities[b].setAtIndex(ArrowSegments.LONG, i, 100L * (1 + random.nextInt(50))); // 1..50 at scale 2
            }
        }
        mask = new long[(batchRows + 63) >>> 6];
        selection = new int[batchRows];
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
    }

    /** shipdate >= 1994-01-01 AND shipdate < 1995-01-01 AND discount BETWEEN 0.05 AND 0.07 AND quantity < 24. */
    @Benchmark
    public long q06Filter() {
        long survivors = 0;
        for (int b = 0; b < shipDates.length; b++) {
            Arrays.fill(mask, -1L);
            MemorySegment shipDateValidity = validity(0, b);
            MemorySegment discountValidity = validity(1, b);
            MemorySegment quantityValidity = validity(2, b);
            implementation.andMaskInt(shipDates[b], shipDateValidity, batchRows, CompareOp.GE, 8766, mask);
            implementation.andMaskInt(shipDates[b], shipDateValidity, batchRows, CompareOp.LT, 9131, mask);
            implementation.andMaskLong(discounts[b], discountValidity, batchRows, CompareOp.GE, 5, mask);
            implementation.andMaskLong(discounts[b], discountValidity, batchRows, CompareOp.LE, 7, mask);
            implementation.andMaskLong(quantities[b], quantityValidity, batchRows, CompareOp.LT, 2400, mask);
            survivors += list(mask, batchRows, selection);
        }
        return survivors;
    }

    /** What the kernels get as column {@code column}'s bitmap in batch {@code b}, by {@link #bitmaps}. */
    private MemorySegment validity(int column, int b) {
        MemorySegment bitmap = validity[column][b];
        return switch (bitmaps) {
            case "none" -> null;
            case "counted" -> implementation.countValid(bitmap, batchRows) == batchRows ? null : bitmap;
            case "uncounted" -> bitmap;
            default -> throw new IllegalArgumentException("bitmaps must be none, counted or uncounted, not " + bitmaps);
        };
    }

    /** The rows left set, listed as the filter operator lists them. */
    private static int list(long[] mask, int rows, int[] selection) {
        int n = 0;
        for (int word = 0; word < mask.length; word++) {
            long bits = mask[word];
            int base = word << 6;
            while (bits != 0) {
                selection[n++] = base + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
            }
        }
        return n;
    }
}
