package io.basalt.storage.wal;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Turns a failed file operation into the error PostgreSQL raises for it: SQLSTATE 58030 and a message
 * such as {@code could not write to file "wal/wal-000001.log": No space left on device}. The
 * {@link IOException} is attached as a suppressed exception, since {@link BasaltException} has no
 * user-error constructor that takes a cause.
 */
public final class FileErrors {
    private FileErrors() {
    }

    /** {@code action} is PostgreSQL's phrase without the file, e.g. {@code "could not fsync file"}. */
    public static BasaltException failed(String action, Path path, IOException cause) {
        BasaltException error = BasaltException.of(SqlState.IO_ERROR,
                action + " \"" + path + "\": " + reason(cause));
        error.addSuppressed(cause);
        return error;
    }

    private static String reason(IOException cause) {
        switch (cause) {
            case NoSuchFileException ignored -> {
                return "No such file or directory";
            }
            case AccessDeniedException ignored -> {
                return "Permission denied";
            }
            case FileSystemException fileSystem when fileSystem.getReason() != null -> {
                return fileSystem.getReason();
            }
            default -> {
            }
        }
        if (cause.getMessage() != null) {
            return cause.getMessage();
        }
        return cause.getClass().getSimpleName();
    }
}
