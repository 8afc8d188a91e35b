package io.basalt.cli.conformance;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The plain-text summary the conformance command prints: one row per script (statements, skipped,
 * passed, failed, passed as a percentage of the statements not skipped, time) and a total, then under each script its most frequent failure causes,
 * then the most frequent causes and root causes over all scripts.
 */
public final class SummaryTable {
    private SummaryTable() {
    }

    /**
     * @param causesPerFile failure causes shown under each script
     * @param causesOverall failure causes shown over all scripts
     */
    public static String render(String corpus, List<FileResult> results, int causesPerFile, int causesOverall) {
        StringBuilder out = new StringBuilder();
        int nameWidth = "total".length();
        for (FileResult result : results) {
            nameWidth = Math.max(nameWidth, result.name().length());
        }
        out.append(corpus).append(": each statement's output compared exactly with PostgreSQL's\n\n");
        out.append(row(nameWidth, "file", "statements", "skipped", "passed", "failed", "passed %", "time ms"));
        int statements = 0;
        int skipped = 0;
        int passed = 0;
        long millis = 0;
        for (FileResult result : results) {
            out.append(row(nameWidth, result.name(), Integer.toString(result.statements()), Integer.toString(result.skipped()),
                    Integer.toString(result.passed()), Integer.toString(result.failed()),
                    percentage(result.passed(), result.scored()), Long.toString(result.elapsedMillis())));
            statements += result.statements();
            skipped += result.skipped();
            passed += result.passed();
            millis += result.elapsedMillis();
        }
        out.append(row(nameWidth, "total", Integer.toString(statements), Integer.toString(skipped), Integer.toString(passed),
                Integer.toString(statements - skipped - passed), percentage(passed, statements - skipped),
                Long.toString(millis)));
        if (skipped > 0) {
            out.append("(skipped: played but not scored, by the reviewed skip list; passed % is of the rest)\n");
        }
        for (FileResult result : results) {
            if (result.failed() == 0 && result.notes().isEmpty()) {
                continue;
            }
            out.append('\n').append(result.name()).append(":\n");
            for (String note : result.notes()) {
                out.append("  note: ").append(note).append('\n');
            }
            appendCauses(out, result.causes(), causesPerFile, "  ");
        }
        appendOverall(out, "most frequent failure causes, as Basalt reported them", FailureTally.of(results), causesOverall);
        appendOverall(out, "most frequent root causes (a missing relation counted against the failed statement that "
                + "should have created it)", FailureTally.ofRoots(results), causesOverall);
        return out.toString();
    }

    static String percentage(int passed, int total) {
        return String.format(Locale.ROOT, "%.1f%%", total == 0 ? 0.0 : 100.0 * passed / total);
    }

    private static void appendOverall(StringBuilder out, String title, Map<String, Integer> causes, int limit) {
        if (causes.isEmpty()) {
            return;
        }
        out.append('\n').append(title).append(" (").append(Math.min(limit, causes.size())).append(" of ")
                .append(causes.size()).append("):\n");
        appendCauses(out, causes, limit, "");
    }

    private static void appendCauses(StringBuilder out, Map<String, Integer> causes, int limit, String indent) {
        int shown = 0;
        for (Map.Entry<String, Integer> cause : causes.entrySet()) {
            if (shown == limit) {
                out.append(indent).append("  ... ").append(causes.size() - limit).append(" more causes\n");
                break;
            }
            out.append(indent).append(String.format(Locale.ROOT, "%5d x ", cause.getValue())).append(cause.getKey()).append('\n');
            shown++;
        }
    }

    private static String row(int nameWidth, String name, String statements, String skipped, String passed, String failed,
                              String percent, String millis) {
        return String.format(Locale.ROOT, "%-" + nameWidth + "s %10s %7s %7s %7s %9s %8s%n", name, statements, skipped, passed,
                failed, percent, millis);
    }
}
