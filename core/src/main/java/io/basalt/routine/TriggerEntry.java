package io.basalt.routine;

import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.RoutineStatement.TriggerEvent;
import io.basalt.sql.ast.RoutineStatement.TriggerTiming;
import java.util.List;

/**
 * A trigger of a table as CREATE TRIGGER defined it: when it fires (BEFORE / AFTER, the events, per row or per
 * statement, the WHEN condition), the names of its transition tables ({@code oldTable} / {@code newTable}, null:
 * none) and the trigger function it runs with its text arguments. {@code enabled} is what ALTER TABLE ...
 * ENABLE / DISABLE TRIGGER sets.
 */
public record TriggerEntry(String name, String schema, String table, TriggerTiming timing, List<TriggerEvent> events,
                           List<String> updateColumns, String oldTable, String newTable, boolean forEachRow,
                           Expression when, String whenText, String functionSchema, String functionName, List<String> arguments, boolean enabled,
                           String definition) {
    public TriggerEntry {
        events = List.copyOf(events);
        updateColumns = List.copyOf(updateColumns);
        arguments = List.copyOf(arguments);
    }

    /** This trigger enabled or disabled. */
    public TriggerEntry withEnabled(boolean newEnabled) {
        return new TriggerEntry(name, schema, table, timing, events, updateColumns, oldTable, newTable, forEachRow,
                when, whenText, functionSchema, functionName, arguments, newEnabled, definition);
    }

    /** Whether it names a transition table. */
    public boolean hasTransitionTables() {
        return oldTable != null || newTable != null;
    }

    /** Whether it fires for {@code event}. */
    public boolean firesOn(TriggerEvent event) {
        return enabled && events.contains(event);
    }
}
