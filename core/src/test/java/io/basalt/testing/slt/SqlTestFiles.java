package io.basalt.testing.slt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the sqllogictest files of core: every {@code sql/**}{@code /*.test}, read from the test
 * classpath when it is a directory (a Maven or IDE build) and otherwise from the source directory.
 * The system property {@value #FILTER_PROPERTY} (comma-separated substrings of file names) narrows
 * the set, e.g. {@code -Dbasalt.slt.files=skeleton/errors}.
 */
public final class SqlTestFiles {
    public static final String FILTER_PROPERTY = "basalt.slt.files";
    private static final String RESOURCE_DIRECTORY = "sql";
    private static final List<Path> SOURCE_DIRECTORIES =
            List.of(Path.of("src/test/resources/sql"), Path.of("core/src/test/resources/sql"));

    /** A file by its name (its path under the sql directory, with {@code /}) and where it is. */
    public record SqlTestFile(String name, Path path) {
    }

    private SqlTestFiles() {
    }

    /** Every file, sorted by name, filtered by {@value #FILTER_PROPERTY} when set. */
    public static List<SqlTestFile> discover() {
        Path root = root();
        List<String> filters = filters(System.getProperty(FILTER_PROPERTY, ""));
        List<SqlTestFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted().toList()) {
                String name = root.relativize(path).toString().replace('\\', '/');
                if (Files.isRegularFile(path) && name.endsWith(".test") && selected(name, filters)) {
                    files.add(new SqlTestFile(name, path));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        return files;
    }

    private static Path root() {
        URL resource = SqlTestFiles.class.getClassLoader().getResource(RESOURCE_DIRECTORY);
        if (resource != null && resource.getProtocol().equals("file")) {
            try {
                return Path.of(resource.toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException("odd resource URL " + resource, e);
            }
        }
        for (Path candidate : SOURCE_DIRECTORIES) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no sql directory on the test classpath nor in " + SOURCE_DIRECTORIES);
    }

    private static List<String> filters(String property) {
        List<String> filters = new ArrayList<>();
        for (String part : property.split(",")) {
            if (!part.isBlank()) {
                filters.add(part.strip());
            }
        }
        return filters;
    }

    private static boolean selected(String name, List<String> filters) {
        if (filters.isEmpty()) {
            return true;
        }
        for (String filter : filters) {
            if (name.contains(filter)) {
                return true;
            }
        }
        return false;
    }
}
