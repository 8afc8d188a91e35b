package io.basalt.storage.wal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files under a directory that this process holds open, read from {@code /proc/self/fd}, so that
 * storage tests can check that closing released every handle. Empty where there is no {@code /proc}.
 */
final class OpenFiles {
    private OpenFiles() {
    }

    static List<Path> under(Path directory) throws IOException {
        Path descriptors = Path.of("/proc/self/fd");
        List<Path> open = new ArrayList<>();
        if (!Files.isDirectory(descriptors)) {
            return open;
        }
        Path root = directory.toRealPath();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(descriptors)) {
            for (Path entry : entries) {
                Path target;
                try {
                    target = Files.readSymbolicLink(entry);
                } catch (IOException e) {
                    continue; // closed while listing, or the descriptor of the listing itself
                }
                if (target.startsWith(root)) {
                    open.add(target);
                }
            }
        }
        return open;
    }
}
