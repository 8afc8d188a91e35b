package io.basalt.cli.shell;

/** How reading a script or the terminal ended. */
public enum ScriptOutcome {
    /** End of input. */
    FINISHED,
    /** {@code \q} (or {@code quit} at the terminal). */
    QUIT,
    /** An error with ON_ERROR_STOP set (psql then exits with status 3). */
    STOPPED
}
