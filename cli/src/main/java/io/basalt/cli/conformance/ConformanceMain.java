package io.basalt.cli.conformance;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The conformance command: {@code ConformanceMain seeds|pg_regress [--files a,b] [--report FILE]
 * [--failures N] [--corpus DIR]}, also run as {@code basalt conformance ...}. Plays the corpus's
 * scripts (or the named ones) through the shell, prints progress on standard error and the summary
 * table on standard output, and writes the markdown report when asked. Exit status 0 when the run
 * completed (whatever the score), 1 on a usage or file error.
 */
public final class ConformanceMain {
    static final String USAGE = """
            Usage: basalt conformance seeds|pg_regress [OPTION]...
            Plays a conformance corpus from ../shared/conformance through the shell and compares
            each statement's output with PostgreSQL's.

              --files A,B      run only these scripts (names without .sql), in this order
              --report FILE    also write a markdown report with the first failures and their diffs
              --failures N     failures shown per script in the report (default 10), and
                               causes per script in the summary (default 5)
              --corpus DIR     the conformance folder (default: shared/conformance beside the
                               working directory or a parent, or the basalt.shared.dir property)
            """;
    private static final int CAUSES_OVERALL = 15;

    private ConformanceMain() {
    }

    public static void main(String[] arguments) {
        // Arrow logs through SLF4J, which has no logger here and would warn about that on every start.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.exit(run(arguments, out, System.err));
    }

    /** Runs the command and returns the exit status. */
    public static int run(String[] arguments, PrintStream out, PrintStream err) {
        if (arguments.length == 0 || arguments[0].equals("--help") || arguments[0].equals("-h")) {
            (arguments.length == 0 ? err : out).print(USAGE);
            return arguments.length == 0 ? 1 : 0;
        }
        String corpusName = arguments[0];
        List<String> files = null;
        Path report = null;
        int failures = 10;
        int causesPerFile = 5;
        Path corpusDirectory = null;
        try {
            for (int i = 1; i < arguments.length; i++) {
                String option = arguments[i];
                if (i + 1 >= arguments.length) {
                    throw new IllegalArgumentException("option " + option + " needs a value");
                }
                String value = arguments[++i];
                switch (option) {
                    case "--files" -> files = new ArrayList<>(Arrays.asList(value.split(",")));
                    case "--report" -> report = Path.of(value);
                    case "--failures" -> {
                        failures = Integer.parseInt(value);
                        causesPerFile = failures;
                    }
                    case "--corpus" -> corpusDirectory = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            if (!corpusName.equals(Corpus.SEEDS) && !corpusName.equals(Corpus.PG_REGRESS)) {
                throw new IllegalArgumentException("unknown corpus \"" + corpusName + "\"; choose seeds or pg_regress");
            }
        } catch (IllegalArgumentException e) {
            err.println("basalt conformance: " + e.getMessage());
            err.print(USAGE);
            return 1;
        }
        Optional<Path> conformance = corpusDirectory != null ? Optional.of(corpusDirectory) : Corpus.locate();
        if (conformance.isEmpty() || !Files.isDirectory(conformance.get().resolve(corpusName))) {
            err.println("basalt conformance: cannot find the " + corpusName + " corpus"
                    + (conformance.isEmpty() ? " (no shared/conformance folder found; use --corpus DIR)"
                    : " in " + conformance.get()));
            return 1;
        }
        try (ScratchDirectory scratch = ScratchDirectory.create()) {
            Corpus corpus = corpusName.equals(Corpus.SEEDS) ? Corpus.seeds(conformance.get())
                    : Corpus.pgRegress(conformance.get(), scratch.path());
            List<FileResult> results = new ConformanceRun(corpus).run(files == null ? corpus.files() : files, err);
            out.print(SummaryTable.render(corpusName, results, causesPerFile, CAUSES_OVERALL));
            out.flush();
            if (report != null) {
                Files.writeString(report, MarkdownReport.render(corpusName, results, failures, CAUSES_OVERALL),
                        StandardCharsets.UTF_8);
                err.println("report written to " + report);
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("basalt conformance: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("basalt conformance: cannot write the report: " + e.getMessage());
            return 1;
        }
    }
}
