package io.basalt.routine.plpgsql;

import java.util.List;

/**
 * What a trigger function is told about the event that fired it: PostgreSQL's TG_ variables and the rows NEW and
 * OLD (null where the event has none: OLD of INSERT, NEW of DELETE, both for statement triggers).
 */
public record TriggerCall(String name, String when, String level, String operation, String tableSchema,
                          String tableName, List<String> arguments, RecordValue newRow, RecordValue oldRow) {
    public TriggerCall {
        arguments = List.copyOf(arguments);
    }
}
