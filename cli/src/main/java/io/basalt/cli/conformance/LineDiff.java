package io.basalt.cli.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * A compact line diff of what PostgreSQL printed against what Basalt printed for one block: lines
 * only expected start with {@code -}, lines only printed by Basalt with {@code +}, unchanged lines
 * with a blank. Lines common to both ends are left out except one line of context on each side of
 * the changed region, and a long diff is cut after a given number of lines with a note of how many
 * were left out.
 *
 * <p>Within the changed region the diff follows a longest common subsequence, so that a single
 * wrong value in a table shows as one {@code -}/{@code +} pair. Regions too large for the quadratic
 * table (a huge result set) are shown as all removed, then all added.
 */
public final class LineDiff {
    private static final long MAX_TABLE_CELLS = 1_000_000;
    private static final int CONTEXT = 1;

    private LineDiff() {
    }

    /**
     * The diff lines, at most {@code maxLines} of them plus one closing note when cut; empty when
     * the two are equal.
     */
    public static List<String> compact(List<String> expected, List<String> actual, int maxLines) {
        int prefix = 0;
        int limit = Math.min(expected.size(), actual.size());
        while (prefix < limit && expected.get(prefix).equals(actual.get(prefix))) {
            prefix++;
        }
        if (prefix == expected.size() && prefix == actual.size()) {
            return List.of();
        }
        int suffix = 0;
        while (suffix < limit - prefix
                && expected.get(expected.size() - 1 - suffix).equals(actual.get(actual.size() - 1 - suffix))) {
            suffix++;
        }
        List<String> changed = new ArrayList<>();
        for (int i = Math.max(0, prefix - CONTEXT); i < prefix; i++) {
            changed.add(" " + expected.get(i));
        }
        middle(expected.subList(prefix, expected.size() - suffix), actual.subList(prefix, actual.size() - suffix), changed);
        int after = expected.size() - suffix;
        for (int i = after; i < Math.min(expected.size(), after + CONTEXT); i++) {
            changed.add(" " + expected.get(i));
        }
        if (changed.size() <= maxLines) {
            return changed;
        }
        List<String> cut = new ArrayList<>(changed.subList(0, maxLines));
        cut.add("... " + (changed.size() - maxLines) + " more diff lines");
        return cut;
    }

    /** Appends the edit script of two regions that differ at both ends (or are empty). */
    private static void middle(List<String> expected, List<String> actual, List<String> into) {
        int rows = expected.size();
        int columns = actual.size();
        if ((long) rows * columns > MAX_TABLE_CELLS) {
            for (String line : expected) {
                into.add("-" + line);
            }
            for (String line : actual) {
                into.add("+" + line);
            }
            return;
        }
        // common[i][j]: length of the longest common subsequence of expected[i..] and actual[j..].
        int[][] common = new int[rows + 1][columns + 1];
        for (int i = rows - 1; i >= 0; i--) {
            for (int j = columns - 1; j >= 0; j--) {
                common[i][j] = expected.get(i).equals(actual.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < rows || j < columns) {
            if (i < rows && j < columns && expected.get(i).equals(actual.get(j))) {
                into.add(" " + expected.get(i));
                i++;
                j++;
            } else if (j < columns && (i == rows || common[i][j + 1] > common[i + 1][j])) {
                into.add("+" + actual.get(j));
                j++;
            } else {
                into.add("-" + expected.get(i));
                i++;
            }
        }
    }
}
