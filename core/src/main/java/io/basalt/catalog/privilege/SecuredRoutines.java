package io.basalt.catalog.privilege;

import io.basalt.catalog.Catalog;
import io.basalt.routine.AggregateEntry;
import io.basalt.routine.FunctionEntry;
import io.basalt.routine.RoutineCatalog;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds routines (functions, procedures and aggregates, which share one namespace as in pg_proc) for the statements
 * and functions about their privileges. Privileges are filed per schema and name ({@link Authorization#functionKey}):
 * the overloads of a name share them.
 */
public final class SecuredRoutines {
    /** A routine: its kind, schema, name and the signature messages show ({@code f(integer)}). */
    public record Routine(SecuredKind kind, String schema, String name, String signature) {
        public String key() {
            return Authorization.functionKey(schema, name);
        }
    }

    private SecuredRoutines() {
    }

    /**
     * The routines named {@code name} in {@code schema}, or in the first schema of the search path that has any
     * ({@code schema} null).
     */
    public static List<Routine> named(RoutineCatalog routines, Catalog catalog, String schema, String name) {
        List<String> schemas = schema != null ? List.of(schema) : catalog.searchedSchemas();
        for (String searched : schemas) {
            List<Routine> found = inSchema(routines, searched, name);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    /** The routines of {@code schema} ({@code name} null: all of them). */
    public static List<Routine> inSchema(RoutineCatalog routines, String schema, String name) {
        List<Routine> found = new ArrayList<>();
        List<FunctionEntry> functions = name == null ? routines.allFunctions() : routines.functions(schema, name);
        for (FunctionEntry function : functions) {
            if (function.schema().equals(schema) && !function.returnsTrigger()) {
                found.add(new Routine(function.procedure() ? SecuredKind.PROCEDURE : SecuredKind.FUNCTION,
                        function.schema(), function.name(), function.signature()));
            }
        }
        List<AggregateEntry> aggregates = name == null ? routines.allAggregates() : routines.aggregates(schema, name);
        for (AggregateEntry aggregate : aggregates) {
            if (aggregate.schema().equals(schema)) {
                found.add(new Routine(SecuredKind.AGGREGATE, aggregate.schema(), aggregate.name(),
                        aggregate.signature()));
            }
        }
        return found;
    }
}
