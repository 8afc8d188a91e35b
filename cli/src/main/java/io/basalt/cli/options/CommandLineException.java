package io.basalt.cli.options;

/**
 * A command line the shell cannot run with. The message is printed after {@code basalt: }; when
 * {@link #suggestsHelp()} a hint to run {@code basalt --help} follows, as psql does for bad options.
 */
public final class CommandLineException extends Exception {
    private final boolean suggestsHelp;

    public CommandLineException(String message, boolean suggestsHelp) {
        super(message);
        this.suggestsHelp = suggestsHelp;
    }

    public boolean suggestsHelp() {
        return suggestsHelp;
    }
}
