package io.basalt.engine;

import io.basalt.catalog.ViewEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.storage.table.TableStore;
import io.basalt.storage.table.UniqueKeyIndex;
import java.util.List;

/**
 * The check REFRESH MATERIALIZED VIEW ... CONCURRENTLY makes of the new rows before it matches them with the old
 * ones: PostgreSQL's diff cannot tell apart two equal rows without nulls, so such a pair fails the refresh (21000
 * {@code new data for materialized view "mv" contains duplicate rows without any null columns}, naming the row).
 * The check is a unique key over every column, which keeps rows with a null apart as a unique index does.
 */
final class MaterializedViewRows {
    private static final String CHECK = "basalt_refresh_duplicate_rows";

    private MaterializedViewRows() {
    }

    /**
     * Fails when {@code rows}, the view's new rows, hold a row without nulls twice; leaves {@code rows} as it was.
     * Rows of types a key cannot hold (geometric types) are not checked.
     */
    static void checkNoDuplicateRows(ViewEntry view, TableStore rows) {
        int[] columns = new int[view.columnNames().size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = c;
        }
        try {
            rows.createUniqueKey(new UniqueKeyIndex(CHECK, view.name(), columns, view.columnNames(), false));
        } catch (BasaltException duplicate) {
            if (duplicate.sqlState() != SqlState.UNIQUE_VIOLATION) {
                return;
            }
            throw BasaltException.of(SqlState.CARDINALITY_VIOLATION, "new data for materialized view \""
                    + view.name() + "\" contains duplicate rows without any null columns")
                    .withDetail("Row: " + rowText(duplicate.detail()));
        } catch (RuntimeException unsupported) {
            return;
        }
        rows.removeUniqueKey(CHECK);
    }

    /**
     * The row as PostgreSQL's record output writes it, {@code (1,10)}, from the key's values in a unique-key
     * message's detail ({@code Key (a, b)=(1, 10) is duplicated.}).
     */
    private static String rowText(String detail) {
        if (detail == null) {
            return "()";
        }
        int start = detail.indexOf(")=(");
        int end = detail.lastIndexOf(')');
        if (start < 0 || end <= start + 2) {
            return "()";
        }
        List<String> values = List.of(detail.substring(start + 3, end).split(", ", -1));
        return "(" + String.join(",", values) + ")";
    }
}
