package io.basalt.engine;

import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.privilege.AccessCheck;
import io.basalt.catalog.privilege.Authorization;
import io.basalt.catalog.privilege.Privilege;
import io.basalt.catalog.privilege.SecuredKind;
import io.basalt.catalog.privilege.SecuredObject;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a constraint violation's DETAIL may show a role that cannot read the whole table, as PostgreSQL limits it:
 * the failing row only in the columns the role may read or is writing ({@code Failing row contains (c1, c2) = (1,
 * null).}, nothing when there are none), and a duplicate key only when the role may read all of its columns.
 */
final class ConstraintDetails {
    private ConstraintDetails() {
    }

    /**
     * Runs a write of {@code table} whose statement names {@code written} columns (empty: all), rewording the DETAIL
     * of the constraint violation it fails with for the current role ({@code updating}: an UPDATE, whose failing row
     * is reported in the columns of the partition it lands in).
     */
    static QueryResultImpl guard(TableEntry table, List<String> written, boolean updating,
                                 io.basalt.catalog.Catalog catalog, Supplier<QueryResultImpl> write) {
        try {
            return write.get();
        } catch (BasaltException failure) {
            throw reworded(failure, table, written, updating, catalog);
        }
    }

    /** The relation a violation's message names (a partition of the table written, say), or {@code table}. */
    private static TableEntry failed(BasaltException failure, TableEntry table, io.basalt.catalog.Catalog catalog) {
        String message = failure.getMessage();
        int start = message == null ? -1 : message.indexOf("relation \"");
        if (start < 0) {
            return table;
        }
        int end = message.indexOf('"', start + 10);
        String name = end < 0 ? table.name() : message.substring(start + 10, end);
        return name.equals(table.name()) ? table : catalog.findTable(table.schema(), name).orElse(table);
    }

    private static BasaltException reworded(BasaltException failure, TableEntry table, List<String> written,
                                            boolean updating, io.basalt.catalog.Catalog catalog) {
        String detail = failure.detail();
        SqlState state = failure.sqlState();
        if (detail == null || state != SqlState.NOT_NULL_VIOLATION && state != SqlState.CHECK_VIOLATION
                && state != SqlState.UNIQUE_VIOLATION) {
            return failure;
        }
        AccessCheck check = AccessCheck.current();
        if (check == null) {
            return failure;
        }
        SecuredObject object = check.authorization().object(Authorization.relationKey(table.schema(), table.name()),
                SecuredKind.TABLE);
        if ((check.privileges(object) & Privilege.SELECT.bit()) != 0) {
            return failure;
        }
        if (state == SqlState.UNIQUE_VIOLATION) {
            int open = detail.indexOf('(');
            int close = detail.indexOf(")=");
            if (!detail.startsWith("Key (") || close < 0) {
                return failure;
            }
            for (String column : detail.substring(open + 1, close).split(", ")) {
                if ((check.columnPrivileges(object, column) & Privilege.SELECT.bit()) == 0) {
                    return failure.withDetail(null);
                }
            }
            return failure;
        }
        String prefix = "Failing row contains (";
        if (!detail.startsWith(prefix) || !detail.endsWith(").")) {
            return failure;
        }
        String[] values = detail.substring(prefix.length(), detail.length() - 2).split(", ", -1);
        // an UPDATE's failing row is the partition's, in its column order; it is shown in the table's order
        List<ColumnEntry> rowColumns = updating ? failed(failure, table, catalog).columns() : table.columns();
        if (values.length != rowColumns.size()) {
            return failure;
        }
        List<String> names = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (ColumnEntry column : table.columns()) {
            String name = column.name();
            int index = -1;
            for (int i = 0; i < rowColumns.size(); i++) {
                if (rowColumns.get(i).name().equals(name)) {
                    index = i;
                }
            }
            boolean visible = written.isEmpty() || written.contains(name)
                    || (check.columnPrivileges(object, name) & Privilege.SELECT.bit()) != 0;
            if (visible && index >= 0) {
                names.add(name);
                shown.add(values[index]);
            }
        }
        if (names.isEmpty()) {
            return failure.withDetail(null);
        }
        return failure.withDetail(prefix.substring(0, prefix.length() - 1) + "(" + String.join(", ", names) + ") = ("
                + String.join(", ", shown) + ").");
    }
}
