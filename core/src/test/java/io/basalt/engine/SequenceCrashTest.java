package io.basalt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import io.basalt.catalog.SequenceEntry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sequences after a crash: a child process takes values and is halted without closing the database; reopened,
 * the database never hands out a value the child received, skips at most the values one log record covers, and
 * resumes exactly after a setval.
 */
class SequenceCrashTest {
    @TempDir
    Path directory;

    /** What one child printed: the values of s and of t's serial column, in order. */
    private record Taken(List<Long> fromSequence, List<Long> fromSerial) {
        long lastFromSequence() {
            return fromSequence.getLast();
        }

        long lastFromSerial() {
            return fromSerial.getLast();
        }
    }

    private Taken crashAfter(int count, String... setval) throws IOException, InterruptedException {
        Path database = directory.resolve("db");
        Path errors = directory.resolve("child-errors.txt");
        String[] arguments = new String[1 + 1 + setval.length];
        arguments[0] = database.toString();
        arguments[1] = Integer.toString(count);
        System.arraycopy(setval, 0, arguments, 2, setval.length);
        Process child = ChildJvm.of(SequenceCrashChild.class, errors, arguments).start();
        List<Long> fromSequence = new ArrayList<>();
        List<Long> fromSerial = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                String[] parts = line.split(" ");
                switch (parts[0]) {
                    case "s" -> fromSequence.add(Long.parseLong(parts[1]));
                    case "t" -> fromSerial.add(Long.parseLong(parts[1]));
                    default -> { }
                }
            }
        }
        assertThat(child.waitFor()).as("child exit; errors: %s", Files.readString(errors)).isZero();
        assertThat(fromSequence).hasSize(count);
        return new Taken(fromSequence, fromSerial);
    }

    private static long single(Session session, String sql) {
        try (QueryResult result = session.query(sql)) {
            return Long.parseLong(result.getText(0, 0));
        }
    }

    @Test
    void noValueIsHandedOutTwiceAcrossCrashes() throws Exception {
        Taken first = crashAfter(45);
        assertThat(first.fromSequence()).doesNotHaveDuplicates().isSorted();
        Taken second = crashAfter(10);
        assertThat(second.fromSequence().getFirst()).isGreaterThan(first.lastFromSequence())
                .isLessThanOrEqualTo(first.lastFromSequence() + SequenceEntry.LOG_AHEAD + 1);
        assertThat(second.fromSerial().getFirst()).isGreaterThan(first.lastFromSerial());
        try (Database db = Basalt.open(directory.resolve("db")); Session session = db.connect()) {
            long next = single(session, "SELECT nextval('s')");
            assertThat(next).isGreaterThan(second.lastFromSequence())
                    .isLessThanOrEqualTo(second.lastFromSequence() + SequenceEntry.LOG_AHEAD + 1);
            assertThat(single(session, "SELECT count(*) FROM t")).isEqualTo(55);
            assertThat(single(session, "SELECT count(DISTINCT id) FROM t")).isEqualTo(55);
            session.execute("INSERT INTO t (k) VALUES (-1)").close();
            assertThat(single(session, "SELECT max(id) FROM t"))
                    .isEqualTo(single(session, "SELECT currval('t_id_seq')"))
                    .isGreaterThan(second.lastFromSerial());
        }
    }

    @Test
    void setvalIsDurableAtOnce() throws Exception {
        crashAfter(3, "1000");
        try (Database db = Basalt.open(directory.resolve("db")); Session session = db.connect()) {
            assertThat(single(session, "SELECT nextval('s')")).isEqualTo(1001);
        }
    }

    @Test
    void aCleanCloseLeavesNoGap() {
        try (Database db = Basalt.open(directory.resolve("db")); Session session = db.connect()) {
            session.execute("CREATE SEQUENCE s").close();
            for (int i = 0; i < 5; i++) {
                single(session, "SELECT nextval('s')");
            }
        }
        try (Database db = Basalt.open(directory.resolve("db")); Session session = db.connect()) {
            assertThat(single(session, "SELECT nextval('s')")).isEqualTo(6);
        }
    }
}
