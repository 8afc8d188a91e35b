package io.basalt.cli.shell;

import java.io.IOException;

/** Lines of input for the shell: a script file, piped standard input, or the line editor at a terminal. */
public interface InputSource {
    /**
     * The next line without its terminator, or null at the end of input. A line editor may return
     * several lines at once (a paste, or a recalled multi-line statement) joined by newlines.
     *
     * @param prompt the prompt to show, or null when no prompt is shown
     * @throws InputInterruptedException when the user pressed Ctrl-C while typing
     */
    String readLine(String prompt) throws IOException;

    /** Records a statement or command in the history, where there is one. */
    default void remember(String entry) {
    }
}
