package io.basalt.binder;

import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.sql.ast.SelectItem;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL 18's {@code old} and {@code new} in RETURNING: the row as it was before the statement and as it is
 * after it, reachable only qualified ({@code old.col}, {@code new.*}), never by a bare {@code *}. INSERT has no
 * old row and DELETE no new row (their columns read NULL). The write's output is extended by a projection that
 * repeats the target's columns (and for UPDATE reads the old row, which the write passes through after the
 * FROM items' columns), described by hidden scope columns qualified {@code old} and {@code new}.
 */
final class ReturningOldNew {
    /** The table name of the columns of a row that does not exist (INSERT's old, DELETE's new). */
    static final String ABSENT = "\u0000absent";

    /** The RETURNING input and its scope. */
    record Input(LogicalPlan plan, Scope scope) {
    }

    private ReturningOldNew() {
    }

    /**
     * Whether {@code returning} names {@code old} or {@code new} anywhere. The syntax tree's records print their
     * parts, so a column reference qualified by either (or the whole row) shows as {@code parts=[old, ...}
     * ({@code parts=[old]}) and a star as {@code qualifier=old,} in the printed list: one look instead of a walk over every kind of expression.
     */
    static boolean mentioned(List<SelectItem> returning) {
        String printed = returning.toString();
        return printed.contains("parts=[old,") || printed.contains("parts=[new,") || printed.contains("parts=[old]")
                || printed.contains("parts=[new]") || printed.contains("qualifier=old,")
                || printed.contains("qualifier=new,");
    }

    /**
     * The input of RETURNING over {@code write}, whose output {@code scope} describes and whose first
     * {@code width} columns are the target's, extended by the old and new rows. {@code oldStart} is where the
     * write's output holds the old row (-1: the first {@code width} columns are the old row, as for DELETE;
     * -2: there is none, as for INSERT); {@code hasNew} is false for DELETE.
     */
    static Input extend(LogicalPlan write, Scope scope, int width, int oldStart, boolean hasNew) {
        List<LogicalType> types = write.outputTypes();
        List<BoundExpression> expressions = new ArrayList<>();
        List<Scope.Column> columns = new ArrayList<>(scope.columns());
        int outputs = oldStart >= 0 ? oldStart : types.size();
        for (int i = 0; i < types.size(); i++) {
            expressions.add(new BoundExpression.ColumnRef(i, null, "column" + i, types.get(i), 0));
        }
        for (int i = outputs; i < types.size(); i++) {
            Scope.Column target = scope.columns().get(i - outputs);
            columns.add(new Scope.Column("old", target.name(), target.type(), null, true));
        }
        if (oldStart < 0) {
            for (int c = 0; c < width; c++) {
                Scope.Column target = scope.columns().get(c);
                expressions.add(oldStart == -1
                        ? new BoundExpression.ColumnRef(c, null, target.name(), target.type(), 0)
                        : new BoundExpression.Constant(null, target.type(), 0));
                columns.add(new Scope.Column("old", target.name(), target.type(), oldStart == -1 ? null : ABSENT,
                        true));
            }
        }
        for (int c = 0; c < width; c++) {
            Scope.Column target = scope.columns().get(c);
            expressions.add(hasNew ? new BoundExpression.ColumnRef(c, null, target.name(), target.type(), 0)
                    : new BoundExpression.Constant(null, target.type(), 0));
            columns.add(new Scope.Column("new", target.name(), target.type(), hasNew ? null : ABSENT, true));
        }
        return new Input(new LogicalPlan.Project(write, expressions), new Scope(columns));
    }
}
