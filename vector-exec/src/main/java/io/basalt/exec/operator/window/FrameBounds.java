package io.basalt.exec.operator.window;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.operator.sort.SortKey;
import io.basalt.exec.operator.window.WindowFrame.BoundKind;

/**
 * Computes where each row's frame starts and ends, partition by partition, for ROWS (row counts), GROUPS
 * (peer-group counts) and RANGE (peer groups for CURRENT ROW, key distance for offsets, see
 * {@link RangeOffsetSearch}). Both bounds only move forward as the row does, which the aggregates rely on.
 * Offsets are checked here, when the operator runs, with PostgreSQL's errors.
 */
final class FrameBounds {
    private FrameBounds() {
    }

    /**
     * @param orderKey the single ORDER BY key, needed for RANGE with offsets (else may be null)
     */
    static Frames compute(WindowRows rows, WindowFrame frame, SortKey orderKey) {
        long startOffset = checkedOffset(frame, frame.startKind(), frame.startOffset(), "starting");
        long endOffset = checkedOffset(frame, frame.endKind(), frame.endOffset(), "ending");
        int n = rows.rowCount;
        int[] start = new int[n];
        int[] end = new int[n];
        int[] groupStarts = frame.mode() == WindowFrame.Mode.GROUPS ? new int[n + 1] : null;
        RangeOffsetSearch startSearch = null;
        RangeOffsetSearch endSearch = null;
        if (frame.mode() == WindowFrame.Mode.RANGE) {
            if (isOffset(frame.startKind())) {
                startSearch = RangeOffsetSearch.of(rows, orderKey, frame.startOffset(),
                        frame.startKind() == BoundKind.PRECEDING, true);
            }
            if (isOffset(frame.endKind())) {
                endSearch = RangeOffsetSearch.of(rows, orderKey, frame.endOffset(),
                        frame.endKind() == BoundKind.PRECEDING, false);
            }
        }
        for (int p = 0; p < rows.partitionCount; p++) {
            int ps = rows.partitionStarts[p];
            int pe = rows.partitionEnd(p);
            switch (frame.mode()) {
                case ROWS -> rowsMode(frame, startOffset, endOffset, ps, pe, rows, start, end);
                case GROUPS -> groupsMode(frame, startOffset, endOffset, ps, pe, rows, groupStarts, start, end);
                case RANGE -> {
                    for (int i = ps; i < pe; i++) {
                        start[i] = peerBound(frame.startKind(), true, i, ps, pe, rows);
                        end[i] = peerBound(frame.endKind(), false, i, ps, pe, rows);
                    }
                    if (startSearch != null) {
                        startSearch.fill(ps, pe, start);
                    }
                    if (endSearch != null) {
                        endSearch.fill(ps, pe, end);
                    }
                }
            }
        }
        return new Frames(start, end, frame.exclusion(), rows);
    }

    private static boolean isOffset(BoundKind kind) {
        return kind == BoundKind.PRECEDING || kind == BoundKind.FOLLOWING;
    }

    /** A ROWS or GROUPS offset, checked; 0 for other bounds (RANGE offsets are checked by their search). */
    private static long checkedOffset(WindowFrame frame, BoundKind kind, Object offset, String which) {
        if (!isOffset(kind)) {
            return 0;
        }
        if (offset == null) {
            throw BasaltException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "frame " + which + " offset must not be null");
        }
        if (frame.mode() == WindowFrame.Mode.RANGE) {
            return 0;
        }
        long value = (Long) offset;
        if (value < 0) {
            throw BasaltException.of(SqlState.INVALID_PRECEDING_OR_FOLLOWING_SIZE,
                    "frame " + which + " offset must not be negative");
        }
        return value;
    }

    /** A RANGE bound that is not an offset (offsets are filled in afterwards). */
    private static int peerBound(BoundKind kind, boolean start, int i, int ps, int pe, WindowRows rows) {
        return switch (kind) {
            case UNBOUNDED_PRECEDING -> ps;
            case UNBOUNDED_FOLLOWING -> pe;
            case CURRENT_ROW -> start ? rows.peerStart[i] : rows.peerEnd[i];
            case PRECEDING, FOLLOWING -> 0;
        };
    }

    private static void rowsMode(WindowFrame frame, long startOffset, long endOffset, int ps, int pe, WindowRows rows,
                                 int[] start, int[] end) {
        for (int i = ps; i < pe; i++) {
            start[i] = switch (frame.startKind()) {
                case UNBOUNDED_PRECEDING -> ps;
                case PRECEDING -> startOffset >= i - ps ? ps : (int) (i - startOffset);
                case CURRENT_ROW -> i;
                case FOLLOWING -> startOffset >= pe - i ? pe : (int) (i + startOffset);
                case UNBOUNDED_FOLLOWING -> pe;
            };
            end[i] = switch (frame.endKind()) {
                case UNBOUNDED_PRECEDING -> ps;
                case PRECEDING -> endOffset > i - ps ? ps : (int) (i - endOffset + 1);
                case CURRENT_ROW -> i + 1;
                case FOLLOWING -> endOffset >= pe - i - 1 ? pe : (int) (i + endOffset + 1);
                case UNBOUNDED_FOLLOWING -> pe;
            };
        }
    }

    private static void groupsMode(WindowFrame frame, long startOffset, long endOffset, int ps, int pe,
                                   WindowRows rows, int[] groupStarts, int[] start, int[] end) {
        int groupCount = 0;
        for (int i = ps; i < pe; i = rows.peerEnd[i]) {
            groupStarts[groupCount++] = i;
        }
        groupStarts[groupCount] = pe;
        int group = -1;
        for (int i = ps; i < pe; i++) {
            if (rows.peerStart[i] == i) {
                group++;
            }
            start[i] = switch (frame.startKind()) {
                case UNBOUNDED_PRECEDING -> ps;
                case PRECEDING -> startOffset >= group ? ps : groupStarts[(int) (group - startOffset)];
                case CURRENT_ROW -> rows.peerStart[i];
                case FOLLOWING -> startOffset >= groupCount - group ? pe : groupStarts[(int) (group + startOffset)];
                case UNBOUNDED_FOLLOWING -> pe;
            };
            end[i] = switch (frame.endKind()) {
                case UNBOUNDED_PRECEDING -> ps;
                case PRECEDING -> endOffset > group ? ps : groupStarts[(int) (group - endOffset + 1)];
                case CURRENT_ROW -> rows.peerEnd[i];
                case FOLLOWING -> endOffset >= groupCount - group - 1 ? pe : groupStarts[(int) (group + endOffset + 1)];
                case UNBOUNDED_FOLLOWING -> pe;
            };
        }
    }
}
