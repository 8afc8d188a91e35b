package io.basalt.cli.shell;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;

/**
 * Lines read from a script file or piped standard input. When a prompt is asked for (interactive
 * use without line editing, {@code -n}) it is written to standard output before reading.
 */
public final class ReaderInput implements InputSource {
    private final BufferedReader reader;
    private final PrintStream promptOut;

    public ReaderInput(BufferedReader reader, PrintStream promptOut) {
        this.reader = requireNonNull(reader, "reader is null");
        this.promptOut = promptOut;
    }

    @Override
    public String readLine(String prompt) throws IOException {
        if (prompt != null && promptOut != null) {
            promptOut.print(prompt);
            promptOut.flush();
        }
        return reader.readLine();
    }
}
