package io.basalt.storage.file;

import io.basalt.storage.wal.FileErrors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a small file of a database directory atomically and durably, as the manifest and the statistics file
 * are written: the bytes go to {@code name.tmp}, which is synced, renamed over {@code name}, and the directory is
 * synced. A crash leaves either the old file or the new one (and maybe a temporary file, which readers remove).
 */
public final class AtomicFileReplace {
    private AtomicFileReplace() {
    }

    /**
     * Makes {@code bytes} the contents of {@code dbDirectory/name}.
     *
     * @throws io.basalt.error.BasaltException IO_ERROR when it cannot be written (the old file stays)
     */
    public static void replace(Path dbDirectory, String name, byte[] bytes) {
        Path temporary = dbDirectory.resolve(name + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            throw FileErrors.failed("could not write to file", temporary, e);
        }
        try {
            Files.move(temporary, dbDirectory.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(dbDirectory);
        } catch (IOException e) {
            throw FileErrors.failed("could not rename file", temporary, e);
        }
    }

    /** Makes renames, creations and deletions in {@code directory} durable. */
    public static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
