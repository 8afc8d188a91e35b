package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.FromItem;
import io.basalt.sql.ast.Query;
import io.basalt.sql.ast.QueryBody;
import io.basalt.sql.ast.SelectItem;
import io.basalt.sql.ast.UpdateStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code UPDATE ... SET (c1, c2, ...) = (SELECT v1, v2, ...)}: one scalar subquery per column, each reading its
 * column of the sub-SELECT ({@code (SELECT s.ck FROM (sub-SELECT) s)}), so that each keeps the sub-SELECT's rules
 * (no row gives NULLs, a second row is 21000) and may read the row being updated. The sub-SELECT is bound once more
 * here to check its width (42601 when it differs from the column list's). It runs once per column: the same rows,
 * since a sub-SELECT in SET has no volatile effect Basalt could repeat.
 */
final class MultipleAssignment {
    /** Names no SQL identifier can spell, for the wrapper's FROM item and columns. */
    private static final String SOURCE = "\0multiple";
    private static final String COLUMN = "\0column";

    private MultipleAssignment() {
    }

    /**
     * {@code assignment} ({@code SET (a, b) = ROW(v.*)}) with each {@code v.*} among its values replaced by the
     * columns of {@code v} in {@code scope}; 42601 when the count then differs from the column list's. A single
     * column assigned {@code v.*} ({@code SET a = v.*}) takes the whole row of {@code v}, as PostgreSQL reads it.
     */
    static UpdateStatement.Assignment expandStars(UpdateStatement.Assignment assignment, Scope scope) {
        if (assignment.columns().size() == 1 && assignment.values().size() == 1
                && assignment.values().getFirst() instanceof Expression.ColumnRef ref && ref.parts().size() >= 2
                && ref.parts().getLast().equals("*")) {
            Expression wholeRow = new Expression.ColumnRef(ref.parts().subList(0, ref.parts().size() - 1),
                    ref.position());
            return new UpdateStatement.Assignment(assignment.columns(), assignment.columnPositions(),
                    List.of(wholeRow), null, assignment.indirection(), assignment.position(), assignment.subscripts());
        }
        List<Expression> values = new ArrayList<>();
        boolean expanded = false;
        for (Expression value : assignment.values()) {
            if (value instanceof Expression.ColumnRef ref && ref.parts().size() >= 2
                    && ref.parts().getLast().equals("*")) {
                String qualifier = ref.parts().get(ref.parts().size() - 2);
                boolean found = false;
                for (Scope.Column column : scope.columns()) {
                    if (qualifier.equals(column.qualifier())) {
                        values.add(new Expression.ColumnRef(List.of(qualifier, column.name()), ref.position()));
                        found = true;
                    }
                }
                if (!found) {
                    throw scope.missingQualifier(qualifier, ref.position());
                }
                expanded = true;
            } else {
                values.add(value);
            }
        }
        if (!expanded) {
            return assignment;
        }
        if (values.size() != assignment.columns().size()) {
            throw BasaltException.at(SqlState.SYNTAX_ERROR, assignment.values().getFirst().position(),
                    "number of columns does not match number of values");
        }
        return new UpdateStatement.Assignment(assignment.columns(), assignment.columnPositions(), values, null,
                assignment.indirection(), assignment.position(), assignment.subscripts());
    }

    /** {@code assignment} with its sub-SELECT replaced by one scalar subquery per column. */
    static UpdateStatement.Assignment expand(UpdateStatement.Assignment assignment, Scope scope, BindContext context,
                                             Surroundings surroundings) {
        Query query = assignment.query();
        int position = assignment.values().isEmpty() ? query.position() : assignment.values().getFirst().position();
        int width = new QueryBinder(context, surroundings.enclosedBy(scope)).bind(query).names().size();
        int columns = assignment.columns().size();
        if (width != columns) {
            throw BasaltException.at(SqlState.SYNTAX_ERROR, position, "number of columns does not match number of values");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            names.add(COLUMN + i);
        }
        List<Expression> values = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            FromItem source = new FromItem.Subquery(query, false, SOURCE, names, position);
            SelectItem item = new SelectItem.Item(new Expression.ColumnRef(List.of(SOURCE, names.get(i)), position),
                    null, position);
            QueryBody select = new QueryBody.Select(false, List.of(item), List.of(source), null, List.of(), null,
                    position);
            values.add(new Expression.ScalarSubquery(new Query(select, List.of(), null, null, position), position));
        }
        return new UpdateStatement.Assignment(assignment.columns(), assignment.columnPositions(), values, null,
                assignment.indirection(), assignment.position(), assignment.subscripts());
    }
}
