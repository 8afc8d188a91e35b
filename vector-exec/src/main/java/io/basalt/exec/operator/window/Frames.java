package io.basalt.exec.operator.window;

/**
 * Every row's frame, as computed by {@link FrameBounds}: rows {@code [start[i], end[i])} of the sorted input
 * (empty when {@code start >= end}), before the frame's exclusion. {@link #split} applies the exclusion to
 * one row's frame, leaving at most three disjoint ascending ranges in {@link #rangeStart}/{@link #rangeEnd}.
 * Not thread-safe: the ranges are scratch space reused for each row.
 */
final class Frames {
    final int[] start;
    final int[] end;
    private final WindowFrame.Exclusion exclusion;
    private final int[] peerStart;
    private final int[] peerEnd;
    final int[] rangeStart = new int[3];
    final int[] rangeEnd = new int[3];
    int rangeCount;

    Frames(int[] start, int[] end, WindowFrame.Exclusion exclusion, WindowRows rows) {
        this.start = start;
        this.end = end;
        this.exclusion = exclusion;
        this.peerStart = rows.peerStart;
        this.peerEnd = rows.peerEnd;
    }

    boolean excludes() {
        return exclusion != WindowFrame.Exclusion.NO_OTHERS;
    }

    /** Sets the ranges to row {@code row}'s frame without its excluded rows. */
    void split(int row) {
        int s = start[row];
        int e = end[row];
        rangeCount = 0;
        switch (exclusion) {
            case NO_OTHERS -> add(s, e);
            case CURRENT_ROW -> {
                add(s, Math.min(e, row));
                add(Math.max(s, row + 1), e);
            }
            case GROUP -> {
                add(s, Math.min(e, peerStart[row]));
                add(Math.max(s, peerEnd[row]), e);
            }
            case TIES -> {
                add(s, Math.min(e, peerStart[row]));
                add(Math.max(s, row), Math.min(e, row + 1));
                add(Math.max(s, peerEnd[row]), e);
            }
        }
    }

    private void add(int from, int to) {
        if (from < to) {
            rangeStart[rangeCount] = from;
            rangeEnd[rangeCount] = to;
            rangeCount++;
        }
    }
}
