package io.basalt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import io.basalt.storage.column.shred.JsonbShredding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash recovery with shredded row groups: a child process checkpoints random documents, commits more rows and a
 * delete to the log only, and is halted; reopened, the database replays the log over the data file, and every path
 * query gives the same rows and errors with and without the sub-columns, before and after another checkpoint.
 */
class JsonbShreddingCrashTest {
    @TempDir
    Path directory;

    @AfterEach
    void shreddingBackOn() {
        System.clearProperty(JsonbShredding.PROPERTY);
    }

    @Test
    void recoveredRowsReadTheSameWithAndWithoutShredding() throws IOException, InterruptedException {
        Path database = directory.resolve("db");
        Process child = ChildJvm.of(JsonbShreddingCrashChild.class, directory.resolve("child-errors.txt"),
                database.toString()).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor()).isZero();
        assertThat(output).contains("ready");
        try (Database db = Basalt.open(database); Session session = db.connect()) {
            try (QueryResult result = session.query("SELECT count(*) FROM r")) {
                assertThat(result.getText(0, 0)).isEqualTo(Integer.toString(12_000 - (12_000 + 88) / 89));
            }
            JsonbShreddingTest.assertSameWithAndWithout(session);
            session.execute("CHECKPOINT").close();
            JsonbShreddingTest.assertSameWithAndWithout(session);
        }
    }
}
