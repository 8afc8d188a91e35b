package io.basalt.routine.plpgsql;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.routine.RoutineRuntime;
import io.basalt.routine.StatementRows;
import io.basalt.sql.ast.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * An expression or SQL statement of a PL/pgSQL body, compiled once: {@code sql} is its text with each variable
 * reference replaced by a parameter {@code $k}, {@code statement} that text parsed, {@code references} what each
 * parameter reads from the frame when it runs. An expression is run as {@code SELECT expression}; one that is
 * exactly a variable is read from the frame without running anything.
 */
final class SqlFragment {
    /** What parameter {@code $k} reads from the frame. */
    sealed interface Reference {
    }

    /** A variable's value. */
    record VariableReference(int slot) implements Reference {
    }

    /** A record variable as a whole ({@code NEW}): a composite value, NULL while it holds no row. */
    record RecordReference(int slot) implements Reference {
    }

    /** A field of a record variable ({@code NEW.col}). */
    record FieldReference(int slot, String field) implements Reference {
    }

    private final String text;
    private final String sql;
    private final Statement statement;
    private final List<Reference> references;

    SqlFragment(String text, String sql, Statement statement, List<Reference> references) {
        this.text = text;
        this.sql = sql;
        this.statement = statement;
        this.references = List.copyOf(references);
    }

    /** The text as written in the body (for messages). */
    String text() {
        return text;
    }

    String sql() {
        return sql;
    }

    /** Whether this is exactly one variable reference (the expression {@code x} or {@code NEW.col}). */
    private boolean direct() {
        return references.size() == 1 && sql.equals("SELECT $1");
    }

    List<BoundExpression.Constant> parameters(Frame frame) {
        List<BoundExpression.Constant> values = new ArrayList<>(references.size());
        for (Reference reference : references) {
            values.add(switch (reference) {
                case VariableReference variable -> frame.scalar(variable.slot());
                case FieldReference field -> frame.field(field.slot(), field.field());
                case RecordReference whole -> frame.whole(whole.slot());
            });
        }
        return values;
    }

    /** Runs the statement with the frame's values. */
    StatementRows run(Frame frame, RoutineRuntime runtime) {
        return runtime.run(statement, parameters(frame));
    }

    /**
     * The expression's value: NULL when it yields no row; PostgreSQL's errors when it yields more than one row or
     * column.
     */
    BoundExpression.Constant value(Frame frame, RoutineRuntime runtime) {
        if (direct()) {
            return parameters(frame).getFirst();
        }
        StatementRows rows = run(frame, runtime);
        if (rows.types().size() != 1) {
            throw BasaltException.of(SqlState.SYNTAX_ERROR,
                    "query \"" + sql + "\" returned " + rows.types().size() + " columns");
        }
        if (rows.rows().size() > 1) {
            throw BasaltException.of(SqlState.CARDINALITY_VIOLATION,
                    "query \"" + sql + "\" returned more than one row");
        }
        Object value = rows.rows().isEmpty() ? null : rows.rows().getFirst()[0];
        return new BoundExpression.Constant(value, rows.types().getFirst(), 0);
    }

    /** The expression's value as a condition: true only for TRUE. */
    boolean test(Frame frame, RoutineRuntime runtime) {
        BoundExpression.Constant value = value(frame, runtime);
        if (value.value() != null && !(value.value() instanceof Boolean)) {
            throw BasaltException.of(SqlState.DATATYPE_MISMATCH,
                    "argument of IF must be type boolean, not type " + value.type().displayName());
        }
        return Boolean.TRUE.equals(value.value());
    }
}
