package io.basalt.cli.conformance;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs scripts of a {@link Corpus} through the shell, one fresh in-memory database each, and
 * compares each with PostgreSQL's recorded output.
 */
public final class ConformanceRun {
    private final Corpus corpus;

    public ConformanceRun(Corpus corpus) {
        this.corpus = requireNonNull(corpus, "corpus is null");
    }

    /**
     * Runs {@code files} in the order given.
     *
     * @param progress where to print one line per finished script, or null
     * @throws IllegalArgumentException when a file is not part of the corpus
     */
    public List<FileResult> run(List<String> files, PrintStream progress) {
        for (String file : files) {
            if (!corpus.files().contains(file)) {
                throw new IllegalArgumentException("no script \"" + file + "\" in " + corpus.name() + "; its scripts are: "
                        + String.join(", ", corpus.files()));
            }
        }
        List<FileResult> results = new ArrayList<>();
        for (String file : files) {
            FileResult result = runFile(file);
            results.add(result);
            if (progress != null) {
                progress.println(file + ": " + result.passed() + "/" + result.scored() + " passed"
                        + (result.skipped() == 0 ? "" : ", " + result.skipped() + " skipped") + " ("
                        + result.elapsedMillis() + " ms)");
                progress.flush();
            }
        }
        return results;
    }

    public FileResult runFile(String file) {
        String script = ShellScriptPlayer.read(corpus.script(file));
        String expected = ShellScriptPlayer.read(corpus.expected(file));
        PlayedScript played = ShellScriptPlayer.play(script, corpus.setup(file));
        return ScriptComparison.compare(file, script, expected, played, corpus.skips());
    }
}
