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

    /**
     * Writes rows {@code [from, from + rows)} of {@code batches} (in order, every one as wide as {@code types}) as
     * positions {@code [firstPosition, ...)} of generation {@code generation} of a table of {@code chunkRows} rows per
     * chunk ({@code firstPosition} and {@code rows} whole chunks), its row groups encoded in parallel.
     *
     * @throws io.basalt.error.BasaltException IO_ERROR when the file cannot be written or synced
     */
    Written write(List<LogicalType> types, List<Batch> batches, long from, long rows, long firstPosition,
                  int chunkRows, long generation);

    /** Removes a file {@link #write} returned that no commit took, releasing {@code written}'s groups. */
    void discard(Written written);

    /**
     * A file {@link #write} wrote: its name in the data directory, the positions it holds, and its row groups opened
     * for reading (owned by whoever takes them: the store when the commit attaches them).
     */
    record Written(String fileName, long generation, long firstPosition, long rows, StoredRowGroups groups) {
    }
}
