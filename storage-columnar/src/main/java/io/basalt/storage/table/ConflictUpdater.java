package io.basalt.storage.table;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;

/**
 * The DO UPDATE half of INSERT ... ON CONFLICT, as {@link UpsertResolution} calls it back: given stored rows and
 * the proposed rows that conflict with them, it computes the stored rows' new versions (the SET list), keeps only
 * the rows its WHERE accepts, and checks the new versions' NOT NULL and CHECK constraints. The resolution then
 * walks the rows in order and decides which versions are written.
 */
@FunctionalInterface
public interface ConflictUpdater {
    /**
     * The new versions for the conflicting rows: {@code existing} row i (the table's columns, as stored) conflicts
     * with {@code proposed} row i (the table's columns, the row INSERT proposed: EXCLUDED). Neither batch may be
     * kept after the call. The returned rows stay owned by the updater and must stay valid until the statement
     * ends (the caller returns them from RETURNING).
     *
     * @throws io.basalt.error.BasaltException for a row that breaks NOT NULL or a CHECK constraint, or an error
     *         evaluating the SET list or the WHERE condition
     */
    Versions update(Batch existing, Batch proposed);

    /**
     * New versions: {@code rows} row k (the table's columns) replaces the stored row of input row
     * {@code inputRows[k]}; input rows not listed are left alone (their WHERE was not true).
     */
    record Versions(Batch rows, int[] inputRows) {
        public Versions {
            requireNonNull(rows, "rows is null");
            requireNonNull(inputRows, "inputRows is null");
        }
    }

    /**
     * What an upsert did: {@code outcomes[g]} for proposed row g (counting across the input batches), and for an
     * UPDATED row its new version, row {@code versionRows[g]} of {@code versions[g]} (a batch the updater returned).
     */
    record Result(Outcome[] outcomes, Batch[] versions, int[] versionRows) {
    }

    /** What happened to one proposed row. */
    enum Outcome {
        /** It conflicted, and DO UPDATE's WHERE left the stored row alone. */
        SKIPPED,
        /** It conflicted with nothing and was appended. */
        INSERTED,
        /** It conflicted with a stored row, which was replaced by its new version. */
        UPDATED
    }
}
