package io.basalt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints across crashes: the child of {@link TransactionCrashTest} commits transfers and checkpoints (CHECKPOINT
 * every few transfers, and automatically past a small max_wal_size), and is killed (SIGKILL) at a random moment,
 * possibly in the middle of a checkpoint. Reopened from the last manifest plus the log's tail, the database holds
 * every acknowledged transfer and balances that match exactly, as without checkpoints.
 */
class CheckpointCrashTest {
    private static final int ROUNDS = 6;

    @TempDir
    Path directory;

    @Test
    void aProcessKilledAroundCheckpointsLosesNothing() throws Exception {
        Path database = directory.resolve("db");
        Path errors = directory.resolve("child-errors.txt");
        Random random = new Random(20261122);
        int next = 1;
        for (int round = 0; round < ROUNDS; round++) {
            int killAfter = 1 + random.nextInt(60);
            Process child = ChildJvm.of(TransactionCrashChild.class, errors, database.toString(),
                    Integer.toString(next), Integer.toString(3 + round)).start();
            int lastAcknowledged = next - 1;
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line = lines.readLine();
                assertThat(line).as("child output; errors: %s", TransactionCrashTest.errorsOf(errors))
                        .isEqualTo("ready");
                for (int k = 0; k < killAfter; k++) {
                    line = lines.readLine();
                    assertThat(line).as("child output; errors: %s", TransactionCrashTest.errorsOf(errors))
                            .isNotNull();
                    lastAcknowledged = Integer.parseInt(line);
                }
                child.destroyForcibly();
                child.waitFor();
            }
            next = TransactionCrashTest.check(database, lastAcknowledged);
        }
        assertThat(database.resolve("manifest")).exists();
        try (var files = Files.list(database.resolve("data"))) {
            assertThat(files.count()).isBetween(1L, 3L);
        }
    }
}
