package io.basalt.binder;

import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.exec.operator.scan.ScanSource;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds COPY FROM as the insert it is: the rows a COPY reads (a scan of {@code rows}, whose columns are the
 * target columns, already of their types) go into the table through the same plan node as INSERT, so that
 * NOT NULL, CHECK and unique constraints, the write-ahead log and the all-or-nothing append apply alike. The
 * columns COPY does not name get their DEFAULT (or NULL), as in INSERT.
 */
public final class CopyBinder {
    private CopyBinder() {
    }

    /**
     * @param targets the table's column index of each of {@code rows}' columns, in order
     */
    public static LogicalPlan bindInsert(BindContext context, TableEntry table, int[] targets, ScanSource rows) {
        return bind(context, table, targets, rows, false);
    }

    /**
     * Like {@link #bindInsert}, for rows of their own types (a Parquet file's): each column is converted to its
     * target column's type by the assignment cast INSERT would apply, with INSERT's error when there is none.
     */
    public static LogicalPlan bindConvertingInsert(BindContext context, TableEntry table, int[] targets,
                                                   ScanSource rows) {
        return bind(context, table, targets, rows, true);
    }

    /**
     * As {@link #bindInsert} or {@link #bindConvertingInsert}, keeping only the rows that satisfy {@code where}
     * (bound by {@link CopyWhereConditions} over the table's row, defaults filled in; null: every row).
     */
    public static LogicalPlan bindFilteredInsert(BindContext context, TableEntry table, int[] targets,
                                                 ScanSource rows, boolean convert, BoundExpression where) {
        return bind(context, table, targets, rows, convert, where);
    }

    private static LogicalPlan bind(BindContext context, TableEntry table, int[] targets, ScanSource rows,
                                    boolean convert) {
        return bind(context, table, targets, rows, convert, null);
    }

    private static LogicalPlan bind(BindContext context, TableEntry table, int[] targets, ScanSource rows,
                                    boolean convert, BoundExpression where) {
        int[] all = new int[targets.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        List<LogicalType> types = rows.columnTypes();
        LogicalPlan scan = new LogicalPlan.Scan(rows, all, types);
        List<BoundExpression> row = new ArrayList<>();
        for (int c = 0; c < table.columns().size(); c++) {
            ColumnEntry column = table.columns().get(c);
            int source = indexOf(targets, c);
            if (source < 0) {
                row.add(InsertBinder.defaultValue(column, context));
            } else if (convert) {
                row.add(InsertBinder.assign(new BoundExpression.ColumnRef(source, null, column.name(),
                        types.get(source), 0), column, 0));
            } else {
                row.add(DomainChecks.enforce(new BoundExpression.ColumnRef(source, null, column.name(),
                        column.type().withDomain(null), 0), column.type(), context.parameters()));
            }
        }
        LogicalPlan newRows = new LogicalPlan.Project(scan, row);
        if (where != null) {
            newRows = new LogicalPlan.Filter(newRows, List.of(where));
        }
        if (GeneratedColumns.any(table.columns())) {
            newRows = GeneratedColumns.compute(newRows, table, 0, context);
        }
        return PartitionRoutes.attach(new LogicalPlan.Write(LogicalPlan.WriteKind.INSERT, table, newRows, false),
                context);
    }

    private static int indexOf(int[] targets, int column) {
        for (int i = 0; i < targets.length; i++) {
            if (targets[i] == column) {
                return i;
            }
        }
        return -1;
    }
}

