package io.basalt.storage.wal;

import io.basalt.exec.batch.Batch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Splits a commit whose records would not fit one log record into parts of about {@code partBytes} each, in the
 * records' order: an {@link WalRecord.Append} is cut between its batches and a {@link WalRecord.Delete} between its
 * row ids, each piece a record of the same table; the other records are small and stay whole. Replaying the pieces
 * one after the other has the effect of replaying the whole records, since appends take row ids in order and
 * deletes only mark rows. A batch larger than a part makes a part of its own.
 */
final class CommitParts {
    /** Bytes one record costs beyond its data: Arrow's message header per batch, names, framing. */
    private static final long BATCH_OVERHEAD = 1024;
    private static final long RECORD_OVERHEAD = 256;

    private final long partBytes;
    private final List<List<WalRecord>> parts = new ArrayList<>();
    private List<WalRecord> current = new ArrayList<>();
    private long currentBytes;

    private CommitParts(long partBytes) {
        this.partBytes = partBytes;
    }

    /** {@code records} as parts of about {@code partBytes}: one part (the records as given) when they fit. */
    static List<List<WalRecord>> split(List<WalRecord> records, long partBytes) {
        if (bytes(records) <= partBytes) {
            return List.of(records);
        }
        CommitParts split = new CommitParts(partBytes);
        for (WalRecord record : records) {
            switch (record) {
                case WalRecord.Append append -> split.addAppend(append);
                case WalRecord.Delete delete -> split.addDelete(delete);
                default -> split.add(record, RECORD_OVERHEAD + textBytes(record));
            }
        }
        split.parts.add(split.current);
        return split.parts;
    }

    private void addAppend(WalRecord.Append append) {
        List<Batch> pending = new ArrayList<>();
        for (Batch batch : append.batches()) {
            long bytes = BATCH_OVERHEAD + dataBytes(batch);
            if (currentBytes + bytes > partBytes && (!current.isEmpty() || !pending.isEmpty())) {
                if (!pending.isEmpty()) {
                    current.add(new WalRecord.Append(append.tableName(), pending));
                    pending = new ArrayList<>();
                }
                startPart();
            }
            pending.add(batch);
            currentBytes += bytes;
        }
        if (!pending.isEmpty() || append.batches().isEmpty()) {
            current.add(new WalRecord.Append(append.tableName(), pending));
            currentBytes += RECORD_OVERHEAD;
        }
    }

    private void addDelete(WalRecord.Delete delete) {
        long[] rowIds = delete.rowIds();
        int from = 0;
        do {
            long room = Math.min(rowIds.length - from,
                    Math.max(1, (partBytes - currentBytes - RECORD_OVERHEAD) / Long.BYTES));
            if (room < 1024 && !current.isEmpty() && rowIds.length - from > room) {
                startPart();
                continue;
            }
            int to = (int) (from + room);
            current.add(new WalRecord.Delete(delete.tableName(), Arrays.copyOfRange(rowIds, from, to)));
            currentBytes += RECORD_OVERHEAD + (long) (to - from) * Long.BYTES;
            from = to;
            if (from < rowIds.length) {
                startPart();
            }
        } while (from < rowIds.length);
    }

    private void add(WalRecord record, long bytes) {
        if (currentBytes + bytes > partBytes && !current.isEmpty()) {
            startPart();
        }
        current.add(record);
        currentBytes += bytes;
    }

    private void startPart() {
        parts.add(current);
        current = new ArrayList<>();
        currentBytes = 0;
    }

    /** What {@code records} cost in a log record, about. */
    private static long bytes(List<WalRecord> records) {
        long bytes = 0;
        for (WalRecord record : records) {
            bytes += RECORD_OVERHEAD + switch (record) {
                case WalRecord.Append append -> {
                    long data = 0;
                    for (Batch batch : append.batches()) {
                        data += BATCH_OVERHEAD + dataBytes(batch);
                    }
                    yield data;
                }
                case WalRecord.Delete delete -> (long) Long.BYTES * delete.rowIds().length;
                default -> textBytes(record);
            };
        }
        return bytes;
    }

    private static long dataBytes(Batch batch) {
        long bytes = 0;
        for (FieldVector column : batch.columns()) {
            bytes += column.getBufferSize();
        }
        return bytes;
    }

    private static long textBytes(WalRecord record) {
        return switch (record) {
            case WalRecord.Ddl ddl -> 3L * ddl.sql().length();
            default -> 0;
        };
    }
}
