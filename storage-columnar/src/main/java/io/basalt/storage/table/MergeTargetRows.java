package io.basalt.storage.table;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.arrow.vector.BigIntVector;

/**
 * The target rows a MERGE has changed so far, across all of its actions: PostgreSQL lets a MERGE update or delete
 * each target row at most once, and reports a second change (a row that two source rows match, both choosing an
 * UPDATE or DELETE) as 21000. While one is {@link #CURRENT}, every UPDATE and DELETE sink claims its row ids here
 * instead of silently skipping repeats as an UPDATE ... FROM does. Row ids are per table, so they are kept per
 * {@link TableStore} (a partition or inheritance child has its own). Thread-safe: parallel sinks claim batches.
 */
public final class MergeTargetRows {
    /** The MERGE whose actions are running, while bound. */
    public static final ScopedValue<MergeTargetRows> CURRENT = ScopedValue.newInstance();

    private final Map<TableStore, RowIdSet> claimed = new IdentityHashMap<>();

    /** The MERGE running now, or null. */
    static MergeTargetRows current() {
        return CURRENT.isBound() ? CURRENT.get() : null;
    }

    /**
     * Claims the ids of rows {@code 0..count-1} of {@code ids} in {@code table}, those whose {@code selected} entry is
     * true (all when {@code selected} is null).
     *
     * @throws BasaltException 21000 when one was claimed before, by this batch or an earlier one
     */
    synchronized void claim(TableStore table, BigIntVector ids, int count) {
        RowIdSet rows = claimed.computeIfAbsent(table, ignored -> new RowIdSet());
        for (int row = 0; row < count; row++) {
            if (!rows.add(ids.get(row))) {
                throw BasaltException.of(SqlState.CARDINALITY_VIOLATION, "MERGE command cannot affect row a second time")
                        .withHint("Ensure that not more than one source row matches any one target row.");
            }
        }
    }
}
