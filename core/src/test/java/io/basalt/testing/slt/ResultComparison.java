package io.basalt.testing.slt;

import io.basalt.api.ResultColumn;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a query's rendered rows are what its record expects, and if not, says how they
 * differ in words a developer can act on. Values compare as exact strings: the files hold
 * PostgreSQL's own text output, so there is no tolerance to apply.
 *
 * <p>The column count must always match the record's type letters. With {@code checkTypeLetters}
 * (Basalt's own files) each letter must also match its column's type: I for smallint, integer and
 * bigint, R for double precision and numeric, T for every other type. Corpora written for other
 * engines use the letters loosely, so their runs leave this off.
 */
public final class ResultComparison {
    private static final Comparator<List<String>> ROW_ORDER = (left, right) -> {
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int order = left.get(i).compareTo(right.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.size(), right.size());
    };

    private ResultComparison() {
    }

    /** Empty when {@code actual} satisfies {@code query}; otherwise a description of the difference. */
    public static Optional<String> compare(SltRecord.Query query, RenderedResult actual, boolean checkTypeLetters) {
        String letters = query.columnTypes();
        List<ResultColumn> columns = actual.columns();
        if (columns.size() != letters.length()) {
            return Optional.of("expected " + letters.length() + (letters.length() == 1 ? " column" : " columns")
                    + " (" + letters + "), got " + columns.size() + ": " + describe(columns));
        }
        if (checkTypeLetters) {
            Optional<String> wrongLetters = checkLetters(letters, columns);
            if (wrongLetters.isPresent()) {
                return wrongLetters;
            }
        }
        List<List<String>> actualRows = sorted(actual.rows(), query.sortMode());
        return switch (query.expected()) {
            case ExpectedResult.Hash hash -> compareHash(hash, actualRows);
            case ExpectedResult.Values values -> compareValues(values, actualRows, letters.length(), query.sortMode());
        };
    }

    /** The type letter a column of {@code type} has in Basalt's own files. */
    public static char letterOf(LogicalType type) {
        TypeId id = type.id();
        if (type.isIntegral()) {
            return 'I';
        }
        // A new floating-point type (real) would belong here too.
        if (id == TypeId.DOUBLE || id == TypeId.REAL || id == TypeId.NUMERIC) {
            return 'R';
        }
        return 'T';
    }

    /** The values of {@code rows} in hashing order, hashed as sqllogictest does: MD5 of each value plus a newline. */
    public static String hash(List<List<String>> rows) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            for (List<String> row : rows) {
                for (String value : row) {
                    md5.update(value.getBytes(StandardCharsets.UTF_8));
                    md5.update((byte) '\n');
                }
            }
            return HexFormat.of().formatHex(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    /** Rows in the order the sort mode compares them; for valuesort, one value per row, all sorted. */
    public static List<List<String>> sorted(List<List<String>> rows, SortMode mode) {
        return switch (mode) {
            case NOSORT -> rows;
            case ROWSORT -> {
                List<List<String>> copy = new ArrayList<>(rows);
                copy.sort(ROW_ORDER);
                yield copy;
            }
            case VALUESORT -> {
                List<String> values = new ArrayList<>();
                for (List<String> row : rows) {
                    values.addAll(row);
                }
                values.sort(Comparator.naturalOrder());
                List<List<String>> single = new ArrayList<>(values.size());
                for (String value : values) {
                    single.add(List.of(value));
                }
                yield single;
            }
        };
    }

    private static Optional<String> checkLetters(String letters, List<ResultColumn> columns) {
        StringBuilder problems = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            ResultColumn column = columns.get(i);
            char letter = letterOf(column.type());
            if (letter != letters.charAt(i)) {
                problems.append("\n  column ").append(i + 1).append(" \"").append(column.name()).append("\" is ")
                        .append(column.type().displayName()).append(": letter ").append(letter)
                        .append(", not ").append(letters.charAt(i));
            }
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder actualLetters = new StringBuilder();
        for (ResultColumn column : columns) {
            actualLetters.append(letterOf(column.type()));
        }
        return Optional.of("column types are " + actualLetters + ", the record says " + letters + ":" + problems);
    }

    private static Optional<String> compareHash(ExpectedResult.Hash expected, List<List<String>> actualRows) {
        int count = 0;
        for (List<String> row : actualRows) {
            count += row.size();
        }
        String actualHash = hash(actualRows);
        if (count == expected.valueCount() && actualHash.equals(expected.md5())) {
            return Optional.empty();
        }
        return Optional.of("expected " + expected.valueCount() + " values hashing to " + expected.md5()
                + ", got " + count + " values hashing to " + actualHash);
    }

    private static Optional<String> compareValues(ExpectedResult.Values expected, List<List<String>> actualRows,
                                                  int columnCount, SortMode mode) {
        int rowWidth = mode == SortMode.VALUESORT ? 1 : columnCount;
        List<List<String>> expectedRows = sorted(rows(expected.flattened(), rowWidth), mode);
        if (expectedRows.equals(actualRows)) {
            return Optional.empty();
        }
        String sortNote = mode == SortMode.NOSORT ? "" : " (both sorted: " + mode.name().toLowerCase() + ")";
        return Optional.of("expected " + count(expectedRows.size()) + ", got " + count(actualRows.size())
                + sortNote + "; - expected, + actual:\n"
                + LineDiff.of(lines(expectedRows), lines(actualRows)).stripTrailing());
    }

    /** Values regrouped into rows of {@code width}; a short last row keeps what is left. */
    private static List<List<String>> rows(List<String> values, int width) {
        List<List<String>> rows = new ArrayList<>();
        for (int start = 0; start < values.size(); start += width) {
            rows.add(values.subList(start, Math.min(values.size(), start + width)));
        }
        return rows;
    }

    private static List<String> lines(List<List<String>> rows) {
        List<String> lines = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            lines.add(String.join("\t", row));
        }
        return lines;
    }

    private static String count(int rows) {
        return rows + (rows == 1 ? " row" : " rows");
    }

    private static String describe(List<ResultColumn> columns) {
        List<String> parts = new ArrayList<>();
        for (ResultColumn column : columns) {
            parts.add(column.name() + " " + column.type().displayName());
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }
}
