package io.basalt.routine;

import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.RoutineStatement;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's refusal of a BEFORE INSERT / UPDATE row trigger whose WHEN condition reads a generated column of NEW
 * ({@code NEW.b}, or {@code NEW.*} of a table with generated columns): before the row is stored, those columns have
 * no value yet. The condition is read as written; the error points at the {@code NEW} that reads the column.
 */
final class GeneratedColumnTriggerWhen {
    private static final Pattern NEW_REFERENCE = Pattern.compile("\\bnew\\s*\\.\\s*(\\*|\"(?:[^\"]|\"\")*\"|\\w+)");

    private GeneratedColumnTriggerWhen() {
    }

    /**
     * Checks {@code create}'s WHEN condition against {@code table}'s generated columns; {@code sql} is the statement
     * the condition was written in (for the error's position).
     *
     * @throws BasaltException 42P17 for the first reference of NEW to a generated column
     */
    static void check(RoutineStatement.CreateTrigger create, TableEntry table, String sql) {
        if (create.whenText() == null || create.timing() != RoutineStatement.TriggerTiming.BEFORE
                || !create.forEachRow() || !(create.events().contains(RoutineStatement.TriggerEvent.INSERT)
                || create.events().contains(RoutineStatement.TriggerEvent.UPDATE))) {
            return;
        }
        boolean anyGenerated = false;
        for (ColumnEntry column : table.columns()) {
            anyGenerated |= column.generated();
        }
        if (!anyGenerated) {
            return;
        }
        String text = create.whenText();
        Matcher matcher = NEW_REFERENCE.matcher(text.toLowerCase(Locale.ROOT));
        int offset = sql == null ? -1 : sql.indexOf(text);
        while (matcher.find()) {
            String reference = text.substring(matcher.start(1), matcher.end(1));
            String detail;
            if (reference.equals("*")) {
                detail = "A whole-row reference is used and the table contains generated columns.";
            } else {
                String name = reference.startsWith("\"")
                        ? reference.substring(1, reference.length() - 1).replace("\"\"", "\"")
                        : reference.toLowerCase(Locale.ROOT);
                int index = table.columnIndex(name);
                if (index < 0 || !table.columns().get(index).generated()) {
                    continue;
                }
                detail = "Column \"" + name + "\" is a generated column.";
            }
            String message = "BEFORE trigger's WHEN condition cannot reference NEW generated columns";
            BasaltException failure = offset < 0 ? BasaltException.of(SqlState.INVALID_OBJECT_DEFINITION, message)
                    : BasaltException.at(SqlState.INVALID_OBJECT_DEFINITION,
                            sql.codePointCount(0, offset + matcher.start()) + 1, message);
            throw failure.withDetail(detail);
        }
    }
}
