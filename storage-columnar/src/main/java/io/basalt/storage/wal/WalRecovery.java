package io.basalt.storage.wal;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link WriteAheadLog#open} found and repaired. A log whose last write was torn by a crash, or
 * whose bytes were damaged, is cut back to the last complete record with a valid checksum; every record
 * before that point is kept and replayed, everything from it on is removed from the log.
 *
 * @param records      complete, checksummed records (commits) kept in the log
 * @param lastSequence sequence number of the last kept record, or the one before the first record when
 *                     none is kept (0 for a new log)
 * @param damage       why the log was cut, e.g. {@code incorrect checksum in record at offset 1234 of
 *                     "wal/wal-000001.log"}; null when the log ended cleanly
 * @param discardedBytes bytes removed from the log (0 when clean)
 * @param preservedFiles copies of the removed bytes, kept beside the segments for inspection when the
 *                     cut was for damage rather than a record cut short at the end of the log (a torn
 *                     write is simply dropped); empty otherwise
 */
public record WalRecovery(long records, long lastSequence, String damage, long discardedBytes,
                          List<Path> preservedFiles) {
    public WalRecovery {
        preservedFiles = List.copyOf(preservedFiles);
    }

    /** Whether the log ended on a complete record, so nothing was removed. */
    public boolean clean() {
        return damage == null;
    }
}
