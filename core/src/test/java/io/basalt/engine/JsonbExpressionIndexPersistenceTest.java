package io.basalt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Indexes over expressions saved by checkpoints ({@code io.basalt.storage.file.ExpressionIndexFile}, beside each data
 * file): the reopened database reads the checkpointed rows' keys from the file and the later rows' on top, and every
 * index answer equals a scan's; a damaged, truncated or outdated file is ignored (the keys are computed from the rows
 * again) with the same answers; the files go with the data files they belong to. The saved form itself is tested in
 * storage's {@code ExpressionKeyIndexSaveTest}.
 */
class JsonbExpressionIndexPersistenceTest {
    @TempDir
    Path directory;

    @Test
    void savedKeysServeAfterReopenAndDamagedFilesAreRebuilt() throws IOException {
        Path database = directory.resolve("db");
        Random random = new Random(20261123);
        try (Database db = Basalt.open(database); Session session = db.connect()) {
            session.execute("CREATE TABLE docs (id int, j jsonb)").close();
            session.execute("CREATE INDEX docs_brand ON docs ((j->>'brand'))").close();
            session.execute("CREATE INDEX docs_price ON docs (((j->>'price')::numeric))").close();
            session.execute("CREATE INDEX docs_level ON docs ((j->'meta'->>'level'), id)").close();
            JsonbExpressionIndexTest.insertDocuments(session, random, 1, 3000);
            session.execute("CHECKPOINT").close();
        }
        assertThat(keyFiles(database)).hasSize(1);
        try (Database db = Basalt.open(database); Session session = db.connect()) {
            assertThat(store(db).restoredExpressionIndexes()).isEqualTo(3);
            JsonbExpressionIndexTest.compareQueries(session, random, 80);
            // rows after the saved ones are keyed on top; the next checkpoint saves them all
            JsonbExpressionIndexTest.insertDocuments(session, random, 3001, 700);
            session.execute("DELETE FROM docs WHERE id % 17 = 0").close();
            JsonbExpressionIndexTest.compareQueries(session, random, 60);
            session.execute("CHECKPOINT").close();
        }
        assertThat(keyFiles(database)).hasSize(1);
        try (Database db = Basalt.open(database); Session session = db.connect()) {
            assertThat(store(db).restoredExpressionIndexes()).isEqualTo(3);
            JsonbExpressionIndexTest.compareQueries(session, random, 60);
            session.execute("DROP INDEX docs_brand").close();
            session.execute("CREATE INDEX docs_brand ON docs ((j->'meta'->>'level'))").close();
            JsonbExpressionIndexTest.compareQueries(session, random, 40);
        }
        List<Path> files = keyFiles(database);
        byte[] bytes = Files.readAllBytes(files.getFirst());
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(files.getFirst(), bytes);
        try (Database db = Basalt.open(database); Session session = db.connect()) {
            assertThat(store(db).restoredExpressionIndexes()).isZero();
            JsonbExpressionIndexTest.compareQueries(session, random, 60);
        }
        Files.write(files.getFirst(), new byte[] {1, 2, 3});
        try (Database db = Basalt.open(database); Session session = db.connect()) {
            assertThat(store(db).restoredExpressionIndexes()).isZero();
            JsonbExpressionIndexTest.compareQueries(session, random, 40);
            session.execute("TRUNCATE docs").close();
            JsonbExpressionIndexTest.insertDocuments(session, random, 1, 600);
            session.execute("CHECKPOINT").close();
        }
        try (Database db = Basalt.open(database); Session session = db.connect()) {
            assertThat(store(db).restoredExpressionIndexes()).isEqualTo(3);
            JsonbExpressionIndexTest.compareQueries(session, random, 40);
            session.execute("DROP TABLE docs").close();
            session.execute("CHECKPOINT").close();
        }
        assertThat(keyFiles(database)).isEmpty();
    }

    /** The table's own store, whose indexes over expressions say whether they came from a saved file. */
    private static io.basalt.storage.table.InMemoryTableStore store(Database db) {
        io.basalt.storage.table.TableStore store = ((DatabaseImpl) db).catalog().findTable("public", "docs")
                .orElseThrow().store();
        return (io.basalt.storage.table.InMemoryTableStore) ((io.basalt.storage.table.LoggedTableStore) store)
                .unlogged();
    }

    private static List<Path> keyFiles(Path database) throws IOException {
        Path data = database.resolve("data");
        if (!Files.isDirectory(data)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(data)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".keys")).toList();
        }
    }
}
