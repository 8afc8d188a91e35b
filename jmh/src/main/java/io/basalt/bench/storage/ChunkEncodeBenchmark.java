package io.basalt.bench.storage;

import io.basalt.exec.vector.ValueAccess;
import io.basalt.storage.column.AdaptiveChunkCodec;
import io.basalt.type.LogicalType;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
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
 * Encoding one row group's column (122,880 rows) into a chunk, as COMMIT does for a large insert and a checkpoint for
 * the rows in memory: {@code payload} is the bulk benchmarks' text {@code 'payload ' || i} (all distinct, FSST-style),
 * {@code ids} their ascending BIGINT keys (delta), {@code words} text of 16 distinct words (dictionary), {@code keys}
 * BIGINT keys in a 2^24 range in random order (frame of reference, where a dictionary is tried and fails). Time per
 * chunk; rows per second are {@code 122,880 / time}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false"})
public class ChunkEncodeBenchmark {
    private static final int ROWS = 122_880;
    private static final String[] WORDS = {"carefully", "final", "deposits", "sleep", "quickly", "among", "the",
        "ironic", "packages", "blithely", "regular", "accounts", "haggle", "furiously", "express", "theodolites"};

    @Param({"payload", "ids", "words", "keys"})
    public String column;

    private BufferAllocator allocator;
    private FieldVector vector;

    @Setup(Level.Trial)
    public void setUp() {
        allocator = new RootAllocator();
        Random random = new Random(42);
        LogicalType type = column.equals("ids") || column.equals("keys") ? LogicalType.BIGINT : LogicalType.TEXT;
        vector = ValueAccess.allocate(type, "c", allocator, ROWS);
        long first = 4_000_001;
        for (int i = 0; i < ROWS; i++) {
            Object value = switch (column) {
                case "payload" -> "payload " + (first + i);
                case "ids" -> first + i;
                case "words" -> WORDS[random.nextInt(WORDS.length)];
                default -> (long) random.nextInt(1 << 24);
            };
            ValueAccess.set(vector, i, value);
        }
        vector.setValueCount(ROWS);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        vector.close();
        allocator.close();
    }

    @Benchmark
    public int encode() {
        return AdaptiveChunkCodec.INSTANCE.encode(vector, 0, ROWS).bytes().length;
    }
}
