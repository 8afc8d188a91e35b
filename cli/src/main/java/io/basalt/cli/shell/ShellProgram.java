package io.basalt.cli.shell;

import static java.util.Objects.requireNonNull;

import io.basalt.cli.options.ShellOptions;
import io.basalt.cli.options.StartupAction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shell from start to exit status, as psql runs: the startup file {@code ~/.basaltrc} (unless
 * {@code -X}), then either the {@code -c}/{@code -f} actions in order or the standard input (a
 * terminal or a piped script). Exit status as psql's: 0 on success; 1 when the last action failed
 * or a file could not be read; 3 when a script stopped at an error under ON_ERROR_STOP. Without
 * ON_ERROR_STOP a script goes on after errors and still exits with 0.
 */
public final class ShellProgram {
    public static final int EXIT_SUCCESS = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_BAD_CONNECTION = 2;
    public static final int EXIT_USER = 3;

    private final Shell shell;
    private final ShellOptions options;

    public ShellProgram(Shell shell, ShellOptions options) {
        this.shell = requireNonNull(shell, "shell is null");
        this.options = requireNonNull(options, "options is null");
    }

    /**
     * Runs everything and returns the exit status.
     *
     * @param startupFile the startup file to read unless {@code -X} was given (read only if it exists)
     * @param terminal    the terminal's input when standard input and output are a terminal, else
     *                    null; used only when there are no {@code -c}/{@code -f} actions
     * @param stdin       piped standard input, used when there is no terminal and no action
     */
    public int run(Path startupFile, InputSource terminal, InputSource stdin) throws IOException {
        if (options.readStartupFile() && startupFile != null && Files.isRegularFile(startupFile)) {
            ScriptOutcome outcome = runScriptFile(startupFile.toString());
            if (outcome == ScriptOutcome.QUIT) {
                return EXIT_SUCCESS;
            }
        }
        if (!options.actions().isEmpty()) {
            return runActions();
        }
        if (terminal != null) {
            if (!shell.settings().quiet()) {
                shell.output().println(HelpText.greeting(io.basalt.cli.Version.current()));
            }
            shell.runScript(terminal, null, true);
            return EXIT_SUCCESS;
        }
        ScriptOutcome outcome = shell.runScript(stdin, null, false);
        return outcome == ScriptOutcome.STOPPED ? EXIT_USER : EXIT_SUCCESS;
    }

    private int runActions() throws IOException {
        int status = EXIT_SUCCESS;
        for (StartupAction action : options.actions()) {
            switch (action) {
                case StartupAction.Command command -> {
                    CommandOutcome outcome = shell.runCommandString(command.text());
                    if (outcome == CommandOutcome.QUIT) {
                        return status;
                    }
                    status = outcome == CommandOutcome.SUCCESS ? EXIT_SUCCESS : EXIT_FAILURE;
                }
                case StartupAction.ScriptFile file -> {
                    ScriptOutcome outcome = runScriptFile(file.path());
                    if (outcome == null) {
                        status = EXIT_FAILURE;
                    } else if (outcome == ScriptOutcome.QUIT) {
                        return EXIT_SUCCESS;
                    } else {
                        status = outcome == ScriptOutcome.STOPPED ? EXIT_USER : EXIT_SUCCESS;
                    }
                }
            }
            if (status != EXIT_SUCCESS && shell.settings().onErrorStop()) {
                break;
            }
        }
        return status;
    }

    /** Runs a script file; null when it cannot be read (the error is already printed). */
    private ScriptOutcome runScriptFile(String path) throws IOException {
        try {
            return shell.runFile(path);
        } catch (IOException e) {
            shell.output().errorLine("basalt: error: " + e.getMessage());
            return null;
        }
    }
}
