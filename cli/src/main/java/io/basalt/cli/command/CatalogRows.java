package io.basalt.cli.command;

import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import java.util.ArrayList;
import java.util.List;

/** Runs a query over the system catalogs for a meta-command and returns its rows as text (null for NULL). */
final class CatalogRows {
    private CatalogRows() {
    }

    static List<List<String>> of(Session session, String sql, Object... parameters) {
        List<List<String>> rows = new ArrayList<>();
        try (QueryResult result = session.query(sql, parameters)) {
            int columns = result.columns().size();
            for (long row = 0; row < result.rowCount(); row++) {
                List<String> values = new ArrayList<>(columns);
                for (int column = 0; column < columns; column++) {
                    values.add(result.getText(row, column));
                }
                rows.add(values);
            }
        }
        return rows;
    }
}
