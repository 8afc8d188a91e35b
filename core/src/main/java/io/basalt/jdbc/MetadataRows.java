package io.basalt.jdbc;

import io.basalt.api.ResultColumn;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * A metadata result under construction: the columns JDBC prescribes for it (text, int, short, boolean) and rows
 * added as Java values (String, Integer, Short, Boolean, Long, or null), held in the engine's canonical form.
 */
final class MetadataRows {
    private final List<ResultColumn> columns = new ArrayList<>();
    private final List<Object[]> rows = new ArrayList<>();

    MetadataRows text(String... names) {
        for (String name : names) {
            columns.add(new ResultColumn(name, LogicalType.TEXT));
        }
        return this;
    }

    MetadataRows integer(String... names) {
        for (String name : names) {
            columns.add(new ResultColumn(name, LogicalType.INTEGER));
        }
        return this;
    }

    MetadataRows smallint(String... names) {
        for (String name : names) {
            columns.add(new ResultColumn(name, LogicalType.SMALLINT));
        }
        return this;
    }

    MetadataRows bigint(String... names) {
        for (String name : names) {
            columns.add(new ResultColumn(name, LogicalType.BIGINT));
        }
        return this;
    }

    MetadataRows bool(String... names) {
        for (String name : names) {
            columns.add(new ResultColumn(name, LogicalType.BOOLEAN));
        }
        return this;
    }

    /** Adds a row of values in column order: numbers become longs, the engine's form of every integer type. */
    void add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("a row of " + values.length + " values for " + columns.size()
                    + " columns");
        }
        Object[] row = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            row[i] = values[i] instanceof Number number ? (Object) number.longValue() : values[i];
        }
        rows.add(row);
    }

    /** The rows in the order added; {@code sortColumns} (0-based) order them first when given. */
    ListRows build(int... sortColumns) {
        List<Object[]> sorted = new ArrayList<>(rows);
        if (sortColumns.length > 0) {
            sorted.sort((left, right) -> {
                for (int column : sortColumns) {
                    int order = compare(left[column], right[column]);
                    if (order != 0) {
                        return order;
                    }
                }
                return 0;
            });
        }
        return new ListRows(columns, sorted);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object left, Object right) {
        if (left == null || right == null) {
            return left == null ? (right == null ? 0 : -1) : 1;
        }
        return ((Comparable) left).compareTo(right);
    }

    /**
     * Whether {@code name} matches a JDBC search pattern ({@code %} any run, {@code _} one character, {@code \}
     * escapes); a null pattern matches all.
     */
    static boolean matches(String pattern, String name) {
        if (pattern == null) {
            return true;
        }
        return matches(pattern, 0, name, 0);
    }

    private static boolean matches(String pattern, int p, String name, int n) {
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            if (c == '%') {
                for (int k = n; k <= name.length(); k++) {
                    if (matches(pattern, p + 1, name, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (n >= name.length()) {
                return false;
            }
            if (c == '\\' && p + 1 < pattern.length()) {
                p++;
                if (pattern.charAt(p) != name.charAt(n)) {
                    return false;
                }
            } else if (c != '_' && c != name.charAt(n)) {
                return false;
            }
            p++;
            n++;
        }
        return n == name.length();
    }
}
