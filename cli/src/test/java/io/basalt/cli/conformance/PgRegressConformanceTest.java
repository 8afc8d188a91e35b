package io.basalt.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's regression tests ({@code ../shared/conformance/pg_regress}) played through the
 * shell, each in a fresh database after {@code test_setup}. Too large for the default build: it
 * runs only with {@code -Pconformance} (see cli/pom.xml). Prints the summary and writes
 * {@code target/conformance/pg_regress.md}; asserts a floor on the total of passing statements
 * and that the runner could align every statement of PostgreSQL's output.
 */
class PgRegressConformanceTest {
    /** Passing statements over all scripts when last raised; only ever goes up. */
    private static final int PASSING_AT_LEAST = 17150;

    @Test
    void theRegressionTestsPassAtLeastAsManyStatementsAsBefore() throws IOException {
        Optional<Path> conformance = Corpus.locate();
        assumeTrue(conformance.isPresent(), "no shared/conformance folder beside the repository");
        List<FileResult> results;
        try (ScratchDirectory scratch = ScratchDirectory.create()) {
            Corpus corpus = Corpus.pgRegress(conformance.get(), scratch.path());
            results = new ConformanceRun(corpus).run(corpus.files(), System.out);
        }
        System.out.print(SummaryTable.render(Corpus.PG_REGRESS, results, 5, 15));
        Path reports = Files.createDirectories(Path.of("target", "conformance"));
        Files.writeString(reports.resolve("pg_regress.md"), MarkdownReport.render(Corpus.PG_REGRESS, results, 20, 15));

        int passed = 0;
        List<String> unaligned = new ArrayList<>();
        for (FileResult result : results) {
            passed += result.passed();
            if (result.causes().containsKey("runner: block not found in PostgreSQL's output")) {
                unaligned.add(result.name());
            }
        }
        assertThat(unaligned).as("scripts whose expected output the runner could not align").isEmpty();
        assertThat(passed).as("statements passing over all regression tests").isGreaterThanOrEqualTo(PASSING_AT_LEAST);
    }
}
