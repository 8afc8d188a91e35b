package io.basalt.cli.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Names why a block failed, in words that group well across a corpus, so that a summary can say
 * "0A000 type serial is not supported yet x 37" and a developer sees what to build next.
 *
 * <p>In order of precedence: the runner could not align the block; the block is a backslash
 * command (named with the first line Basalt printed that PostgreSQL did not); Basalt reported an
 * error PostgreSQL did not (its SQLSTATE and message); PostgreSQL reported an error Basalt did not;
 * both reported the same error but its position, DETAIL or HINT differ; NOTICE/WARNING lines
 * differ; or the result table differs in its row count, its column header, only in the order of
 * its rows (the same lines in another order: a name for the failure, not a pass), or its values.
 *
 * <p>Names of the script's own objects and input values are masked in messages
 * ({@code relation "…" does not exist}, {@code invalid input syntax for type integer: "…"}) so that one
 * missing feature is one group; quoted names of types, functions, parameters and tokens are kept
 * ({@code type "point" does not exist}, {@code syntax error at or near "ON"}), since they tell the
 * features apart.
 */
public final class FailureCause {
    private static final String ERROR_PREFIX = "ERROR:  ";
    /** A quoted name after a word naming one of the script's own objects, or a quoted value after a colon. */
    private static final Pattern OBJECT_NAME = Pattern.compile(
            "(\\b(?:relation|table|column|constraint|index|schema|view|sequence|role|statement|cursor|database|trigger"
                    + "|policy|savepoint|value|key|partition|publication|rule|domain|function|procedure|aggregate|operator"
                    + "|collation|extension|tablespace)|:) \"[^\"]*\"");
    private static final Pattern ROW_COUNT = Pattern.compile("\\(\\d+ rows?\\)");
    private static final int MESSAGE_LENGTH = 120;

    private FailureCause() {
    }

    /**
     * @param sqlStates the SQLSTATE of each error message Basalt raised while the script ran
     *                  (message as printed after {@code ERROR:  }), for naming Basalt's errors
     */
    public static String of(StatementBlock block, BlockOutput expected, BlockOutput actual, Map<String, String> sqlStates) {
        if (!expected.aligned()) {
            return "runner: block not found in PostgreSQL's output";
        }
        if (!actual.aligned()) {
            return "shell output missing (echo of the block not found)";
        }
        if (block.title().startsWith("\\")) {
            return commandName(block.title()) + ": " + firstUnexpectedLine(expected.lines(), actual.lines());
        }
        String actualError = firstError(actual.lines());
        String expectedError = firstError(expected.lines());
        if (actualError != null && !actualError.equals(expectedError)) {
            return basaltError(actualError, sqlStates);
        }
        if (actualError == null && expectedError != null) {
            return "no error where PostgreSQL reports: " + shorten(mask(expectedError));
        }
        if (!linesStartingWith(expected.lines(), "NOTICE:", "WARNING:")
                .equals(linesStartingWith(actual.lines(), "NOTICE:", "WARNING:"))) {
            return "NOTICE/WARNING lines differ";
        }
        if (actualError != null) {
            return "same error, position/DETAIL/HINT differ: " + basaltError(actualError, sqlStates);
        }
        return resultDifference(expected.lines(), actual.lines());
    }

    /** {@code SQLSTATE message}, the message masked. */
    static String basaltError(String message, Map<String, String> sqlStates) {
        return sqlStates.getOrDefault(message, "?????") + " " + shorten(mask(message));
    }

    private static String resultDifference(List<String> expected, List<String> actual) {
        List<String> expectedCounts = rowCounts(expected);
        List<String> actualCounts = rowCounts(actual);
        if (expectedCounts.isEmpty() != actualCounts.isEmpty()) {
            return expectedCounts.isEmpty() ? "result rows where PostgreSQL prints none" : "no result rows printed";
        }
        if (!expectedCounts.equals(actualCounts)) {
            return "result differs: row count";
        }
        if (!headers(expected).equals(headers(actual))) {
            return "result differs: column names or widths";
        }
        List<String> expectedSorted = new ArrayList<>(expected);
        List<String> actualSorted = new ArrayList<>(actual);
        expectedSorted.sort(null);
        actualSorted.sort(null);
        return expectedSorted.equals(actualSorted) ? "result differs: row order only" : "result differs: values";
    }

    private static String firstError(List<String> lines) {
        for (String line : lines) {
            if (line.startsWith(ERROR_PREFIX)) {
                return line.substring(ERROR_PREFIX.length());
            }
        }
        return null;
    }

    private static String firstUnexpectedLine(List<String> expected, List<String> actual) {
        for (String line : actual) {
            if (!expected.contains(line)) {
                return shorten(mask(line.startsWith(ERROR_PREFIX) ? line.substring(ERROR_PREFIX.length()) : line));
            }
        }
        return "output differs";
    }

    private static String commandName(String title) {
        int space = title.indexOf(' ');
        return space < 0 ? title : title.substring(0, space);
    }

    private static List<String> linesStartingWith(List<String> lines, String first, String second) {
        List<String> found = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith(first) || line.startsWith(second)) {
                found.add(line);
            }
        }
        return found;
    }

    private static List<String> rowCounts(List<String> lines) {
        List<String> counts = new ArrayList<>();
        for (String line : lines) {
            if (ROW_COUNT.matcher(line).matches()) {
                counts.add(line);
            }
        }
        return counts;
    }

    /** The lines right above each {@code ---+---} rule: the column headers of every table. */
    private static List<String> headers(List<String> lines) {
        List<String> found = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isEmpty() && line.chars().allMatch(ch -> ch == '-' || ch == '+')) {
                found.add(lines.get(i - 1));
            }
        }
        return found;
    }

    static String mask(String message) {
        return OBJECT_NAME.matcher(message).replaceAll("$1 \"…\"");
    }

    private static String shorten(String text) {
        return text.length() <= MESSAGE_LENGTH ? text : text.substring(0, MESSAGE_LENGTH - 3) + "...";
    }
}
