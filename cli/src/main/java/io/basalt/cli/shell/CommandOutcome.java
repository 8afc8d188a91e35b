package io.basalt.cli.shell;

/** How a backslash command ended. */
public enum CommandOutcome {
    SUCCESS,
    /** It failed; a script stops here when ON_ERROR_STOP is set. */
    FAILURE,
    /** {@code \q}: the shell ends. */
    QUIT,
    /** A script it ran ({@code \i}) stopped at an error under ON_ERROR_STOP; stop the caller too. */
    STOPPED
}
