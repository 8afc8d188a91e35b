package io.basalt.cli.options;

import static java.util.Objects.requireNonNull;

/** Work given on the command line, run in order before the shell exits (psql's {@code -c} and {@code -f}). */
public sealed interface StartupAction {
    /** {@code -c TEXT}: SQL (one or more statements) or, when it starts with a backslash, backslash commands. */
    record Command(String text) implements StartupAction {
        public Command {
            requireNonNull(text, "text is null");
        }
    }

    /** {@code -f FILE}: a script file; {@code -} reads standard input. */
    record ScriptFile(String path) implements StartupAction {
        public ScriptFile {
            requireNonNull(path, "path is null");
        }
    }
}
