package io.basalt.optimizer.statistics;

import io.basalt.exec.operator.scan.ScanSource;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Where ANALYZE leaves the statistics it gathers and the optimizer finds them: one entry per table store.
 * Plans name their tables by store (a logical scan holds the store, not the catalog entry), so the store is
 * the key; the map holds its keys weakly, so a dropped table's statistics go with its store. Stores compare
 * by identity and belong to one database, so databases open side by side never see each other's entries.
 * A database opened from a directory also saves them to its {@link StatisticsFile} and records them here
 * again when it is reopened (io.basalt.engine.DurableStatistics).
 */
public final class GatheredStatistics {
    private static final Map<ScanSource, TableStatistics> STATISTICS = new WeakHashMap<>();

    private GatheredStatistics() {
    }

    /** Replaces the statistics of {@code source}. */
    public static synchronized void record(ScanSource source, TableStatistics statistics) {
        STATISTICS.put(source, statistics);
    }

    /** The statistics last gathered for {@code source}, or null when ANALYZE has not run on it. */
    public static synchronized TableStatistics of(ScanSource source) {
        return STATISTICS.get(source);
    }

    /**
     * The statistics last gathered for the table {@code source} reads, or null: {@link #of} for {@code source}
     * itself or for the store whose {@link ScanSource#underlying() underlying} store is {@code source}'s (a scan with
     * predicates or reading shredded path columns is a view of its table; a logged table wraps another store).
     */
    public static synchronized TableStatistics ofTable(ScanSource source) {
        TableStatistics found = STATISTICS.get(source);
        if (found != null) {
            return found;
        }
        ScanSource table = source.underlying();
        for (Map.Entry<ScanSource, TableStatistics> entry : STATISTICS.entrySet()) {
            if (entry.getKey().underlying() == table) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** Forgets the statistics of {@code source} (its rows were all replaced, as by TRUNCATE). */
    public static synchronized void forget(ScanSource source) {
        STATISTICS.remove(source);
    }
}
