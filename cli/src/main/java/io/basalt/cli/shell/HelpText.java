package io.basalt.cli.shell;

/** Fixed texts the shell prints: the greeting at the terminal and the answer to {@code help}. */
public final class HelpText {
    /** What {@code help} typed at an empty prompt prints. */
    public static final String GREETING_HELP = """
            You are using basalt, the command-line interface to Basalt.
            Type:  \\? for help with basalt commands
                   \\g or terminate with semicolon to execute query
                   \\q to quit""";

    private HelpText() {
    }

    /** The two lines printed when the shell starts at a terminal, followed by an empty line. */
    public static String greeting(String version) {
        return "basalt (Basalt " + version + ")\nType \"help\" for help.\n";
    }
}
