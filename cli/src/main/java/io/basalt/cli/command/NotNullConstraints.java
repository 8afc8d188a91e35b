package io.basalt.cli.command;

import io.basalt.api.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code Not-null constraints:} footer of {@code \d+ TABLE} as psql 18 prints it (the pg_regress corpus's
 * expected output): one line per not-null constraint (pg_constraint's contype {@code n}), in column order,
 * {@code "t_a_not_null" NOT NULL "a"}, with {@code (inherited)} when a parent table has it too.
 */
final class NotNullConstraints {
    private NotNullConstraints() {
    }

    static void add(Session session, long oid, List<String> footers) {
        List<String> lines = new ArrayList<>();
        for (List<String> constraint : CatalogRows.of(session, "SELECT k.conname, a.attname, k.coninhcount"
                + " FROM pg_constraint k JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]"
                + " WHERE k.conrelid = " + oid + " AND k.contype = 'n' ORDER BY a.attnum")) {
            lines.add("    \"" + constraint.get(0) + "\" NOT NULL \"" + constraint.get(1) + "\""
                    + ("0".equals(constraint.get(2)) ? "" : " (inherited)"));
        }
        if (!lines.isEmpty()) {
            footers.add("Not-null constraints:");
            footers.addAll(lines);
        }
    }
}
