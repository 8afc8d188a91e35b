package io.basalt.cli.shell;

import static java.util.Objects.requireNonNull;

import io.basalt.api.Session;
import io.basalt.cli.format.PrintSettings;
import io.basalt.cli.options.EchoMode;
import io.basalt.cli.script.ScannedPiece;
import io.basalt.cli.script.ScannedPiece.MetaCommand;
import io.basalt.cli.script.ScannedPiece.SqlStatement;
import io.basalt.cli.script.StatementScanner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * One shell session over one engine session: its settings and output, the statement executor, the
 * backslash-command handler, and the ways input reaches it (scripts and the terminal through
 * {@link #runScript}, {@code -c} strings through {@link #runCommandString}).
 */
public final class Shell {
    /** Volatile: Ctrl-C reads it on the terminal's signal thread to cancel the running statement. */
    private volatile Session session;
    private final String databaseDescription;
    private final ShellSettings settings;
    private final ShellOutput output;
    private final MetaCommandHandler commands;
    private StatementExecutor executor;
    /** Opens the sessions of {@code \c}; null when the shell cannot reconnect. */
    private SessionConnector connector;
    /** The role the shell connected as (null: the database's default user). */
    private String connectedUser;
    private final IntSupplier terminalWidth;
    private String lastStatement;
    private InputSource standardInput;

    /**
     * @param databaseDescription the database directory, or null for an in-memory database
     * @param terminalWidth       columns of the terminal for {@code \x auto}, 0 when not at a terminal
     */
    public Shell(Session session, String databaseDescription, ShellSettings settings, ShellOutput output,
                 MetaCommandHandler commands, IntSupplier terminalWidth) {
        this.session = requireNonNull(session, "session is null");
        this.databaseDescription = databaseDescription;
        this.settings = requireNonNull(settings, "settings is null");
        this.output = requireNonNull(output, "output is null");
        this.commands = requireNonNull(commands, "commands is null");
        this.terminalWidth = requireNonNull(terminalWidth, "terminalWidth is null");
        this.executor = new StatementExecutor(session, settings, output, terminalWidth);
    }

    public Session session() {
        return session;
    }

    /** Lets {@code \c} open new sessions through {@code connector}. */
    public void setConnector(SessionConnector connector) {
        this.connector = connector;
    }

    /** The role the shell connected as, or null for the database's default user. */
    public String connectedUser() {
        return connectedUser;
    }

    /**
     * {@code \c}: replaces the session by a new one as {@code user} (null: the user connected as before), as psql's
     * reconnection does; settings, temporary tables and SET ROLE of the old session are gone.
     *
     * @throws IllegalArgumentException when the shell cannot reconnect
     */
    public void reconnect(String user) {
        if (connector == null) {
            throw new IllegalArgumentException("\\connect: this shell cannot open another connection");
        }
        String target = user != null ? user : connectedUser;
        Session fresh = connector.reconnect(session, target);
        session = fresh;
        connectedUser = target;
        executor = new StatementExecutor(fresh, settings, output, terminalWidth);
    }

    /** The database directory, or null for an in-memory database. */
    public String databaseDescription() {
        return databaseDescription;
    }

    public ShellSettings settings() {
        return settings;
    }

    public ShellOutput output() {
        return output;
    }

    public StatementExecutor executor() {
        return executor;
    }

    public MetaCommandHandler commands() {
        return commands;
    }

    public int terminalWidth() {
        return terminalWidth.getAsInt();
    }

    /** The statement sent most recently, for {@code \g} and {@code \p} with an empty buffer; null before the first. */
    public String lastStatement() {
        return lastStatement;
    }

    /**
     * Sends one statement typed or read from a script, after echoing it under {@code -e}; a COPY FROM STDIN
     * reads its data from standard input.
     */
    public boolean sendStatement(String sql, String locationPrefix, PrintSettings print) {
        return sendStatement(sql, locationPrefix, print, standardInput(), false).success();
    }

    /** The outcome of a statement: whether it succeeded, and how many input lines its COPY data took. */
    public record Sent(boolean success, int dataLines) {
    }

    /**
     * Sends one statement whose COPY FROM STDIN data, if any, follows it in {@code input} (read up to a line
     * {@code \.}; with a prompt when {@code interactive}).
     */
    Sent sendStatement(String sql, String locationPrefix, PrintSettings print, InputSource input,
                       boolean interactive) {
        if (settings.echo() == EchoMode.QUERIES) {
            output.println(sql);
        }
        lastStatement = sql;
        ShellCopyStreams streams = new ShellCopyStreams(input, interactive, output);
        boolean success = executor.execute(sql, sql, 0, locationPrefix, print, streams);
        return new Sent(success, streams.finish());
    }

    /** Standard input as the source of COPY data for statements that do not come from a script; one reader for all. */
    private InputSource standardInput() {
        if (standardInput == null) {
            standardInput = new ReaderInput(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                    null);
        }
        return standardInput;
    }

    /** Reads a script or the terminal to its end; see {@link ScriptRunner}. */
    public ScriptOutcome runScript(InputSource input, String sourceName, boolean interactive) throws IOException {
        return new ScriptRunner(this, input, sourceName, interactive).run();
    }

    /**
     * Runs the script file at {@code path} ({@code -} for standard input, shown as {@code <stdin>}).
     *
     * @throws IOException when the file cannot be opened; its message reads like psql's
     *                     ({@code FILE: No such file or directory})
     */
    public ScriptOutcome runFile(String path) throws IOException {
        if (path.equals("-")) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            return runScript(new ReaderInput(reader, null), "<stdin>", false);
        }
        try (BufferedReader reader = openScript(Path.of(path))) {
            return runScript(new ReaderInput(reader, null), path, false);
        }
    }

    /**
     * Runs one {@code -c} string: backslash commands when it starts with a backslash, otherwise SQL sent as one
     * query string, as psql sends it: its statements run in order in one implicit transaction until one fails,
     * which rolls the transaction back. Error positions refer to the whole string.
     *
     * @return whether everything succeeded
     */
    public CommandOutcome runCommandString(String text) {
        if (settings.echo() != EchoMode.NONE) {
            output.println(text);
        }
        if (text.startsWith("\\")) {
            StatementScanner scanner = new StatementScanner(true, settings::variable);
            for (String line : text.split("\n", -1)) {
                for (ScannedPiece piece : scanner.scanLine(line)) {
                    CommandOutcome step = switch (piece) {
                        case MetaCommand command -> commands.handle(command, new CommandScope(this, scanner, null, 0, false));
                        case SqlStatement statement -> sendStatement(statement.text(), "", settings.print())
                                ? CommandOutcome.SUCCESS : CommandOutcome.FAILURE;
                    };
                    if (step != CommandOutcome.SUCCESS) {
                        return step;
                    }
                }
            }
            return CommandOutcome.SUCCESS;
        }
        List<SqlStatement> statements = StatementScanner.splitSql(text);
        if (statements.isEmpty()) {
            return CommandOutcome.SUCCESS;
        }
        lastStatement = statements.getLast().text();
        // one query string: the statements share one implicit transaction, as psql's -c sends them
        return executor.execute(text, text, 0, "", settings.print(), new ShellCopyStreams(standardInput(), false, output))
                ? CommandOutcome.SUCCESS : CommandOutcome.FAILURE;
    }

    /** Opens a script file as UTF-8 (bad bytes become replacement characters). */
    public static BufferedReader openScript(Path path) throws IOException {
        try {
            return new BufferedReader(new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new IOException(path + ": No such file or directory", e);
        } catch (AccessDeniedException e) {
            throw new IOException(path + ": Permission denied", e);
        } catch (IOException e) {
            throw new IOException(path + ": " + e.getMessage(), e);
        }
    }
}
