package io.basalt.exec.operator.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.memory.MemoryRoots;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generic group-key table against a map from key tuples to first-seen group ids: text keys of every length
 * around the eight-byte words it compares (0 to 25 bytes, shared prefixes, multibyte characters), NULLs, a
 * second integer key, many batches and enough groups to make the table grow several times. Each group's key
 * vector must hold its key. The allocator must be empty at the end.
 */
class GenericGroupKeyTableTest {
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void groupIdsFollowTheKeys(int seed) {
        Random random = new Random(seed);
        List<LogicalType> types = List.of(LogicalType.TEXT, LogicalType.INTEGER);
        Map<List<Object>, Integer> model = new HashMap<>();
        List<List<Object>> keysById = new ArrayList<>();
        int distinctTexts = new int[] {3, 50, 2000, 20000}[seed - 1];
        try (BufferAllocator allocator = MemoryRoots.newRoot("group key test", 1L << 30)) {
            try (GroupKeyTable table = new GenericGroupKeyTable(types, allocator)) {
                for (int batch = 0; batch < 20; batch++) {
                    int rows = 1 + random.nextInt(3000);
                    FieldVector text = ValueAccess.allocate(LogicalType.TEXT, "t", allocator, rows);
                    FieldVector number = ValueAccess.allocate(LogicalType.INTEGER, "n", allocator, rows);
                    try (text; number) {
                        List<List<Object>> batchKeys = new ArrayList<>();
                        for (int r = 0; r < rows; r++) {
                            String value = random.nextInt(30) == 0 ? null : text(random.nextInt(distinctTexts));
                            Long n = random.nextInt(25) == 0 ? null : (long) random.nextInt(3);
                            ValueAccess.set(text, r, value);
                            ValueAccess.set(number, r, n);
                            batchKeys.add(Arrays.asList(value, n));
                        }
                        text.setValueCount(rows);
                        number.setValueCount(rows);
                        int[] ids = new int[rows];
                        table.findOrInsert(new FieldVector[] {text, number}, rows, ids);
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
                    }
                }
                assertThat(table.groupCount()).isEqualTo(keysById.size());
                for (int group = 0; group < keysById.size(); group++) {
                    assertThat(Arrays.asList(ValueAccess.get(table.keyVector(0), group),
                            ValueAccess.get(table.keyVector(1), group))).isEqualTo(keysById.get(group));
                }
            }
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
