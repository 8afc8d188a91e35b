package io.basalt.engine.copy;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Opens the files of {@code COPY ... FROM 'file'} and {@code COPY ... TO 'file'}, with PostgreSQL's errors: a
 * relative path for COPY TO, a missing file, a directory, no permission. PostgreSQL reads a relative path for
 * COPY FROM in its data directory; Basalt reads it in the working directory.
 */
final class CopyFiles {
    private static final String READ_HINT = "COPY FROM instructs the PostgreSQL server process to read a file. "
            + "You may want a client-side facility such as psql's \\copy.";
    private static final String WRITE_HINT = "COPY TO instructs the PostgreSQL server process to write a file. "
            + "You may want a client-side facility such as psql's \\copy.";

    private CopyFiles() {
    }

    static InputStream openForReading(String name) {
        Path path = Path.of(name);
        if (Files.isDirectory(path)) {
            throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "\"" + name + "\" is a directory");
        }
        try {
            return Files.newInputStream(path);
        } catch (IOException e) {
            throw openFailure(e, "could not open file \"" + name + "\" for reading: ").withHint(READ_HINT);
        }
    }

    /** Checks the path before the query runs, as PostgreSQL does. */
    static void checkWritable(String name) {
        if (!Path.of(name).isAbsolute()) {
            throw BasaltException.of(SqlState.INVALID_NAME, "relative path not allowed for COPY to file");
        }
        if (Files.isDirectory(Path.of(name))) {
            throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "\"" + name + "\" is a directory");
        }
    }

    static OutputStream openForWriting(String name) {
        checkWritable(name);
        try {
            return Files.newOutputStream(Path.of(name));
        } catch (IOException e) {
            throw openFailure(e, "could not open file \"" + name + "\" for writing: ").withHint(WRITE_HINT);
        }
    }

    private static BasaltException openFailure(IOException e, String message) {
        return switch (e) {
            case NoSuchFileException ignored -> BasaltException.of(SqlState.UNDEFINED_FILE,
                    message + "No such file or directory");
            case AccessDeniedException ignored -> BasaltException.of(SqlState.INSUFFICIENT_PRIVILEGE,
                    message + "Permission denied");
            default -> BasaltException.of(SqlState.IO_ERROR, message + e.getMessage());
        };
    }
}
