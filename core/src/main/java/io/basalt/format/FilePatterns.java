package io.basalt.format;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns what {@code read_parquet} and {@code read_csv} are given (a path, a glob such as {@code 'data/*.parquet'}
 * or {@code 'data/**}{@code /part-*.parquet'}, or several of them) into the list of files, each list of a glob
 * sorted by name as DuckDB sorts it. A relative path is read in the working directory, as COPY reads it.
 */
public final class FilePatterns {
    private FilePatterns() {
    }

    /**
     * The patterns a table function's first argument holds: one text, or a non-empty array of texts.
     *
     * @param function the function's name, for the messages
     * @throws BasaltException 22004 for a NULL name, 22023 for an empty array, 42804 for anything else
     */
    public static List<String> patterns(Object argument, String function) {
        List<String> patterns = new ArrayList<>();
        switch (argument) {
            case String pattern -> patterns.add(pattern);
            case io.basalt.type.ArrayValue array -> {
                for (int i = 0; i < array.length(); i++) {
                    if (!(array.get(i) instanceof String pattern)) {
                        throw BasaltException.of(SqlState.NULL_VALUE_NOT_ALLOWED, function + ": a file name is NULL");
                    }
                    patterns.add(pattern);
                }
                if (patterns.isEmpty()) {
                    throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, function + " needs at least one file");
                }
            }
            case null -> throw BasaltException.of(SqlState.NULL_VALUE_NOT_ALLOWED, function + ": the file name is NULL");
            default -> throw BasaltException.of(SqlState.DATATYPE_MISMATCH,
                    function + " expects a text file name or an array of them");
        }
        return patterns;
    }

    /**
     * The files {@code patterns} name, in order; a pattern without wildcards is kept as it is (whether it exists
     * is the reader's to say).
     *
     * @throws BasaltException 58P01 when a glob matches no file
     */
    public static List<Path> expand(List<String> patterns) {
        List<Path> files = new ArrayList<>();
        for (String pattern : patterns) {
            if (!isGlob(pattern)) {
                files.add(Path.of(pattern));
                continue;
            }
            List<Path> matches = glob(pattern);
            if (matches.isEmpty()) {
                throw BasaltException.of(SqlState.UNDEFINED_FILE, "no files match \"" + pattern + "\"");
            }
            files.addAll(matches);
        }
        return files;
    }

    private static boolean isGlob(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0 || pattern.indexOf('[') >= 0;
    }

    /** Walks from the directory before the first wildcard, as deep as the pattern reaches ({@code **}: any depth). */
    private static List<Path> glob(String pattern) {
        int wildcard = firstWildcard(pattern);
        int slash = pattern.lastIndexOf('/', wildcard);
        Path base = slash < 0 ? Path.of("") : Path.of(slash == 0 ? "/" : pattern.substring(0, slash));
        String rest = pattern.substring(slash + 1);
        int depth = rest.contains("**") ? Integer.MAX_VALUE : rest.split("/", -1).length;
        Path root = base.toString().isEmpty() ? Path.of(".") : base;
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> matches = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root, depth)) {
            for (Path candidate : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(candidate) && matcher.matches(root.relativize(candidate))) {
                    matches.add(base.toString().isEmpty() ? root.relativize(candidate) : candidate);
                }
            }
        } catch (IOException e) {
            throw BasaltException.of(SqlState.IO_ERROR, "could not read directory \"" + root + "\": " + e.getMessage());
        }
        matches.sort(null);
        return matches;
    }

    private static int firstWildcard(String pattern) {
        int first = pattern.length();
        for (char c : new char[] {'*', '?', '['}) {
            int at = pattern.indexOf(c);
            if (at >= 0 && at < first) {
                first = at;
            }
        }
        return first;
    }
}
