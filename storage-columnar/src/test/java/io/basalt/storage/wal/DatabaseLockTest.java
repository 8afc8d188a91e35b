package io.basalt.storage.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer per database directory: across processes through the lock file, and within this JVM. */
class DatabaseLockTest {
    @TempDir
    Path directory;

    @AfterEach
    void noFileLeftOpen() throws IOException {
        assertThat(OpenFiles.under(directory)).isEmpty();
    }

    /** Runs {@link LockProbe} against {@code database} in another JVM and returns what it printed. */
    private List<String> probe(Path database) throws IOException, InterruptedException {
        Path errors = directory.resolve("probe.err");
        Process child = ChildJvm.of(LockProbe.class, errors, database.toString()).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor()).as("probe exit status; its stderr:%n%s", Files.readString(errors)).isZero();
        return output.lines().toList();
    }

    @Test
    void anotherProcessCannotOpenTheDatabaseUntilTheLogIsClosed() throws Exception {
        Path database = directory.resolve("db");
        try (WriteAheadLog log = WriteAheadLog.open(database)) {
            log.append(new WalRecord.Ddl("CREATE TABLE t (x integer)"));
            assertThat(probe(database)).containsExactly(
                    "58030 database \"" + database + "\" is locked by another process",
                    "detail: Lock file \"" + database.toRealPath().resolve("lock") + "\" is held by process "
                            + ProcessHandle.current().pid() + ".");
        }
        assertThat(probe(database)).containsExactly("opened at sequence 1");
    }

    @Test
    void theSameDirectoryCannotBeOpenedTwiceInOneProcess() {
        Path database = directory.resolve("db");
        try (WriteAheadLog log = WriteAheadLog.open(database)) {
            for (Path spelling : List.of(database, directory.resolve("db/../db"))) {
                assertThatThrownBy(() -> WriteAheadLog.open(spelling))
                        .isInstanceOfSatisfying(BasaltException.class, e -> {
                            assertThat(e.sqlState()).isEqualTo(SqlState.IO_ERROR);
                            assertThat(e.getMessage()).isEqualTo("database \"" + spelling
                                    + "\" is already open in this process");
                        });
            }
            assertThat(log.append(new WalRecord.Ddl("still the owner"))).isEqualTo(1);
        }
        try (WriteAheadLog reopened = WriteAheadLog.open(database)) {
            assertThat(reopened.lastSequence()).isEqualTo(1);
        }
    }
}
