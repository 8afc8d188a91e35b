package io.basalt.exec.operator.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.kernel.ComparisonOutcomes;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.memory.MemoryRoots;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.Test;

/**
 * String comparisons with a constant on selections, against String comparison of the same values: equality with
 * constants of 0 to 12 bytes (at most 8 bytes take the one-long path), values with NULLs, selections of every row
 * and of some, and values that end exactly at the end of the data buffer (where the long read must not happen).
 */
class SelectionStringsTest {
    private static final String[] WORDS = {"", "A", "AIR", "MAIL", "MAILX", "SHIP", "REG AIR", "Brand#12", "Brand#123",
        "SM CASE", "MED PKG", "LG PACK", "wörld", "Brand#1", "Brand#12 "};

    @Test
    void equalityMatchesStringEquality() {
        Random random = new Random(5);
        for (int rows : new int[] {0, 1, 7, 63, 64, 65, 1000, 2048}) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                values.add(random.nextInt(9) == 0 ? null : WORDS[random.nextInt(WORDS.length)]);
            }
            try (BufferAllocator allocator = MemoryRoots.newRoot("strings test", 1L << 26);
                 VarCharVector vector = vectorOf(values, allocator, -1)) {
                check(vector, values, random);
            }
        }
    }

    @Test
    void valuesEndingAtTheBufferEndAreComparedInPlace() {
        try (BufferAllocator allocator = MemoryRoots.newRoot("strings test", 1L << 26)) {
            for (String last : new String[] {"A", "AIR", "MAIL", "Brand#12"}) {
                List<String> values = new ArrayList<>();
                try (VarCharVector probe = new VarCharVector("probe", allocator)) {
                    probe.allocateNew(64, 16);
                    int capacity = (int) probe.getDataBuffer().capacity();
                    int filler = capacity - last.length();
                    values.add("x".repeat(filler - 3));
                    values.add("AIR");
                    values.add(last);
                }
                try (VarCharVector vector = vectorOf(values, allocator, 64)) {
                    assertThat(vector.getOffsetBuffer().getInt(3L * 4)).isEqualTo((int) vector.getDataBuffer().capacity());
                    check(vector, values, new Random(1));
                }
            }
        }
    }

    private static void check(VarCharVector vector, List<String> values, Random random) {
        int rows = values.size();
        for (String constant : WORDS) {
            for (CompareOp op : new CompareOp[] {CompareOp.EQ, CompareOp.NE, CompareOp.LT}) {
                for (boolean everyRow : new boolean[] {true, false}) {
                    int[] selection = new int[rows];
                    int count = 0;
                    for (int i = 0; i < rows; i++) {
                        if (everyRow || random.nextBoolean()) {
                            selection[count++] = i;
                        }
                    }
                    int[] expected = new int[count];
                    int e = 0;
                    for (int k = 0; k < count; k++) {
                        String value = values.get(selection[k]);
                        if (value != null && op.test(Integer.signum(compareBytes(value, constant)))) {
                            expected[e++] = selection[k];
                        }
                    }
                    int n = SelectionStrings.refine(vector, ComparisonOutcomes.accepted(op),
                            constant.getBytes(StandardCharsets.UTF_8), selection, count);
                    assertThat(Arrays.copyOf(selection, n)).as("%s %s over %d rows", op.symbol(), constant, rows)
                            .containsExactly(Arrays.copyOf(expected, e));
                }
            }
        }
    }

    private static int compareBytes(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** The values as a VarCharVector; with {@code dataBytes} >= 0 its data buffer is allocated at that size. */
    private static VarCharVector vectorOf(List<String> values, BufferAllocator allocator, int dataBytes) {
        VarCharVector vector = new VarCharVector("v", allocator);
        if (dataBytes >= 0) {
            vector.allocateNew(dataBytes, Math.max(values.size(), 1));
        } else {
            vector.allocateNew();
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                vector.setNull(i);
            } else {
                vector.setSafe(i, values.get(i).getBytes(StandardCharsets.UTF_8));
            }
        }
        vector.setValueCount(values.size());
        return vector;
    }
}
