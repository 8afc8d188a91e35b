package io.basalt.cli.shell;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;

/**
 * Where the shell writes: results and messages to standard output, errors to standard error.
 * Standard output is flushed before anything goes to standard error so that the two stay in order
 * when they reach the same terminal or file.
 */
public final class ShellOutput {
    private final PrintStream out;
    private final PrintStream err;

    public ShellOutput(PrintStream out, PrintStream err) {
        this.out = requireNonNull(out, "out is null");
        this.err = requireNonNull(err, "err is null");
    }

    /** Standard output, for printing tables. */
    public PrintStream out() {
        return out;
    }

    public void println(String line) {
        out.print(line);
        out.print('\n');
    }

    /** Writes {@code text} (complete lines) to standard error. */
    public void error(String text) {
        out.flush();
        err.print(text);
        err.flush();
    }

    public void errorLine(String line) {
        error(line + "\n");
    }

    public void flush() {
        out.flush();
    }
}
