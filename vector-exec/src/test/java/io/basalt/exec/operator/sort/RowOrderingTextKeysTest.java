package io.basalt.exec.operator.sort;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.memory.MemoryRoots;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text sort keys, which {@link RowOrdering} turns into ranks among the input's distinct values: the stable order
 * of rows by a text key (bytewise, unsigned, a prefix before its extensions, NULLs placed as asked) and an integer
 * key, in both directions, against a stable sort by a comparator over the Java values; values with few or many
 * distinct strings, empty strings, shared prefixes and bytes above 0x7f. Peers and cross-input comparison keep
 * comparing by value.
 */
class RowOrderingTextKeysTest {
    private static final String[] PIECES = {"", "a", "ab", "abc", "b", "Brand#1", "Brand#12", "é", "zz", "\u00ff"};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void sortsLikeComparingTheStrings(int seed) {
        Random random = new Random(seed);
        int count = random.nextInt(3_000);
        int spread = new int[] {1, 3, 40, 100_000}[seed % 4];
        try (BufferAllocator allocator = MemoryRoots.newRoot("text key sort test", 1L << 28)) {
            FieldVector texts = ValueAccess.allocate(LogicalType.TEXT, "t", allocator, count);
            FieldVector integers = ValueAccess.allocate(LogicalType.BIGINT, "i", allocator, count);
            try (texts; integers) {
                String[] text = new String[count];
                Long[] integer = new Long[count];
                for (int i = 0; i < count; i++) {
                    text[i] = random.nextInt(8) == 0 ? null
                            : PIECES[random.nextInt(PIECES.length)] + (spread == 1 ? "" : random.nextInt(spread));
                    integer[i] = random.nextInt(8) == 0 ? null : (long) random.nextInt(5);
                    ValueAccess.set(texts, i, text[i]);
                    ValueAccess.set(integers, i, integer[i]);
                }
                texts.setValueCount(count);
                integers.setValueCount(count);
                boolean textFirst = seed % 3 != 0;
                SortKey textKey = new SortKey(0, random.nextBoolean(), random.nextBoolean());
                SortKey integerKey = new SortKey(1, random.nextBoolean(), random.nextBoolean());
                List<SortKey> keys = textFirst ? List.of(textKey, integerKey) : List.of(integerKey, textKey);
                RowOrdering ordering = new RowOrdering(new FieldVector[] {texts, integers}, count, new int[0], keys);

                Comparator<String> bytewise = (x, y) -> Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8),
                        y.getBytes(StandardCharsets.UTF_8));
                Comparator<Integer> byText = keyOrder(textKey, row -> text[row], bytewise);
                Comparator<Integer> byInteger = keyOrder(integerKey, row -> integer[row], Comparator.<Long>naturalOrder());
                Comparator<Integer> rows = textFirst ? byText.thenComparing(byInteger) : byInteger.thenComparing(byText);
                List<Integer> expected = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    expected.add(i);
                }
                expected.sort(rows);
                int[] actual = ordering.sort(count);
                assertThat(actual).as("%d rows, keys %s", count, keys)
                        .isEqualTo(expected.stream().mapToInt(Integer::intValue).toArray());
                for (int k = 1; k < count; k++) {
                    assertThat(ordering.peers(actual[k - 1], actual[k]))
                            .isEqualTo(rows.compare(actual[k - 1], actual[k]) == 0);
                    assertThat(Integer.signum(ordering.compareAcross(actual[k - 1], ordering, actual[k])))
                            .isEqualTo(Integer.signum(rows.compare(actual[k - 1], actual[k])));
                }
            }
        }
    }

    private static <T> Comparator<Integer> keyOrder(SortKey key, java.util.function.IntFunction<T> value,
                                                    Comparator<T> order) {
        Comparator<T> directed = key.descending() ? order.reversed() : order;
        Comparator<T> placed = key.nullsFirst() ? Comparator.nullsFirst(directed) : Comparator.nullsLast(directed);
        return (x, y) -> placed.compare(value.apply(x), value.apply(y));
    }
}
