package io.basalt.testing.slt;

import io.basalt.api.QueryResult;
import io.basalt.api.ResultColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * A query's rows as sqllogictest text: each value as PostgreSQL's text output
 * ({@link QueryResult#getText}), {@code NULL} for null and {@code (empty)} for the empty string, so
 * that no expected line is ever blank.
 */
public record RenderedResult(List<ResultColumn> columns, List<List<String>> rows) {
    public static final String NULL = "NULL";
    public static final String EMPTY = "(empty)";

    public RenderedResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** Reads every row of {@code result}; the caller still owns and closes it. */
    public static RenderedResult of(QueryResult result) {
        List<ResultColumn> columns = result.columns();
        long rowCount = result.rowCount();
        List<List<String>> rows = new ArrayList<>();
        for (long row = 0; row < rowCount; row++) {
            List<String> values = new ArrayList<>(columns.size());
            for (int column = 0; column < columns.size(); column++) {
                values.add(render(result.getText(row, column)));
            }
            rows.add(values);
        }
        return new RenderedResult(columns, rows);
    }

    /** One value as the files write it. */
    public static String render(String text) {
        if (text == null) {
            return NULL;
        }
        return text.isEmpty() ? EMPTY : text;
    }
}
