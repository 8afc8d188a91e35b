package io.basalt.storage.file;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Predicate;

/**
 * How often each chunk was asked for lately, for {@link BufferCache}'s admission: one count per chunk, whether it is
 * cached or not, halved once the counts have taken {@link #AGING_FACTOR} times as many accesses as there are chunks
 * counted (at least {@link #MINIMUM_PERIOD}), so that what was hot long ago fades and chunks no longer asked for are
 * forgotten. A database holds thousands of chunks, not millions, so the counts are exact. Not thread-safe: the cache
 * calls it under its own lock.
 *
 * @param <K> the chunk's key
 */
final class ChunkFrequencies<K> {
    static final int AGING_FACTOR = 10;
    static final int MINIMUM_PERIOD = 1024;
    /** A count stops growing here: far above what a period lets one chunk gather, and no overflow. */
    private static final int MAXIMUM_COUNT = 1 << 24;

    private final HashMap<K, int[]> counts = new HashMap<>();
    private long accessesSinceAging;

    /** Counts one access to {@code key}. */
    void record(K key) {
        int[] count = counts.computeIfAbsent(key, k -> new int[1]);
        if (count[0] < MAXIMUM_COUNT) {
            count[0]++;
        }
        if (++accessesSinceAging >= Math.max(MINIMUM_PERIOD, (long) AGING_FACTOR * counts.size())) {
            age();
        }
    }

    /** The accesses to {@code key} counted (0 when none or forgotten). */
    int frequency(K key) {
        int[] count = counts.get(key);
        return count == null ? 0 : count[0];
    }

    /** Forgets every key {@code dropped} accepts (a released file's chunks). */
    void forget(Predicate<K> dropped) {
        counts.keySet().removeIf(dropped);
    }

    /** Halves every count; keys whose count reaches 0 are forgotten. */
    void age() {
        Iterator<Map.Entry<K, int[]>> all = counts.entrySet().iterator();
        while (all.hasNext()) {
            int[] count = all.next().getValue();
            count[0] >>= 1;
            if (count[0] == 0) {
                all.remove();
            }
        }
        accessesSinceAging = 0;
    }

    /** How many keys are counted. */
    int size() {
        return counts.size();
    }
}
