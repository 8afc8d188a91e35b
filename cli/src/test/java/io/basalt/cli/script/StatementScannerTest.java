package io.basalt.cli.script;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.cli.script.ScannedPiece.MetaCommand;
import io.basalt.cli.script.ScannedPiece.SqlStatement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementScannerTest {
    /**
     * tricky-script.sql run through real psql 15 with {@code -e} (echo each statement as sent) printed
     * exactly these statements, with \x taking effect between "select 6" and "select 7".
     */
    @Test
    void splitsATrickyScriptExactlyAsPsqlSendsIt() throws IOException {
        List<String> pieces = scanAll(resource("tricky-script.sql"));
        assertThat(pieces).containsExactly(
                "select 1;",
                "select 2;",
                "select 'a;b', \"x;y\" from (select 1 as \"x;y\") s;",
                "select E'it\\'s;', 'it''s;';",
                "select $$ dollar ; $$, $tag$ has $$ and ; $tag$;",
                "select /* block ; /* nested ; */ still */ 3;",
                "/* leading block */ select 4;",
                "select (1\n  ;\n  + 2);",
                "select 5 -- comment ; inside\n;",
                "select a$b$c from (select 1 as a$b$c) s;",
                "\\x []",
                "select 6 \nselect 7;",
                "\\x []",
                "select $1abc$ from x$;",
                "select 8");
    }

    @Test
    void promptIndicatorFollowsTheOpenConstruct() {
        assertThat(indicatorAfter("")).isEqualTo('=');
        assertThat(indicatorAfter("   ")).isEqualTo('=');
        assertThat(indicatorAfter("-- just a comment")).isEqualTo('=');
        assertThat(indicatorAfter("select 1;")).isEqualTo('=');
        assertThat(indicatorAfter("select")).isEqualTo('-');
        assertThat(indicatorAfter("select (1,")).isEqualTo('(');
        assertThat(indicatorAfter("select 'abc")).isEqualTo('\'');
        assertThat(indicatorAfter("select E'ab\\'")).isEqualTo('\'');
        assertThat(indicatorAfter("select \"ab")).isEqualTo('"');
        assertThat(indicatorAfter("select $x$ab")).isEqualTo('$');
        assertThat(indicatorAfter("select /* ab")).isEqualTo('*');
        assertThat(indicatorAfter("/* a /* b */")).isEqualTo('*');
        assertThat(indicatorAfter("select ')'")).isEqualTo('-');
    }

    @Test
    void anAtomicRoutineBodyEndsAtItsEndNotAtItsSemicolons() {
        StatementScanner scanner = new StatementScanner(true);
        assertThat(scanner.scanLine("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC")).isEmpty();
        assertThat(scanner.scanLine("SELECT CASE WHEN true THEN 1 END;")).isEmpty();
        assertThat(scanner.scanLine("SELECT 2; END; SELECT 3;")).extracting(piece -> ((SqlStatement) piece).text())
                .containsExactly("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC\n"
                        + "SELECT CASE WHEN true THEN 1 END;\nSELECT 2; END;", "SELECT 3;");
        assertThat(scanner.scanLine("BEGIN; SELECT 1;")).hasSize(2);
    }

    @Test
    void quotesAndCommentsSpanLines() {
        StatementScanner scanner = new StatementScanner(true);
        assertThat(scanner.scanLine("select 'one;")).isEmpty();
        assertThat(scanner.scanLine("two'; select $f$")).containsExactly(new SqlStatement("select 'one;\ntwo';", 0));
        assertThat(scanner.scanLine("body;")).isEmpty();
        assertThat(scanner.scanLine("$f$, /* c;")).isEmpty();
        assertThat(scanner.scanLine("*/ 1;")).hasSize(1);
    }

    @Test
    void emptyLinesOutsideQuotesAddNoNewline() {
        assertThat(scanAll("select 1\n\n;\nselect '\n\n';")).containsExactly("select 1\n;", "select '\n\n';");
    }

    @Test
    void aCommandLineInsideAStatementAddsNoNewline() {
        // psql -e echoed "select 2\n;" for this input.
        assertThat(scanAll("select 2\n\\x\n;")).containsExactly("\\x []", "select 2\n;");
    }

    @Test
    void emptyStatementsAndLoneCommentsAreNotSent() {
        assertThat(scanAll(";\n;;\n/* only a comment */;\n-- nothing\n/* unterminated at end */")).isEmpty();
    }

    @Test
    void backslashCommandsTakeTheRestOfTheLine() {
        assertThat(scanAll("\\d orders\n\\dt\n\\i 'my file.sql'\n\\timing on\n\\?"))
                .containsExactly("\\d [orders]", "\\dt []", "\\i ['my file.sql']", "\\timing [on]", "\\? []");
        assertThat(scanAll("\\x \\timing\n\\echo a \\\\ select 1;"))
                .containsExactly("\\x []", "\\timing []", "\\echo [a]", "select 1;");
        // \g leaves the buffered statement to the shell, which sends it.
        assertThat(scanAll("select 'a\\b' \\g")).containsExactly("\\g []", "select 'a\\b' ");
    }

    @Test
    void backslashesAreSqlWhenCommandsAreOff() {
        List<SqlStatement> statements = StatementScanner.splitSql("select 1; select '\\x'; \\x");
        assertThat(statements).containsExactly(
                new SqlStatement("select 1;", 0),
                new SqlStatement("select '\\x';", 10),
                new SqlStatement("\\x", 23));
    }

    @Test
    void offsetsCountFromTheStartOfTheWholeText() {
        List<SqlStatement> statements = StatementScanner.splitSql("  select 1;\n-- c\n  select\n 2;\nselect 3");
        assertThat(statements).containsExactly(
                new SqlStatement("select 1;", 2),
                new SqlStatement("select\n 2;", 19),
                new SqlStatement("select 3", 30));
    }

    @Test
    void pendingInputIsKeptUntilReset() {
        StatementScanner scanner = new StatementScanner(true);
        scanner.scanLine("select (1");
        assertThat(scanner.hasPendingInput()).isTrue();
        assertThat(scanner.pendingText()).isEqualTo("select (1");
        scanner.reset();
        assertThat(scanner.hasPendingInput()).isFalse();
        assertThat(scanner.promptIndicator()).isEqualTo('=');
        assertThat(scanner.scanLine("select 2;")).hasSize(1);
    }

    /** psql -e echoed the statement below for v = it's, t = 5 and missing unset. */
    @Test
    void variablesAreInterpolatedOutsideQuotes() {
        java.util.Map<String, String> variables = java.util.Map.of("v", "it's", "t", "5", "w", "a\\b");
        StatementScanner scanner = new StatementScanner(true, variables::get);
        assertThat(scanner.scanLine("select :t, :'v', :\"v\", 1::int, :missing, ':t', :'missing', /* :t */ \":t\";"))
                .containsExactly(new SqlStatement(
                        "select 5, 'it''s', \"it's\", 1::int, :missing, ':t', :'missing', /* :t */ \":t\";", 0));
        assertThat(scanner.scanLine("select :'w';")).containsExactly(new SqlStatement("select  E'a\\\\b';", 74));
        assertThat(scanner.scanLine("\\echo :t x:t :\"v\" :nope")).containsExactly(
                new MetaCommand("echo", List.of("5", "x5", "\"it's\"", ":nope")));
        assertThat(new StatementScanner(true).scanLine("select :t;")).containsExactly(new SqlStatement("select :t;", 0));
    }

    /** psql reads a plain :name's value again as input: its semicolons end statements (update.sql's :init_range_parted). */
    @Test
    void plainVariableValuesAreScannedAsInput() {
        java.util.Map<String, String> variables = java.util.Map.of("init", "truncate t; insert into t values ('a;b')",
                "self", "select :self");
        StatementScanner scanner = new StatementScanner(true, variables::get);
        List<ScannedPiece> pieces = scanner.scanLine(":init;");
        assertThat(pieces).hasSize(2);
        assertThat(((SqlStatement) pieces.get(0)).text()).isEqualTo("truncate t;");
        assertThat(((SqlStatement) pieces.get(1)).text()).isEqualTo("insert into t values ('a;b');");
        assertThat(((SqlStatement) scanner.scanLine(":self;").get(0)).text()).isEqualTo("select :self;");
    }

    @Test
    void metaArgumentsUnquote() {
        assertThat(MetaArguments.value("'it''s'")).isEqualTo("it's");
        assertThat(MetaArguments.value("'a\\tb'")).isEqualTo("a\tb");
        assertThat(MetaArguments.value("\"a b\"")).isEqualTo("a b");
        assertThat(MetaArguments.identifier("Public.\"MyTable\"")).isEqualTo("public.MyTable");
        assertThat(MetaArguments.identifier("ORDERS")).isEqualTo("orders");
    }

    private static char indicatorAfter(String text) {
        StatementScanner scanner = new StatementScanner(true);
        scanner.scanLine(text);
        return scanner.promptIndicator();
    }

    private static List<String> scanAll(String script) {
        StatementScanner scanner = new StatementScanner(true);
        List<String> out = new ArrayList<>();
        for (String line : script.split("\n", -1)) {
            for (ScannedPiece piece : scanner.scanLine(line)) {
                out.add(describe(piece));
            }
        }
        SqlStatement last = scanner.finish();
        if (last != null) {
            out.add(last.text());
        }
        return out;
    }

    private static String describe(ScannedPiece piece) {
        return switch (piece) {
            case SqlStatement statement -> statement.text();
            case MetaCommand command -> "\\" + command.name() + " " + command.arguments();
        };
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = StatementScannerTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
