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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packed-key group table against a map from key tuples to first-seen group ids, for a lone text key (with
 * and without NULLs: the bulk-copy path and the row-by-row one) and for text mixed with smallint, integer, bigint
 * and a second text key: texts of 0 to 25 bytes around the eight-byte words the hash reads, shared prefixes,
 * multibyte characters, NULL next to empty text and zero, many batches, several table growths. {@code find}
 * must return the same ids without adding groups, -1 for unknown keys. Each group's key vectors must hold its
 * key; the allocator must be empty at the end.
 */
class PackedKeyGroupTableTest {
    private static final List<List<LogicalType>> LAYOUTS = List.of(
            List.of(LogicalType.TEXT),
            List.of(LogicalType.TEXT, LogicalType.INTEGER),
            List.of(LogicalType.INTEGER, LogicalType.TEXT, LogicalType.BIGINT, LogicalType.SMALLINT, LogicalType.TEXT),
            List.of(LogicalType.TEXT, LogicalType.TEXT));

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void groupIdsFollowTheKeys(int seed) {
        Random random = new Random(seed);
        List<LogicalType> types = LAYOUTS.get(seed % LAYOUTS.size());
        int distinct = new int[] {3, 50, 2000, 20000}[(seed - 1) / 2];
        boolean nulls = seed % 2 == 0 || types.size() > 1;
        Map<List<Object>, Integer> model = new HashMap<>();
        List<List<Object>> keysById = new ArrayList<>();
        try (BufferAllocator allocator = MemoryRoots.newRoot("packed key test", 1L << 30)) {
            try (GroupKeyTable table = GroupKeyTable.create(types, allocator)) {
                assertThat(table).isInstanceOf(PackedKeyGroupTable.class);
                for (int batch = 0; batch < 20; batch++) {
                    int rows = 1 + random.nextInt(3000);
                    FieldVector[] columns = new FieldVector[types.size()];
                    List<List<Object>> batchKeys = new ArrayList<>();
                    for (int r = 0; r < rows; r++) {
                        batchKeys.add(new ArrayList<>());
                    }
                    try {
                        for (int k = 0; k < columns.length; k++) {
                            LogicalType type = types.get(k);
                            columns[k] = ValueAccess.allocate(type, "k" + k, allocator, rows);
                            for (int r = 0; r < rows; r++) {
                                Object value = nulls && random.nextInt(25) == 0 ? null
                                        : type.equals(LogicalType.TEXT) ? text(random.nextInt(distinct))
                                        : (Object) (long) (random.nextInt(3) - 1);
                                ValueAccess.set(columns[k], r, value);
                                batchKeys.get(r).add(value);
                            }
                            columns[k].setValueCount(rows);
                        }
                        int[] found = new int[rows];
                        table.find(columns, rows, found);
                        for (int r = 0; r < rows; r++) {
                            Integer known = model.get(batchKeys.get(r));
                            assertThat(found[r]).isEqualTo(known == null ? -1 : known);
                        }
                        int[] ids = new int[rows];
                        table.findOrInsert(columns, rows, ids);
                        for (int r = 0; r < rows; r++) {
                            List<Object> key = batchKeys.get(r);
                            Integer expected = model.get(key);
                            if (expected == null) {
                                expected = keysById.size();
                                model.put(key, expected);
                                keysById.add(key);
                            }
                            assertThat(ids[r]).as("row %d key %s", r, key).isEqualTo(expected);
                        }
                    } finally {
                        for (FieldVector column : columns) {
                            if (column != null) {
                                column.close();
                            }
                        }
                    }
                }
                assertThat(table.groupCount()).isEqualTo(keysById.size());
                for (int group = 0; group < keysById.size(); group++) {
                    List<Object> key = new ArrayList<>();
                    for (int k = 0; k < types.size(); k++) {
                        Object value = ValueAccess.get(table.keyVector(k), group);
                        key.add(value instanceof Number number ? (Object) number.longValue() : value);
                    }
                    assertThat(key).isEqualTo(keysById.get(group));
                }
            }
        }
    }

    @Test
    void nullTextAndEmptyTextAreDifferentGroups() {
        try (BufferAllocator allocator = MemoryRoots.newRoot("packed key test", 1L << 20);
             GroupKeyTable table = GroupKeyTable.create(List.of(LogicalType.TEXT), allocator);
             FieldVector text = ValueAccess.allocate(LogicalType.TEXT, "t", allocator, 4)) {
            ValueAccess.set(text, 0, "");
            ValueAccess.set(text, 1, null);
            ValueAccess.set(text, 2, "");
            ValueAccess.set(text, 3, null);
            text.setValueCount(4);
            int[] ids = new int[4];
            table.findOrInsert(new FieldVector[] {text}, 4, ids);
            assertThat(ids).containsExactly(0, 1, 0, 1);
            assertThat(ValueAccess.get(table.keyVector(0), 0)).isEqualTo("");
            assertThat(ValueAccess.get(table.keyVector(0), 1)).isNull();
        }
    }

    /** Texts of lengths 0 to 25 bytes sharing long prefixes, some with two-byte characters. */
    private static String text(int i) {
        StringBuilder text = new StringBuilder();
        int length = i % 26;
        for (int c = 0; c < length; c++) {
            text.append(c == length - 1 ? (char) ('a' + (i / 26) % 26) : 'x');
        }
        if (i % 7 == 0) {
            text.append('é');
        }
        return text.append(i / 676 == 0 ? "" : Integer.toString(i / 676)).toString();
    }
}
