package io.basalt.storage.wal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Brings the log directory into a state the writer can append to, when the log is opened: removes
 * half-created segments, checks every segment's header, verifies every record's checksum in order, and
 * cuts the log at the first record that is cut short or damaged, and at the first segment whose first
 * sequence number does not follow on from the segment before it (a missing segment); then it cuts again
 * before the PART records of a commit whose closing record is missing (see {@link RecordCodec}). Everything
 * after the cut is removed from the log; damaged bytes (as opposed to a torn last write) are kept in
 * {@code .discarded} files for inspection.
 *
 * <p>A header that is not a Basalt WAL header, or that comes from a newer format version, is not
 * repaired: the open fails, since cutting there could throw away a whole segment of committed data.
 */
final class LogRecovery {
    private static final String DISCARDED_SUFFIX = ".discarded";

    /** The segments left in the log, the end of the last one, and what was found. */
    record Result(List<SegmentFile> segments, long end, WalRecovery report) {
    }

    private LogRecovery() {
    }

    /**
     * Recovers the log in {@code walDirectory}, creating it (with an empty first segment) if needed.
     *
     * @throws IOException when a file cannot be read, written, or made durable
     */
    static Result recover(Path walDirectory) throws IOException {
        if (!Files.isDirectory(walDirectory)) {
            Files.createDirectories(walDirectory);
            SegmentFile.syncDirectory(walDirectory.toAbsolutePath().getParent());
        }
        List<Path> found = listSegments(walDirectory);
        if (found.isEmpty()) {
            SegmentFile first = SegmentFile.create(walDirectory, 1, 1);
            return new Result(List.of(first), WalFormat.HEADER_BYTES, new WalRecovery(0, 0, null, 0, List.of()));
        }
        List<SegmentFile> kept = new ArrayList<>();
        List<Path> preserved = new ArrayList<>();
        long records = 0;
        long expectedSequence = -1;
        long end = WalFormat.HEADER_BYTES;
        long discardedBytes = 0;
        String damage = null;
        // The PART records since the last closing record: where the first of them starts, and how many there are.
        int partSegment = -1;
        long partOffset = 0;
        long parts = 0;
        int index = 0;
        for (; index < found.size() && damage == null; index++) {
            Path path = found.get(index);
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                long firstSequence = WalFormat.readHeader(channel, path);
                if (expectedSequence >= 0 && firstSequence != expectedSequence) {
                    damage = "segment \"" + path + "\" starts at sequence " + firstSequence + ", expected "
                            + expectedSequence;
                    break;
                }
                SegmentReader reader = new SegmentReader(channel, path, channel.size());
                long count = 0;
                long recordStart = reader.position();
                while (reader.next()) {
                    count++;
                    if (reader.kind() != WalFormat.KIND_PART) {
                        parts = 0;
                    } else if (parts++ == 0) {
                        partSegment = kept.size();
                        partOffset = recordStart;
                    }
                    recordStart = reader.position();
                }
                records += count;
                expectedSequence = firstSequence + count;
                end = reader.position();
                kept.add(new SegmentFile(WalFormat.segmentNumber(path.getFileName().toString()), path, firstSequence));
                if (reader.damage() != null) {
                    damage = reader.damage();
                    discardedBytes += channel.size() - end;
                    if (!reader.cutShort()) {
                        preserved.add(copyTail(channel, end, path.resolveSibling(
                                path.getFileName() + DISCARDED_SUFFIX + "-" + end)));
                    }
                    channel.truncate(end);
                    channel.force(true);
                }
            }
        }
        for (; index < found.size(); index++) {
            Path path = found.get(index);
            discardedBytes += Files.size(path);
            Path target = freeName(path.resolveSibling(path.getFileName() + DISCARDED_SUFFIX));
            Files.move(path, target, StandardCopyOption.ATOMIC_MOVE);
            preserved.add(target);
        }
        if (parts > 0) {
            String unfinished = "a commit's " + parts + " leading records from offset " + partOffset + " of \""
                    + kept.get(partSegment).path() + "\" have no closing record";
            damage = damage == null ? unfinished : damage + "; " + unfinished;
            discardedBytes += removeUnfinishedCommit(kept, partSegment, partOffset);
            records -= parts;
            end = partOffset;
        }
        SegmentFile.syncDirectory(walDirectory);
        long firstSequence = kept.getFirst().firstSequence();
        WalRecovery report = new WalRecovery(records, firstSequence + records - 1, damage, discardedBytes, preserved);
        return new Result(kept, end, report);
    }

    /**
     * Cuts the log back to {@code offset} of {@code kept[segment]}, where the PART records of a commit that never
     * got its closing record begin: the segments after it hold nothing but such parts and are deleted. Returns the
     * bytes removed.
     */
    private static long removeUnfinishedCommit(List<SegmentFile> kept, int segment, long offset) throws IOException {
        long removed = 0;
        while (kept.size() > segment + 1) {
            SegmentFile last = kept.removeLast();
            removed += Files.size(last.path());
            Files.delete(last.path());
        }
        try (FileChannel channel = FileChannel.open(kept.get(segment).path(), StandardOpenOption.WRITE)) {
            // A damaged tail was truncated already, so the file ends where its last good record does.
            removed += channel.size() - offset;
            channel.truncate(offset);
            channel.force(true);
        }
        return removed;
    }

    /** The segment files in number order; half-created segments are deleted on the way. */
    private static List<Path> listSegments(Path walDirectory) throws IOException {
        List<Path> segments = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(walDirectory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.endsWith(SegmentFile.TEMPORARY_SUFFIX)
                        && WalFormat.segmentNumber(name.substring(0, name.length() - SegmentFile.TEMPORARY_SUFFIX.length())) >= 0) {
                    Files.delete(entry);
                } else if (WalFormat.segmentNumber(name) >= 0 && Files.isRegularFile(entry)) {
                    segments.add(entry);
                }
            }
        }
        segments.sort(Comparator.comparingLong(path -> WalFormat.segmentNumber(path.getFileName().toString())));
        return segments;
    }

    private static Path copyTail(FileChannel channel, long from, Path target) throws IOException {
        Path free = freeName(target);
        try (FileChannel copy = FileChannel.open(free, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long position = from;
            long size = channel.size();
            while (position < size) {
                position += channel.transferTo(position, size - position, copy);
            }
            copy.force(true);
        }
        return free;
    }

    /** {@code path}, or {@code path.1}, {@code path.2}, ... whichever does not exist yet. */
    private static Path freeName(Path path) {
        Path candidate = path;
        for (int attempt = 1; Files.exists(candidate); attempt++) {
            candidate = path.resolveSibling(path.getFileName() + "." + attempt);
        }
        return candidate;
    }
}
