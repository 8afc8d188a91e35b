package io.basalt.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.api.Basalt;
import io.basalt.api.BasaltConfig;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import io.basalt.error.BasaltException;
import io.basalt.exec.memory.MemoryRoots;
import io.basalt.exec.spill.SpillDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code SET temp_directory}: a spilling query makes its spill directory under the directory the setting names,
 * else under {@code tmp} in the database directory, and leaves nothing there when it ends; opening a database
 * deletes the spill directories a crashed process left in its {@code tmp}.
 */
class TempDirectoryTest {
    private static final String SPILLING = "SELECT count(*), sum(r) FROM (SELECT row_number() OVER (PARTITION BY i % 1000"
            + " ORDER BY i DESC) AS r FROM generate_series(1, 200000) i) x";

    @TempDir
    Path temporary;

    @Test
    void spillFilesGoUnderTheDirectoryTheSettingNames() throws IOException {
        Path chosen = temporary.resolve("spills");
        try (Database db = Basalt.inMemory(BasaltConfig.defaults()); Session session = db.connect()) {
            session.execute("SET memory_limit = '2MB'").close();
            session.execute("SET temp_directory = '" + chosen + "'").close();
            assertThat(text(session, "SHOW temp_directory")).isEqualTo(chosen.toString());
            long before = SpillDirectory.filesCreated();
            assertThat(text(session, SPILLING)).isEqualTo("200000|20100000");
            assertThat(SpillDirectory.filesCreated()).isGreaterThan(before);
            assertThat(chosen).isDirectory();
            assertThat(entries(chosen)).isZero();
            session.execute("RESET temp_directory").close();
            assertThat(text(session, "SHOW temp_directory")).isEmpty();
            assertThatThrownBy(() -> session.execute("SET temp_directory = 'a\0b'"))
                    .isInstanceOf(BasaltException.class);
        }
        assertThat(MemoryRoots.openRoots()).isEmpty();
    }

    @Test
    void spillFilesOfADatabaseWithADirectoryGoUnderItsTmp() throws IOException {
        Path directory = temporary.resolve("db");
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            session.execute("SET memory_limit = '2MB'").close();
            assertThat(text(session, SPILLING)).isEqualTo("200000|20100000");
            assertThat(directory.resolve("tmp")).isDirectory();
            assertThat(entries(directory.resolve("tmp"))).isZero();
        }
    }

    @Test
    void openingADatabaseDeletesSpillDirectoriesACrashLeftBehind() throws IOException {
        Path directory = temporary.resolve("crashed");
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            session.execute("CREATE TABLE kept (i integer)").close();
        }
        Path leftover = Files.createDirectories(directory.resolve("tmp").resolve("basalt-spill-12345"));
        Files.writeString(leftover.resolve("sort-run-0.arrows"), "partial run");
        Path unrelated = Files.createDirectories(directory.resolve("tmp").resolve("not-a-spill"));
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            assertThat(text(session, "SELECT count(*) FROM kept")).isEqualTo("0");
        }
        assertThat(leftover).doesNotExist();
        assertThat(unrelated).isDirectory();
    }

    private static long entries(Path directory) throws IOException {
        try (Stream<Path> listing = Files.list(directory)) {
            return listing.count();
        }
    }

    private static String text(Session session, String query) {
        try (QueryResult result = session.query(query)) {
            StringBuilder text = new StringBuilder();
            for (long r = 0; r < result.rowCount(); r++) {
                for (int c = 0; c < result.columns().size(); c++) {
                    text.append(c > 0 ? "|" : "").append(result.getText(r, c));
                }
            }
            return text.toString();
        }
    }
}
