package io.basalt.cli.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A temporary directory standing in for pg_regress's build directory (scripts write files under
 * its {@code results/}), removed with everything in it when closed.
 */
public final class ScratchDirectory implements AutoCloseable {
    private final Path path;

    private ScratchDirectory(Path path) {
        this.path = path;
    }

    public static ScratchDirectory create() {
        try {
            Path path = Files.createTempDirectory("basalt-conformance");
            Files.createDirectory(path.resolve("results"));
            return new ScratchDirectory(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() {
        List<Path> entries = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path entry : (Iterable<Path>) walk::iterator) {
                entries.add(entry);
            }
            // Deepest first, so that each directory is empty when its turn comes.
            for (int i = entries.size() - 1; i >= 0; i--) {
                Files.deleteIfExists(entries.get(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + path, e);
        }
    }
}
