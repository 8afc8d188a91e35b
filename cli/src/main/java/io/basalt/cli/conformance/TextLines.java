package io.basalt.cli.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into lines the way the shell reads a script ({@link java.io.BufferedReader#readLine}):
 * at {@code \n}, {@code \r\n} or {@code \r}, terminators dropped, no empty last line for a text that
 * ends with a terminator. Used alike for scripts, expected outputs and the shell's output.
 */
final class TextLines {
    private TextLines() {
    }

    static List<String> split(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (ch == '\n' || ch == '\r') {
                lines.add(text.substring(start, i));
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
            i++;
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}
