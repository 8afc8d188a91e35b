package io.basalt.routine;

import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A user-defined aggregate as CREATE AGGREGATE defined it: its argument types, the transition function that folds
 * each row into the state, the state's type and initial value, and the final function that turns the state into
 * the result. Functions are kept by name and found again each time a call is bound, so that a function replaced
 * later is the one that runs (as PostgreSQL looks them up by oid, and CREATE OR REPLACE FUNCTION keeps the oid).
 *
 * @param argumentTypes the declared argument types in order, a null element for {@code "any"}; empty for
 *                      {@code agg(*)}
 * @param transitionFunction the SFUNC's name as written: its parts (schema, name) or just the name
 * @param finalFunction the FINALFUNC's name likewise, or null
 * @param combineFunction the COMBINEFUNC's name likewise, or null (kept; Basalt combines by keeping rows)
 * @param initialCondition the INITCOND text, or null when the state starts as NULL
 * @param definition the CREATE AGGREGATE statement (what the log replays and a rolled-back DROP restores)
 */
public record AggregateEntry(String schema, String name, List<LogicalType> argumentTypes, boolean variadic,
                             List<String> transitionFunction, LogicalType stateType, List<String> finalFunction,
                             String initialCondition, List<String> combineFunction, String definition) {
    public AggregateEntry {
        Objects.requireNonNull(schema, "schema is null");
        Objects.requireNonNull(name, "name is null");
        argumentTypes = java.util.Collections.unmodifiableList(new ArrayList<>(argumentTypes));
        transitionFunction = List.copyOf(transitionFunction);
        finalFunction = finalFunction == null ? null : List.copyOf(finalFunction);
        combineFunction = combineFunction == null ? null : List.copyOf(combineFunction);
        Objects.requireNonNull(stateType, "stateType is null");
    }

    /** {@code name(type, ...)} as PostgreSQL's messages show an aggregate ({@code name(*)} without arguments). */
    public String signature() {
        return signature(name, argumentTypes);
    }

    /** {@code name(type, ...)}, or {@code name(*)} without arguments; a null type is {@code "any"}. */
    public static String signature(String name, List<LogicalType> argumentTypes) {
        if (argumentTypes.isEmpty()) {
            return name + "(*)";
        }
        StringBuilder text = new StringBuilder(name).append('(');
        for (int i = 0; i < argumentTypes.size(); i++) {
            LogicalType type = argumentTypes.get(i);
            text.append(i == 0 ? "" : ", ").append(type == null ? "\"any\"" : type.displayName());
        }
        return text.append(')').toString();
    }
}
