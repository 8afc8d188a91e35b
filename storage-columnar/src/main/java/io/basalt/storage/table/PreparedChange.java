package io.basalt.storage.table;

import io.basalt.exec.batch.Batch;
import io.basalt.storage.wal.WalRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * One table's part of a COMMIT after {@link InMemoryTableStore#validate} passed and before
 * {@link InMemoryTableStore#apply}: where the deleted rows are ({@code chunkOf}, {@code rowOf}), the rows to append
 * ({@code appends}, some of them {@code copies} made for the commit), and how to take back the unique keys the
 * validation recorded if the commit fails before it applies ({@link #abort}). {@code skipped}: the table was
 * dropped meanwhile, so nothing is applied or logged.
 */
public record PreparedChange(PendingChange change, int[] chunkOf, int[] rowOf, List<Batch> appends,
                             List<Batch> copies, Runnable undoKeys, boolean skipped) {

    /** What the log records for this change, in the order replay must apply it; empty when there is nothing. */
    public List<WalRecord> walRecords() {
        List<WalRecord> records = new ArrayList<>(3);
        if (skipped) {
            return records;
        }
        String table = change.store().name();
        if (change.truncated()) {
            records.add(new WalRecord.Truncate(table));
        }
        long[] deletes = change.committedDeletes();
        if (deletes.length > 0) {
            records.add(new WalRecord.Delete(table, deletes));
        }
        if (!appends.isEmpty()) {
            records.add(new WalRecord.Append(table, appends));
        }
        return records;
    }

    /** The commit failed before {@link InMemoryTableStore#apply}: takes back the keys and frees the copies. */
    public void abort() {
        try {
            undoKeys.run();
        } finally {
            free(copies);
        }
    }

    static void free(List<Batch> batches) {
        for (Batch batch : batches) {
            for (FieldVector column : batch.columns()) {
                column.close();
            }
        }
    }
}
