package io.basalt.cli.conformance;

import io.basalt.api.Basalt;
import io.basalt.api.BasaltConfig;
import io.basalt.api.Database;
import io.basalt.cli.command.MetaCommandDispatcher;
import io.basalt.cli.error.ErrorReport;
import io.basalt.cli.format.PrintSettings;
import io.basalt.cli.options.EchoMode;
import io.basalt.cli.shell.ReaderInput;
import io.basalt.cli.shell.Shell;
import io.basalt.cli.shell.ShellOutput;
import io.basalt.cli.shell.ShellSettings;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plays a script through Basalt's shell inside this process, as {@code basalt -X -a -q < script 2>&1}
 * would: a fresh in-memory database, the script read as piped standard input (so errors carry no
 * file-and-line prefix), every input line echoed, command tags suppressed, and standard output and
 * standard error written to one stream in the order they happen. Before the script, the session is
 * prepared as its {@link ScriptSetup} says; the output of that preparation is dropped.
 */
public final class ShellScriptPlayer {
    private ShellScriptPlayer() {
    }

    public static PlayedScript play(String script, ScriptSetup setup) {
        List<String> notes = new ArrayList<>();
        try (Database database = open(setup.settings(), notes);
             ErrorRecordingSession session = new ErrorRecordingSession(database.connect())) {
            for (Path prerequisite : setup.prerequisites()) {
                run(session, database, read(prerequisite), prerequisite.getFileName().toString(), setup,
                        EchoMode.NONE, OutputStream.nullOutputStream(), notes);
            }
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            long start = System.nanoTime();
            run(session, database, script, "the script", setup, EchoMode.ALL, captured, notes);
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            return new PlayedScript(captured.toString(StandardCharsets.UTF_8), session.sqlStates(), notes, elapsed);
        }
    }

    /** A fresh in-memory database whose sessions start with {@code settings}; one that is refused becomes a note. */
    private static Database open(Map<String, String> settings, List<String> notes) {
        BasaltConfig config = BasaltConfig.defaults();
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            BasaltConfig candidate = config.withStartupSetting(setting.getKey(), setting.getValue());
            try {
                Basalt.inMemory(candidate).close();
                config = candidate;
            } catch (RuntimeException e) {
                notes.add("setting not applied: " + setting.getKey() + " = " + setting.getValue() + ": "
                        + ErrorReport.of(e).message());
            }
        }
        return Basalt.inMemory(config);
    }

    /** Reads a script as the shell reads one (UTF-8). */
    static String read(Path script) {
        try {
            return Files.readString(script, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + script, e);
        }
    }

    /** Runs {@code script} in the shell over {@code session}; {@code label} names it in notes. */
    private static void run(ErrorRecordingSession session, Database database, String script, String label,
                            ScriptSetup setup, EchoMode echo, OutputStream sink, List<String> notes) {
        PrintStream stream = new PrintStream(sink, false, StandardCharsets.UTF_8);
        ShellSettings settings = new ShellSettings(PrintSettings.defaults(), true, echo);
        for (Map.Entry<String, String> variable : setup.variables().entrySet()) {
            settings.setVariable(variable.getKey(), variable.getValue());
        }
        settings.setEnvironment(setup.environment());
        Shell shell = new Shell(session, null, settings, new ShellOutput(stream, stream), new MetaCommandDispatcher(), () -> 0);
        shell.setConnector((current, user) -> {
            session.replace(user == null ? database.connect() : database.connect(user));
            return session;
        });
        try {
            shell.runScript(new ReaderInput(new BufferedReader(new StringReader(script)), null), null, false);
        } catch (IOException | RuntimeException e) {
            // A failure of the shell itself: the rest of the script's output is missing, and the report says why.
            notes.add("the shell failed in " + label + ": " + e);
        } finally {
            stream.flush();
        }
    }
}
