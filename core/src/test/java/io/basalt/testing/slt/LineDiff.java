package io.basalt.testing.slt;

import java.util.ArrayList;
import java.util.List;

/**
 * A readable line diff of expected against actual result rows: unchanged lines indented, missing
 * lines marked {@code -}, unexpected lines marked {@code +}. It trims the common head and tail and
 * aligns the rest by longest common subsequence; when that middle is too large to align cheaply it
 * lists the two sides one after the other. Long stretches of equal lines are shortened.
 */
public final class LineDiff {
    private static final long MAX_ALIGNED_CELLS = 4_000_000L;
    private static final int CONTEXT = 2;
    private static final int MAX_OUTPUT_LINES = 60;

    private LineDiff() {
    }

    /** The diff as text, one line per entry, each line ending in a newline. */
    public static String of(List<String> expected, List<String> actual) {
        List<String> marked = marked(expected, actual);
        return shortened(marked);
    }

    /** Every line of both sides, prefixed with two spaces, {@code "- "} or {@code "+ "}. */
    static List<String> marked(List<String> expected, List<String> actual) {
        int head = 0;
        while (head < expected.size() && head < actual.size() && expected.get(head).equals(actual.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < expected.size() - head && tail < actual.size() - head
                && expected.get(expected.size() - 1 - tail).equals(actual.get(actual.size() - 1 - tail))) {
            tail++;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < head; i++) {
            out.add("  " + expected.get(i));
        }
        List<String> expectedMiddle = expected.subList(head, expected.size() - tail);
        List<String> actualMiddle = actual.subList(head, actual.size() - tail);
        if ((long) expectedMiddle.size() * actualMiddle.size() <= MAX_ALIGNED_CELLS) {
            aligned(expectedMiddle, actualMiddle, out);
        } else {
            for (String line : expectedMiddle) {
                out.add("- " + line);
            }
            for (String line : actualMiddle) {
                out.add("+ " + line);
            }
        }
        for (int i = expected.size() - tail; i < expected.size(); i++) {
            out.add("  " + expected.get(i));
        }
        return out;
    }

    private static void aligned(List<String> expected, List<String> actual, List<String> out) {
        int n = expected.size();
        int m = actual.size();
        // common[i][j]: length of the longest common subsequence of expected[i..] and actual[j..]
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = expected.get(i).equals(actual.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && expected.get(i).equals(actual.get(j))) {
                out.add("  " + expected.get(i));
                i++;
                j++;
            } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
                out.add("- " + expected.get(i));
                i++;
            } else {
                out.add("+ " + actual.get(j));
                j++;
            }
        }
    }

    /** Keeps changed lines with a little context; equal stretches become one {@code ...} line. */
    private static String shortened(List<String> marked) {
        boolean[] keep = new boolean[marked.size()];
        for (int i = 0; i < marked.size(); i++) {
            if (!marked.get(i).startsWith("  ")) {
                for (int k = Math.max(0, i - CONTEXT); k <= Math.min(marked.size() - 1, i + CONTEXT); k++) {
                    keep[k] = true;
                }
            }
        }
        StringBuilder text = new StringBuilder();
        int written = 0;
        int i = 0;
        while (i < marked.size()) {
            if (written == MAX_OUTPUT_LINES) {
                text.append("  ... (diff cut at ").append(MAX_OUTPUT_LINES).append(" lines)\n");
                break;
            }
            if (keep[i]) {
                text.append(marked.get(i)).append('\n');
                written++;
                i++;
            } else {
                int start = i;
                while (i < marked.size() && !keep[i]) {
                    i++;
                }
                text.append("  ... ").append(i - start).append(i - start == 1 ? " equal line\n" : " equal lines\n");
                written++;
            }
        }
        return text.toString();
    }
}
