package io.basalt.cli.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts failed blocks per cause over one or more scripts, most frequent cause first: per cause
 * as Basalt reported it, or per root cause (see {@link RootCauses}).
 */
public final class FailureTally {
    private FailureTally() {
    }

    /** Cause to count, ordered by count descending, ties in order of first appearance. */
    public static Map<String, Integer> of(List<FileResult> results) {
        return tally(results, false);
    }

    /** Root cause to count, ordered like {@link #of}. */
    public static Map<String, Integer> ofRoots(List<FileResult> results) {
        return tally(results, true);
    }

    private static Map<String, Integer> tally(List<FileResult> results, boolean roots) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (FileResult result : results) {
            for (StatementVerdict verdict : result.verdicts()) {
                if (verdict.failed()) {
                    counts.merge(roots ? verdict.rootCause() : verdict.cause(), 1, Integer::sum);
                }
            }
        }
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        // List.sort is stable, so equal counts keep the order in which the causes first appeared.
        entries.sort((left, right) -> Integer.compare(right.getValue(), left.getValue()));
        Map<String, Integer> ordered = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> entry : entries) {
            ordered.put(entry.getKey(), entry.getValue());
        }
        return ordered;
    }
}
