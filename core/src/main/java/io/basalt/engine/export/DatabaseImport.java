package io.basalt.engine.export;

import io.basalt.api.Session;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code IMPORT DATABASE 'dir'}: recreates what {@link DatabaseExport} wrote. Runs schema.sql's statements up to its
 * post-data marker, then load.sql's COPY statements with their file names resolved against {@code dir}, then the
 * rest of schema.sql (indexes), each statement through the session as if typed. The first failing
 * statement stops the import with its error, the statement named in the error's context.
 */
public final class DatabaseImport {
    private static final Pattern COPY_FILE = Pattern.compile("(?is)^(COPY\\s.*?\\sFROM\\s+)'((?:[^']|'')*)'(.*)$");

    private DatabaseImport() {
    }

    /** Runs the import; returns how many statements ran. */
    public static int run(Session session, Path directory) {
        String schema = read(directory.resolve("schema.sql"));
        String load = read(directory.resolve("load.sql"));
        int marker = schema.indexOf(DatabaseExport.POST_DATA_MARKER);
        String before = marker < 0 ? schema : schema.substring(0, marker);
        String after = marker < 0 ? "" : schema.substring(marker);
        int count = 0;
        count += runAll(session, ScriptStatements.split(before), directory);
        count += runAll(session, ScriptStatements.split(load), directory);
        count += runAll(session, ScriptStatements.split(after), directory);
        return count;
    }

    private static int runAll(Session session, List<String> statements, Path directory) {
        for (String statement : statements) {
            String resolved = resolveFile(statement, directory);
            try {
                session.execute(resolved).close();
            } catch (BasaltException failure) {
                throw failure.withContext("IMPORT DATABASE statement: " + statement);
            }
        }
        return statements.size();
    }

    /** A COPY ... FROM 'file' with a relative file name made absolute against the export's directory. */
    private static String resolveFile(String statement, Path directory) {
        Matcher matcher = COPY_FILE.matcher(statement);
        if (!matcher.matches()) {
            return statement;
        }
        Path file = Path.of(matcher.group(2).replace("''", "'"));
        if (!file.isAbsolute()) {
            file = directory.resolve(file).toAbsolutePath();
        }
        return matcher.group(1) + DatabaseExport.literal(file.toString()) + matcher.group(3);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException failure) {
            throw BasaltException.of(SqlState.UNDEFINED_FILE, "could not open file \"" + file
                    + "\" for reading: No such file or directory");
        } catch (IOException failure) {
            throw BasaltException.of(SqlState.IO_ERROR, "could not read file \"" + file + "\": "
                    + failure.getMessage());
        }
    }
}
