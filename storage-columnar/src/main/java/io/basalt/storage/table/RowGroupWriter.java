package io.basalt.storage.table;

import io.basalt.exec.batch.Batch;
import io.basalt.type.LogicalType;
import java.util.List;

/**
 * Writes the rows of a large INSERT straight into a new data file of compressed row groups of a database directory,
 * before COMMIT logs them: the log then names the file ({@link io.basalt.storage.wal.WalRecord.AttachRows}) instead
 * of carrying every row, and the next checkpoint copies the file's row groups instead of encoding the rows. The file
 * is synced (and its directory entry) before {@link #write} returns, so that the log record that names it is never
 * durable before it. A file no durable commit names is removed: at once when the transaction rolls back or its
 * commit fails before the log has it ({@link #discard}), else when the database is next opened.
 */
public interface RowGroupWriter {
    /** The rows a transaction must append to a table for them to go to a file; fewer go through the log. */
    long minimumRows();

    /** The rows of a row group of a table of {@code chunkRows} rows per chunk (whole chunks). */
    int rowGroupRows(int chunkRows);

    /**
     * Writes rows {@code [from, from + rows)} of {@code batches} (in order, every one as wide as {@code types}) as
     * positions {@code [firstPosition, ...)} of generation {@code generation} of a table of {@code chunkRows} rows per
     * chunk ({@code firstPosition} and {@code rows} whole chunks), its row groups encoded in parallel.
     *
     * @throws io.basalt.error.BasaltException IO_ERROR when the file cannot be written or synced
     */
    Written write(List<LogicalType> types, List<Batch> batches, long from, long rows, long firstPosition,
                  int chunkRows, long generation);

    /**
     * Starts a new data file of rows of {@code types} that a statement writes row group by row group while it still
     * produces them ({@link Stream}): their positions are only given when it ends ({@link Stream#finish}).
     *
     * @throws io.basalt.error.BasaltException IO_ERROR when the file cannot be created
     */
    Stream stream(List<LogicalType> types);

    /**
     * A data file written while the rows arrive: each {@link #add} encodes whole row groups (on the common pool, a few
     * at a time, so memory holds a few groups however many rows come) and appends them to the file; {@link #finish}
     * writes the footer with the positions the rows take, syncs the file and its directory, and opens it for
     * reading. Used by one thread; {@link #abort} (or a failure of any step) removes the file.
     */
    interface Stream {
        /**
         * Copies rows {@code [from, from + rows)} of {@code batches} (in order, as wide as the stream's types) into
         * one row group and starts encoding it; {@code rows} is whole chunks of the table. The caller may free the
         * batches when this returns.
         *
         * @throws io.basalt.error.BasaltException IO_ERROR when an earlier group cannot be written
         */
        void add(List<Batch> batches, long from, int rows);

        /** The rows added so far. */
        long rows();

        /**
         * Writes the rest and the footer, the groups placed from {@code firstPosition} (a chunk boundary) of
         * generation {@code generation} on, syncs the file and the directory, and returns it opened for reading.
         *
         * @throws io.basalt.error.BasaltException IO_ERROR when the file cannot be written or synced
         */
        Written finish(long firstPosition, long generation);

        /** Stops writing and removes the file (after a failure, or when nothing was added). */
        void abort();
    }

    /** Removes a file {@link #write} returned that no commit took, releasing {@code written}'s groups. */
    void discard(Written written);

    /**
     * A file {@link #write} wrote: its name in the data directory, the positions it holds, and its row groups opened
     * for reading (owned by whoever takes them: the store when the commit attaches them).
     */
    record Written(String fileName, long generation, long firstPosition, long rows, StoredRowGroups groups) {
    }
}
