package io.basalt.cli.shell;

import java.io.IOException;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Input from the terminal through JLine's line editor: cursor movement, editing keys and a history
 * kept in a file. As in psql, the history holds whole statements (a multi-line statement is one
 * entry) and backslash-command lines rather than every physical line typed. Ctrl-C discards the
 * line being typed; Ctrl-D at an empty line ends the input. Ctrl-C while a statement runs (no line being read) runs
 * the action given to {@link #onInterruptWhileRunning}: the shell cancels the statement, as psql does.
 */
public final class LineEditorInput implements InputSource, AutoCloseable {
    private final Terminal terminal;
    private final LineReader reader;
    private final StatementHistory history;

    private LineEditorInput(Terminal terminal, LineReader reader, StatementHistory history) {
        this.terminal = terminal;
        this.reader = reader;
        this.history = history;
    }

    /** Opens the system terminal, with the history stored in {@code historyFile}. */
    public static LineEditorInput open(Path historyFile) throws IOException {
        return open(TerminalBuilder.builder().system(true).name("basalt").build(), historyFile);
    }

    /** Line editing on {@code terminal} (tests give a virtual one), with the history stored in {@code historyFile}. */
    static LineEditorInput open(Terminal terminal, Path historyFile) {
        // The shell splits statements itself; the line editor must not treat quotes or backslashes specially.
        DefaultParser parser = new DefaultParser();
        parser.setEscapeChars(new char[0]);
        parser.setQuoteChars(new char[0]);
        StatementHistory history = new StatementHistory();
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("basalt")
                .parser(parser)
                .history(history)
                .variable(LineReader.HISTORY_FILE, historyFile)
                // Shown before the further lines of a recalled multi-line statement.
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "basalt-> ")
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
                .build();
        return new LineEditorInput(terminal, reader, history);
    }

    @Override
    public String readLine(String prompt) throws IOException {
        try {
            return reader.readLine(prompt == null ? "" : prompt);
        } catch (UserInterruptException e) {
            throw new InputInterruptedException();
        } catch (EndOfFileException e) {
            return null;
        }
    }

    /**
     * Runs {@code action} (on JLine's signal thread) when Ctrl-C is pressed while no line is being read; without it
     * the JVM's default would end the shell. While a line is read, the line editor handles Ctrl-C itself (it
     * installs its own handler for the read and restores this one after).
     */
    public void onInterruptWhileRunning(Runnable action) {
        terminal.handle(Terminal.Signal.INT, signal -> action.run());
    }

    @Override
    public void remember(String entry) {
        history.remember(entry);
    }

    /** The terminal's width in columns. */
    public int width() {
        return terminal.getWidth();
    }

    @Override
    public void close() throws IOException {
        try {
            history.save();
        } finally {
            terminal.close();
        }
    }
}
