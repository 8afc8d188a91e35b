package io.basalt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commits of many sessions across crashes: a child process runs {@link #SESSIONS} sessions committing single-row
 * INSERTs at once (their records share syncs and are published in groups, one committer making the others' commits
 * visible), and is killed (SIGKILL) after a random number of acknowledged commits. Reopened, the database holds,
 * per session, every acknowledged row and the rows before it, at most one more (committed, not yet reported), and
 * no row twice. The number of kills is the system property {@code basalt.crash.kills} (4 by default, more in the
 * long profile {@code -Pcrash-long}).
 */
class ConcurrentCommitsCrashTest {
    static final int SESSIONS = 8;
    private static final int ROUNDS = Math.max(4, Integer.getInteger("basalt.crash.kills", 4) / 4);

    @TempDir
    Path directory;

    @Test
    void everyAcknowledgedCommitOfEverySessionSurvives() throws Exception {
        Path database = directory.resolve("db");
        Path errors = directory.resolve("child-errors.txt");
        Random random = new Random(20261123);
        for (int round = 1; round <= ROUNDS; round++) {
            int killAfter = 1 + random.nextInt(400);
            Process child = ChildJvm.of(ConcurrentCommitsCrashChild.class, errors, database.toString(),
                    Integer.toString(round), round % 2 == 0 ? "checkpoints" : "plain").start();
            int[] acknowledged = new int[SESSIONS];
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line = lines.readLine();
                assertThat(line).as("child output; errors: %s", TransactionCrashTest.errorsOf(errors))
                        .isEqualTo("ready");
                for (int n = 0; n < killAfter; n++) {
                    line = lines.readLine();
                    assertThat(line).as("child output; errors: %s", TransactionCrashTest.errorsOf(errors))
                            .isNotNull();
                    acknowledge(line, acknowledged);
                }
                child.toHandle().destroyForcibly(); // SIGKILL, leaving this side of the pipe open
                child.waitFor();
                // what the child printed before it died was acknowledged too
                while ((line = lines.readLine()) != null) {
                    if (line.indexOf(' ') > 0) {
                        acknowledge(line, acknowledged);
                    }
                }
            }
            check(database, round, acknowledged);
        }
    }

    /** Records a line {@code session k} of the child: the INSERT of row k of that session returned. */
    private static void acknowledge(String line, int[] acknowledged) {
        String[] parts = line.split(" ");
        int session = Integer.parseInt(parts[0]);
        int k = Integer.parseInt(parts[1]);
        assertThat(k).as("session %d acknowledges in order", session).isEqualTo(acknowledged[session] + 1);
        acknowledged[session] = k;
    }

    /** Per session of {@code round}: rows 1..m, each once, with m the acknowledged count or one more. */
    private static void check(Path path, int round, int[] acknowledged) {
        try (Database database = Basalt.open(path); Session session = database.connect();
             QueryResult result = session.query("SELECT session, count(*), count(DISTINCT k), min(k), max(k) "
                     + "FROM commits WHERE round = " + round + " GROUP BY session ORDER BY session")) {
            int[] present = new int[SESSIONS];
            for (long row = 0; row < result.rowCount(); row++) {
                int s = Integer.parseInt(result.getText(row, 0));
                long count = Long.parseLong(result.getText(row, 1));
                assertThat(Long.parseLong(result.getText(row, 2))).as("session %d: no row twice", s).isEqualTo(count);
                assertThat(result.getText(row, 3)).as("session %d starts at 1", s).isEqualTo("1");
                assertThat(Long.parseLong(result.getText(row, 4))).as("session %d has no gap", s).isEqualTo(count);
                present[s] = (int) count;
            }
            for (int s = 0; s < SESSIONS; s++) {
                assertThat(present[s]).as("rows of session %d (acknowledged %d)", s, acknowledged[s])
                        .isBetween(acknowledged[s], acknowledged[s] + 1);
            }
        }
    }
}
