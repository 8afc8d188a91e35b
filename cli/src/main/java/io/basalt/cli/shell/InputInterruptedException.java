package io.basalt.cli.shell;

import java.io.IOException;

/** Ctrl-C at the prompt: the line being typed, and the statement buffered so far, are discarded. */
public final class InputInterruptedException extends IOException {
    public InputInterruptedException() {
        super("input interrupted");
    }
}
