package io.basalt.cli.conformance;

import java.util.List;
import java.util.Map;

/**
 * The conformance report as markdown, for a file a developer reads: the summary table, the most
 * frequent failure causes over all scripts, and for each script its causes and its first failures
 * with the statement, the cause and the diff of PostgreSQL's lines ({@code -}) against Basalt's
 * ({@code +}).
 */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    /**
     * @param failuresPerFile failing statements shown in full under each script
     * @param causesOverall   failure causes listed over all scripts
     */
    public static String render(String corpus, List<FileResult> results, int failuresPerFile, int causesOverall) {
        StringBuilder out = new StringBuilder();
        out.append("# Conformance: ").append(corpus).append("\n\n");
        out.append("Each script was played through Basalt's shell as `basalt -X -a -q < script 2>&1` in a fresh in-memory ")
                .append("database and compared with PostgreSQL's recorded `psql -X -a -q` output, one statement at a time. ")
                .append("A statement passes only when its output is identical; nothing is normalised. ")
                .append("A line that ends several statements counts as one. Skipped statements are played but not ")
                .append("scored, by the reviewed skip list (each rule with its reason); passed % is of the statements not ")
                .append("skipped.\n\n");
        out.append("| file | statements | skipped | passed | failed | passed % | time ms |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|\n");
        int statements = 0;
        int skipped = 0;
        int passed = 0;
        for (FileResult result : results) {
            out.append("| ").append(result.name()).append(" | ").append(result.statements()).append(" | ")
                    .append(result.skipped()).append(" | ").append(result.passed()).append(" | ").append(result.failed())
                    .append(" | ").append(SummaryTable.percentage(result.passed(), result.scored())).append(" | ")
                    .append(result.elapsedMillis()).append(" |\n");
            statements += result.statements();
            skipped += result.skipped();
            passed += result.passed();
        }
        out.append("| **total** | ").append(statements).append(" | ").append(skipped).append(" | ").append(passed)
                .append(" | ").append(statements - skipped - passed).append(" | ")
                .append(SummaryTable.percentage(passed, statements - skipped)).append(" | |\n\n");
        appendSkipReasons(out, results);
        Map<String, Integer> overall = FailureTally.of(results);
        if (!overall.isEmpty()) {
            out.append("## Most frequent failure causes\n\nAs Basalt reported them:\n\n");
            appendCauses(out, overall, causesOverall);
            out.append("\nRoot causes (a \"relation does not exist\" counted against the failed statement that ")
                    .append("should have created the relation):\n\n");
            appendCauses(out, FailureTally.ofRoots(results), causesOverall);
        }
        for (FileResult result : results) {
            out.append("\n## ").append(result.name()).append(": ").append(result.passed()).append('/')
                    .append(result.scored()).append(" passed");
            if (result.skipped() > 0) {
                out.append(", ").append(result.skipped()).append(" skipped");
            }
            out.append("\n\n");
            for (String note : result.notes()) {
                out.append("- note: ").append(note).append('\n');
            }
            if (result.failed() == 0) {
                continue;
            }
            if (!result.notes().isEmpty()) {
                out.append('\n');
            }
            appendCauses(out, result.causes(), Integer.MAX_VALUE);
            List<StatementVerdict> failures = result.failures();
            int shown = Math.min(failuresPerFile, failures.size());
            out.append("\nFirst ").append(shown).append(" of ").append(failures.size()).append(" failures:\n\n");
            for (StatementVerdict failure : failures.subList(0, shown)) {
                out.append("- line ").append(failure.block().line()).append(": `")
                        .append(failure.block().title().replace("`", "'")).append("`: ").append(failure.cause());
                if (!failure.rootCause().equals(failure.cause())) {
                    out.append(" (follows from: ").append(failure.rootCause()).append(')');
                }
                out.append('\n');
                if (!failure.diff().isEmpty()) {
                    out.append("  ```diff\n");
                    for (String line : failure.diff()) {
                        out.append("  ").append(line).append('\n');
                    }
                    out.append("  ```\n");
                }
            }
        }
        return out.toString();
    }

    /** How many statements each reason of the skip list excluded, over all scripts. */
    private static void appendSkipReasons(StringBuilder out, List<FileResult> results) {
        Map<String, Integer> reasons = new java.util.LinkedHashMap<>();
        for (FileResult result : results) {
            for (StatementVerdict verdict : result.verdicts()) {
                if (verdict.skipped()) {
                    reasons.merge(verdict.skipReason(), 1, Integer::sum);
                }
            }
        }
        if (reasons.isEmpty()) {
            return;
        }
        out.append("## Skipped statements\n\n| skipped | reason |\n|---:|---|\n");
        for (Map.Entry<String, Integer> reason : reasons.entrySet()) {
            out.append("| ").append(reason.getValue()).append(" | ").append(reason.getKey().replace("|", "\\|")).append(" |\n");
        }
        out.append('\n');
    }

    private static void appendCauses(StringBuilder out, Map<String, Integer> causes, int limit) {
        out.append("| failed | cause |\n|---:|---|\n");
        int shown = 0;
        for (Map.Entry<String, Integer> cause : causes.entrySet()) {
            if (shown == limit) {
                break;
            }
            out.append("| ").append(cause.getValue()).append(" | ").append(cause.getKey().replace("|", "\\|")).append(" |\n");
            shown++;
        }
    }
}
