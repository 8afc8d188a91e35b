package io.basalt.cli.shell;

import static java.util.Objects.requireNonNull;

import io.basalt.cli.format.PrintSettings;
import io.basalt.cli.options.BooleanText;
import io.basalt.cli.options.EchoMode;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shell's mutable settings, changed by the command line and by backslash commands: how tables
 * print, {@code \timing}, quiet mode, echo, and psql-style variables such as {@code ON_ERROR_STOP}.
 */
public final class ShellSettings {
    public static final String ON_ERROR_STOP = "ON_ERROR_STOP";

    private PrintSettings print;
    private boolean timing;
    private boolean quiet;
    private EchoMode echo;
    private final Map<String, String> variables = new TreeMap<>();
    /** What {@code \getenv} reads; null for the process's environment. */
    private Map<String, String> environment;

    public ShellSettings(PrintSettings print, boolean quiet, EchoMode echo) {
        this.print = requireNonNull(print, "print is null");
        this.quiet = quiet;
        this.echo = requireNonNull(echo, "echo is null");
    }

    public PrintSettings print() {
        return print;
    }

    public void setPrint(PrintSettings newPrint) {
        print = requireNonNull(newPrint, "newPrint is null");
    }

    public boolean timing() {
        return timing;
    }

    public void setTiming(boolean on) {
        timing = on;
    }

    /** Quiet mode ({@code -q}): no command tags and no informational messages. */
    public boolean quiet() {
        return quiet;
    }

    public EchoMode echo() {
        return echo;
    }

    public void setEcho(EchoMode newEcho) {
        echo = requireNonNull(newEcho, "newEcho is null");
    }

    /** Whether a script stops at its first error ({@code -v ON_ERROR_STOP=1}). */
    public boolean onErrorStop() {
        return Boolean.TRUE.equals(BooleanText.parse(variables.get(ON_ERROR_STOP)));
    }

    /** Sets a variable; a null value unsets it. */
    public void setVariable(String name, String value) {
        if (value == null) {
            variables.remove(name);
        } else {
            variables.put(name, value);
        }
        if (name.equals("QUIET")) {
            quiet = Boolean.TRUE.equals(BooleanText.parse(value));
        } else if (name.equals("ECHO")) {
            echo = switch (value == null ? "none" : value) {
                case "all" -> EchoMode.ALL;
                case "queries" -> EchoMode.QUERIES;
                default -> EchoMode.NONE;
            };
        }
    }

    public String variable(String name) {
        return variables.get(name);
    }

    /** The environment variable {@code name} as {@code \getenv} sees it, or null when it is not set. */
    public String environmentVariable(String name) {
        return environment == null ? System.getenv(name) : environment.get(name);
    }

    /** Replaces the process's environment for {@code \getenv} (a test harness's, for instance). */
    public void setEnvironment(Map<String, String> newEnvironment) {
        environment = Map.copyOf(newEnvironment);
    }

    /** The variables in name order. */
    public Map<String, String> variables() {
        return Map.copyOf(variables);
    }
}
