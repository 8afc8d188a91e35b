package io.basalt.cli;

import static java.util.Objects.requireNonNull;

import io.basalt.api.Database;
import io.basalt.api.Session;
import io.basalt.cli.command.MetaCommandDispatcher;
import io.basalt.cli.demo.DemoCommand;
import io.basalt.cli.dump.DumpCommand;
import io.basalt.cli.options.CommandLine;
import io.basalt.cli.options.CommandLineException;
import io.basalt.cli.options.CommandLineParser;
import io.basalt.cli.options.ShellOptions;
import io.basalt.cli.shell.InputSource;
import io.basalt.cli.shell.LineEditorInput;
import io.basalt.cli.shell.ReaderInput;
import io.basalt.cli.shell.Shell;
import io.basalt.cli.shell.ShellOutput;
import io.basalt.cli.shell.ShellProgram;
import io.basalt.cli.shell.ShellSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * The {@code basalt} command, independent of the process it runs in: parses the command line,
 * prints help or the version, runs {@code demo} or {@code dump}, or opens the database and runs the shell, and
 * returns the exit status. {@link Main} hands it the real streams; tests hand it strings and a
 * fake database.
 */
public final class BasaltCommand {
    private final InputStream stdin;
    private final PrintStream out;
    private final PrintStream err;
    private final DatabaseOpener opener;
    private final Path home;
    private final boolean terminal;

    /**
     * @param home     the user's home directory, where {@code .basaltrc} and {@code .basalt_history} live
     * @param terminal whether standard input and output are a terminal (interactive use)
     */
    public BasaltCommand(InputStream stdin, PrintStream out, PrintStream err, DatabaseOpener opener, Path home,
                         boolean terminal) {
        this.stdin = requireNonNull(stdin, "stdin is null");
        this.out = requireNonNull(out, "out is null");
        this.err = requireNonNull(err, "err is null");
        this.opener = requireNonNull(opener, "opener is null");
        this.home = home;
        this.terminal = terminal;
    }

    public int run(String... arguments) {
        try {
            if (arguments.length > 0 && arguments[0].equals("demo")) {
                return new DemoCommand(out, err, opener).run(Arrays.copyOfRange(arguments, 1, arguments.length));
            }
            if (arguments.length > 0 && arguments[0].equals("dump")) {
                return new DumpCommand(out, err, opener).run(Arrays.copyOfRange(arguments, 1, arguments.length));
            }
            return runShell(arguments);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int runShell(String[] arguments) {
        CommandLine commandLine;
        try {
            commandLine = CommandLineParser.parse(arguments);
        } catch (CommandLineException e) {
            err.println("basalt: " + e.getMessage());
            if (e.suggestsHelp()) {
                err.println("basalt: hint: Try \"basalt --help\" for more information.");
            }
            return ShellProgram.EXIT_FAILURE;
        }
        switch (commandLine.request()) {
            case HELP -> {
                out.print(UsageText.HELP);
                return ShellProgram.EXIT_SUCCESS;
            }
            case VERSION -> {
                out.println("basalt (Basalt) " + Version.current());
                return ShellProgram.EXIT_SUCCESS;
            }
            case RUN -> {
            }
        }
        for (String warning : commandLine.warnings()) {
            err.println("basalt: " + warning);
        }
        ShellOptions options = commandLine.options();
        Database database;
        try {
            database = opener.open(options.databasePath());
        } catch (RuntimeException e) {
            String target = options.databasePath() == null ? "an in-memory database"
                    : "database \"" + options.databasePath() + "\"";
            err.println("basalt: error: could not open " + target + ": " + e.getMessage());
            return ShellProgram.EXIT_BAD_CONNECTION;
        }
        Session first;
        try {
            first = options.user() == null ? database.connect() : database.connect(options.user());
        } catch (RuntimeException e) {
            database.close();
            err.println("basalt: error: connection to database failed: FATAL:  " + e.getMessage());
            return ShellProgram.EXIT_BAD_CONNECTION;
        }
        try (database; Session session = first) {
            return runProgram(database, session, options);
        } catch (IOException e) {
            out.flush();
            err.println("basalt: error: " + e.getMessage());
            return ShellProgram.EXIT_FAILURE;
        }
    }

    private int runProgram(Database database, Session session, ShellOptions options) throws IOException {
        ShellSettings settings = new ShellSettings(options.print(), options.quiet(), options.echo());
        for (Map.Entry<String, String> variable : options.variables()) {
            settings.setVariable(variable.getKey(), variable.getValue());
        }
        ShellOutput output = new ShellOutput(out, err);
        boolean interactive = terminal && options.actions().isEmpty();
        LineEditorInput editor = interactive && options.lineEditing() && home != null
                ? LineEditorInput.open(home.resolve(".basalt_history")) : null;
        try {
            Shell shell = new Shell(session, options.databasePath(), settings, output, new MetaCommandDispatcher(),
                    () -> editor == null ? 0 : editor.width());
            if (editor != null) {
                editor.onInterruptWhileRunning(() -> shell.session().cancel());
            }
            shell.setConnector((current, user) -> {
                Session fresh = user == null ? database.connect() : database.connect(user);
                current.close();
                return fresh;
            });
            BufferedReader reader = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
            InputSource terminalInput = !interactive ? null : editor != null ? editor : new ReaderInput(reader, out);
            Path startupFile = home == null ? null : home.resolve(".basaltrc");
            return new ShellProgram(shell, options).run(startupFile, terminalInput, new ReaderInput(reader, null));
        } finally {
            if (editor != null) {
                editor.close();
            }
        }
    }
}
