package io.basalt.engine;

import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import java.util.ArrayList;
import java.util.List;

/** A query's rows as text, columns joined by {@code |}, for tests that compare whole results. */
final class SessionRows {
    private SessionRows() {
    }

    static List<String> rows(Session session, String sql) {
        List<String> rows = new ArrayList<>();
        try (QueryResult result = session.query(sql)) {
            for (long row = 0; row < result.rowCount(); row++) {
                StringBuilder line = new StringBuilder();
                for (int column = 0; column < result.columns().size(); column++) {
                    line.append(column == 0 ? "" : "|").append(result.getText(row, column));
                }
                rows.add(line.toString());
            }
        }
        return rows;
    }
}
