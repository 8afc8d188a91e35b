package io.basalt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Large inserts going straight into row-group files, killed (SIGKILL) at random moments: while a batch's file is
 * being written, between its commit and the next, around checkpoints. Reopened, the database holds every
 * acknowledged batch whole (with the deletes its transaction made), any later batch wholly or not at all, and
 * after a CHECKPOINT no large insert's file is left in the data directory.
 */
class InsertToRowGroupsCrashTest {
    static final int BATCH = 40_000;
    private static final int ROUNDS = 5;

    @TempDir
    Path directory;

    private static String single(Session session, String sql) {
        try (QueryResult result = session.query(sql)) {
            return result.getText(0, 0);
        }
    }

    @Test
    void aProcessKilledAroundLargeInsertsLosesNothingAcknowledged() throws Exception {
        Path database = directory.resolve("db");
        Path errors = directory.resolve("child-errors.txt");
        Random random = new Random(20261123);
        int next = 0;
        for (int round = 0; round < ROUNDS; round++) {
            int killAfter = 1 + random.nextInt(4);
            Process child = ChildJvm.of(InsertToRowGroupsCrashChild.class, errors, database.toString(),
                    Integer.toString(next)).start();
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
                Thread.sleep(random.nextInt(400)); // often in the middle of the next batch's insert or commit
                child.destroyForcibly();
                child.waitFor();
            }
            next = check(database, lastAcknowledged);
        }
        try (Database db = Basalt.open(database); Session session = db.connect()) {
            session.execute("CHECKPOINT").close();
        }
        try (Stream<Path> files = Files.list(database.resolve("data"))) {
            assertThat(files.filter(file -> file.getFileName().toString().startsWith("rows-")).count()).isZero();
        }
    }

    /**
     * One large insert per round, killed while its statement runs (after {@code inserting}) or while it commits (after
     * {@code committing}, when its rows are being written to their file or the log), at a random delay: reopened, the
     * batch is there whole exactly when COMMIT may have finished, never in part, every batch committed before it is
     * whole, and no file of the data directory holds rows of a batch that is not there.
     */
    @Test
    void aProcessKilledInsideALargeInsertOrItsCommitKeepsItAllOrNothing() throws Exception {
        Path database = directory.resolve("db");
        Path errors = directory.resolve("child-errors.txt");
        Random random = new Random(20261124);
        int committed = 0;
        for (int round = 0; round < 6; round++) {
            String stage = round % 2 == 0 ? "inserting" : "committing";
            Process child = ChildJvm.of(LargeInsertKillChild.class, errors, database.toString(),
                    Integer.toString(committed)).start();
            boolean acknowledged = false;
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                do {
                    line = lines.readLine();
                    assertThat(line).as("child output; errors: %s", TransactionCrashTest.errorsOf(errors))
                            .isNotNull();
                } while (!line.equals(stage));
                // a fresh child takes about 2 s for the statement and 2 s for COMMIT (encoding, file, log) at load 10
                Thread.sleep(random.nextInt(stage.equals("inserting") ? 2_500 : 3_000));
                child.destroyForcibly();
                child.waitFor();
                while ((line = lines.readLine()) != null) {
                    acknowledged |= line.equals("committed");
                }
            } catch (IOException closedByTheKill) {
                // the pipe may be closed before the last line is read: then the commit was not acknowledged
            }
            try (Database db = Basalt.open(database); Session session = db.connect()) {
                String counts = single(session, "SELECT count(*) || ' ' || count(DISTINCT i) || ' ' || "
                        + "coalesce(max(b), -1) || ' ' || count(*) FILTER (WHERE t = 'row ' || i AND i / "
                        + LargeInsertKillChild.ROWS + " = b) FROM big");
                long rows = (long) LargeInsertKillChild.ROWS * committed;
                String before = rows + " " + rows + " " + (committed - 1) + " " + rows;
                long after = rows + LargeInsertKillChild.ROWS;
                String with = after + " " + after + " " + committed + " " + after;
                if (acknowledged) {
                    assertThat(counts).as("round %d, killed after %s", round, stage).isEqualTo(with);
                } else {
                    assertThat(counts).as("round %d, killed after %s", round, stage).isIn(before, with);
                }
                if (counts.equals(with)) {
                    committed++;
                }
            }
            try (Stream<Path> files = Files.exists(database.resolve("data")) ? Files.list(database.resolve("data"))
                    : Stream.empty()) {
                assertThat(files.filter(file -> file.getFileName().toString().startsWith("rows-")).count())
                        .as("round %d: files of large inserts after reopening", round).isLessThanOrEqualTo(committed);
            }
        }
    }

    /** Checks the reopened database against the acknowledged batches; returns the next batch to insert. */
    private static int check(Path database, int lastAcknowledged) {
        try (Database db = Basalt.open(database); Session session = db.connect()) {
            int committed = Integer.parseInt(single(session, "SELECT coalesce(max(b), -1) FROM t"));
            // at least every acknowledged batch; more when the child committed batches during the sleep before the
            // kill (their acknowledgements die with the process's pipe), each of which must then be whole below
            assertThat(committed).isGreaterThanOrEqualTo(lastAcknowledged);
            for (int n = 0; n <= committed; n++) {
                long expected = BATCH;
                if (n < committed && (n + 1) % 5 == 0) {
                    expected -= BATCH / 1000; // batch n + 1 deleted every thousandth row of batch n
                }
                long first = (long) n * BATCH;
                String sum = single(session, "SELECT count(*) || ' ' || count(DISTINCT i) || ' ' || "
                        + "count(*) FILTER (WHERE t = 'row ' || i AND i BETWEEN " + first + " AND "
                        + (first + BATCH - 1) + ") FROM t WHERE b = " + n);
                assertThat(sum).as("batch %d of %d", n, committed).isEqualTo(expected + " " + expected + " "
                        + expected);
            }
            return committed + 1;
        }
    }
}
