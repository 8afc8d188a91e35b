package io.basalt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transactions across crashes: a child process commits transfers between accounts, each a transaction of several
 * statements, and is killed (SIGKILL) after a random number of acknowledged commits. Reopened, the database holds
 * every acknowledged transfer, at most the one after the last acknowledged (committed but not yet reported), and the
 * balances are exactly those the transfers present make: no transaction is ever half there. The number of kills is
 * the system property {@code basalt.crash.kills} (core's Maven profile {@code crash-long} sets 1,000).
 */
class TransactionCrashTest {
    static final int ACCOUNTS = 5;
    static final int INITIAL_BALANCE = 1000;
    /** Child processes killed: 6 in the default run, 1,000 in the long profile ({@code -Pcrash-long}). */
    private static final int ROUNDS = Integer.getInteger("basalt.crash.kills", 6);

    @TempDir
    Path directory;

    static int from(int n) {
        return 1 + n % ACCOUNTS;
    }

    static int to(int n) {
        return 1 + (n + 2) % ACCOUNTS;
    }

    static int amount(int n) {
        return 1 + n % 13;
    }

    @Test
    void aKilledProcessNeverLeavesHalfATransaction() throws Exception {
        Path database = directory.resolve("db");
        Path errors = directory.resolve("child-errors.txt");
        Random random = new Random(20240607);
        int next = 1;
        for (int round = 0; round < ROUNDS; round++) {
            int killAfter = 1 + random.nextInt(40);
            Process child = ChildJvm.of(TransactionCrashChild.class, errors, database.toString(),
                    Integer.toString(next)).start();
            int lastAcknowledged = next - 1;
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line = lines.readLine();
                assertThat(line).as("child output; errors: %s", errorsOf(errors)).isEqualTo("ready");
                for (int k = 0; k < killAfter; k++) {
                    line = lines.readLine();
                    assertThat(line).as("child output; errors: %s", errorsOf(errors)).isNotNull();
                    lastAcknowledged = Integer.parseInt(line);
                }
                child.destroyForcibly();
                child.waitFor();
            }
            next = check(database, lastAcknowledged);
        }
    }

    /** Checks the reopened database against the acknowledged transfers; returns the next transfer's number. */
    static int check(Path path, int lastAcknowledged) {
        try (Database database = Basalt.open(path); Session session = database.connect()) {
            List<Integer> transfers = new ArrayList<>();
            try (QueryResult result = session.query("SELECT n FROM transfers ORDER BY n")) {
                for (long row = 0; row < result.rowCount(); row++) {
                    transfers.add(Integer.parseInt(result.getText(row, 0)));
                }
            }
            int present = transfers.isEmpty() ? 0 : transfers.getLast();
            // every acknowledged transfer is there; the child may have committed a few more whose acknowledgement
            // was still in the pipe (or not yet written) when it was killed
            assertThat(present).isGreaterThanOrEqualTo(lastAcknowledged);
            for (int n = 1; n <= present; n++) {
                assertThat(transfers.get(n - 1)).isEqualTo(n);
            }
            long[] expected = new long[ACCOUNTS + 1];
            java.util.Arrays.fill(expected, INITIAL_BALANCE);
            for (int n : transfers) {
                expected[from(n)] -= amount(n);
                expected[to(n)] += amount(n);
            }
            try (QueryResult result = session.query("SELECT id, balance FROM accounts ORDER BY id")) {
                assertThat(result.rowCount()).isEqualTo(ACCOUNTS);
                for (int row = 0; row < ACCOUNTS; row++) {
                    int id = Integer.parseInt(result.getText(row, 0));
                    assertThat(Long.parseLong(result.getText(row, 1))).as("balance of account %d", id)
                            .isEqualTo(expected[id]);
                }
            }
            int lastScratch = present - present % 7;
            try (QueryResult result = session.query("SELECT count(*), min(n), max(n) FROM scratch")) {
                if (lastScratch == 0) {
                    assertThat(result.getText(0, 0)).isEqualTo("0");
                } else {
                    assertThat(result.getText(0, 0)).isEqualTo("3");
                    assertThat(result.getText(0, 1)).isEqualTo(Integer.toString(lastScratch));
                    assertThat(result.getText(0, 2)).isEqualTo(Integer.toString(lastScratch));
                }
            }
            return present + 1;
        }
    }

    static String errorsOf(Path errors) {
        try {
            return Files.exists(errors) ? Files.readString(errors) : "";
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
