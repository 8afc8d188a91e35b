package io.basalt.storage.wal;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.memory.MemoryRoots;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that is appending to the log at a random moment, several times over the same
 * database, and checks after each kill that every record the process acknowledged is in the log with
 * the right content and that the log is a gapless prefix of what the process wrote. (A killed process
 * leaves its written pages to the kernel, so this exercises torn application writes, not power loss.)
 */
class WriteAheadLogCrashTest {
    private static final int ROUNDS = 2;

    @TempDir
    Path directory;

    @Test
    void everyAcknowledgedRecordSurvivesAKill() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Path database = directory.resolve("db");
        long acknowledged = 0;
        for (int round = 0; round < ROUNDS; round++) {
            int killAfter = 1 + random.nextInt(150);
            List<Long> acks = runAndKill(database, round, killAfter, random.nextInt(4));
            assertThat(acks).as("acks of round %d (seed %d)", round, seed).isNotEmpty();
            assertThat(acks.getFirst()).isEqualTo(acknowledged + 1);
            assertThat(acks).isEqualTo(LongStream.rangeClosed(acks.getFirst(), acks.getLast()).boxed().toList());
            acknowledged = checkLog(database, acks.getLast(), seed);
        }
    }

    /**
     * Starts a {@link CrashingWriter}, kills it {@code extraMillis} after its {@code killAfter}-th
     * acknowledgement, and returns every sequence it acknowledged on a complete line.
     */
    private List<Long> runAndKill(Path database, int round, int killAfter, int extraMillis) throws Exception {
        Path errors = directory.resolve("writer-" + round + ".err");
        Process child = ChildJvm.of(CrashingWriter.class, errors, database.toString()).start();
        List<Long> acks = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch enough = new CountDownLatch(killAfter);
        Thread reader = new Thread(() -> readAcks(child, acks, enough), "ack reader");
        reader.start();
        boolean reached = enough.await(120, TimeUnit.SECONDS);
        Thread.sleep(extraMillis);
        child.destroyForcibly();
        child.waitFor();
        reader.join();
        String stderr = Files.readString(errors);
        assertThat(reached).as("the writer acknowledged %d records in time; its stderr:%n%s", killAfter, stderr)
                .isTrue();
        assertThat(acks.size()).as("acks before the writer ended; its stderr:%n%s", stderr)
                .isGreaterThanOrEqualTo(killAfter);
        return List.copyOf(acks);
    }

    private static void readAcks(Process child, List<Long> acks, CountDownLatch enough) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                // A line cut by the kill lacks its final "ok" and acknowledges nothing.
                if (line.startsWith("ack ") && line.endsWith(" ok")) {
                    acks.add(Long.parseLong(line.substring(4, line.length() - 3)));
                    enough.countDown();
                }
            }
        } catch (IOException e) {
            // The pipe closes when the child dies; what was read counts.
        } finally {
            while (enough.getCount() > 0) {
                enough.countDown();
            }
        }
    }

    /** Reopens the log, checks it, and returns its last sequence number. */
    private static long checkLog(Path database, long acknowledged, long seed) {
        try (BufferAllocator allocator = MemoryRoots.newRoot("WriteAheadLogCrashTest", Long.MAX_VALUE)) {
            RecordingVisitor replayed = new RecordingVisitor();
            long last;
            try (WriteAheadLog log = WriteAheadLog.open(database)) {
                log.replay(allocator, replayed);
                last = log.lastSequence();
            }
            assertThat(last).as("records kept after the kill (seed %d)", seed).isGreaterThanOrEqualTo(acknowledged);
            assertThat(replayed.sequences()).isEqualTo(LongStream.rangeClosed(1, last).boxed().toList());
            for (int i = 0; i < replayed.contents().size(); i++) {
                long sequence = i + 1;
                try (TypedRows rows = CrashingWriter.rowsOf(allocator, sequence)) {
                    assertThat(replayed.contents().get(i)).as("record %d (seed %d)", sequence, seed)
                            .isEqualTo(RecordContent.of(CrashingWriter.record(sequence, rows)));
                }
            }
            assertThat(allocator.getAllocatedMemory()).isZero();
            return last;
        }
    }
}
