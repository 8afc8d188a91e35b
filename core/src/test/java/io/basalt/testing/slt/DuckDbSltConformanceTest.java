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
 * DuckDB's sqllogictest files for transactions and the write-ahead log ({@code ../shared/conformance/duckdb_slt},
 * {@code test/sql/transactions} and {@code test/sql/storage/wal}) run against Basalt, each in a fresh database on
 * disk so that {@code restart} replays the log. They are written in DuckDB's dialect with DuckDB's messages: an
 * expected error passes with any error Basalt reports (internal errors excepted), files that {@code require} an
 * extension are skipped, and a record that DuckDB's dialect makes fail counts as failed. Prints the records passed
 * per file and writes {@code target/conformance/duckdb_slt.md}; asserts a floor on the records passed. Runs only
 * with {@code -Pconformance} (core/pom.xml).
 */
class DuckDbSltConformanceTest {
    /** Records passing over all the files when last raised; only ever goes up. */
    private static final int PASSING_AT_LEAST = 1000;
    private static final List<String> FOLDERS = List.of("transactions", "storage/wal");

    private record FileOutcome(String name, int records, int failed, String skipped, List<SltFailure> failures) {
    }

    @Test
    void transactionAndWalFilesPassAtLeastAsManyRecordsAsBefore() throws IOException {
        Path corpus = locate();
        assumeTrue(corpus != null, "no shared/conformance/duckdb_slt folder beside the repository");
        SltRunner runner = new SltRunner(java.util.Set.of(), false, false)
                .onEachSession("SET lock_timeout = '500ms'");
        List<FileOutcome> outcomes = new ArrayList<>();
        for (String folder : FOLDERS) {
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
        String report = render(outcomes);
        System.out.print(report);
        Path reports = Files.createDirectories(Path.of("target", "conformance"));
        Files.writeString(reports.resolve("duckdb_slt.md"), report);
        int passed = 0;
        for (FileOutcome outcome : outcomes) {
            passed += outcome.records() - outcome.failed();
        }
        assertThat(passed).as("DuckDB transaction and WAL records passing").isGreaterThanOrEqualTo(PASSING_AT_LEAST);
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

    private static String render(List<FileOutcome> outcomes) {
        StringBuilder out = new StringBuilder("# DuckDB sqllogictests: transactions and WAL\n\n"
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
                .append(percent(passed, records)).append(" | |\n\n## Failures (first three per file)\n");
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
