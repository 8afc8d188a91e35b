package io.basalt.cli.error;

import io.basalt.cli.format.DisplayText;

/**
 * The two lines under an error message that show where in the statement the error is, exactly as
 * libpq lays them out for psql: {@code LINE n: } and the statement line holding the position, then a
 * caret under the position. Tabs show as single spaces; {@code \r}, {@code \n} and {@code \r\n} end
 * lines. A line wider than 60 screen columns is cut: at the right when the position is far enough
 * from the right end, otherwise at the right no closer than 10 columns past the position and then at
 * the left; each cut is marked with {@code ...}.
 */
public final class ErrorPosition {
    private static final int DISPLAY_SIZE = 60;
    private static final int MIN_RIGHT_CUT = 10;

    private ErrorPosition() {
    }

    /**
     * The excerpt and caret lines (each ending with a newline) for the 1-based character
     * {@code position} in {@code query}, or the empty string when the position is outside it.
     */
    public static String render(String query, int position) {
        if (position < 1) {
            return "";
        }
        int[] codePoints = query.codePoints().toArray();
        // Positions count UTF-16 characters of the statement; work in code points from here on.
        int location = query.codePointCount(0, Math.min(position - 1, query.length()));
        if (position - 1 > query.length()) {
            location = codePoints.length + 1;
        }
        int[] screenColumn = new int[codePoints.length + 1];
        int column = 0;
        int lineNumber = 1;
        int begin = 0;
        int end = -1;
        int index;
        for (index = 0; index < codePoints.length; index++) {
            int ch = codePoints[index];
            screenColumn[index] = column;
            if (ch == '\t') {
                codePoints[index] = ' ';
            } else if (ch == '\r' || ch == '\n') {
                if (index < location) {
                    if (ch == '\r' || index == 0 || codePoints[index - 1] != '\r') {
                        lineNumber++;
                    }
                    begin = index + 1;
                } else {
                    end = index;
                    break;
                }
            }
            column += Math.max(1, screenWidth(codePoints[index]));
        }
        if (end < 0) {
            end = index;
            screenColumn[end] = column;
        }
        if (location > index) {
            return "";
        }
        boolean cutAtBegin = false;
        boolean cutAtEnd = false;
        if (screenColumn[end] - screenColumn[begin] > DISPLAY_SIZE) {
            if (screenColumn[begin] + DISPLAY_SIZE >= screenColumn[location] + MIN_RIGHT_CUT) {
                while (screenColumn[end] - screenColumn[begin] > DISPLAY_SIZE) {
                    end--;
                }
                cutAtEnd = true;
            } else {
                while (screenColumn[location] + MIN_RIGHT_CUT < screenColumn[end]) {
                    end--;
                    cutAtEnd = true;
                }
                while (screenColumn[end] - screenColumn[begin] > DISPLAY_SIZE) {
                    begin++;
                    cutAtBegin = true;
                }
            }
        }
        StringBuilder out = new StringBuilder();
        String label = "LINE " + lineNumber + ": ";
        out.append(label);
        if (cutAtBegin) {
            out.append("...");
        }
        for (int i = begin; i < end; i++) {
            out.appendCodePoint(codePoints[i]);
        }
        if (cutAtEnd) {
            out.append("...");
        }
        out.append('\n');
        int caretColumn = label.length() + (cutAtBegin ? 3 : 0) + screenColumn[location] - screenColumn[begin];
        out.repeat(' ', caretColumn);
        out.append("^\n");
        return out.toString();
    }

    /** Screen columns of a code point as libpq counts them here: control characters are -1, so count 1. */
    private static int screenWidth(int codePoint) {
        if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) {
            return -1;
        }
        return DisplayText.columnsOf(codePoint);
    }
}
