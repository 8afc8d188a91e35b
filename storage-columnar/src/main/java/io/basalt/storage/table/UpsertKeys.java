package io.basalt.storage.table;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.batch.Batch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.vector.FieldVector;

/**
 * The unique-key side of INSERT ... ON CONFLICT DO UPDATE, in two steps around the updater's call. {@link #find}
 * names, for each proposed row, the stored row it conflicts with on an arbiter key (the indexes hold keys, not
 * positions, so the stored rows are read once, and only when some proposed row conflicts). {@link #apply} then
 * walks the proposed rows in order, as PostgreSQL's executor does, against the keys held at that moment: a row
 * whose arbiter keys are free is inserted, one that meets a stored row is replaced by its new version (if the
 * update's WHERE gave it one), and one that meets a key this statement inserted or updated is an error (21000).
 *
 * <p>Not thread-safe: the table store calls both steps under its lock.
 */
final class UpsertKeys {
    private UpsertKeys() {
    }

    /**
     * The stored rows the proposed rows conflict with: {@code positionOf[g]} for proposed row g (counting across
     * the batches) the position of the stored row holding its first arbiter key that is held (-1: none), and
     * {@code holders.get(k)} for arbiter index k the position of each conflicting key (null for other indexes).
     */
    record Conflicts(long[] positionOf, List<Map<List<Object>, Long>> holders) {
    }

    /** Where the stored rows live: the store's chunks, their deletion masks, and how many rows each holds. */
    record StoredRows(List<FieldVector[]> chunks, List<long[]> masks, int chunkRows, int lastChunkRows) {
        int rowsIn(int chunk) {
            return chunk == chunks.size() - 1 ? lastChunkRows : chunkRows;
        }

        List<FieldVector> row(long position) {
            return Arrays.asList(chunks.get((int) (position / chunkRows)));
        }
    }

    /** The result of {@link #apply}: per proposed row what happens, the stored rows replaced, and the undo. */
    record Applied(ConflictUpdater.Outcome[] outcomes, long[] replacedPositions, Runnable undo) {
    }

    static Conflicts find(List<UniqueKeyIndex> indexes, Set<String> arbiters, List<Batch> batches, StoredRows stored) {
        int total = 0;
        for (Batch batch : batches) {
            total += batch.rowCount();
        }
        long[] positionOf = new long[total];
        Arrays.fill(positionOf, -1);
        List<Set<List<Object>>> wanted = new ArrayList<>(indexes.size());
        List<Map<List<Object>, Long>> holders = new ArrayList<>(indexes.size());
        boolean any = false;
        for (UniqueKeyIndex index : indexes) {
            boolean arbiter = arbiters.contains(index.constraintName());
            wanted.add(arbiter ? new HashSet<>() : null);
            holders.add(arbiter ? new HashMap<>() : null);
        }
        for (Batch batch : batches) {
            for (int row = 0; row < batch.rowCount(); row++) {
                for (int k = 0; k < indexes.size(); k++) {
                    List<Object> key = wanted.get(k) == null ? null : indexes.get(k).keyOf(batch, row);
                    if (key != null && indexes.get(k).holds(key)) {
                        wanted.get(k).add(key);
                        any = true;
                    }
                }
            }
        }
        if (!any) {
            return new Conflicts(positionOf, holders);
        }
        for (int chunk = 0; chunk < stored.chunks().size(); chunk++) {
            List<FieldVector> columns = Arrays.asList(stored.chunks().get(chunk));
            long[] mask = stored.masks().get(chunk);
            for (int row = 0; row < stored.rowsIn(chunk); row++) {
                if (mask != null && (mask[row >>> 6] & (1L << row)) != 0) {
                    continue;
                }
                for (int k = 0; k < indexes.size(); k++) {
                    if (wanted.get(k) == null || wanted.get(k).isEmpty()) {
                        continue;
                    }
                    List<Object> key = indexes.get(k).keyOf(columns, row);
                    if (key != null && wanted.get(k).contains(key)) {
                        holders.get(k).put(key, (long) chunk * stored.chunkRows() + row);
                    }
                }
            }
        }
        int next = 0;
        for (Batch batch : batches) {
            for (int row = 0; row < batch.rowCount(); row++, next++) {
                for (int k = 0; k < indexes.size() && positionOf[next] < 0; k++) {
                    List<Object> key = holders.get(k) == null ? null : indexes.get(k).keyOf(batch, row);
                    Long position = key == null ? null : holders.get(k).get(key);
                    if (position != null) {
                        positionOf[next] = position;
                    }
                }
            }
        }
        return new Conflicts(positionOf, holders);
    }

