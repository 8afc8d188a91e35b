package io.basalt.engine.setting;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a query's spill files go ({@code SET temp_directory}, Basalt's own setting): the directory the setting
 * names when it is not empty; else the JVM system property {@value #PROPERTY} when set; else {@code tmp} under
 * the database directory when the database has one; else {@code java.io.tmpdir} (returned as null, which
 * {@link io.basalt.exec.spill.SpillDirectory} reads as that). Each query makes its own directory below the
 * result and deletes it when it ends; what a crashed process left under a database's {@code tmp} is deleted when
 * the database is next opened ({@link #removeLeftovers}).
 */
public final class TempDirectory {
    /** The system property naming the default spill directory of every database of the process. */
    public static final String PROPERTY = "basalt.temp_directory";

    private TempDirectory() {
    }

    /**
     * @param setting  the session's temp_directory ("" when unset)
     * @param database the database directory, empty for an in-memory database
     * @return the parent of the query's spill directory, or null for java.io.tmpdir
     */
    public static Path resolve(String setting, Optional<Path> database) {
        if (setting != null && !setting.isEmpty()) {
            return Path.of(setting);
        }
        String property = System.getProperty(PROPERTY, "");
        if (!property.isEmpty()) {
            return Path.of(property);
        }
        return database.map(directory -> directory.resolve("tmp")).orElse(null);
    }

    /**
     * Deletes the spill directories a process that ended without closing its queries (a crash, a kill) left under
     * {@code tmp} in {@code database}. Only the opener of the database may call it: it holds the database's lock,
     * so no running query of another process owns them. Failures to delete are ignored (the files are garbage).
     */
    public static void removeLeftovers(Path database) {
        Path parent = database.resolve("tmp");
        if (!Files.isDirectory(parent)) {
            return;
        }
        try (DirectoryStream<Path> spills = Files.newDirectoryStream(parent, "basalt-spill-*")) {
            for (Path spill : spills) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(spill)) {
                    for (Path file : files) {
                        Files.deleteIfExists(file);
                    }
                }
                Files.deleteIfExists(spill);
            }
        } catch (IOException e) {
            // left for the next open
        }
    }

    /** Checks a value of the setting: any path the platform can name (it is made when a query first spills). */
    static String check(Parameter parameter, Assignment assignment) {
        String text = assignment.text();
        try {
            Path.of(text);
        } catch (java.nio.file.InvalidPathException invalid) {
            throw InvalidValue.of(parameter.name(), text);
        }
        return text;
    }
}
