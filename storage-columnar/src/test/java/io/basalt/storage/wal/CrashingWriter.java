package io.basalt.storage.wal;

import io.basalt.exec.memory.MemoryRoots;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The child process of {@link WriteAheadLogCrashTest}: appends records to the log of the database
 * directory given as its argument, continuing the log's sequence, and prints {@code ack <sequence> ok}
 * as soon as each is durable, until it is killed (or has written {@value #MAX_RECORDS} records). The
 * content of record {@code n} depends only on {@code n}, so the test can recompute it.
 */
public final class CrashingWriter {
    static final int MAX_RECORDS = 20_000;

    private CrashingWriter() {
    }

    public static void main(String[] args) {
        try (BufferAllocator allocator = MemoryRoots.newRoot("CrashingWriter", Long.MAX_VALUE);
             WriteAheadLog log = WriteAheadLog.open(Path.of(args[0]))) {
            long next = log.lastSequence() + 1;
            for (int i = 0; i < MAX_RECORDS; i++, next++) {
                long sequence;
                try (TypedRows rows = rowsOf(allocator, next)) {
                    sequence = log.append(record(next, rows));
                }
                if (sequence != next) {
                    System.err.println("expected sequence " + next + ", the log returned " + sequence);
                    System.exit(2);
                }
                System.out.println("ack " + sequence + " ok");
                System.out.flush();
            }
        }
    }

    /** The rows of record {@code sequence} (used when it is an append). */
    static TypedRows rowsOf(BufferAllocator allocator, long sequence) {
        return TypedRows.of(allocator, sequence, (int) (1 + sequence % 4));
    }

    /** Record {@code sequence}: every third a CREATE TABLE, the others rows appended to "t". */
    static WalRecord record(long sequence, TypedRows rows) {
        if (sequence % 3 == 0) {
            return new WalRecord.Ddl("CREATE TABLE t" + sequence + " (x integer)");
        }
        return new WalRecord.Append("t", List.of(rows.batch()));
    }
}
