package io.basalt.storage.wal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * One segment file of the log: its number (from the file name), its path, and the sequence number of
 * its first record (from its header). Also creates new segments so that a segment file either exists
 * with a complete header or does not exist at all: the header is written to a temporary file, made
 * durable, and renamed into place, and the directory is synced.
 */
record SegmentFile(long number, Path path, long firstSequence) {
    static final String TEMPORARY_SUFFIX = ".tmp";

    /**
     * Creates segment {@code number} in {@code walDirectory}, starting at {@code firstSequence}.
     *
     * @throws IOException when the file cannot be written or made durable
     */
    static SegmentFile create(Path walDirectory, long number, long firstSequence) throws IOException {
        Path path = walDirectory.resolve(WalFormat.segmentName(number));
        Path temporary = walDirectory.resolve(path.getFileName() + TEMPORARY_SUFFIX);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            var header = WalFormat.header(firstSequence);
            while (header.hasRemaining()) {
                channel.write(header);
            }
            channel.force(true);
        }
        Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(walDirectory);
        return new SegmentFile(number, path, firstSequence);
    }

    /** Makes renames, creations and deletions in {@code directory} durable. */
    static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
