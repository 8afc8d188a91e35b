package io.basalt.cli.conformance;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A folder of conformance scripts with PostgreSQL's recorded output ({@code sql/<name>.sql},
 * {@code expected/<name>.out}) and how PostgreSQL's harness prepared each run: the seeds (the
 * mission's acceptance test, {@code PGTZ=UTC}, {@code PGDATESTYLE='ISO, MDY'}) and PostgreSQL's own
 * regression tests (pg_regress's settings, {@code test_setup} run first, the data directory in
 * {@code abs_srcdir}). The corpora live outside the repository, in {@code ../shared/conformance}.
 */
public final class Corpus {
    public static final String SEEDS = "seeds";
    public static final String PG_REGRESS = "pg_regress";
    private static final String SETUP_TEST = "test_setup";
    /** Tests that need more than test_setup, as PostgreSQL's parallel_schedule documents. */
    private static final Map<String, List<String>> EXTRA_PREREQUISITES = Map.of(
            "join", List.of("create_misc"),
            "with", List.of("create_misc"),
            "aggregates", List.of("create_aggregate"));

    private final String name;
    private final Path directory;
    private final List<String> files;
    private final Map<String, String> settings;
    private final Map<String, String> variables;
    private final Map<String, String> environment;
    private final boolean regressionSetup;
    private final SkipList skips;

    private Corpus(String name, Path directory, List<String> files, Map<String, String> settings, Map<String, String> variables,
                   Map<String, String> environment, boolean regressionSetup, SkipList skips) {
        this.name = requireNonNull(name, "name is null");
        this.directory = requireNonNull(directory, "directory is null");
        this.files = List.copyOf(files);
        this.settings = settings;
        this.variables = Map.copyOf(variables);
        this.environment = Map.copyOf(environment);
        this.regressionSetup = regressionSetup;
        this.skips = requireNonNull(skips, "skips is null");
    }

    /** {@code name, value, name, value, ...} as a map that keeps their order. */
    private static Map<String, String> orderedMap(String... namesAndValues) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    /** The seeds in {@code conformance/seeds}, all scripts in name order. */
    public static Corpus seeds(Path conformance) {
        Path directory = conformance.resolve(SEEDS);
        return new Corpus(SEEDS, directory, scriptNames(directory),
                orderedMap("TimeZone", "UTC", "DateStyle", "ISO, MDY"), Map.of(), Map.of(), false, SkipList.NONE);
    }

    /**
     * PostgreSQL's regression tests in {@code conformance/pg_regress}, in the order of its
     * {@code schedule_subset}; {@code buildDirectory} stands in for pg_regress's build directory,
     * where tests write files ({@code results/}).
     */
    public static Corpus pgRegress(Path conformance, Path buildDirectory) {
        Path directory = conformance.resolve(PG_REGRESS);
        // pg_regress's PGTZ, PGDATESTYLE and PGOPTIONS, and the settings of the database it creates.
        Map<String, String> settings = orderedMap("TimeZone", "America/Los_Angeles", "DateStyle", "Postgres, MDY",
                "IntervalStyle", "postgres_verbose", "lc_messages", "C", "lc_monetary", "C", "lc_numeric", "C",
                "lc_time", "C", "bytea_output", "hex", "timezone_abbreviations", "Default");
        // psql's -v options of pg_regress.
        Map<String, String> variables = Map.of("HIDE_TABLEAM", "on", "HIDE_TOAST_COMPRESSION", "on");
        // What pg_regress exports for the scripts, which read it with \getenv.
        Map<String, String> environment = Map.of(
                "PG_ABS_SRCDIR", directory.toAbsolutePath().toString(),
                "PG_ABS_BUILDDIR", buildDirectory.toAbsolutePath().toString(),
                "PG_LIBDIR", directory.toAbsolutePath().resolve("lib").toString(),
                "PG_DLSUFFIX", ".so");
        return new Corpus(PG_REGRESS, directory, scheduledNames(directory.resolve("schedule_subset")), settings, variables,
                environment, true, SkipList.pgRegress());
    }

    /**
     * The folder {@code shared/conformance}: from the system property {@code basalt.shared.dir} when
     * set (the build sets it), else the first {@code shared/conformance} found beside the working
     * directory or one of its parents.
     */
    public static Optional<Path> locate() {
        String shared = System.getProperty("basalt.shared.dir");
        if (shared != null) {
            Path conformance = Path.of(shared, "conformance");
            return Files.isDirectory(conformance) ? Optional.of(conformance.normalize()) : Optional.empty();
        }
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            Path conformance = directory.resolve("shared").resolve("conformance");
            if (Files.isDirectory(conformance)) {
                return Optional.of(conformance);
            }
        }
        return Optional.empty();
    }

    public String name() {
        return name;
    }

    /** The statements played but not scored, with their reasons (none for the seeds). */
    public SkipList skips() {
        return skips;
    }

    /** Every script of the corpus, in the order they run. */
    public List<String> files() {
        return files;
    }

    public Path script(String file) {
        return directory.resolve("sql").resolve(file + ".sql");
    }

    public Path expected(String file) {
        return directory.resolve("expected").resolve(file + ".out");
    }

    /** How to prepare the session for {@code file}. */
    public ScriptSetup setup(String file) {
        List<Path> prerequisites = new ArrayList<>();
        if (regressionSetup && !file.equals(SETUP_TEST)) {
            prerequisites.add(script(SETUP_TEST));
            for (String extra : EXTRA_PREREQUISITES.getOrDefault(file, List.of())) {
                prerequisites.add(script(extra));
            }
        }
        return new ScriptSetup(settings, variables, environment, prerequisites);
    }

    private static List<String> scriptNames(Path directory) {
        List<String> names = new ArrayList<>();
        try (Stream<Path> scripts = Files.list(directory.resolve("sql"))) {
            for (Path script : (Iterable<Path>) scripts::iterator) {
                String file = script.getFileName().toString();
                if (file.endsWith(".sql")) {
                    names.add(file.substring(0, file.length() - ".sql".length()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the scripts in " + directory, e);
        }
        names.sort(null);
        return names;
    }

    /** The test names on the {@code test:} lines of a pg_regress schedule, in order. */
    private static List<String> scheduledNames(Path schedule) {
        List<String> names = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(schedule)) {
                if (line.startsWith("test:")) {
                    for (String test : line.substring("test:".length()).strip().split("\\s+")) {
                        if (!test.isEmpty()) {
                            names.add(test);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + schedule, e);
        }
        return names;
    }
}
