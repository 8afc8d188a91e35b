package io.basalt.cli;

import io.basalt.cli.conformance.ConformanceMain;
import java.io.Console;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;

/** Entry point of {@code ./basalt}: the psql-like shell, {@code basalt demo} and {@code basalt conformance}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] arguments) {
        // Arrow logs through SLF4J, which has no logger here and would warn about that on every start.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        PrintStream err = StandardStreams.error();
        PrintStream out = StandardStreams.output();
        if (arguments.length > 0 && arguments[0].equals("conformance")) {
            int status = ConformanceMain.run(Arrays.copyOfRange(arguments, 1, arguments.length), out, err);
            out.flush();
            System.exit(status);
        }
        Console console = System.console();
        boolean terminal = console != null && console.isTerminal();
        // Like psql, $HOME first; Java's user.home comes from the password database.
        String home = System.getenv("HOME");
        if (home == null || home.isEmpty()) {
            home = System.getProperty("user.home");
        }
        int status = new BasaltCommand(System.in, out, err, DatabaseOpener.engine(),
                home == null ? null : Path.of(home), terminal).run(arguments);
        System.exit(status);
    }
}
