package io.basalt.testing.slt;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What running one file did: the records run, the failures in file order, and, when the file was
 * skipped part-way (an unknown {@code require}), why.
 */
public record SltRunResult(String file, int recordsRun, List<SltFailure> failures, String skipReason) {
    /** Reports show at most this many failures; the first ones usually explain the rest. */
    public static final int MAX_REPORTED_FAILURES = 25;

    public SltRunResult {
        requireNonNull(file, "file is null");
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return failures.isEmpty();
    }

    public boolean skipped() {
        return skipReason != null;
    }

    /** Every failure (up to {@link #MAX_REPORTED_FAILURES}), separated by blank lines. */
    public String report() {
        StringBuilder text = new StringBuilder()
                .append(file).append(": ").append(failures.size())
                .append(failures.size() == 1 ? " failure" : " failures")
                .append(" in ").append(recordsRun).append(" records run\n");
        for (int i = 0; i < Math.min(failures.size(), MAX_REPORTED_FAILURES); i++) {
            text.append('\n').append(failures.get(i)).append('\n');
        }
        if (failures.size() > MAX_REPORTED_FAILURES) {
            text.append("\n... and ").append(failures.size() - MAX_REPORTED_FAILURES).append(" more\n");
        }
        return text.toString();
    }
}
