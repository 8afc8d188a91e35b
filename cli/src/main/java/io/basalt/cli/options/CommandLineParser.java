package io.basalt.cli.options;

import io.basalt.cli.format.ExpandedMode;
import io.basalt.cli.format.OutputFormat;
import io.basalt.cli.format.PrintSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses the shell's command line with psql's option letters and GNU getopt conventions: short
 * options can be bundled ({@code -qAt}) and take their value attached or as the next argument
 * ({@code -F,} or {@code -F ,}), long options take {@code --name=value} or {@code --name value},
 * options and the database path can come in any order, and {@code --} ends the options.
 */
public final class CommandLineParser {
    private record OptionSpec(char shortName, String longName, boolean takesValue) {
    }

    private static final List<OptionSpec> SPECS = List.of(
            new OptionSpec('c', "command", true),
            new OptionSpec('f', "file", true),
            new OptionSpec('d', "dbname", true),
            new OptionSpec('U', "username", true),
            new OptionSpec('A', "no-align", false),
            new OptionSpec((char) 0, "csv", false),
            new OptionSpec('t', "tuples-only", false),
            new OptionSpec('F', "field-separator", true),
            new OptionSpec('x', "expanded", false),
            new OptionSpec('P', "pset", true),
            new OptionSpec('X', "no-psqlrc", false),
            new OptionSpec('a', "echo-all", false),
            new OptionSpec('e', "echo-queries", false),
            new OptionSpec('q', "quiet", false),
            new OptionSpec('n', "no-readline", false),
            new OptionSpec('v', "set", true),
            new OptionSpec('v', "variable", true),
            new OptionSpec('?', "help", false),
            new OptionSpec('V', "version", false));

    private String databasePath;
    private String user;
    private final List<StartupAction> actions = new ArrayList<>();
    private PrintSettings print = PrintSettings.defaults();
    private EchoMode echo = EchoMode.NONE;
    private boolean quiet;
    private boolean readStartupFile = true;
    private boolean lineEditing = true;
    private final List<Map.Entry<String, String>> variables = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private CommandLine.Request request = CommandLine.Request.RUN;

    private CommandLineParser() {
    }

    /** @throws CommandLineException for an unknown option, a missing value or a bad {@code -v}/{@code -P} */
    public static CommandLine parse(String... arguments) throws CommandLineException {
        return new CommandLineParser().run(arguments);
    }

    private CommandLine run(String[] arguments) throws CommandLineException {
        List<String> positional = new ArrayList<>();
        int i = 0;
        while (i < arguments.length) {
            String argument = arguments[i++];
            if (argument.equals("--")) {
                while (i < arguments.length) {
                    positional.add(arguments[i++]);
                }
            } else if (argument.startsWith("--")) {
                i = longOption(argument, arguments, i);
            } else if (argument.startsWith("-") && argument.length() > 1) {
                i = shortOptions(argument, arguments, i);
            } else {
                positional.add(argument);
            }
        }
        for (String extra : positional) {
            if (databasePath == null) {
                databasePath = extra;
            } else {
                warnings.add("warning: extra command-line argument \"" + extra + "\" ignored");
            }
        }
        ShellOptions options = new ShellOptions(databasePath, user, actions, print, echo, quiet, readStartupFile,
                lineEditing, variables);
        return new CommandLine(request, options, warnings);
    }

    private int longOption(String argument, String[] arguments, int next) throws CommandLineException {
        String body = argument.substring(2);
        int equals = body.indexOf('=');
        String name = equals < 0 ? body : body.substring(0, equals);
        for (OptionSpec spec : SPECS) {
            if (!spec.longName().equals(name)) {
                continue;
            }
            if (!spec.takesValue()) {
                if (equals >= 0) {
                    throw invalid("option '--" + name + "' doesn't allow an argument");
                }
                apply(spec, null);
                return next;
            }
            if (equals >= 0) {
                apply(spec, body.substring(equals + 1));
                return next;
            }
            if (next >= arguments.length) {
                throw invalid("option '--" + name + "' requires an argument");
            }
            apply(spec, arguments[next]);
            return next + 1;
        }
        throw invalid("unrecognized option '" + argument + "'");
    }

    private int shortOptions(String argument, String[] arguments, int next) throws CommandLineException {
        for (int at = 1; at < argument.length(); at++) {
            char letter = argument.charAt(at);
            OptionSpec spec = shortSpec(letter);
            if (spec == null) {
                throw invalid("invalid option -- '" + letter + "'");
            }
            if (!spec.takesValue()) {
                apply(spec, null);
                continue;
            }
            if (at + 1 < argument.length()) {
                apply(spec, argument.substring(at + 1));
                return next;
            }
            if (next >= arguments.length) {
                throw invalid("option requires an argument -- '" + letter + "'");
            }
            apply(spec, arguments[next]);
            return next + 1;
        }
        return next;
    }

    private static OptionSpec shortSpec(char letter) {
        for (OptionSpec spec : SPECS) {
            if (spec.shortName() == letter) {
                return spec;
            }
        }
        return null;
    }

    private void apply(OptionSpec spec, String value) throws CommandLineException {
        switch (spec.longName()) {
            case "command" -> actions.add(new StartupAction.Command(value));
            case "file" -> actions.add(new StartupAction.ScriptFile(value));
            case "dbname" -> databasePath = value;
            case "username" -> user = value;
            case "no-align" -> print = print.withFormat(OutputFormat.UNALIGNED);
            case "csv" -> print = print.withFormat(OutputFormat.CSV);
            case "tuples-only" -> print = print.withTuplesOnly(true);
            case "field-separator" -> print = print.withFieldSeparator(value);
            case "expanded" -> print = print.withExpanded(ExpandedMode.ON);
            case "pset" -> pset(value);
            case "no-psqlrc" -> readStartupFile = false;
            case "echo-all" -> echo = EchoMode.ALL;
            case "echo-queries" -> echo = EchoMode.QUERIES;
            case "quiet" -> quiet = true;
            case "no-readline" -> lineEditing = false;
            case "set", "variable" -> variable(value);
            case "help" -> request = CommandLine.Request.HELP;
            case "version" -> request = CommandLine.Request.VERSION;
            default -> throw new IllegalStateException("unhandled option " + spec.longName());
        }
    }

    private void variable(String assignment) throws CommandLineException {
        int equals = assignment.indexOf('=');
        String name = equals < 0 ? assignment : assignment.substring(0, equals);
        if (name.isEmpty()) {
            throw new CommandLineException("error: invalid variable name: \"" + name + "\"", false);
        }
        variables.add(new java.util.AbstractMap.SimpleImmutableEntry<>(name, equals < 0 ? null : assignment.substring(equals + 1)));
    }

    private void pset(String assignment) throws CommandLineException {
        int equals = assignment.indexOf('=');
        String name = equals < 0 ? assignment : assignment.substring(0, equals);
        String value = equals < 0 ? null : assignment.substring(equals + 1);
        try {
            print = PrintOption.apply(print, name, value).settings();
        } catch (IllegalArgumentException e) {
            throw new CommandLineException("error: " + e.getMessage(), false);
        }
    }

    private static CommandLineException invalid(String message) {
        return new CommandLineException(message, true);
    }
}
