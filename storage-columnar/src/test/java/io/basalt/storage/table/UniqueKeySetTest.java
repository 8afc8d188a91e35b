package io.basalt.storage.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The unique-key set against a plain hash set of the same keys: random adds, removes and lookups of one-integer keys
 * (from a small domain, so that probe chains collide, wrap around the table and shift back on removal) mixed with
 * keys of other shapes, must answer alike.
 */
class UniqueKeySetTest {
    private static List<Object> key(SplittableRandom random) {
        return switch (random.nextInt(10)) {
            case 0 -> List.of("text " + random.nextInt(50));
            case 1 -> List.of((long) random.nextInt(20), "second");
            case 2 -> List.of(random.nextLong());
            default -> List.of((long) random.nextInt(300) * (random.nextBoolean() ? 1 : -1024));
        };
    }

    @Test
    void answersAsAHashSetDoes() {
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            UniqueKeySet set = new UniqueKeySet();
            Set<List<Object>> model = new HashSet<>();
            for (int step = 0; step < 20_000; step++) {
                List<Object> key = key(random);
                switch (random.nextInt(4)) {
                    case 0, 1 -> assertThat(set.add(key)).isEqualTo(model.add(key));
                    case 2 -> assertThat(set.remove(key)).isEqualTo(model.remove(key));
                    default -> assertThat(set.contains(key)).isEqualTo(model.contains(key));
                }
            }
            for (int value = -400_000; value < 400; value++) {
                List<Object> key = List.of((long) value);
                assertThat(set.contains(key)).as("seed %d key %d", seed, value).isEqualTo(model.contains(key));
            }
            for (List<Object> key : model) {
                assertThat(set.contains(key)).isTrue();
            }
        }
    }

    @Test
    void bulkAddsAndRemovesAndClear() {
        UniqueKeySet set = new UniqueKeySet();
        List<List<Object>> keys = new ArrayList<>();
        for (long value = 0; value < 100_000; value++) {
            keys.add(List.of(value * 7));
        }
        set.addAll(keys);
        assertThat(set.add(List.of(7L * 500))).isFalse();
        set.removeAll(keys.subList(0, 50_000));
        assertThat(set.contains(List.of(7L * 49_999))).isFalse();
        assertThat(set.contains(List.of(7L * 50_000))).isTrue();
        set.clear();
        assertThat(set.contains(List.of(7L * 50_000))).isFalse();
        assertThat(set.add(List.of(7L * 50_000))).isTrue();
    }
}
