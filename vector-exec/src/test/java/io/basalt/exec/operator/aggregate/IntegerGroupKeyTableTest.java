package io.basalt.exec.operator.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.memory.MemoryRoots;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one-integer-key table against a map from keys to first-seen group ids, for smallint, integer and bigint
 * keys mixing the direct-array range ([0, 65536), growing as larger small keys arrive) with negative and large
 * keys that go through the hash, and NULLs. {@code find} must return the same ids without adding groups, -1
 * for unknown keys; the key vector must hold each group's key.
 */
class IntegerGroupKeyTableTest {
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void groupIdsFollowTheKeys(int seed) {
        Random random = new Random(seed);
        LogicalType type = List.of(LogicalType.SMALLINT, LogicalType.INTEGER, LogicalType.BIGINT).get(seed % 3);
        long spread = type.equals(LogicalType.SMALLINT) ? 30000 : seed < 4 ? 2000 : 200_000;
        Map<Long, Integer> model = new HashMap<>();
        List<Long> keysById = new ArrayList<>();
        try (BufferAllocator allocator = MemoryRoots.newRoot("integer key test", 1L << 30);
             GroupKeyTable table = GroupKeyTable.create(List.of(type), allocator)) {
            assertThat(table).isInstanceOf(IntegerGroupKeyTable.class);
            for (int batch = 0; batch < 20; batch++) {
                int rows = 1 + random.nextInt(3000);
                List<Long> batchKeys = new ArrayList<>();
                try (FieldVector column = ValueAccess.allocate(type, "k", allocator, rows)) {
                    // later batches reach further, so the direct array grows between batches
                    long reach = Math.max(2, spread * (batch + 1) / 20);
                    for (int r = 0; r < rows; r++) {
                        Long key = seed % 2 == 0 && random.nextInt(40) == 0 ? null
                                : (long) (random.nextLong(reach) - reach / 4);
                        ValueAccess.set(column, r, key);
                        batchKeys.add(key);
                    }
                    column.setValueCount(rows);
                    int[] found = new int[rows];
                    table.find(new FieldVector[] {column}, rows, found);
                    for (int r = 0; r < rows; r++) {
                        Integer known = model.get(batchKeys.get(r));
                        assertThat(found[r]).as("find %s", batchKeys.get(r)).isEqualTo(known == null ? -1 : known);
                    }
                    int[] ids = new int[rows];
                    table.findOrInsert(new FieldVector[] {column}, rows, ids);
                    for (int r = 0; r < rows; r++) {
                        Long key = batchKeys.get(r);
                        Integer expected = model.get(key);
                        if (expected == null) {
                            expected = keysById.size();
                            model.put(key, expected);
                            keysById.add(key);
                        }
                        assertThat(ids[r]).as("row %d key %s", r, key).isEqualTo(expected);
                    }
                }
            }
            assertThat(table.groupCount()).isEqualTo(keysById.size());
            for (int group = 0; group < keysById.size(); group++) {
                Object value = ValueAccess.get(table.keyVector(0), group);
                assertThat(value == null ? null : ((Number) value).longValue()).isEqualTo(keysById.get(group));
            }
        }
    }

    /**
     * Large keys that arrive in ascending runs of repeats (a table sorted by its key, such as TPC-H's lineitem by
     * order key): they first go through the hash, then into the direct array once dense enough, with hashed keys
     * moved over; sparse far keys and negative keys stay hashed. Every lookup must keep the first-seen group id.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void denseLargeKeysMoveIntoTheDirectArray(int seed) {
        Random random = new Random(seed);
        LogicalType type = seed % 2 == 0 ? LogicalType.BIGINT : LogicalType.INTEGER;
        Map<Long, Integer> model = new HashMap<>();
        List<Long> keysById = new ArrayList<>();
        long next = 100_000 + random.nextInt(1000);
        try (BufferAllocator allocator = MemoryRoots.newRoot("dense key test", 1L << 30);
             GroupKeyTable table = GroupKeyTable.create(List.of(type), allocator)) {
            for (int batch = 0; batch < 120; batch++) {
                int rows = 1 + random.nextInt(4000);
                List<Long> batchKeys = new ArrayList<>();
                try (FieldVector column = ValueAccess.allocate(type, "k", allocator, rows)) {
                    for (int r = 0; r < rows; r++) {
                        long key;
                        int pick = random.nextInt(100);
                        if (pick < 3) {
                            key = -1 - random.nextInt(50_000); // negative: always hashed
                        } else if (pick < 5) {
                            key = 50_000_000L + random.nextInt(1000); // beyond the dense limit
                        } else if (pick < 10 && !keysById.isEmpty()) {
                            key = keysById.get(random.nextInt(keysById.size())); // an earlier key again
                        } else {
                            if (random.nextInt(3) == 0) {
                                next += 1 + random.nextInt(6);
                            }
                            key = next;
                        }
                        ValueAccess.set(column, r, key);
                        batchKeys.add(key);
                    }
                    column.setValueCount(rows);
                    int[] found = new int[rows];
                    table.find(new FieldVector[] {column}, rows, found);
                    for (int r = 0; r < rows; r++) {
                        Integer known = model.get(batchKeys.get(r));
                        assertThat(found[r]).as("find %s", batchKeys.get(r)).isEqualTo(known == null ? -1 : known);
                    }
                    // odd batches go in at the positions of a selection (every row but a few)
                    int[] positions = new int[rows];
                    int count = 0;
                    for (int r = 0; r < rows; r++) {
                        if (batch % 2 == 0 || random.nextInt(8) != 0) {
                            positions[count++] = r;
                        }
                    }
                    int[] ids = new int[rows];
                    if (batch % 2 == 0) {
                        table.findOrInsert(new FieldVector[] {column}, rows, ids);
                    } else {
                        assertThat(table.findOrInsertAt(new FieldVector[] {column}, positions, count, ids)).isTrue();
                    }
                    for (int k = 0; k < count; k++) {
                        Long key = batchKeys.get(positions[k]);
                        Integer expected = model.get(key);
                        if (expected == null) {
                            expected = keysById.size();
                            model.put(key, expected);
                            keysById.add(key);
                        }
                        assertThat(ids[k]).as("batch %d row %d key %s", batch, positions[k], key).isEqualTo(expected);
                    }
                }
            }
            assertThat(next).as("the keys reached past the direct array's first widening").isGreaterThan(200_000);
            assertThat(table.groupCount()).isEqualTo(keysById.size());
            for (int group = 0; group < keysById.size(); group++) {
                Object value = ValueAccess.get(table.keyVector(0), group);
                assertThat(((Number) value).longValue()).isEqualTo(keysById.get(group));
            }
        }
    }
}
