package io.basalt.cli.format;

/**
 * A value as the aligned formats show it on screen: split into lines at newlines, with tabs
 * expanded to the next multiple of eight columns (counted from the start of the value's line),
 * carriage returns shown as {@code \r} and other control characters as {@code \xNN} (or a backslash, u and
 * four hex digits beyond ASCII), and the screen width of each line, counting East Asian wide characters as two
 * columns and combining marks as none. This is how psql renders cells and headers.
 * A value always has at least one line (an empty value is one empty line).
 */
public final class DisplayText {
    private static final int TAB_STOP = 8;
    private static final String HEX_DIGITS = "0123456789ABCDEF";
    private static final DisplayText EMPTY = new DisplayText(new String[] {""}, new int[] {0});

    private final String[] lines;
    private final int[] widths;

    private DisplayText(String[] lines, int[] widths) {
        this.lines = lines;
        this.widths = widths;
    }

    /** The display form of {@code value}; null (SQL NULL) shows as an empty line. */
    public static DisplayText of(String value) {
        if (value == null || value.isEmpty()) {
            return EMPTY;
        }
        int lineCount = 1;
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == '\n') {
                lineCount++;
            }
        }
        String[] lines = new String[lineCount];
        int[] widths = new int[lineCount];
        StringBuilder line = new StringBuilder();
        int width = 0;
        int lineIndex = 0;
        int i = 0;
        while (i < value.length()) {
            int codePoint = value.codePointAt(i);
            i += Character.charCount(codePoint);
            if (codePoint == '\n') {
                lines[lineIndex] = line.toString();
                widths[lineIndex] = width;
                lineIndex++;
                line.setLength(0);
                width = 0;
            } else if (codePoint == '\t') {
                int spaces = TAB_STOP - width % TAB_STOP;
                line.repeat(' ', spaces);
                width += spaces;
            } else if (codePoint == '\r') {
                line.append("\\r");
                width += 2;
            } else if (isControl(codePoint)) {
                width += appendEscaped(line, codePoint);
            } else {
                line.appendCodePoint(codePoint);
                width += columnsOf(codePoint);
            }
        }
        lines[lineIndex] = line.toString();
        widths[lineIndex] = width;
        return new DisplayText(lines, widths);
    }

    /** The widest line's width. */
    public int maxWidth() {
        int max = 0;
        for (int width : widths) {
            max = Math.max(max, width);
        }
        return max;
    }

    public int lineCount() {
        return lines.length;
    }

    public String line(int index) {
        return lines[index];
    }

    /** Screen width of line {@code index}. */
    public int width(int index) {
        return widths[index];
    }

    /**
     * Screen columns one printable code point takes: 0 for combining marks and format characters,
     * 2 for East Asian wide and full-width characters (and the common emoji blocks), else 1.
     */
    public static int columnsOf(int codePoint) {
        if (codePoint < 0x300) {
            return 1;
        }
        int type = Character.getType(codePoint);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        return isWide(codePoint) ? 2 : 1;
    }

    /** Screen width of a whole string of printable characters (no newlines, tabs or controls). */
    public static int widthOf(String text) {
        int width = 0;
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            width += columnsOf(codePoint);
        }
        return width;
    }

    private static boolean isControl(int codePoint) {
        return codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0);
    }

    /** Appends psql's escape for a control character and returns its width. */
    private static int appendEscaped(StringBuilder line, int codePoint) {
        if (codePoint < 0x80) {
            line.append("\\x").append(HEX_DIGITS.charAt(codePoint >> 4)).append(HEX_DIGITS.charAt(codePoint & 0xf));
            return 4;
        }
        line.append("\\u");
        for (int shift = 12; shift >= 0; shift -= 4) {
            line.append(HEX_DIGITS.charAt((codePoint >> shift) & 0xf));
        }
        return 6;
    }

    private static boolean isWide(int c) {
        return (c >= 0x1100 && c <= 0x115f)
                || c == 0x2329 || c == 0x232a
                || (c >= 0x2e80 && c <= 0xa4cf && c != 0x303f)
                || (c >= 0xac00 && c <= 0xd7a3)
                || (c >= 0xf900 && c <= 0xfaff)
                || (c >= 0xfe10 && c <= 0xfe19)
                || (c >= 0xfe30 && c <= 0xfe6f)
                || (c >= 0xff00 && c <= 0xff60)
                || (c >= 0xffe0 && c <= 0xffe6)
                || (c >= 0x1f300 && c <= 0x1f64f)
                || (c >= 0x1f900 && c <= 0x1f9ff)
                || (c >= 0x20000 && c <= 0x2fffd)
                || (c >= 0x30000 && c <= 0x3fffd);
    }
}
