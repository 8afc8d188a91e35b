package io.basalt.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.cli.format.ExpandedMode;
import io.basalt.cli.format.OutputFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineParserTest {
    @Test
    void defaultsToTheShellOnAnInMemoryDatabase() throws CommandLineException {
        CommandLine line = CommandLineParser.parse();
        assertThat(line.request()).isEqualTo(CommandLine.Request.RUN);
        ShellOptions options = line.options();
        assertThat(options.databasePath()).isNull();
        assertThat(options.actions()).isEmpty();
        assertThat(options.print().format()).isEqualTo(OutputFormat.ALIGNED);
        assertThat(options.readStartupFile()).isTrue();
        assertThat(options.quiet()).isFalse();
        assertThat(options.echo()).isEqualTo(EchoMode.NONE);
    }

    @Test
    void commandsAndFilesKeepTheirOrderAndTheDatabaseMayComeAnywhere() throws CommandLineException {
        ShellOptions options = CommandLineParser.parse("-c", "SELECT 1", "/tmp/db1", "-f", "a.sql", "--command=SELECT 2",
                "--file", "b.sql", "-cSELECT 3").options();
        assertThat(options.databasePath()).isEqualTo("/tmp/db1");
        assertThat(options.actions()).containsExactly(
                new StartupAction.Command("SELECT 1"), new StartupAction.ScriptFile("a.sql"),
                new StartupAction.Command("SELECT 2"), new StartupAction.ScriptFile("b.sql"),
                new StartupAction.Command("SELECT 3"));
    }

    @Test
    void bundledShortOptionsAndAttachedValues() throws CommandLineException {
        ShellOptions options = CommandLineParser.parse("-qAtX", "-F;", "-x").options();
        assertThat(options.quiet()).isTrue();
        assertThat(options.print().format()).isEqualTo(OutputFormat.UNALIGNED);
        assertThat(options.print().tuplesOnly()).isTrue();
        assertThat(options.print().fieldSeparator()).isEqualTo(";");
        assertThat(options.print().expanded()).isEqualTo(ExpandedMode.ON);
        assertThat(options.readStartupFile()).isFalse();
        assertThat(CommandLineParser.parse("--field-separator=,", "--csv").options().print())
                .satisfies(print -> {
                    assertThat(print.fieldSeparator()).isEqualTo(",");
                    assertThat(print.format()).isEqualTo(OutputFormat.CSV);
                });
    }

    @Test
    void echoQuietAndVariables() throws CommandLineException {
        assertThat(CommandLineParser.parse("-a").options().echo()).isEqualTo(EchoMode.ALL);
        assertThat(CommandLineParser.parse("-a", "-e").options().echo()).isEqualTo(EchoMode.QUERIES);
        List<Map.Entry<String, String>> variables = CommandLineParser.parse(
                "-v", "ON_ERROR_STOP=1", "--set=A=b=c", "--variable", "GONE").options().variables();
        assertThat(variables).hasSize(3);
        assertThat(variables.get(0)).isEqualTo(Map.entry("ON_ERROR_STOP", "1"));
        assertThat(variables.get(1)).isEqualTo(Map.entry("A", "b=c"));
        assertThat(variables.get(2).getKey()).isEqualTo("GONE");
        assertThat(variables.get(2).getValue()).isNull();
    }

    @Test
    void psetOptions() throws CommandLineException {
        ShellOptions options = CommandLineParser.parse("-P", "format=csv", "--pset=null=(null)", "-Ptuples_only").options();
        assertThat(options.print().format()).isEqualTo(OutputFormat.CSV);
        assertThat(options.print().nullDisplay()).isEqualTo("(null)");
        assertThat(options.print().tuplesOnly()).isTrue();
        assertThatThrownBy(() -> CommandLineParser.parse("-P", "format=html"))
                .hasMessage("error: \\pset: allowed formats are aligned, csv, unaligned");
    }

    @Test
    void helpVersionAndExtraArguments() throws CommandLineException {
        assertThat(CommandLineParser.parse("--help").request()).isEqualTo(CommandLine.Request.HELP);
        assertThat(CommandLineParser.parse("-?").request()).isEqualTo(CommandLine.Request.HELP);
        assertThat(CommandLineParser.parse("-V").request()).isEqualTo(CommandLine.Request.VERSION);
        assertThat(CommandLineParser.parse("--version").request()).isEqualTo(CommandLine.Request.VERSION);
        CommandLine extra = CommandLineParser.parse("db", "user", "--", "-c");
        assertThat(extra.options().databasePath()).isEqualTo("db");
        assertThat(extra.warnings()).containsExactly(
                "warning: extra command-line argument \"user\" ignored",
                "warning: extra command-line argument \"-c\" ignored");
    }

    @Test
    void badOptionsAreReportedAsGetoptReportsThem() {
        assertThatThrownBy(() -> CommandLineParser.parse("-Z")).hasMessage("invalid option -- 'Z'")
                .matches(e -> ((CommandLineException) e).suggestsHelp());
        assertThatThrownBy(() -> CommandLineParser.parse("--foo")).hasMessage("unrecognized option '--foo'");
        assertThatThrownBy(() -> CommandLineParser.parse("-c")).hasMessage("option requires an argument -- 'c'");
        assertThatThrownBy(() -> CommandLineParser.parse("--file")).hasMessage("option '--file' requires an argument");
        assertThatThrownBy(() -> CommandLineParser.parse("--quiet=yes")).hasMessage("option '--quiet' doesn't allow an argument");
        assertThatThrownBy(() -> CommandLineParser.parse("-v", "=3")).hasMessage("error: invalid variable name: \"\"")
                .matches(e -> !((CommandLineException) e).suggestsHelp());
    }

    @Test
    void booleanTextAcceptsWhatPsqlAccepts() {
        for (String yes : List.of("1", "on", "ON", "t", "true", "y", "yes", "TRUE")) {
            assertThat(BooleanText.parse(yes)).as(yes).isTrue();
        }
        for (String no : List.of("0", "off", "of", "f", "false", "n", "no")) {
            assertThat(BooleanText.parse(no)).as(no).isFalse();
        }
        for (String neither : List.of("", "o", "maybe", "2", "onn")) {
            assertThat(BooleanText.parse(neither)).as(neither).isNull();
        }
    }
}
