package io.basalt.cli.shell;

import static java.util.Objects.requireNonNull;

import io.basalt.cli.script.StatementScanner;

/**
 * What a backslash command can reach while it runs: the shell, the scanner of the script it
 * appeared in (for {@code \g}, {@code \r}, {@code \p}), and where it appeared, so that its
 * messages carry psql's {@code basalt:FILE:LINE: } prefix when it came from a file.
 */
public final class CommandScope {
    private final Shell shell;
    private final StatementScanner scanner;
    private final String sourceName;
    private final int lineNumber;
    private final boolean interactive;

    public CommandScope(Shell shell, StatementScanner scanner, String sourceName, int lineNumber, boolean interactive) {
        this.shell = requireNonNull(shell, "shell is null");
        this.scanner = requireNonNull(scanner, "scanner is null");
        this.sourceName = sourceName;
        this.lineNumber = lineNumber;
        this.interactive = interactive;
    }

    public Shell shell() {
        return shell;
    }

    public StatementScanner scanner() {
        return scanner;
    }

    /** The file the command came from, or null for the terminal, piped input or {@code -c}. */
    public String sourceName() {
        return sourceName;
    }

    public boolean interactive() {
        return interactive;
    }

    /** {@code basalt:FILE:LINE: } when the command came from a file, else empty. */
    public String locationPrefix() {
        return locationPrefix(sourceName, lineNumber);
    }

    static String locationPrefix(String sourceName, int lineNumber) {
        return sourceName == null ? "" : "basalt:" + sourceName + ":" + lineNumber + ": ";
    }

    /** An error message, to standard error: {@code basalt:FILE:LINE: error: message} in a file, else just the message. */
    public void reportError(String message) {
        report("error: ", message);
    }

    public void reportWarning(String message) {
        report("warning: ", message);
    }

    /** An informational line such as {@code Timing is on.}, left out in quiet mode. */
    public void inform(String message) {
        if (!shell.settings().quiet()) {
            shell.output().println(message);
        }
    }

    private void report(String level, String message) {
        String text = sourceName == null ? message : locationPrefix() + level + message;
        shell.output().errorLine(text);
    }
}
