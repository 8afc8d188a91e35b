package io.basalt.routine;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.routine.plpgsql.PlpgsqlFunction;
import io.basalt.routine.plpgsql.RecordValue;
import io.basalt.routine.plpgsql.TriggerCall;
import io.basalt.sql.lexer.Lexer;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one trigger for one event: checks its WHEN condition (compiled once per trigger definition and session,
 * with NEW.col / OLD.col as parameters) and calls its function with the trigger's TG_ variables, NEW and OLD.
 */
public final class TriggerFiring {
    private TriggerFiring() {
    }

    /**
     * Fires {@code trigger} for a row ({@code newRow} / {@code oldRow}, either may be null) or, with both null and
     * {@code row} false, for the statement. Returns what the function returned: the row to go on with (a
     * {@link RecordValue}) or null; for a trigger whose WHEN is not true, {@code newRow} (or {@code oldRow} for
     * DELETE) unchanged.
     */
    public static RecordValue fire(TriggerEntry trigger, String operation, boolean row, RecordValue newRow,
                                   RecordValue oldRow, RoutineRuntime runtime) {
        RecordValue unchanged = newRow != null ? newRow : oldRow;
        if (trigger.whenText() != null && !when(trigger, newRow, oldRow, runtime)) {
            return unchanged;
        }
        FunctionEntry function = null;
        for (FunctionEntry candidate : runtime.routines().functions(trigger.functionSchema(), trigger.functionName())) {
            if (candidate.inputTypes().isEmpty() && candidate.returnsTrigger()) {
                function = candidate;
            }
        }
        if (function == null) {
            throw BasaltException.of(SqlState.UNDEFINED_FUNCTION,
                    "function " + trigger.functionName() + "() does not exist");
        }
        TriggerCall call = new TriggerCall(trigger.name(), trigger.timing().name().replace('_', ' '),
                row ? "ROW" : "STATEMENT", operation, trigger.schema(), trigger.table(), trigger.arguments(),
                newRow, oldRow);
        Object result = PlpgsqlFunction.of(function, runtime).call(List.of(), call, runtime);
        if (result != null && !(result instanceof RecordValue)) {
            throw BasaltException.of(SqlState.DATATYPE_MISMATCH,
                    "returned row structure does not match the structure of the triggering table");
        }
        return (RecordValue) result;
    }

    private static boolean when(TriggerEntry trigger, RecordValue newRow, RecordValue oldRow, RoutineRuntime runtime) {
        String text = trigger.whenText();
        List<Token> tokens = Lexer.tokenize(text);
        StringBuilder sql = new StringBuilder("SELECT ");
        List<BoundExpression.Constant> parameters = new ArrayList<>();
        int copied = 0;
        for (int i = 0; i + 2 < tokens.size(); i++) {
            Token token = tokens.get(i);
            boolean isNew = token.kind() == TokenKind.IDENTIFIER && token.value().equals("new");
            boolean isOld = token.kind() == TokenKind.IDENTIFIER && token.value().equals("old");
            if ((isNew || isOld) && tokens.get(i + 1).is(TokenKind.DOT)
                    && (tokens.get(i + 2).kind() == TokenKind.IDENTIFIER
                    || tokens.get(i + 2).kind() == TokenKind.QUOTED_IDENTIFIER)) {
                RecordValue record = isNew ? newRow : oldRow;
                if (record == null) {
                    throw BasaltException.of(SqlState.INVALID_OBJECT_DEFINITION,
                            (isNew ? "NEW" : "OLD") + " is not available in this trigger's WHEN condition");
                }
                String field = tokens.get(i + 2).value();
                int index = record.names().indexOf(field);
                if (index < 0) {
                    throw BasaltException.of(SqlState.UNDEFINED_COLUMN, "column \"" + field + "\" does not exist");
                }
                parameters.add(new BoundExpression.Constant(record.values()[index], record.types().get(index), 0));
                sql.append(text, copied, token.start()).append('$').append(parameters.size());
                copied = tokens.get(i + 2).end();
                i += 2;
            }
        }
        sql.append(text.substring(copied));
        StatementRows rows = runtime.run(runtime.parse(sql.toString()), parameters);
        return !rows.rows().isEmpty() && Boolean.TRUE.equals(rows.rows().getFirst()[0]);
    }
}
