package io.basalt.cli.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Makes the demo's database directory fresh. An earlier demo directory (it carries a marker file)
 * or an empty one is deleted and recreated; any other existing path is left alone and refused, so
 * that {@code basalt demo ~/important} cannot delete anything the demo did not create.
 */
final class DemoDirectory {
    static final String MARKER = ".basalt-demo";

    private DemoDirectory() {
    }

    static void prepare(Path path) throws IOException {
        if (Files.exists(path)) {
            if (!Files.isDirectory(path) || !(isEmpty(path) || Files.exists(path.resolve(MARKER)))) {
                throw new IOException("\"" + path + "\" exists and is not a demo database; remove it or choose another path");
            }
            deleteTree(path);
        }
        Files.createDirectories(path);
        Files.writeString(path.resolve(MARKER), "Created by basalt demo; basalt demo deletes and recreates this directory.\n");
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
