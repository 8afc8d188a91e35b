package io.basalt.bench.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The harness's command line: {@code <suite> [options]}, options as {@code --name value}. Counts accept
 * {@code 10000000}, {@code 10_000_000}, {@code 1e7} or {@code 10M} ({@code k}, {@code M}, {@code G}).
 */
record HarnessOptions(String suite, double scaleFactor, long rows, int groups, int naPercent, boolean sorted,
                      int threads, int runs, int warmup, String format, Path out, Path shared, Set<String> only,
                      boolean curve) {
    static final String USAGE = """
            usage: CompareMain <tpch|h2o|micro|json|load> [options]
              --sf X          TPC-H scale factor (tpch, load; default 1)
              --rows N        rows (h2o default 1e7, micro default 1e8, json default 1e6, load default 1e7)
              --groups K      h2o group cardinality factor (default 100)
              --na P          h2o percentage of missing values (default 0)
              --sorted        h2o rows sorted by id1..id6
              --curve         also time the warm-up runs and print each query's per-run times from run 1 on (both
                              engines), the runs until within 10% of the timed runs' median, and runs 1-10 summed
              --threads T     threads for both engines (default: all cores)
              --runs R        timed runs per query, the median is reported (default 5)
              --warmup W      untimed runs per query before them (default 1)
              --format F      table, csv or json (default table)
              --out FILE      write the report to FILE instead of standard output
              --shared DIR    the shared directory with conformance/ (default: found above the working directory)
              --queries A,B   run only these queries (e.g. q01,q06)
              --db DIR        tpch on disk: load into DIR/basalt and DIR/duckdb.db once (checkpointed), then per
                              query reopen both, time the first run (cold) and the median of the runs (warm);
                              json on disk: Basalt in a new directory under DIR, checkpointed after the load
            """;

    static HarnessOptions parse(String... arguments) {
        if (arguments.length == 0 || arguments[0].startsWith("-")) {
            throw new IllegalArgumentException("missing suite");
        }
        String suite = arguments[0];
        if (!Set.of("tpch", "h2o", "micro", "json", "load").contains(suite)) {
            throw new IllegalArgumentException("unknown suite '" + suite + "'");
        }
        double scaleFactor = 1;
        long rows = switch (suite) {
            case "micro" -> 100_000_000L;
            case "json" -> 1_000_000L;
            default -> 10_000_000L;
        };
        int groups = 100;
        int naPercent = 0;
        boolean sorted = false;
        boolean curve = false;
        int threads = Runtime.getRuntime().availableProcessors();
        int runs = 5;
        int warmup = 1;
        String format = "table";
        Path out = null;
        Path shared = null;
        Set<String> only = Set.of();
        for (int i = 1; i < arguments.length; i++) {
            String option = arguments[i];
            if (option.equals("--sorted")) {
                sorted = true;
                continue;
            }
            if (option.equals("--curve")) {
                curve = true;
                continue;
            }
            if (i + 1 >= arguments.length) {
                throw new IllegalArgumentException("option " + option + " needs a value");
            }
            String value = arguments[++i];
            switch (option) {
                case "--sf" -> scaleFactor = Double.parseDouble(value);
                case "--rows" -> rows = parseCount(value);
                case "--groups" -> groups = (int) parseCount(value);
                case "--na" -> naPercent = Integer.parseInt(value);
                case "--threads" -> threads = Integer.parseInt(value);
                case "--runs" -> runs = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--format" -> format = value;
                case "--out" -> out = Path.of(value);
                case "--shared" -> shared = Path.of(value);
                case "--queries" -> only = new LinkedHashSet<>(Arrays.asList(value.split(",")));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (!(scaleFactor > 0) || rows < 1 || threads < 1 || runs < 1 || warmup < 0) {
            throw new IllegalArgumentException("--sf, --rows, --threads and --runs must be positive, --warmup at least 0");
        }
        if (!Set.of("table", "csv", "json").contains(format)) {
            throw new IllegalArgumentException("unknown format '" + format + "'");
        }
        return new HarnessOptions(suite, scaleFactor, rows, groups, naPercent, sorted, threads, runs, warmup, format,
                out, shared == null ? findShared() : shared, only, curve);
    }

    /** Whether the query of that name is to be run. */
    boolean selects(String query) {
        return only.isEmpty() || only.contains(query);
    }

    /** A count: digits with optional underscores, scientific notation, or a k/M/G suffix. */
    static long parseCount(String text) {
        String value = text.replace("_", "").strip();
        long multiplier = 1;
        char last = value.isEmpty() ? ' ' : value.charAt(value.length() - 1);
        switch (last) {
            case 'k', 'K' -> multiplier = 1_000;
            case 'm', 'M' -> multiplier = 1_000_000;
            case 'g', 'G' -> multiplier = 1_000_000_000;
            default -> {
            }
        }
        if (multiplier > 1) {
            value = value.substring(0, value.length() - 1);
        }
        double number = Double.parseDouble(value) * multiplier;
        if (number != Math.rint(number) || number > Long.MAX_VALUE) {
            throw new IllegalArgumentException("not a count: " + text);
        }
        return (long) number;
    }

    /** The nearest {@code shared} directory with {@code conformance/} in the working directory or above it. */
    private static Path findShared() {
        String property = System.getProperty("basalt.shared.dir");
        if (property != null) {
            return Path.of(property);
        }
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            Path candidate = directory.resolve("shared");
            if (Files.isDirectory(candidate.resolve("conformance"))) {
                return candidate;
            }
        }
        return Path.of("../shared");
    }

    /** A number as a person writes it: 1 not 1.0, 0.01 not 1.0E-2. */
    static String formatNumber(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
