package io.basalt.testing.slt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.basalt.api.Basalt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * DuckDB's sqllogictest files ({@code ../shared/conformance/duckdb_slt}) run against Basalt, each in a fresh
 * database on disk so that {@code restart} replays the log: those for transactions and the write-ahead log
 * ({@code test/sql/transactions}, {@code test/sql/storage/wal}), and those for the executor's query shapes
 * ({@code window}, {@code cte}, {@code join}, {@code subquery}). They are written in DuckDB's dialect with DuckDB's
 * messages: an expected error passes with any error Basalt reports (internal errors excepted), files that
 * {@code require} an extension are skipped, and a record that DuckDB's dialect makes fail counts as failed. Each
 * test prints the records passed per file, writes {@code target/conformance/duckdb_slt*.md} and asserts a floor on
 * the records passed. Runs only with {@code -Pconformance} (core/pom.xml).
 */
class DuckDbSltConformanceTest {
    /** Transaction and WAL records passing when last raised; only ever goes up. */
    private static final int PASSING_AT_LEAST = 1000;
    private static final List<String> FOLDERS = List.of("transactions", "storage/wal");
    /** Window, CTE, join and subquery records passing when last raised; only ever goes up. */
    private static final int QUERY_RECORDS_PASSING_AT_LEAST = 0;
    private static final List<String> QUERY_FOLDERS = List.of("window", "cte", "join", "subquery");

    private record FileOutcome(String name, int records, int failed, String skipped, List<SltFailure> failures) {
    }

    @Test
    void transactionAndWalFilesPassAtLeastAsManyRecordsAsBefore() throws IOException {
        int passed = runFolders(FOLDERS, "duckdb_slt.md", "DuckDB sqllogictests: transactions and WAL");
        assertThat(passed).as("DuckDB transaction and WAL records passing").isGreaterThanOrEqualTo(PASSING_AT_LEAST);
    }

    @Test
    void windowCteJoinAndSubqueryFilesPassAtLeastAsManyRecordsAsBefore() throws IOException {
        int passed = runFolders(QUERY_FOLDERS, "duckdb_slt-queries.md",
                "DuckDB sqllogictests: window, CTE, join and subquery");
        assertThat(passed).as("DuckDB window, CTE, join and subquery records passing")
                .isGreaterThanOrEqualTo(QUERY_RECORDS_PASSING_AT_LEAST);
    }

    /** Runs every file under the folders, prints and writes the report; the records passed. */
    private static int runFolders(List<String> folders, String reportName, String title) throws IOException {
        Path corpus = locate();
        assumeTrue(corpus != null, "no shared/conformance/duckdb_slt folder beside the repository");
        SltRunner runner = new SltRunner(java.util.Set.of(), false, false)
                .onEachSession("SET lock_timeout = '500ms'");
        List<FileOutcome> outcomes = new ArrayList<>();
        for (String folder : folders) {
            Path directory = corpus.resolve("test").resolve("sql").resolve(folder);
            List<Path> files;
            try (Stream<Path> listing = Files.walk(directory)) {
                files = listing.filter(path -> path.toString().endsWith(".test")).sorted().toList();
            }
            for (Path file : files) {
                outcomes.add(run(runner, corpus, corpus.resolve("test").resolve("sql").relativize(file).toString(),
                        file));
            }
        }
        String report = render(title, outcomes);
        System.out.print(report);
        Path reports = Files.createDirectories(Path.of("target", "conformance"));
        Files.writeString(reports.resolve(reportName), report);
        int passed = 0;
        for (FileOutcome outcome : outcomes) {
            passed += outcome.records() - outcome.failed();
        }
        return passed;
    }

    private static FileOutcome run(SltRunner runner, Path corpus, String name, Path file) throws IOException {
        Path scratch = Files.createTempDirectory("basalt-duckdb-slt-");
        try {
            Path testDirectory = Files.createDirectory(scratch.resolve("files"));
            SltParser parser = new SltParser(Map.of(
                    "{TEST_DIR}", testDirectory.toString(),
                    "{TEMP_DIR}", testDirectory.toString(),
                    "__TEST_DIR__", testDirectory.toString(),
                    "{DATA_DIR}", corpus.resolve("data").toString()));
            SltScript script;
            try {
                script = parser.parse(name, Files.readString(file));
            } catch (SltSyntaxException unreadable) {
                return new FileOutcome(name, 0, 0, "unreadable: " + unreadable.getMessage(), List.of());
            }
            Path database = scratch.resolve("database");
            SltRunResult result = runner.run(script, () -> Basalt.open(database));
            return new FileOutcome(name, result.recordsRun(), result.failures().size(),
                    result.skipped() ? result.skipReason() : null, result.failures());
        } finally {
            try (Stream<Path> walk = Files.walk(scratch)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    private static String render(String title, List<FileOutcome> outcomes) {
        StringBuilder out = new StringBuilder("# " + title + "\n\n"
                + "| file | records run | passed | passed % | note |\n|---|---:|---:|---:|---|\n");
        int records = 0;
        int passed = 0;
        for (FileOutcome outcome : outcomes) {
            int good = outcome.records() - outcome.failed();
            records += outcome.records();
            passed += good;
            out.append("| ").append(outcome.name()).append(" | ").append(outcome.records()).append(" | ").append(good)
                    .append(" | ").append(percent(good, outcome.records())).append(" | ")
                    .append(outcome.skipped() == null ? "" : outcome.skipped().lines().findFirst().orElse(""))
                    .append(" |\n");
        }
        out.append("| **total** | ").append(records).append(" | ").append(passed).append(" | ")
                .append(percent(passed, records)).append(" | |\n\n| folder | files | records run | passed | passed % |\n"
                        + "|---|---:|---:|---:|---:|\n");
        Map<String, int[]> folders = new java.util.LinkedHashMap<>();
        for (FileOutcome outcome : outcomes) {
            int slash = outcome.name().lastIndexOf('/');
            int[] sums = folders.computeIfAbsent(slash < 0 ? "" : outcome.name().substring(0, outcome.name().indexOf('/')),
                    folder -> new int[3]);
            sums[0]++;
            sums[1] += outcome.records();
            sums[2] += outcome.records() - outcome.failed();
        }
        folders.forEach((folder, sums) -> out.append("| ").append(folder).append(" | ").append(sums[0]).append(" | ")
                .append(sums[1]).append(" | ").append(sums[2]).append(" | ").append(percent(sums[2], sums[1]))
                .append(" |\n"));
        out.append("\n## Failures (first three per file)\n");
        for (FileOutcome outcome : outcomes) {
            for (int i = 0; i < Math.min(3, outcome.failures().size()); i++) {
                out.append("\n- ").append(outcome.name()).append(": ```")
                        .append(outcome.failures().get(i).toString().replace("\n", " / ")).append("```\n");
            }
        }
        return out.toString();
    }

    private static String percent(int part, int whole) {
        return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    /** {@code shared/conformance/duckdb_slt} beside the working directory or one of its parents, or null. */
    private static Path locate() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null) {
            Path candidate = directory.resolve("shared").resolve("conformance").resolve("duckdb_slt");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            Path sibling = directory.resolveSibling("shared").resolve("conformance").resolve("duckdb_slt");
            if (Files.isDirectory(sibling)) {
                return sibling;
            }
            directory = directory.getParent();
        }
        return null;
    }
}
