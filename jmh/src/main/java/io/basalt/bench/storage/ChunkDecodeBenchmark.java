package io.basalt.bench.storage;

import io.basalt.exec.vector.ValueAccess;
import io.basalt.storage.column.AdaptiveChunkCodec;
import io.basalt.storage.column.kernel.PlainDecodeKernels;
import io.basalt.storage.column.kernel.VectorDecodeKernels;
import io.basalt.type.LogicalType;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
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
 * Decoding one row group's chunk (122,880 rows) into an Arrow vector, per main encoding, with the plain and the
 * Vector API decode kernels: frame-of-reference bit-packing (BIGINT keys in a 15-bit range), delta (sorted distinct
 * dates), run-length (sorted keys repeated 4 times), an integer dictionary (17 wide values), ALP (prices as doubles),
 * a string dictionary (17 values) and the FSST-style symbol table (comment-like text). Rows per second is
 * {@code 122,880 x} the reported operations per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false"})
public class ChunkDecodeBenchmark {
    private static final int ROWS = 122_880;
    private static final String[] WORDS = {"carefully", "final", "deposits", "sleep", "quickly", "among", "the",
        "ironic", "packages", "blithely", "regular", "accounts", "haggle", "furiously", "express", "theodolites"};

    @Param({"for", "delta", "rle", "dict-int", "alp", "dict-text", "fsst"})
    public String encoding;

    @Param({"plain", "vector"})
    public String kernels;

    private BufferAllocator allocator;
    private AdaptiveChunkCodec codec;
    private MemorySegment chunk;
    private Field field;

    @Setup(Level.Trial)
    public void setUp() {
        allocator = new RootAllocator();
        codec = new AdaptiveChunkCodec(kernels.equals("vector") ? new VectorDecodeKernels() : new PlainDecodeKernels());
        Random random = new Random(42);
        LogicalType type = switch (encoding) {
            case "for", "rle", "dict-int" -> LogicalType.BIGINT;
            case "delta" -> LogicalType.DATE;
            case "alp" -> LogicalType.DOUBLE;
            default -> LogicalType.TEXT;
        };
        long[] keys = new long[17];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = random.nextLong();
        }
        try (FieldVector vector = ValueAccess.allocate(type, "c", allocator, ROWS)) {
            for (int i = 0; i < ROWS; i++) {
                Object value = switch (encoding) {
                    case "for" -> 1_000_000L + random.nextInt(1 << 15);
                    case "delta" -> 8000L + 2L * i + (i % 3 == 0 ? 1 : 0);
                    case "rle" -> 5_000_000L + i / 4;
                    case "dict-int" -> keys[random.nextInt(keys.length)];
                    case "alp" -> (900 + random.nextInt(100_000)) / 100.0;
                    case "dict-text" -> "category " + random.nextInt(17);
                    default -> WORDS[random.nextInt(WORDS.length)] + " " + i + " " + WORDS[random.nextInt(WORDS.length)] + " "
                        + WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)];
                };
                ValueAccess.set(vector, i, value);
            }
            vector.setValueCount(ROWS);
            AdaptiveChunkCodec.DescribedChunk encoded = codec.encodeDescribed(vector, 0, ROWS);
            String expected = encoding.startsWith("dict") ? "dict" : encoding;
            if (!encoded.description().startsWith(expected)) {
                throw new IllegalStateException(encoding + " chose " + encoded.description());
            }
            chunk = MemorySegment.ofArray(encoded.chunk().bytes());
            field = vector.getField();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        allocator.close();
    }

    @Benchmark
    public int decode() {
        try (FieldVector vector = codec.decode(chunk, field, allocator)) {
            return vector.getValueCount();
        }
    }
}
