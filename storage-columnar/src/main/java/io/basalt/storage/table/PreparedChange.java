package io.basalt.storage.table;

import io.basalt.exec.batch.Batch;
import io.basalt.storage.wal.WalRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * One table's part of a COMMIT after {@link InMemoryTableStore#validate} passed and before
 * {@link InMemoryTableStore#apply}: where the deleted rows are ({@code chunkOf}, {@code rowOf}), the live rows the
 * change adds ({@code appends}, whose keys the validation recorded), and how to take back those keys if the commit
 * fails before it applies ({@link #abort}). {@code placed}: every row the transaction appended, in order, those it
 * deleted again included, which COMMIT copies in from {@code firstPosition} of generation {@code generation} on and
 * then marks deleted, so each row takes the place its pending id promised (see {@link
 * InMemoryTableStore#reserve}); null for a change that truncated the table, whose live rows ({@code appends}) start
 * the new generation. Some of these batches are {@code copies} made for the commit. {@code skipped}: the table was
 * dropped meanwhile, so nothing is applied or logged.
 */
public record PreparedChange(PendingChange change, int[] chunkOf, int[] rowOf, List<Batch> appends,
                             List<Batch> copies, Runnable undoKeys, boolean skipped, List<Batch> placed,
                             long generation, long firstPosition, Attached attached) {

    /**
     * Placed rows of which data files hold whole chunks ({@link RowGroupWriter}), in order: runs of rows in memory
     * (the first filling the table's last chunk), logged and copied in as usual, and files, attached where they
     * stand. None was deleted again.
     */
    public record Attached(List<Run> runs) {
        public Attached {
            runs = List.copyOf(runs);
        }
    }

    /** A run of placed rows: in memory, or a data file's. */
    public sealed interface Run permits Rows, File {
    }

    /** Placed rows in memory. */
    public record Rows(List<Batch> batches) implements Run {
    }

    /** Placed rows a data file holds, whole chunks from its first position on. */
    public record File(RowGroupWriter.Written written) implements Run {
    }

    /** A change that places only its live rows (nothing, or a truncation). */
    PreparedChange(PendingChange change, int[] chunkOf, int[] rowOf, List<Batch> appends, List<Batch> copies,
                   Runnable undoKeys, boolean skipped) {
        this(change, chunkOf, rowOf, appends, copies, undoKeys, skipped, null, 0, 0, null);
    }

    /**
     * What the log records for this change, in the order replay must apply it; empty when there is nothing. The
     * placed rows go as appends, each batch holding rows the transaction deleted again followed by the delete of
     * those rows, so replay gives every row the same place; a batch's rows held no key twice when it was staged,
     * and its dead rows go before a later batch comes, so replay's key checks pass as the transaction's did.
     */
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
        if (attached != null) {
            // no placed row was deleted again (RowGroupWriter's condition): the rows in order, the files' in between
            for (Run run : attached.runs()) {
                switch (run) {
                    case Rows rows -> {
                        if (!rows.batches().isEmpty()) {
                            records.add(new WalRecord.Append(table, rows.batches()));
                        }
                    }
                    case File file -> records.add(new WalRecord.AttachRows(table, file.written().fileName(),
                            file.written().firstPosition(), file.written().rows()));
                }
            }
            return records;
        }
        if (placed == null) {
            if (!appends.isEmpty()) {
                records.add(new WalRecord.Append(table, appends));
            }
            return records;
        }
        List<Batch> run = new ArrayList<>();
        long position = firstPosition;
        for (int b = 0; b < placed.size(); b++) {
            Batch batch = placed.get(b);
            run.add(batch);
            long[] dead = change.batchMask(b);
            if (dead != null && deadRowIds(dead, batch.rowCount(), position).length > 0) {
                records.add(new WalRecord.Append(table, run));
                run = new ArrayList<>();
                records.add(new WalRecord.Delete(table, deadRowIds(dead, batch.rowCount(), position)));
            }
            position += batch.rowCount();
        }
        if (!run.isEmpty()) {
            records.add(new WalRecord.Append(table, run));
        }
        return records;
    }

    /** The row ids of the rows of a batch placed from {@code position} on that {@code mask} marks. */
    private long[] deadRowIds(long[] mask, int rows, long position) {
        int count = 0;
        for (long word : mask) {
            count += Long.bitCount(word);
        }
        long[] ids = new long[count];
        int next = 0;
        for (int row = 0; row < rows; row++) {
            if ((mask[row >>> 6] & (1L << row)) != 0) {
                ids[next++] = (generation << InMemoryTableStore.POSITION_BITS) | (position + row);
            }
        }
        return ids;
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
