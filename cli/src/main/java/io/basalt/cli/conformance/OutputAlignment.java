package io.basalt.cli.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the output of a script run under {@code psql -a} (or the shell's equivalent) into one
 * {@link BlockOutput} per {@link StatementBlock}, by finding each block's echoed lines in order.
 *
 * <p>Blocks are looked for one after the other, each from where the previous one's echo ended, at
 * the earliest place where all its echoed lines appear consecutively. A block whose echo is not
 * found (the shell stopped, or echoed differently) is marked unaligned and the search for the next
 * one starts from the same place, so one bad block does not shift the rest. A block's output runs
 * from the end of its echo to the start of the next aligned block's echo (or the end). Lines before
 * the first aligned echo, which a shell should not print, are put in front of that block's output
 * so that they make it fail rather than vanish.
 */
public final class OutputAlignment {
    private OutputAlignment() {
    }

    public static List<BlockOutput> align(List<StatementBlock> blocks, List<String> output) {
        int count = blocks.size();
        int[] starts = new int[count];
        int cursor = 0;
        for (int i = 0; i < count; i++) {
            List<String> echo = blocks.get(i).echo();
            int start = find(echo, output, cursor);
            starts[i] = start;
            if (start >= 0) {
                cursor = start + echo.size();
            }
        }
        List<BlockOutput> outputs = new ArrayList<>(count);
        boolean first = true;
        for (int i = 0; i < count; i++) {
            if (starts[i] < 0) {
                outputs.add(BlockOutput.missing());
                continue;
            }
            int end = output.size();
            for (int next = i + 1; next < count; next++) {
                if (starts[next] >= 0) {
                    end = starts[next];
                    break;
                }
            }
            List<String> lines = new ArrayList<>();
            if (first) {
                lines.addAll(output.subList(0, starts[i]));
                first = false;
            }
            lines.addAll(output.subList(starts[i] + blocks.get(i).echo().size(), end));
            outputs.add(new BlockOutput(true, lines));
        }
        return outputs;
    }

    /** The first index at or after {@code from} where {@code echo} occurs in {@code output}, or -1. */
    private static int find(List<String> echo, List<String> output, int from) {
        if (echo.isEmpty()) {
            return from;
        }
        int last = output.size() - echo.size();
        for (int start = from; start <= last; start++) {
            if (matchesAt(echo, output, start)) {
                return start;
            }
        }
        return -1;
    }

    private static boolean matchesAt(List<String> echo, List<String> output, int start) {
        for (int j = 0; j < echo.size(); j++) {
            if (!echo.get(j).equals(output.get(start + j))) {
                return false;
            }
        }
        return true;
    }
}
