package io.basalt.storage.wal;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import java.util.List;

/**
 * One committed change as the write-ahead log carries it: what the engine hands to
 * {@link WriteAheadLog#append} and what {@link WriteAheadLog#replay} hands back.
 *
 * <p>Ownership of an {@link Append}'s batches: when writing, the caller keeps them (the log only reads
 * them while {@code append} runs). When replaying, the log owns them and they are valid only while the
 * visitor runs; the visitor copies what it keeps (as {@code TableStore.appendAll} does) and never closes
 * them.
 */
public sealed interface WalRecord {
    /** A successful DDL statement (CREATE TABLE, CREATE SEQUENCE, ...), replayed by executing {@code sql} again. */
    record Ddl(String sql) implements WalRecord {
        public Ddl {
            requireNonNull(sql, "sql is null");
        }
    }

    /**
     * The rows one INSERT or bulk append committed to {@code tableName}. The batches share one schema:
     * the same column count and, column by column, the same Arrow field type (type, nullability and
     * metadata such as {@code basalt.type}; names may differ), in the table's column order. Replayed
     * vectors carry the first batch's fields, metadata included.
     */
    record Append(String tableName, List<Batch> batches) implements WalRecord {
        public Append {
            requireNonNull(tableName, "tableName is null");
            batches = List.copyOf(batches);
        }

        /** Rows over all batches. */
        public long rowCount() {
            long rows = 0;
            for (Batch batch : batches) {
                rows += batch.rowCount();
            }
            return rows;
        }
    }

    /**
     * The rows one DELETE or UPDATE removed from {@code tableName}, by the row ids its scan read (see
     * {@code ScanSource.ROW_ID}). An UPDATE logs this record and the {@link Append} of the new rows in one
     * commit, so that replay removes and adds them together. Ids are positions in the table's current
     * generation, which replay reproduces exactly because it repeats every append, delete and TRUNCATE in order.
     */
    record Delete(String tableName, long[] rowIds) implements WalRecord {
        public Delete {
            requireNonNull(tableName, "tableName is null");
            rowIds = rowIds.clone();
        }
    }

    /**
     * The state a sequence resumes from after a crash: {@code lastValue}, and whether that value was handed out
     * ({@code isCalled}). Sequences log ahead of the values they hand out, so replay never hands out a value
     * twice; replay applies the record to the sequence {@code schema.name}, which earlier DDL records created.
     */
    record SequenceValue(String schema, String name, long lastValue, boolean isCalled) implements WalRecord {
        public SequenceValue {
            requireNonNull(schema, "schema is null");
            requireNonNull(name, "name is null");
        }
    }

    /**
     * A transaction's TRUNCATE of {@code tableName}: every row goes and a new generation of row ids starts. It is
     * logged in the transaction's commit, before that table's {@link Delete} and {@link Append}, so that replay
     * reproduces the row ids the commit gave.
     */
    record Truncate(String tableName) implements WalRecord {
        public Truncate {
            requireNonNull(tableName, "tableName is null");
        }
    }

    /**
     * Rows a large INSERT committed to {@code tableName} that went straight into compressed row groups: the data file
     * {@code fileName} (in the database's data directory, written and synced before this record) holds positions
     * {@code [firstPosition, firstPosition + rows)} of the table's current generation, a whole number of chunks. Replay
     * reads the rows back from the file and keeps reading them from there; the next checkpoint copies its row groups
     * into the table's file, after which the file is removed.
     */
    record AttachRows(String tableName, String fileName, long firstPosition, long rows) implements WalRecord {
        public AttachRows {
            requireNonNull(tableName, "tableName is null");
            requireNonNull(fileName, "fileName is null");
        }
    }
}
