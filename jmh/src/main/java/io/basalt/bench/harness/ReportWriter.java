package io.basalt.bench.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link SuiteReport} as an aligned text table (for people and BENCHMARKS.md), as CSV (one line
 * per query, for spreadsheets and tracking) or as JSON (the whole report, for tools).
 */
final class ReportWriter {
    private ReportWriter() {
    }

    static String render(SuiteReport report, String format) {
        return switch (format) {
            case "csv" -> csv(report);
            case "json" -> json(report);
            default -> table(report);
        };
    }

    // ---- text table ------------------------------------------------------------------------------

    static String table(SuiteReport report) {
        StringBuilder text = new StringBuilder();
        text.append("Basalt vs DuckDB: ").append(report.suite()).append(' ').append(report.parameters())
                .append(", ").append(report.threads()).append(report.threads() == 1 ? " thread" : " threads")
                .append(", median of ").append(report.runs()).append(report.runs() == 1 ? " run" : " runs")
                .append(" after ").append(report.warmup()).append(" warm-up\n");
        for (String[] fact : report.environment()) {
            text.append(String.format(Locale.ROOT, "%-8s %s%n", fact[0], fact[1]));
        }
        for (QueryOutcome load : report.loads()) {
            text.append(String.format(Locale.ROOT, "%-8s %,d rows: basalt %s, duckdb %s%n", "load", load.rowsRead(),
                    loadFigure(load.basalt(), load.rowsRead()), loadFigure(load.duckdb(), load.rowsRead())));
        }
        boolean rates = false;
        for (QueryOutcome outcome : report.queries()) {
            rates |= outcome.rowsRead() > 0;
        }
        List<String[]> lines = new ArrayList<>();
        lines.add(rates
                ? new String[] {"query", "basalt ms", "duckdb ms", "ratio", "basalt Mrows/s", "duckdb Mrows/s", "rows", "result"}
                : new String[] {"query", "basalt ms", "duckdb ms", "ratio", "rows", "result"});
        for (QueryOutcome outcome : report.queries()) {
            List<String> cells = new ArrayList<>(List.of(outcome.name(), milliseconds(outcome.basalt()),
                    milliseconds(outcome.duckdb()), ratio(outcome.ratio())));
            if (rates) {
                cells.add(rate(outcome.basalt(), outcome.rowsRead()));
                cells.add(rate(outcome.duckdb(), outcome.rowsRead()));
            }
            cells.add(outcome.resultRows() < 0 ? "-" : Long.toString(outcome.resultRows()));
            cells.add(outcome.verdict());
            lines.add(cells.toArray(new String[0]));
        }
        appendAligned(text.append('\n'), lines);
        text.append('\n').append(String.format(Locale.ROOT,
                "geometric mean of basalt/duckdb over the %d queries both ran: %s (below 1 means Basalt is faster)%n",
                report.queriesBothRan(), ratio(report.geometricMeanRatio())));
        text.append(String.format(Locale.ROOT, "ok %d, MISMATCH %d, basalt-error %d, duckdb-error %d%n",
                report.count(QueryOutcome.OK), report.count(QueryOutcome.MISMATCH),
                report.count(QueryOutcome.BASALT_ERROR), report.count(QueryOutcome.DUCKDB_ERROR)));
        return text.toString();
    }

