package io.basalt.storage.column;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.storage.column.kernel.PlainDecodeKernels;
import io.basalt.storage.column.kernel.VectorDecodeKernels;
import io.basalt.type.LogicalType;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

/**
 * Rows read at positions from encoded chunks ({@link ChunkPositions}) against the same rows of the whole decoded
 * chunk: every storable type, every {@link ChunkShape} (so every integer encoding and validity form), position lists
 * from empty through single rows, the first and last row, sparse and dense random subsets to every row, through the
 * plain and the vector decode kernels; doubles (raw bits and ALP-style decimals with their exceptions: NaN, -0.0,
 * long fractions) and FSST-style text included. Chunks not read at positions (booleans, Arrow IPC, delta-coded
 * integers) must answer null, never wrong rows.
 */
class ChunkPositionsTest {
    private static final ChunkPositions[] READERS = {
        new ChunkPositions(new PlainDecodeKernels()), new ChunkPositions(new VectorDecodeKernels())};

    @Test
    void rowsAtPositionsEqualTheDecodedRows() {
        Set<String> encodings = new TreeSet<>();
        Set<String> left = new TreeSet<>();
        int compared = 0;
        try (BufferAllocator allocator = new RootAllocator()) {
            for (LogicalType type : ColumnValues.TYPES) {
                for (ChunkShape shape : ChunkShape.values()) {
                    Random random = new Random(type.toString().hashCode() * 17L + shape.ordinal());
                    for (int count : new int[] {1, 63, 64, 65, 2500, 5000}) {
                        List<Object> values = ColumnValues.generate(type, shape, count, random);
                        AdaptiveChunkCodec.DescribedChunk chunk = encode(type, values, allocator);
                        MemorySegment bytes = MemorySegment.ofArray(chunk.chunk().bytes());
                        for (int[] positions : positionLists(values.size(), random)) {
                            for (ChunkPositions reader : READERS) {
                                try (FieldVector picked = reader.read(bytes, type.arrowField("c"), positions,
                                        positions.length, allocator)) {
                                    if (picked == null) {
                                        left.add(chunk.description().split("[ (]")[0]);
                                        continue;
                                    }
                                    encodings.add(chunk.description().split("[ (]")[0]);
                                    String context = type + " " + shape + " " + values.size() + " rows, "
                                            + chunk.description();
                                    assertThat(picked.getValueCount()).as(context).isEqualTo(positions.length);
                                    for (int i = 0; i < positions.length; i++) {
                                        assertThat(ValueAccess.get(picked, i)).as(context + " row " + positions[i])
                                                .isEqualTo(values.get(positions[i]));
                                    }
                                    compared++;
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(encodings).contains("constant", "for", "rle", "dict", "plain", "fsst", "alp", "raw");
        // delta-coded integers are decoded whole instead (every row needs the rows before it)
        assertThat(encodings).doesNotContain("delta");
        assertThat(left).contains("delta").doesNotContain("fsst");
        assertThat(compared).isGreaterThan(2_000);
    }

    @Test
    void positionsPastTheChunkAreCorruption() {
        try (BufferAllocator allocator = new RootAllocator()) {
            List<Object> values = ColumnValues.generate(LogicalType.BIGINT, ChunkShape.RANDOM, 100, new Random(3));
            MemorySegment bytes = MemorySegment.ofArray(encode(LogicalType.BIGINT, values, allocator).chunk().bytes());
            assertThatThrownBy(() -> READERS[0].read(bytes, LogicalType.BIGINT.arrowField("c"), new int[] {5, 100}, 2,
                    allocator)).isInstanceOf(BasaltException.class).hasMessageContaining("row 100 of 100");
        }
    }

    /** Empty, the first row, the last row, every row, and random subsets of about 1%, 10% and 50%, ascending. */
    private static List<int[]> positionLists(int count, Random random) {
        List<int[]> lists = new ArrayList<>();
        lists.add(new int[0]);
        if (count == 0) {
            return lists;
        }
        lists.add(new int[] {0});
        lists.add(new int[] {count - 1});
        int[] all = new int[count];
        for (int i = 0; i < count; i++) {
            all[i] = i;
        }
        lists.add(all);
        for (int percent : new int[] {1, 10, 50}) {
            int[] subset = new int[count];
            int selected = 0;
            for (int i = 0; i < count; i++) {
                if (random.nextInt(100) < percent) {
                    subset[selected++] = i;
                }
            }
            lists.add(java.util.Arrays.copyOf(subset, selected));
        }
        return lists;
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
