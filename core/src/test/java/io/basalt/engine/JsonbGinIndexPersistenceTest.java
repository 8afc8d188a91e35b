package io.basalt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GIN indexes saved by checkpoints ({@code io.basalt.storage.file.InvertedIndexFile}): after a crash, the reopened
 * database reads the checkpointed rows' index entries from the file beside the data file and the log's rows on top,
 * and every index answer equals a scan's; a damaged or outdated index file is ignored (the index is rebuilt from the
 * rows) with the same answers; the files go with the data files they belong to.
 */
class JsonbGinIndexPersistenceTest {
    @TempDir
    Path directory;

    @Test
    void savedIndexesServeAfterACrashAndAcrossCheckpoints() throws IOException, InterruptedException {
        Path database = directory.resolve("db");
        Process child = ChildJvm.of(JsonbGinIndexCrashChild.class, directory.resolve("child-errors.txt"),
                database.toString()).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor()).isZero();
        assertThat(output).contains("ready");
        assertThat(indexFiles(database)).hasSize(1);
        Random random = new Random(5);
        try (Database db = Basalt.open(database); Session session = db.connect()) {
            JsonbGinIndexTest.compareQueries(session, random, 120);
            session.execute("CHECKPOINT").close();
            JsonbGinIndexTest.compareQueries(session, random, 40);
        }
        assertThat(indexFiles(database)).hasSize(1);
        try (Database db = Basalt.open(database); Session session = db.connect()) {
            JsonbGinIndexTest.compareQueries(session, random, 80);
            // a new generation: the next checkpoint saves the new rows' indexes only
            session.execute("TRUNCATE docs").close();
            JsonbGinIndexTest.insertDocuments(session, random, 1, 800);
            session.execute("CHECKPOINT").close();
        }
        try (Database db = Basalt.open(database); Session session = db.connect()) {
            JsonbGinIndexTest.compareQueries(session, random, 60);
        }
    }

    @Test
    void damagedIndexFilesAreRebuiltFromTheRows() throws IOException {
        Path database = directory.resolve("db");
        Random random = new Random(9);
        try (Database db = Basalt.open(database); Session session = db.connect()) {
            session.execute("CREATE TABLE docs (id int, j jsonb, k jsonb)").close();
            session.execute("CREATE INDEX docs_ops ON docs USING gin (j)").close();
            session.execute("CREATE INDEX docs_path ON docs USING gin (k jsonb_path_ops)").close();
            JsonbGinIndexTest.insertDocuments(session, random, 1, 3000);
            session.execute("CHECKPOINT").close();
        }
        List<Path> files = indexFiles(database);
        assertThat(files).hasSize(1);
        byte[] bytes = Files.readAllBytes(files.getFirst());
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(files.getFirst(), bytes);
        try (Database db = Basalt.open(database); Session session = db.connect()) {
            JsonbGinIndexTest.compareQueries(session, random, 80);
        }
        Files.write(files.getFirst(), new byte[] {1, 2, 3});
        try (Database db = Basalt.open(database); Session session = db.connect()) {
            JsonbGinIndexTest.compareQueries(session, random, 40);
            session.execute("DROP TABLE docs").close();
            session.execute("CHECKPOINT").close();
        }
        assertThat(indexFiles(database)).isEmpty();
    }

    private static List<Path> indexFiles(Path database) throws IOException {
        Path data = database.resolve("data");
        if (!Files.isDirectory(data)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(data)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".gin")).toList();
        }
    }
}