    private static void appendAligned(StringBuilder text, List<String[]> lines) {
        int columns = lines.get(0).length;
        int[] widths = new int[columns];
        for (String[] line : lines) {
            for (int c = 0; c < columns - 1; c++) {
                widths[c] = Math.max(widths[c], line[c].length());
            }
        }
        for (String[] line : lines) {
            StringBuilder row = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                if (c == columns - 1) {
                    row.append(line[c]);
                } else if (c == 0) {
                    row.append(pad(line[c], widths[c], false)).append("  ");
                } else {
                    row.append(pad(line[c], widths[c], true)).append("  ");
                }
            }
            text.append(row.toString().stripTrailing()).append('\n');
        }
    }

    private static String pad(String value, int width, boolean right) {
        String spaces = " ".repeat(Math.max(0, width - value.length()));
        return right ? spaces + value : value + spaces;
    }

    static String milliseconds(EngineRun run) {
        if (!run.succeeded()) {
            return "-";
        }
        double ms = run.medianNanos() / 1e6;
        return String.format(Locale.ROOT, ms < 10 ? "%.2f" : ms < 1000 ? "%.1f" : "%.0f", ms);
    }

    static String ratio(double ratio) {
        return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2f", ratio);
    }

    private static String rate(EngineRun run, long rows) {
        if (!run.succeeded() || rows <= 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.1f", rows / (run.medianNanos() / 1e9) / 1e6);
    }

    private static String loadFigure(EngineRun run, long rows) {
        if (!run.succeeded()) {
            return run.error();
        }
        double seconds = run.medianNanos() / 1e9;
        return String.format(Locale.ROOT, "%.1f s (%.2f Mrows/s)", seconds, rows / seconds / 1e6);
    }

    // ---- CSV ------------------------------------------------------------------------------------

    static String csv(SuiteReport report) {
        StringBuilder text = new StringBuilder(
                "suite,parameters,threads,runs,query,basalt_ms,duckdb_ms,ratio,rows_read,result_rows,status,detail\n");
        List<QueryOutcome> all = new ArrayList<>(report.loads());
        all.addAll(report.queries());
        for (QueryOutcome outcome : all) {
            text.append(String.join(",", csvField(report.suite()), csvField(report.parameters()),
                    Integer.toString(report.threads()), Integer.toString(report.runs()), csvField(outcome.name()),
                    csvNumber(outcome.basalt()), csvNumber(outcome.duckdb()), csvRatio(outcome.ratio()),
                    Long.toString(outcome.rowsRead()), Long.toString(outcome.resultRows()),
                    csvField(outcome.status()), csvField(outcome.detail()))).append('\n');
        }
        text.append(String.join(",", csvField(report.suite()), csvField(report.parameters()),
                Integer.toString(report.threads()), Integer.toString(report.runs()), "geomean", "", "",
                csvRatio(report.geometricMeanRatio()), "", Integer.toString(report.queriesBothRan()), "", ""))
                .append('\n');
        return text.toString();
    }

    private static String csvNumber(EngineRun run) {
        return run.succeeded() ? String.format(Locale.ROOT, "%.3f", run.medianNanos() / 1e6) : "";
    }

    private static String csvRatio(double ratio) {
        return Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.4f", ratio);
    }

    private static String csvField(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    // ---- JSON -----------------------------------------------------------------------------------

    static String json(SuiteReport report) {
        StringBuilder text = new StringBuilder("{\n");
        text.append("  \"suite\": ").append(quote(report.suite())).append(",\n");
        text.append("  \"parameters\": ").append(quote(report.parameters())).append(",\n");
        text.append("  \"threads\": ").append(report.threads()).append(",\n");
        text.append("  \"runs\": ").append(report.runs()).append(",\n");
        text.append("  \"warmup\": ").append(report.warmup()).append(",\n");
        text.append("  \"environment\": {");
        for (int i = 0; i < report.environment().size(); i++) {
            String[] fact = report.environment().get(i);
            text.append(i == 0 ? "" : ", ").append(quote(fact[0])).append(": ").append(quote(fact[1]));
        }
        text.append("},\n  \"loads\": ");
        outcomes(text, report.loads());
        text.append(",\n  \"queries\": ");
        outcomes(text, report.queries());
        double geomean = report.geometricMeanRatio();
        text.append(",\n  \"geomean_ratio\": ").append(Double.isNaN(geomean) ? "null" : Double.toString(geomean));
        text.append(",\n  \"queries_both_ran\": ").append(report.queriesBothRan()).append("\n}\n");
        return text.toString();
    }

    private static void outcomes(StringBuilder text, List<QueryOutcome> outcomes) {
        text.append('[');
        for (int i = 0; i < outcomes.size(); i++) {
            QueryOutcome outcome = outcomes.get(i);
            text.append(i == 0 ? "\n" : ",\n").append("    {\"name\": ").append(quote(outcome.name()))
                    .append(", \"basalt_ms\": ").append(jsonMilliseconds(outcome.basalt()))
                    .append(", \"duckdb_ms\": ").append(jsonMilliseconds(outcome.duckdb()))
                    .append(", \"ratio\": ").append(Double.isNaN(outcome.ratio()) ? "null" : Double.toString(outcome.ratio()))
                    .append(", \"rows_read\": ").append(outcome.rowsRead())
                    .append(", \"result_rows\": ").append(outcome.resultRows())
                    .append(", \"status\": ").append(quote(outcome.status()))
                    .append(", \"detail\": ").append(quote(outcome.detail())).append('}');
        }
        text.append(outcomes.isEmpty() ? "]" : "\n  ]");
    }

    private static String jsonMilliseconds(EngineRun run) {
        return run.succeeded() ? Double.toString(run.medianNanos() / 1e6) : "null";
    }

    static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
