package io.basalt.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conformance command's arguments, summary and report. */
class ConformanceMainTest {
    @TempDir
    Path directory;

    private record Outcome(int status, String out, String err) {
    }

    private static Outcome run(String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int status = ConformanceMain.run(arguments, outStream, errStream);
            return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void rejectsAnUnknownCorpusOrOption() {
        Outcome corpus = run("tpch");
        assertThat(corpus.status()).isEqualTo(1);
        assertThat(corpus.err()).startsWith("basalt conformance: unknown corpus \"tpch\"; choose seeds or pg_regress\nUsage:");
        Outcome option = run("seeds", "--fast", "yes");
        assertThat(option.status()).isEqualTo(1);
        assertThat(option.err()).startsWith("basalt conformance: unknown option --fast\n");
        assertThat(run("seeds", "--files").err()).startsWith("basalt conformance: option --files needs a value\n");
        assertThat(run().status()).isEqualTo(1);
        assertThat(run("--help").out()).isEqualTo(ConformanceMain.USAGE);
    }

    @Test
    void rejectsAScriptThatIsNotInTheCorpus() {
        Optional<Path> conformance = Corpus.locate();
        assumeTrue(conformance.isPresent(), "no shared/conformance folder here");
        Outcome outcome = run("seeds", "--files", "nosuch", "--corpus", conformance.get().toString());
        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.err()).contains("no script \"nosuch\" in seeds; its scripts are: ddl_chapter, fundamentals");
    }

    @Test
    void printsTheSummaryAndWritesTheReport() throws IOException {
        Optional<Path> conformance = Corpus.locate();
        assumeTrue(conformance.isPresent(), "no shared/conformance folder here");
        Path report = directory.resolve("report.md");
        Outcome outcome = run("seeds", "--files", "tutorial", "--report", report.toString(), "--failures", "3");
        assertThat(outcome.status()).isZero();
        assertThat(outcome.out()).startsWith("seeds: each statement's output compared exactly with PostgreSQL's\n\n"
                + "file     statements skipped  passed  failed  passed %  time ms\ntutorial ");
        assertThat(outcome.out()).contains("\ntotal    ", "\ntutorial:\n");
        assertThat(outcome.err()).startsWith("tutorial: ").contains("report written to " + report);
        String markdown = Files.readString(report);
        assertThat(markdown).startsWith("# Conformance: seeds\n").contains("\n## tutorial: ", "```diff\n");
    }
}
