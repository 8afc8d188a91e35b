package io.basalt.cli.shell;

import io.basalt.cli.script.ScannedPiece.MetaCommand;

/** Runs backslash commands; implemented by the command package so that the shell does not depend on it. */
public interface MetaCommandHandler {
    CommandOutcome handle(MetaCommand command, CommandScope scope);
}
