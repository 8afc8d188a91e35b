package io.basalt.cli.conformance;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The verdicts on every block of one script that ends a statement, with the counts a summary shows.
 *
 * @param name          the script's name without {@code .sql}
 * @param verdicts      one per block that ends a statement, in script order (skipped blocks included)
 * @param notes         the runner's notes on preparing or running the script (see {@link PlayedScript})
 * @param elapsedMillis wall time of the script in the shell
 */
public record FileResult(String name, List<StatementVerdict> verdicts, List<String> notes, long elapsedMillis) {
    public FileResult {
        requireNonNull(name, "name is null");
        verdicts = List.copyOf(verdicts);
        notes = List.copyOf(notes);
    }

    public int statements() {
        return verdicts.size();
    }

    public int passed() {
        int passed = 0;
        for (StatementVerdict verdict : verdicts) {
            if (verdict.passed()) {
                passed++;
            }
        }
        return passed;
    }

    /** Blocks the corpus's skip list excludes from scoring. */
    public int skipped() {
        int skipped = 0;
        for (StatementVerdict verdict : verdicts) {
            if (verdict.skipped()) {
                skipped++;
            }
        }
        return skipped;
    }

    /** Blocks scored: all but the skipped ones. */
    public int scored() {
        return statements() - skipped();
    }

    public int failed() {
        return scored() - passed();
    }

    /** Passed as a percentage of the scored blocks; 0 for a script without any. */
    public double percentage() {
        return scored() == 0 ? 0 : 100.0 * passed() / scored();
    }

    public List<StatementVerdict> failures() {
        List<StatementVerdict> failures = new ArrayList<>();
        for (StatementVerdict verdict : verdicts) {
            if (verdict.failed()) {
                failures.add(verdict);
            }
        }
        return failures;
    }

    /** How many blocks failed for each cause, most frequent first (ties in order of first appearance). */
    public Map<String, Integer> causes() {
        return FailureTally.of(List.of(this));
    }
}
