package io.basalt.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C while no line is read (a statement runs) reaches the action the shell gives, which cancels the statement,
 * instead of the JVM's default of ending the shell.
 */
class LineEditorInterruptTest {
    @TempDir
    Path directory;

    @Test
    void interruptWhileNoLineIsReadRunsTheCancelAction() throws Exception {
        Terminal terminal = new DumbTerminal(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream());
        AtomicInteger cancels = new AtomicInteger();
        try (LineEditorInput input = LineEditorInput.open(terminal, directory.resolve("history"))) {
            input.onInterruptWhileRunning(cancels::incrementAndGet);
            terminal.raise(Terminal.Signal.INT);
            terminal.raise(Terminal.Signal.INT);
        }
        assertThat(cancels).hasValue(2);
    }
}
