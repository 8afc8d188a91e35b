package io.basalt.cli.command;

import io.basalt.cli.format.ExpandedMode;
import io.basalt.cli.format.PrintSettings;
import io.basalt.cli.options.BooleanText;
import io.basalt.cli.options.PrintOption;
import io.basalt.cli.script.MetaArguments;
import io.basalt.cli.script.ScannedPiece.MetaCommand;
import io.basalt.cli.shell.CommandOutcome;
import io.basalt.cli.shell.CommandScope;
import io.basalt.cli.shell.MetaCommandHandler;
import io.basalt.cli.shell.ScriptOutcome;
import io.basalt.cli.shell.Shell;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs the backslash commands psql users reach for, with psql's messages: q, ?, timing, x, a, t,
 * f, pset, d, dt, du, dp, i, ir, echo, qecho, set, unset, getenv, g, gx, p, r, c and conninfo (each written after a
 * backslash). Anything else is {@code invalid command \name}.
 */
public final class MetaCommandDispatcher implements MetaCommandHandler {
    @Override
    public CommandOutcome handle(MetaCommand command, CommandScope scope) {
        List<String> arguments = command.arguments();
        String first = arguments.isEmpty() ? null : MetaArguments.value(arguments.getFirst());
        Shell shell = scope.shell();
        try {
            return switch (command.name()) {
                case "q", "quit" -> {
                    warnExtra(scope, command, 0);
                    yield CommandOutcome.QUIT;
                }
                case "?" -> {
                    shell.output().out().print(CommandHelp.TEXT);
                    yield CommandOutcome.SUCCESS;
                }
                case "timing" -> timing(scope, first);
                case "x" -> print(scope, PrintOption.expanded(shell.settings().print(), first, "expanded"));
                case "a" -> print(scope, PrintOption.toggleAligned(shell.settings().print()));
                case "t" -> print(scope, PrintOption.tuplesOnly(shell.settings().print(), first, "\\t"));
                case "f" -> print(scope, PrintOption.apply(shell.settings().print(), "fieldsep", first));
                case "pset" -> pset(scope, arguments);
                case "d", "d+", "dS", "dS+" -> first == null ? RelationLists.list(scope, "rpvmS", null)
                        : RelationDescriptions.describe(scope, arguments.getFirst(), command.name().endsWith("+"));
                case "dt", "dt+", "dtS", "dtS+" -> RelationLists.list(scope, "rp",
                        first == null ? null : arguments.getFirst());
                case "di", "di+", "diS", "diS+" -> RelationLists.list(scope, "i",
                        first == null ? null : arguments.getFirst());
                case "dv", "dv+", "dvS", "dvS+" -> RelationLists.list(scope, "v",
                        first == null ? null : arguments.getFirst());
                case "dm", "dm+", "dmS", "dmS+" -> RelationLists.list(scope, "m",
                        first == null ? null : arguments.getFirst());
                case "ds", "ds+", "dsS", "dsS+" -> RelationLists.list(scope, "S",
                        first == null ? null : arguments.getFirst());
                case "dn", "dn+", "dnS", "dnS+" -> RelationLists.schemas(scope,
                        first == null ? null : arguments.getFirst());
                case "i", "include" -> include(scope, first, false);
                case "ir", "include_relative" -> include(scope, first, true);
                case "echo", "qecho" -> echo(scope, arguments);
                case "set" -> set(scope, arguments);
                case "unset" -> unset(scope, first);
                case "getenv" -> {
                    warnExtra(scope, command, 2);
                    yield getenv(scope, arguments);
                }
                case "g" -> sendBuffer(scope, shell.settings().print());
                case "gx" -> sendBuffer(scope, shell.settings().print().withExpanded(ExpandedMode.ON));
                case "p", "print" -> printBuffer(scope);
                case "r", "reset" -> {
                    scope.scanner().reset();
                    scope.inform("Query buffer reset (cleared).");
                    yield CommandOutcome.SUCCESS;
                }
                case "c", "connect" -> ConnectCommand.run(scope, arguments);
                case "du", "du+", "duS", "duS+", "dg", "dg+" -> PrivilegeCommands.listRoles(scope,
                        first == null ? null : arguments.getFirst());
                case "dp", "z" -> PrivilegeCommands.listPrivileges(scope, first == null ? null : arguments.getFirst());
                case "conninfo" -> {
                    String path = shell.databaseDescription();
                    shell.output().println(path == null ? "You are connected to an in-memory database."
                            : "You are connected to database \"" + path + "\".");
                    yield CommandOutcome.SUCCESS;
                }
                default -> {
                    scope.reportError("invalid command \\" + command.name());
                    if (scope.interactive()) {
                        shell.output().errorLine("Try \\? for help.");
                    }
                    yield CommandOutcome.FAILURE;
                }
            };
        } catch (IllegalArgumentException e) {
            scope.reportError(e.getMessage());
            return CommandOutcome.FAILURE;
        } catch (io.basalt.error.BasaltException e) {
            // a catalog query of \d failed (e.g. in an aborted transaction): psql reports the server's error
            shell.output().error(scope.locationPrefix() + "ERROR:  " + e.getMessage() + "\n");
            return CommandOutcome.FAILURE;
        }
    }

    private static CommandOutcome timing(CommandScope scope, String value) {
        boolean on;
        if (value == null) {
            on = !scope.shell().settings().timing();
        } else {
            Boolean parsed = BooleanText.parse(value);
            if (parsed == null) {
                throw new IllegalArgumentException("unrecognized value \"" + value + "\" for \"\\timing\": Boolean expected");
            }
            on = parsed;
        }
        scope.shell().settings().setTiming(on);
        scope.inform(on ? "Timing is on." : "Timing is off.");
        return CommandOutcome.SUCCESS;
    }

