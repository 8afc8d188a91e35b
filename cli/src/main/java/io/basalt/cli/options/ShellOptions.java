package io.basalt.cli.options;

import static java.util.Objects.requireNonNull;

import io.basalt.cli.format.PrintSettings;
import java.util.List;
import java.util.Map;

/**
 * The shell's command line, parsed.
 *
 * @param databasePath   the database directory, or null for an in-memory database
 * @param user           {@code -U}: the role to connect as, or null for the database's default user
 * @param actions        {@code -c} and {@code -f} actions in the order given
 * @param print          output settings from {@code --csv}, {@code -A}, {@code -t}, {@code -F}, {@code -x}, {@code -P}
 * @param echo           {@code -a} / {@code -e}
 * @param quiet          {@code -q}: no command tags and informational messages
 * @param readStartupFile whether {@code ~/.basaltrc} is read ({@code -X} turns it off)
 * @param lineEditing    whether interactive input uses line editing ({@code -n} turns it off)
 * @param variables      {@code -v NAME=VALUE} assignments in order; a null value unsets the name
 */
public record ShellOptions(String databasePath, String user, List<StartupAction> actions, PrintSettings print, EchoMode echo,
                           boolean quiet, boolean readStartupFile, boolean lineEditing,
                           List<Map.Entry<String, String>> variables) {
    public ShellOptions {
        requireNonNull(actions, "actions is null");
        requireNonNull(print, "print is null");
        requireNonNull(echo, "echo is null");
        requireNonNull(variables, "variables is null");
        actions = List.copyOf(actions);
        variables = List.copyOf(variables);
    }
}
