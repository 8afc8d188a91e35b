package io.basalt.testing;

import io.basalt.exec.memory.MemoryRoots;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Arrow root allocators open at one moment, remembered by name, so that a later look can tell
 * which roots were opened since and are still open: those are the leaks of whatever ran in between.
 *
 * <p>{@link MemoryRoots#openRoots()} describes each root as {@code "<name> holding <n> bytes"}. The
 * snapshot keeps a count per name (ignoring the byte count, which changes as a root is used), so a
 * root that was already open when the snapshot was taken is never blamed on the code that ran after
 * it: a database opened in {@code @BeforeAll} is not a leak of each test method, and one test's leak
 * is not reported again by every test after it.
 */
public final class OpenRootsSnapshot {
    private static final String HOLDING = " holding ";

    private final Map<String, Integer> countByName;

    private OpenRootsSnapshot(Map<String, Integer> countByName) {
        this.countByName = countByName;
    }

    /** The roots open right now. */
    public static OpenRootsSnapshot take() {
        return of(MemoryRoots.openRoots());
    }

    /** A snapshot of the given root descriptions (as {@link MemoryRoots#openRoots()} words them). */
    public static OpenRootsSnapshot of(List<String> descriptions) {
        return new OpenRootsSnapshot(countByName(descriptions));
    }

    /** The roots open right now that this snapshot does not account for, as descriptions. */
    public List<String> openedSince() {
        return openedSince(MemoryRoots.openRoots());
    }

    /**
     * The descriptions among {@code current} that this snapshot does not account for: for each name,
     * the roots beyond as many as were open when the snapshot was taken.
     */
    public List<String> openedSince(List<String> current) {
        Map<String, Integer> allowance = new HashMap<>(countByName);
        List<String> extra = new ArrayList<>();
        for (String description : current) {
            String name = rootName(description);
            int left = allowance.getOrDefault(name, 0);
            if (left > 0) {
                allowance.put(name, left - 1);
            } else {
                extra.add(description);
            }
        }
        return extra;
    }

    /** The allocator's name from {@code "<name> holding <n> bytes"}; the whole text if it has another shape. */
    static String rootName(String description) {
        int at = description.lastIndexOf(HOLDING);
        return at < 0 ? description : description.substring(0, at);
    }

    private static Map<String, Integer> countByName(List<String> descriptions) {
        Map<String, Integer> counts = new HashMap<>();
        for (String description : descriptions) {
            counts.merge(rootName(description), 1, Integer::sum);
        }
        return counts;
    }
}