    private static CommandOutcome print(CommandScope scope, PrintOption.Outcome outcome) {
        scope.shell().settings().setPrint(outcome.settings());
        scope.inform(outcome.message());
        return CommandOutcome.SUCCESS;
    }

    private static CommandOutcome pset(CommandScope scope, List<String> arguments) {
        PrintSettings print = scope.shell().settings().print();
        if (arguments.isEmpty()) {
            StringBuilder listing = new StringBuilder();
            listing.append(String.format("%-25s%s%n", "expanded", print.expanded().name().toLowerCase(java.util.Locale.ROOT)));
            listing.append(String.format("%-25s'%s'%n", "fieldsep", print.fieldSeparator()));
            listing.append(String.format("%-25s%s%n", "format", print.format().name().toLowerCase(java.util.Locale.ROOT)));
            listing.append(String.format("%-25s'%s'%n", "null", print.nullDisplay()));
            listing.append(String.format("%-25s%s%n", "tuples_only", print.tuplesOnly() ? "on" : "off"));
            scope.shell().output().out().print(listing);
            return CommandOutcome.SUCCESS;
        }
        String name = MetaArguments.value(arguments.get(0));
        String value = arguments.size() > 1 ? MetaArguments.value(arguments.get(1)) : null;
        return print(scope, PrintOption.apply(print, name, value));
    }

    private static CommandOutcome include(CommandScope scope, String file, boolean relative) {
        if (file == null) {
            scope.reportError("\\" + (relative ? "ir" : "i") + ": missing required argument");
            return CommandOutcome.FAILURE;
        }
        String path = file;
        if (relative && scope.sourceName() != null && !Path.of(file).isAbsolute()) {
            Path parent = Path.of(scope.sourceName()).getParent();
            if (parent != null) {
                path = parent.resolve(file).toString();
            }
        }
        ScriptOutcome outcome;
        try {
            outcome = scope.shell().runFile(path);
        } catch (IOException e) {
            scope.reportError(e.getMessage());
            return CommandOutcome.FAILURE;
        }
        return switch (outcome) {
            case FINISHED -> CommandOutcome.SUCCESS;
            case QUIT -> CommandOutcome.QUIT;
            case STOPPED -> CommandOutcome.STOPPED;
        };
    }

    private static CommandOutcome echo(CommandScope scope, List<String> arguments) {
        StringBuilder line = new StringBuilder();
        for (String argument : arguments) {
            if (!line.isEmpty()) {
                line.append(' ');
            }
            // psql keeps double quotes in \echo's output and removes single quotes.
            line.append(argument.startsWith("\"") ? argument : MetaArguments.value(argument));
        }
        scope.shell().output().println(line.toString());
        return CommandOutcome.SUCCESS;
    }

    private static CommandOutcome set(CommandScope scope, List<String> arguments) {
        if (arguments.isEmpty()) {
            for (Map.Entry<String, String> variable : new java.util.TreeMap<>(scope.shell().settings().variables()).entrySet()) {
                scope.shell().output().println(variable.getKey() + " = '" + variable.getValue() + "'");
            }
            return CommandOutcome.SUCCESS;
        }
        String name = MetaArguments.value(arguments.getFirst());
        StringBuilder value = new StringBuilder();
        for (int i = 1; i < arguments.size(); i++) {
            value.append(MetaArguments.value(arguments.get(i)));
        }
        scope.shell().settings().setVariable(name, value.toString());
        return CommandOutcome.SUCCESS;
    }

    /** {@code \getenv variable name}: the environment variable's value into the variable; unset leaves it be. */
    private static CommandOutcome getenv(CommandScope scope, List<String> arguments) {
        if (arguments.size() < 2) {
            scope.reportError("\\getenv: missing required argument");
            return CommandOutcome.FAILURE;
        }
        String value = scope.shell().settings().environmentVariable(MetaArguments.value(arguments.get(1)));
        if (value != null) {
            scope.shell().settings().setVariable(MetaArguments.value(arguments.getFirst()), value);
        }
        return CommandOutcome.SUCCESS;
    }

    private static CommandOutcome unset(CommandScope scope, String name) {
        if (name == null) {
            scope.reportError("\\unset: missing required argument");
            return CommandOutcome.FAILURE;
        }
        scope.shell().settings().setVariable(name, null);
        return CommandOutcome.SUCCESS;
    }

    /** {@code \g}: sends the buffered statement, or the previous one again when the buffer is empty. */
    private static CommandOutcome sendBuffer(CommandScope scope, PrintSettings print) {
        String sql = scope.scanner().hasPendingInput() ? scope.scanner().pendingText() : scope.shell().lastStatement();
        scope.scanner().reset();
        if (sql == null || sql.isBlank()) {
            return CommandOutcome.SUCCESS;
        }
        return scope.shell().sendStatement(sql, scope.locationPrefix(), print) ? CommandOutcome.SUCCESS
                : CommandOutcome.FAILURE;
    }

    private static CommandOutcome printBuffer(CommandScope scope) {
        String text = scope.scanner().hasPendingInput() ? scope.scanner().pendingText() : scope.shell().lastStatement();
        scope.shell().output().println(text == null ? "Query buffer is empty." : text);
        return CommandOutcome.SUCCESS;
    }

    private static void warnExtra(CommandScope scope, MetaCommand command, int allowed) {
        for (int i = allowed; i < command.arguments().size(); i++) {
            scope.reportWarning("\\" + command.name() + ": extra argument \"" + MetaArguments.value(command.arguments().get(i))
                    + "\" ignored");
        }
    }
}
