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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process whose threads commit to one log concurrently (so that committers write and sync each other's
 * records in groups) at a random moment, and checks that every acknowledged record is in the log at the sequence
 * number it was acknowledged with, that each thread's records form a gapless prefix of what it wrote, and that the
 * log holds nothing else.
 */
class WriteAheadLogConcurrentCrashTest {
    private static final int ROUNDS = 2;
    private static final int THREADS = 4;
    private static final long SMALL_SEGMENT = 4096;

    @TempDir
    Path directory;

    /** One acknowledgement: thread, its record's index, the record's sequence number. */
    private record Ack(int thread, int index, long sequence) {
    }

    @Test
    void everyAcknowledgedRecordOfConcurrentCommittersSurvivesAKill() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int round = 0; round < ROUNDS; round++) {
            Path database = directory.resolve("db-" + round);
            List<Ack> acks = runAndKill(database, round, 20 + random.nextInt(300), random.nextInt(4));
            checkLog(database, acks, seed);
        }
    }

    /**
     * As above with segments of 4 KiB, so that the kill falls among segment switches while committers sync the
     * segment before concurrently (a sync of a segment closed meanwhile must still count only if the switch synced
     * it).
     */
    @Test
    void everyAcknowledgedRecordSurvivesAKillAmongSegmentSwitches() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Path database = directory.resolve("db-small-segments");
        // at least 1,000 records of 20 bytes or more: five segments or more before the kill, whatever the timing
        List<Ack> acks = runAndKill(database, ROUNDS, 1000 + random.nextInt(600), random.nextInt(4), SMALL_SEGMENT);
        try (var files = Files.list(database.resolve(WriteAheadLog.DIRECTORY_NAME))) {
            assertThat(files.count()).as("segments written").isGreaterThan(3);
        }
        checkLog(database, acks, seed);
    }

    private List<Ack> runAndKill(Path database, int round, int killAfter, int extraMillis) throws Exception {
        return runAndKill(database, round, killAfter, extraMillis, WriteAheadLog.DEFAULT_SEGMENT_BYTES);
    }

    private List<Ack> runAndKill(Path database, int round, int killAfter, int extraMillis, long segmentBytes)
            throws Exception {
        Path errors = directory.resolve("writer-" + round + ".err");
        Process child = ChildJvm.of(ConcurrentCrashingWriter.class, errors, database.toString(),
                String.valueOf(THREADS), String.valueOf(segmentBytes)).start();
        List<Ack> acks = new ArrayList<>();
        CountDownLatch enough = new CountDownLatch(killAfter);
        Thread reader = new Thread(() -> readAcks(child, acks, enough), "ack reader");
        reader.start();
        boolean reached = enough.await(120, TimeUnit.SECONDS);
        Thread.sleep(extraMillis);
        child.destroyForcibly();
        child.waitFor();
        reader.join();
        String stderr = Files.readString(errors);
        assertThat(reached).as("the writers acknowledged %d records in time; their stderr:%n%s", killAfter, stderr)
                .isTrue();
        synchronized (acks) {
            assertThat(acks.size()).as("acks before the writers ended; their stderr:%n%s", stderr)
                    .isGreaterThanOrEqualTo(killAfter);
            return List.copyOf(acks);
        }
    }

    private static void readAcks(Process child, List<Ack> acks, CountDownLatch enough) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                // A line cut by the kill lacks its final "ok" and acknowledges nothing.
                if (line.startsWith("ack ") && line.endsWith(" ok")) {
                    String[] fields = line.split(" ");
                    synchronized (acks) {
                        acks.add(new Ack(Integer.parseInt(fields[1]), Integer.parseInt(fields[2]),
                                Long.parseLong(fields[3])));
                    }
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

    private static void checkLog(Path database, List<Ack> acks, long seed) {
        try (BufferAllocator allocator = MemoryRoots.newRoot("WriteAheadLogConcurrentCrashTest", Long.MAX_VALUE)) {
            RecordingVisitor replayed = new RecordingVisitor();
            try (WriteAheadLog log = WriteAheadLog.open(database)) {
                log.replay(allocator, replayed);
            }
            List<String> texts = replayed.contents().stream().map(RecordContent::text).toList();
            assertThat(replayed.sequences()).isEqualTo(LongStream.rangeClosed(1, texts.size()).boxed().toList());
            for (Ack ack : acks) {
                assertThat(ack.sequence()).as("acknowledged record %s kept (seed %d)", ack, seed)
                        .isLessThanOrEqualTo(texts.size());
                assertThat(texts.get((int) ack.sequence() - 1)).as("record %d (seed %d)", ack.sequence(), seed)
                        .isEqualTo(ConcurrentCrashingWriter.text(ack.thread(), ack.index()));
            }
            Map<Integer, Integer> nextOfThread = new HashMap<>();
            for (String text : texts) {
                String[] fields = text.split(" ");
                int thread = Integer.parseInt(fields[1]);
                int expected = nextOfThread.getOrDefault(thread, 0);
                assertThat(text).as("records of thread %d in order (seed %d)", thread, seed)
                        .isEqualTo(ConcurrentCrashingWriter.text(thread, expected));
                nextOfThread.put(thread, expected + 1);
            }
            assertThat(nextOfThread.keySet()).allMatch(thread -> thread >= 0 && thread < THREADS);
            assertThat(allocator.getAllocatedMemory()).isZero();
        }
    }
}
