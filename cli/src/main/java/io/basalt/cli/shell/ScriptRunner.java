package io.basalt.cli.shell;

import static java.util.Objects.requireNonNull;

import io.basalt.cli.options.EchoMode;
import io.basalt.cli.script.ScannedPiece;
import io.basalt.cli.script.ScannedPiece.MetaCommand;
import io.basalt.cli.script.ScannedPiece.SqlStatement;
import io.basalt.cli.script.StatementScanner;
import java.io.IOException;
import java.util.Locale;

/**
 * psql's main loop over one input: reads lines, echoes them under {@code -a}, feeds them to the
 * statement scanner, sends each complete statement and runs each backslash command. At the end of
 * a script a statement still buffered is sent. At a terminal it shows the prompt
 * ({@code basalt=> }, {@code basalt-> } inside a statement, {@code basalt(> } inside parentheses,
 * {@code basalt'> } inside a string), keeps the history, drops the buffer on Ctrl-C, understands
 * {@code help}, {@code quit} and {@code exit} typed alone, and prints {@code \q} on Ctrl-D. In a
 * script an error stops it when ON_ERROR_STOP is set.
 */
final class ScriptRunner {
    private final Shell shell;
    private final InputSource input;
    private final String sourceName;
    private final boolean interactive;
    private final StatementScanner scanner;
    private int lineNumber;

    ScriptRunner(Shell shell, InputSource input, String sourceName, boolean interactive) {
        this.shell = requireNonNull(shell, "shell is null");
        this.input = requireNonNull(input, "input is null");
        this.sourceName = sourceName;
        this.interactive = interactive;
        this.scanner = new StatementScanner(true, shell.settings()::variable);
    }

    ScriptOutcome run() throws IOException {
        while (true) {
            shell.output().flush();
            String text;
            try {
                text = input.readLine(interactive ? "basalt" + scanner.promptIndicator() + "> " : null);
            } catch (InputInterruptedException e) {
                scanner.reset();
                continue;
            }
            if (text == null) {
                break;
            }
            // A line editor hands over a paste or a recalled statement as one text; take it line by line.
            for (String line : text.split("\n", -1)) {
                ScriptOutcome outcome = processLine(line);
                if (outcome != null) {
                    return outcome;
                }
            }
        }
        if (interactive) {
            shell.output().println("\\q");
            return ScriptOutcome.QUIT;
        }
        SqlStatement last = scanner.finish();
        if (last != null && !send(last.text())) {
            return stopOnError() ? ScriptOutcome.STOPPED : ScriptOutcome.FINISHED;
        }
        return ScriptOutcome.FINISHED;
    }

    /** Handles one line; returns how the script ends, or null to go on. */
    private ScriptOutcome processLine(String line) {
        lineNumber++;
        if (!interactive && line.equals("\\.") && !scanner.hasPendingInput()) {
            // the end of COPY data whose COPY failed before reading it: psql 18 passes over it in silence
            return null;
        }
        if (!interactive && shell.settings().echo() == EchoMode.ALL && !(line.isEmpty() && !scanner.insideQuoteOrComment())) {
            shell.output().println(line);
        }
        if (interactive && !scanner.hasPendingInput()) {
            ScriptOutcome outcome = interactiveWord(line.strip().toLowerCase(Locale.ROOT));
            if (outcome != null) {
                return outcome;
            }
            if (isInteractiveWord(line)) {
                return null;
            }
        }
        boolean remembered = false;
        for (ScannedPiece piece : scanner.scanLine(line)) {
            switch (piece) {
                case SqlStatement statement -> {
                    if (interactive) {
                        input.remember(statement.text());
                    }
                    if (!send(statement.text()) && stopOnError()) {
                        return ScriptOutcome.STOPPED;
                    }
                }
                case MetaCommand command -> {
                    if (interactive && !remembered) {
                        input.remember(line);
                        remembered = true;
                    }
                    CommandScope scope = new CommandScope(shell, scanner, sourceName, lineNumber, interactive);
                    CommandOutcome outcome = shell.commands().handle(command, scope);
                    switch (outcome) {
                        case QUIT -> {
                            return ScriptOutcome.QUIT;
                        }
                        case STOPPED -> {
                            return ScriptOutcome.STOPPED;
                        }
                        case FAILURE -> {
                            if (stopOnError()) {
                                return ScriptOutcome.STOPPED;
                            }
                        }
                        case SUCCESS -> {
                        }
                    }
                }
            }
        }
        return null;
    }

    /** psql's words for newcomers at an empty prompt: help, quit, exit. */
    private ScriptOutcome interactiveWord(String word) {
        switch (word) {
            case "help" -> shell.output().println(HelpText.GREETING_HELP);
            case "quit", "exit" -> {
                return ScriptOutcome.QUIT;
            }
            default -> {
            }
        }
        return null;
    }

    private static boolean isInteractiveWord(String line) {
        return line.strip().equalsIgnoreCase("help");
    }

    private boolean send(String sql) {
        Shell.Sent sent = shell.sendStatement(sql, CommandScope.locationPrefix(sourceName, lineNumber),
                shell.settings().print(), input, interactive);
        lineNumber += sent.dataLines();
        return sent.success();
    }

    private boolean stopOnError() {
        return !interactive && shell.settings().onErrorStop();
    }
}
