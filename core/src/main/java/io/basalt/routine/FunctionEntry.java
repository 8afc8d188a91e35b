package io.basalt.routine;

import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.RoutineStatement.ParameterMode;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A user-defined function or procedure as CREATE FUNCTION / PROCEDURE defined it: its signature, what it returns,
 * its language and body text, and the CREATE statement that defined it (for the log and for undoing a DROP).
 * The body is compiled lazily, once per definition, by its language ({@link #compiled()}).
 *
 * @param returnType the result type; null for a procedure, {@code RETURNS void} and {@code RETURNS trigger}
 * @param returnsSet SETOF or TABLE
 * @param tableColumns the columns of RETURNS TABLE, else empty
 */
public record FunctionEntry(String schema, String name, boolean procedure, List<Parameter> parameters,
                            LogicalType returnType, boolean returnsTrigger, boolean returnsSet,
                            List<Parameter> tableColumns, String language, String body, String volatility,
                            boolean strict, String definition, CompiledBody compiled) {

    /** One declared parameter; {@code name} null when unnamed, {@code defaultValue} null when it has none. */
    public record Parameter(String name, LogicalType type, ParameterMode mode, Expression defaultValue) {
        /** Whether a caller passes this parameter (IN, INOUT, VARIADIC). */
        public boolean input() {
            return mode != ParameterMode.OUT;
        }
    }

    /** The compiled form of a body, made on first use and kept with the definition. */
    public static final class CompiledBody {
        private Object value;

        public synchronized Object get() {
            return value;
        }

        public synchronized void set(Object compiled) {
            value = compiled;
        }
    }

    public FunctionEntry {
        Objects.requireNonNull(schema, "schema is null");
        Objects.requireNonNull(name, "name is null");
        parameters = List.copyOf(parameters);
        tableColumns = List.copyOf(tableColumns);
    }

    /** The types a caller passes, in order (what identifies a function among its overloads). */
    public List<LogicalType> inputTypes() {
        List<LogicalType> types = new ArrayList<>();
        for (Parameter parameter : parameters) {
            if (parameter.input()) {
                types.add(parameter.type());
            }
        }
        return types;
    }

    /** The parameters a caller passes, in order. */
    public List<Parameter> inputs() {
        List<Parameter> inputs = new ArrayList<>();
        for (Parameter parameter : parameters) {
            if (parameter.input()) {
                inputs.add(parameter);
            }
        }
        return inputs;
    }

    /** {@code name(type, type)} as PostgreSQL's messages show a function. */
    public String signature() {
        return signature(name, inputTypes());
    }

    static String signature(String name, List<LogicalType> types) {
        StringBuilder text = new StringBuilder(name).append('(');
        for (int i = 0; i < types.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(types.get(i).displayName());
        }
        return text.append(')').toString();
    }

    /** What this routine is called in messages: "function" or "procedure". */
    public String kind() {
        return procedure ? "procedure" : "function";
    }
}
