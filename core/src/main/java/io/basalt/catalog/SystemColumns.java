package io.basalt.catalog;

import java.util.List;

/**
 * The names of PostgreSQL's system columns, which every table has besides its own columns and which a user column may
 * not take: {@code tableoid}, {@code ctid}, {@code xmin}, {@code cmin}, {@code xmax}, {@code cmax}. What each of them
 * reads in Basalt is decided where a scan produces them (see docs/STATUS.md, "System columns").
 */
public final class SystemColumns {
    /** In PostgreSQL's attribute-number order (-1 ctid ... -6 tableoid), reversed so that ctid comes first. */
    public static final List<String> NAMES = List.of("ctid", "xmin", "cmin", "xmax", "cmax", "tableoid");

    private SystemColumns() {
    }

    /** Fails with PostgreSQL's 42701 when a user column would take the system column name {@code name}. */
    public static void refuseAsColumnName(String name) {
        if (isSystemName(name)) {
            throw io.basalt.error.BasaltException.of(io.basalt.error.SqlState.DUPLICATE_COLUMN,
                    "column name \"" + name + "\" conflicts with a system column name");
        }
    }

    /** Whether {@code name} (already case-folded) is a system column's name. */
    public static boolean isSystemName(String name) {
        return NAMES.contains(name);
    }
}
