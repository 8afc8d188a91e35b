package io.basalt.spi;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/** The table functions a database knows: those found by {@link ServiceLoader} plus any registered in code. */
public final class TableFunctionRegistry {
    private final Map<String, TableFunction> functions = new ConcurrentHashMap<>();

    /** A registry holding every {@link TableFunction} on the class path. */
    public static TableFunctionRegistry discover() {
        TableFunctionRegistry registry = new TableFunctionRegistry();
        for (TableFunction function : ServiceLoader.load(TableFunction.class)) {
            registry.register(function);
        }
        return registry;
    }

    public void register(TableFunction function) {
        functions.put(function.name(), function);
    }

    /** Binds {@code name(arguments)}; unknown names fail as PostgreSQL's "function ... does not exist". */
    public TableFunctionScan bind(String name, List<Object> arguments, int position) {
        TableFunction function = functions.get(name);
        if (function == null) {
            throw BasaltException.at(SqlState.UNDEFINED_FUNCTION, position, "function " + name + " does not exist")
                    .withHint("No function matches the given name and argument types. You might need to add explicit type casts.");
        }
        try {
            return new TableFunctionScan(name, function.bind(arguments));
        } catch (BasaltException failure) {
            throw failure.withPositionIfAbsent(position);
        }
    }
}
