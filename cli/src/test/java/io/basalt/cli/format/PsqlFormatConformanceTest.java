package io.basalt.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.ResultColumn;
import io.basalt.cli.fake.FakeQueryResult;
import io.basalt.cli.fake.SqlTypeNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Prints the tables of format-cases.txt in every output mode and compares with what real psql 15
 * printed for the same data (format-expected.txt, made by src/test/scripts/generate_psql_expectations.py).
 */
class PsqlFormatConformanceTest {
    private static final Map<String, PrintSettings> MODES = new LinkedHashMap<>();

    static {
        PrintSettings aligned = PrintSettings.defaults();
        PrintSettings unaligned = aligned.withFormat(OutputFormat.UNALIGNED);
        PrintSettings csv = aligned.withFormat(OutputFormat.CSV);
        MODES.put("aligned", aligned);
        MODES.put("aligned-tuples", aligned.withTuplesOnly(true));
        MODES.put("expanded", aligned.withExpanded(ExpandedMode.ON));
        MODES.put("expanded-tuples", aligned.withExpanded(ExpandedMode.ON).withTuplesOnly(true));
        MODES.put("unaligned", unaligned);
        MODES.put("unaligned-tuples", unaligned.withTuplesOnly(true));
        MODES.put("unaligned-separator", unaligned.withFieldSeparator(";;"));
        MODES.put("unaligned-expanded", unaligned.withExpanded(ExpandedMode.ON));
        MODES.put("unaligned-expanded-tuples", unaligned.withExpanded(ExpandedMode.ON).withTuplesOnly(true));
        MODES.put("csv", csv);
        MODES.put("csv-tuples", csv.withTuplesOnly(true));
        MODES.put("csv-expanded", csv.withExpanded(ExpandedMode.ON));
    }

    @TestFactory
    List<DynamicTest> everyCaseInEveryModeMatchesPsql() throws IOException {
        Map<String, FakeQueryResult> cases = readCases();
        Map<String, String> expected = readExpected();
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, FakeQueryResult> entry : cases.entrySet()) {
            for (Map.Entry<String, PrintSettings> mode : MODES.entrySet()) {
                String key = entry.getKey() + " " + mode.getKey();
                tests.add(DynamicTest.dynamicTest(key, () -> {
                    String printed = TablePrinter.render(new QueryResultTable(entry.getValue()), mode.getValue());
                    assertThat(printed).isEqualTo(expected.get(key));
                }));
            }
        }
        assertThat(tests).hasSize(expected.size());
        return tests;
    }

    @Test
    void autoExpandedExpandsOnlyTablesWiderThanTheTerminal() {
        FakeQueryResult result = FakeQueryResult.rows(
                List.of(new ResultColumn("a", io.basalt.type.LogicalType.TEXT)), List.of(List.of("0123456789")));
        PrintSettings auto = PrintSettings.defaults().withExpanded(ExpandedMode.AUTO);
        assertThat(TablePrinter.render(new QueryResultTable(result), auto.withTerminalWidth(12)))
                .startsWith("     a      \n");
        assertThat(TablePrinter.render(new QueryResultTable(result), auto.withTerminalWidth(11)))
                .startsWith("-[ RECORD 1 ]");
        assertThat(TablePrinter.render(new QueryResultTable(result), auto.withTerminalWidth(0)))
                .startsWith("     a      \n");
    }

    @Test
    void titleIsCentredOverTheTable() {
        ListTable table = new ListTable("List of relations", List.of("Schema", "Name", "Type", "Owner"),
                List.of(false, false, false, false),
                List.of(List.of("public", "orders", "table", "basalt")), true);
        assertThat(TablePrinter.render(table, PrintSettings.defaults())).isEqualTo("""
                        List of relations
                 Schema |  Name  | Type  | Owner \s
                --------+--------+-------+--------
                 public | orders | table | basalt
                (1 row)

                """);
    }

    @Test
    void resultWithoutColumnsPrintsABareRule() {
        FakeQueryResult result = FakeQueryResult.rows(List.of(), List.of(List.of(), List.of(), List.of()));
        assertThat(TablePrinter.render(new QueryResultTable(result), PrintSettings.defaults()))
                .isEqualTo("--\n(3 rows)\n\n");
    }

    private static Map<String, FakeQueryResult> readCases() throws IOException {
        Map<String, FakeQueryResult> cases = new LinkedHashMap<>();
        String name = null;
        List<ResultColumn> columns = null;
        List<List<String>> rows = null;
        for (String line : resource("format-cases.txt").split("\n", -1)) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int space = line.indexOf(' ');
            String keyword = line.substring(0, space);
            String rest = line.substring(space + 1);
            switch (keyword) {
                case "case" -> {
                    if (name != null) {
                        cases.put(name, FakeQueryResult.rows(columns, rows));
                    }
                    name = rest;
                    columns = new ArrayList<>();
                    rows = new ArrayList<>();
                }
                case "columns" -> {
                    for (String spec : rest.split("\t", -1)) {
                        int colon = spec.lastIndexOf(':');
                        columns.add(new ResultColumn(unescape(spec.substring(0, colon)),
                                SqlTypeNames.parse(spec.substring(colon + 1))));
                    }
                }
                case "row" -> {
                    List<String> row = new ArrayList<>();
                    for (String cell : rest.split("\t", -1)) {
                        row.add(unescape(cell));
                    }
                    rows.add(row);
                }
                default -> throw new IllegalStateException("bad line in format-cases.txt: " + line);
            }
        }
        cases.put(name, FakeQueryResult.rows(columns, rows));
        return cases;
    }

    private static Map<String, String> readExpected() throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        String text = resource("format-expected.txt");
        int at = 0;
        while (at < text.length()) {
            int headerEnd = text.indexOf('\n', at);
            String key = text.substring(at + "=== ".length(), headerEnd);
            int end = text.indexOf("=== end\n", headerEnd + 1);
            expected.put(key, text.substring(headerEnd + 1, end));
            at = end + "=== end\n".length();
        }
        return expected;
    }

    /** COPY text escapes: \N is NULL, \n, \t, \r, \\ and \xNN. */
    private static String unescape(String text) {
        if (text.equals("\\N")) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                switch (next) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case '\\' -> out.append('\\');
                    case 'x' -> {
                        out.append((char) Integer.parseInt(text.substring(i + 1, i + 3), 16));
                        i += 2;
                    }
                    default -> out.append('\\').append(next);
                }
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PsqlFormatConformanceTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