    /**
     * Applies the statement's keys row by row (see the class comment). {@code versionBatch[g]} and
     * {@code versionRow[g]} locate the new version computed for proposed row g against the stored row
     * {@code conflicts.positionOf()[g]} (null: none, the update's WHERE was not true). On an error every key
     * change is undone before it is thrown.
     *
     * @throws BasaltException 21000 for a row affected twice, 23505 for a duplicate key
     */
    static Applied apply(List<UniqueKeyIndex> indexes, Set<String> arbiters, List<Batch> batches, Conflicts conflicts,
                         Batch[] versionBatch, int[] versionRow, StoredRows stored) {
        int size = indexes.size();
        List<List<List<Object>>> added = new ArrayList<>(size);
        List<List<List<Object>>> removed = new ArrayList<>(size);
        List<Set<List<Object>>> affected = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
            added.add(new ArrayList<>());
            removed.add(new ArrayList<>());
            affected.add(new HashSet<>());
        }
        Runnable undo = () -> {
            for (int k = 0; k < size; k++) {
                for (List<Object> key : added.get(k)) {
                    indexes.get(k).release(key);
                }
                for (List<Object> key : removed.get(k)) {
                    indexes.get(k).take(key);
                }
            }
        };
        ConflictUpdater.Outcome[] outcomes = new ConflictUpdater.Outcome[conflicts.positionOf().length];
        long[] replaced = new long[outcomes.length];
        int replacedCount = 0;
        try {
            int next = 0;
            for (Batch batch : batches) {
                for (int row = 0; row < batch.rowCount(); row++, next++) {
                    int holder = -1;
                    List<Object> heldKey = null;
                    for (int k = 0; k < size && holder < 0; k++) {
                        if (!arbiters.contains(indexes.get(k).constraintName())) {
                            continue;
                        }
                        List<Object> key = indexes.get(k).keyOf(batch, row);
                        if (key != null && indexes.get(k).holds(key)) {
                            holder = k;
                            heldKey = key;
                        }
                    }
                    if (holder < 0) {
                        takeKeys(indexes, batch, row, added, affected);
                        outcomes[next] = ConflictUpdater.Outcome.INSERTED;
                        continue;
                    }
                    if (affected.get(holder).contains(heldKey)) {
                        throw BasaltException.of(SqlState.CARDINALITY_VIOLATION,
                                        "ON CONFLICT DO UPDATE command cannot affect row a second time")
                                .withHint("Ensure that no rows proposed for insertion within the same command have "
                                        + "duplicate constrained values.");
                    }
                    long position = conflicts.holders().get(holder).get(heldKey);
                    if (position != conflicts.positionOf()[next]) {
                        // Only possible with several arbiter keys on one column set whose holders changed mid-statement.
                        throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                                "ON CONFLICT DO UPDATE whose arbiters meet different rows is not supported yet");
                    }
                    if (versionBatch[next] == null) {
                        outcomes[next] = ConflictUpdater.Outcome.SKIPPED;
                        continue;
                    }
                    List<FieldVector> old = stored.row(position);
                    int oldRow = (int) (position % stored.chunkRows());
                    for (int k = 0; k < size; k++) {
                        List<Object> key = indexes.get(k).keyOf(old, oldRow);
                        if (key != null && indexes.get(k).release(key)) {
                            removed.get(k).add(key);
                        }
                    }
                    takeKeys(indexes, versionBatch[next], versionRow[next], added, affected);
                    replaced[replacedCount++] = position;
                    outcomes[next] = ConflictUpdater.Outcome.UPDATED;
                }
            }
        } catch (RuntimeException failure) {
            undo.run();
            throw failure;
        }
        return new Applied(outcomes, Arrays.copyOf(replaced, replacedCount), undo);
    }

    /** Row {@code row} of {@code batch} takes its key in every index; a key already held is a 23505. */
    private static void takeKeys(List<UniqueKeyIndex> indexes, Batch batch, int row, List<List<List<Object>>> added,
                                 List<Set<List<Object>>> affected) {
        for (int k = 0; k < indexes.size(); k++) {
            UniqueKeyIndex index = indexes.get(k);
            List<Object> key = index.keyOf(batch, row);
            if (key == null) {
                continue;
            }
            if (!index.take(key)) {
                throw index.violation(batch, row);
            }
            added.get(k).add(key);
            affected.get(k).add(key);
        }
    }
}
