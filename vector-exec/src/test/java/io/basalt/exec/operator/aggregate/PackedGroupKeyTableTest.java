package io.basalt.exec.operator.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.memory.MemoryRoots;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packed group-key table against the generic one, which must give the same group ids (both number groups
 * in order of first appearance) and the same key vectors: strings of 0 to the field's bytes (empty strings and
 * NULLs apart), negative and NULL integers and dates, odd batch sizes, and a later batch with a string too long
 * for its field, after which the packed table hands its groups to a generic one and must go on agreeing.
 */
class PackedGroupKeyTableTest {
    private static final LogicalType FLAG = LogicalType.varchar(1);

    @Test
    void servesShortStringKeysOnly() {
        assertThat(PackedGroupKeyTable.serves(List.of(FLAG, FLAG))).isTrue();
        assertThat(PackedGroupKeyTable.serves(List.of(LogicalType.TEXT))).isTrue();
        assertThat(PackedGroupKeyTable.serves(List.of(LogicalType.SMALLINT, LogicalType.TEXT, LogicalType.SMALLINT))).isTrue();
        assertThat(PackedGroupKeyTable.serves(List.of(LogicalType.INTEGER, LogicalType.TEXT, LogicalType.SMALLINT))).isFalse();
        assertThat(PackedGroupKeyTable.serves(List.of(LogicalType.INTEGER, LogicalType.INTEGER))).isFalse();
        assertThat(PackedGroupKeyTable.serves(List.of(LogicalType.BIGINT, LogicalType.TEXT))).isFalse();
        assertThat(PackedGroupKeyTable.serves(List.of(LogicalType.BPCHAR))).isFalse();
        assertThat(PackedGroupKeyTable.serves(List.of(LogicalType.INTEGER, LogicalType.DATE, LogicalType.TEXT))).isFalse();
        assertThat(PackedGroupKeyTable.serves(List.of(LogicalType.TEXT, LogicalType.TEXT, LogicalType.TEXT,
                LogicalType.TEXT))).isFalse();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3})
    void agreesWithTheGenericTable(int seed) {
        Random random = new Random(seed);
        List<LogicalType> types = seed == 3 ? List.of(LogicalType.SMALLINT, LogicalType.TEXT, LogicalType.SMALLINT)
                : List.of(LogicalType.INTEGER, LogicalType.TEXT);
        try (BufferAllocator allocator = MemoryRoots.newRoot("packed key test", 1L << 30);
             GroupKeyTable packed = new PackedGroupKeyTable(types, allocator);
             GroupKeyTable generic = new GenericGroupKeyTable(types, allocator)) {
            // the text's field: (63 - 33) bits hold 3 bytes and a marker; (63 - 2 * 17) bits hold 3 bytes too
            int textBytes = 3;
            int[] sizes = {0, 1, 7, 2049, 1023, 3000, 5};
            for (int b = 0; b < sizes.length; b++) {
                boolean longStrings = b == sizes.length - 2;
                feed(random, types, sizes[b], longStrings ? 12 : textBytes, packed, generic, allocator);
            }
            assertThat(packed.groupCount()).isEqualTo(generic.groupCount());
            for (int k = 0; k < types.size(); k++) {
                assertSameValues(packed.keyVector(k), generic.keyVector(k), packed.groupCount());
            }
        }
    }

    @Test
    void twoFlagsAndAHandOver() {
        Random random = new Random(9);
        List<LogicalType> types = List.of(LogicalType.TEXT, LogicalType.TEXT);
        try (BufferAllocator allocator = MemoryRoots.newRoot("packed key test", 1L << 30);
             GroupKeyTable packed = new PackedGroupKeyTable(types, allocator);
             GroupKeyTable generic = new GenericGroupKeyTable(types, allocator)) {
            feed(random, types, 2048, 3, packed, generic, allocator);
            feed(random, types, 17, 3, packed, generic, allocator);
            feed(random, types, 300, 9, packed, generic, allocator);
            feed(random, types, 999, 3, packed, generic, allocator);
            assertThat(packed.groupCount()).isEqualTo(generic.groupCount());
            for (int k = 0; k < types.size(); k++) {
                assertSameValues(packed.keyVector(k), generic.keyVector(k), packed.groupCount());
            }
        }
    }

    /**
     * Keys read at a selection's positions ({@code findOrInsertAt}) get the ids the generic table gives the selected
     * rows gathered; a batch with a string too long for its field is declined (nothing changes) and then goes in
     * gathered, handing the groups over.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {4, 5})
    void keysAtPositionsAgreeWithGatheredKeys(int seed) {
        Random random = new Random(seed);
        List<LogicalType> types = seed == 5 ? List.of(LogicalType.SMALLINT, LogicalType.TEXT, LogicalType.SMALLINT)
                : List.of(LogicalType.TEXT, LogicalType.TEXT);
        try (BufferAllocator allocator = MemoryRoots.newRoot("packed key test", 1L << 30);
             GroupKeyTable packed = new PackedGroupKeyTable(types, allocator);
             GroupKeyTable generic = new GenericGroupKeyTable(types, allocator)) {
            int[] sizes = {1, 7, 2049, 1023, 300, 999};
            for (int b = 0; b < sizes.length; b++) {
                int rows = sizes[b];
                FieldVector[] columns = new FieldVector[types.size()];
                FieldVector[] gathered = new FieldVector[types.size()];
                try {
                    int[] positions = new int[rows];
                    int count = 0;
                    for (int r = 0; r < rows; r++) {
                        if (random.nextInt(10) < 8) {
                            positions[count++] = r;
                        }
                    }
                    for (int k = 0; k < columns.length; k++) {
                        columns[k] = ValueAccess.allocate(types.get(k), "k" + k, allocator, rows);
                        for (int r = 0; r < rows; r++) {
                            ValueAccess.set(columns[k], r, randomValue(random, types.get(k), b == 4 ? 9 : 3));
                        }
                        columns[k].setValueCount(rows);
                        gathered[k] = ValueAccess.allocate(types.get(k), "g" + k, allocator, count);
                        io.basalt.exec.vector.VectorGather.gather(columns[k], positions, count, gathered[k]);
                    }
                    int[] expected = new int[count];
                    int[] actual = new int[count];
                    generic.findOrInsert(gathered, count, expected);
                    int before = packed.groupCount();
                    if (!packed.findOrInsertAt(columns, positions, count, actual)) {
                        assertThat(packed.groupCount()).isEqualTo(before);
                        packed.findOrInsert(gathered, count, actual);
                    }
                    assertThat(actual).as("batch %d", b).isEqualTo(expected);
                } finally {
                    for (int k = 0; k < columns.length; k++) {
                        if (columns[k] != null) {
                            columns[k].close();
                        }
                        if (gathered[k] != null) {
                            gathered[k].close();
                        }
                    }
                }
            }
            assertThat(packed.groupCount()).isEqualTo(generic.groupCount());
            for (int k = 0; k < types.size(); k++) {
                assertSameValues(packed.keyVector(k), generic.keyVector(k), packed.groupCount());
            }
        }
    }

    /** One batch into both tables (findOrInsert, then find on the same keys); the ids must agree. */
    private static void feed(Random random, List<LogicalType> types, int rows, int maxBytes, GroupKeyTable packed,
                             GroupKeyTable generic, BufferAllocator allocator) {
        FieldVector[] columns = new FieldVector[types.size()];
        try {
            for (int k = 0; k < columns.length; k++) {
                columns[k] = ValueAccess.allocate(types.get(k), "k" + k, allocator, rows);
                for (int r = 0; r < rows; r++) {
                    ValueAccess.set(columns[k], r, randomValue(random, types.get(k), maxBytes));
                }
                columns[k].setValueCount(rows);
            }
            int[] expected = new int[rows];
            int[] actual = new int[rows];
            generic.findOrInsert(columns, rows, expected);
            packed.findOrInsert(columns, rows, actual);
            assertThat(actual).isEqualTo(expected);
            packed.find(columns, rows, actual);
            assertThat(actual).isEqualTo(expected);
        } finally {
            for (FieldVector column : columns) {
                if (column != null) {
                    column.close();
                }
            }
        }
    }

    private static Object randomValue(Random random, LogicalType type, int maxBytes) {
        if (random.nextInt(20) == 0) {
            return null;
        }
        return switch (type.id()) {
            case SMALLINT -> (long) (random.nextInt(5) - 2 + (random.nextBoolean() ? Short.MIN_VALUE : Short.MAX_VALUE - 4));
            case INTEGER -> (long) (random.nextInt(3) - 1 + (random.nextBoolean() ? 0 : Integer.MIN_VALUE));
            default -> {
                int length = random.nextInt(maxBytes + 1);
                StringBuilder text = new StringBuilder();
                for (int c = 0; c < length; c++) {
                    text.append((char) ('A' + random.nextInt(3)));
                }
                yield text.toString();
            }
        };
    }

    private static void assertSameValues(FieldVector actual, FieldVector expected, int count) {
        for (int g = 0; g < count; g++) {
            assertThat(ValueAccess.get(actual, g)).as("group %d", g).isEqualTo(ValueAccess.get(expected, g));
        }
    }
}
