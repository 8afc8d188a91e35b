package io.basalt.storage.table;

import java.util.concurrent.atomic.LongAdder;

/**
 * What scans with JSONB path columns decided about stored row groups, counted since the JVM started: how many a
 * path predicate's zone map on a shredded sub-column ruled out before anything of them was read
 * ({@code PathColumnReads.excludes}), and how many had rows selected on a sub-column's encoded values
 * ({@code PathColumnReads.selectRows}). Counted once per row group a scan reaches, never per row; tests and
 * benchmarks read the difference across a query to tell the two mechanisms apart.
 */
public final class PathScanStatistics {
    private static final LongAdder SKIPPED_BY_ZONE_MAPS = new LongAdder();
    private static final LongAdder SELECTED_ON_VALUES = new LongAdder();

    private PathScanStatistics() {
    }

    /** Row groups a path predicate's zone map ruled out. */
    public static long rowGroupsSkippedByZoneMaps() {
        return SKIPPED_BY_ZONE_MAPS.sum();
    }

    /** Row groups whose rows a path predicate selected on a sub-column's encoded values. */
    public static long rowGroupsSelectedOnValues() {
        return SELECTED_ON_VALUES.sum();
    }

    static void skippedByZoneMap() {
        SKIPPED_BY_ZONE_MAPS.increment();
    }

    static void selectedOnValues() {
        SELECTED_ON_VALUES.increment();
    }
}
