package io.basalt.storage.wal;

import io.basalt.error.BasaltException;
import java.nio.file.Path;

/**
 * The child process of {@link DatabaseLockTest}: tries to open the log of the database directory given
 * as its argument and prints {@code opened}, or the error's SQLSTATE and message on one line and its
 * detail on the next.
 */
public final class LockProbe {
    private LockProbe() {
    }

    public static void main(String[] args) {
        try (WriteAheadLog log = WriteAheadLog.open(Path.of(args[0]))) {
            System.out.println("opened at sequence " + log.lastSequence());
        } catch (BasaltException e) {
            System.out.println(e.sqlState().code() + " " + e.getMessage());
            System.out.println("detail: " + e.detail());
        }
    }
}
