package io.basalt.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The mission's acceptance test, as a floor: the four seed scripts of {@code ../shared/conformance/seeds}
 * played through the shell, compared statement by statement with PostgreSQL 15's output. Prints the
 * current numbers and writes {@code target/conformance/seeds.md} with the failures and their diffs.
 */
class SeedsConformanceTest {
    /**
     * Statements that pass per seed script, as measured when this test was last raised. These
     * numbers only ever go up: when a change makes more statements pass, raise them in the same
     * commit; a change that lowers one is a regression.
     */
    private static final Map<String, Integer> PASSING_AT_LEAST = Map.of(
            "ddl_chapter", 115,
            "fundamentals", 72,
            "schema_design", 71,
            "tutorial", 107);

    @Test
    void everySeedPassesAtLeastAsManyStatementsAsBefore() throws IOException {
        Optional<Path> conformance = Corpus.locate();
        assumeTrue(conformance.isPresent(), "no shared/conformance folder beside the repository");
        Corpus corpus = Corpus.seeds(conformance.get());
        List<FileResult> results = new ConformanceRun(corpus).run(corpus.files(), null);
        System.out.print(SummaryTable.render(corpus.name(), results, 5, 15));
        Path reports = Files.createDirectories(Path.of("target", "conformance"));
        Files.writeString(reports.resolve("seeds.md"), MarkdownReport.render(corpus.name(), results, 20, 15));

        assertThat(results).extracting(FileResult::name).containsExactlyInAnyOrderElementsOf(PASSING_AT_LEAST.keySet());
        SoftAssertions softly = new SoftAssertions();
        for (FileResult result : results) {
            softly.assertThat(result.passed()).as("statements passing in %s (%d of %d)", result.name(), result.passed(),
                    result.statements()).isGreaterThanOrEqualTo(PASSING_AT_LEAST.get(result.name()));
            softly.assertThat(result.causes()).as("the runner aligned every statement of %s", result.name())
                    .doesNotContainKey("runner: block not found in PostgreSQL's output");
        }
        softly.assertAll();
    }
}
