package io.basalt.storage.wal;

import java.nio.file.Path;

/**
 * The child process of {@link WriteAheadLogConcurrentCrashTest}: {@code threads} threads append DDL records
 * {@code "thread <t> record <i>"} to the log of the database directory given, each waiting for its record to be
 * durable before the next, and print {@code ack <t> <i> <sequence> ok} as soon as one is, until killed. Committers
 * write and sync for each other here (group commit, syncs running concurrently), which a single writer never
 * exercises. An optional third argument is the size of the log's segments.
 */
public final class ConcurrentCrashingWriter {
    static final int RECORDS_PER_THREAD = 5_000;

    private ConcurrentCrashingWriter() {
    }

    public static void main(String[] args) throws InterruptedException {
        int threads = Integer.parseInt(args[1]);
        long segmentBytes = args.length > 2 ? Long.parseLong(args[2]) : WriteAheadLog.DEFAULT_SEGMENT_BYTES;
        try (WriteAheadLog log = WriteAheadLog.open(Path.of(args[0]), segmentBytes)) {
            Thread[] writers = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                int thread = t;
                writers[t] = new Thread(() -> {
                    for (int i = 0; i < RECORDS_PER_THREAD; i++) {
                        long sequence = log.append(new WalRecord.Ddl(text(thread, i)));
                        synchronized (System.out) {
                            System.out.println("ack " + thread + " " + i + " " + sequence + " ok");
                            System.out.flush();
                        }
                    }
                });
                writers[t].start();
            }
            for (Thread writer : writers) {
                writer.join();
            }
        }
    }

    static String text(int thread, int index) {
        return "thread " + thread + " record " + index;
    }
}
