package io.basalt.routine.plpgsql;

import io.basalt.catalog.Catalog;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.routine.FunctionEntry;
import io.basalt.routine.RoutineRuntime;
import io.basalt.routine.ValueCasts;
import io.basalt.type.ArrayValue;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * A LANGUAGE plpgsql function compiled: its body's statements with every variable (parameters, declarations, and
 * for a trigger function NEW, OLD and the TG_ variables) a slot of the call's {@link Frame}. Compiled once per
 * definition, when it is created (so that syntax errors show then) and again on first call with the session's
 * catalog, which {@code %TYPE} declarations read.
 */
public final class PlpgsqlFunction {
    private final FunctionEntry entry;
    private final PlpgsqlStatement.Block body;
    private final List<String> names;
    private final List<VariableType> types;
    private final int[] parameterSlots;
    /** The slot of the single OUT / INOUT parameter or RETURNS TABLE column, or -1. */
    private final int outputSlot;
    private final int foundSlot;
    /** Slots of NEW, OLD, TG_OP, TG_NAME, TG_WHEN, TG_LEVEL, TG_TABLE_NAME, TG_TABLE_SCHEMA, TG_RELNAME, TG_NARGS, TG_ARGV. */
    private final int triggerSlots;

    private PlpgsqlFunction(FunctionEntry entry, PlpgsqlStatement.Block body, Variables variables,
                            int[] parameterSlots, int outputSlot, int foundSlot, int triggerSlots) {
        this.entry = entry;
        this.body = body;
        this.names = List.copyOf(variables.names());
        this.types = List.copyOf(variables.types());
        this.parameterSlots = parameterSlots;
        this.outputSlot = outputSlot;
        this.foundSlot = foundSlot;
        this.triggerSlots = triggerSlots;
    }

    /** The compiled function of {@code entry}, compiled on first call. */
    public static PlpgsqlFunction of(FunctionEntry entry, RoutineRuntime runtime) {
        Object compiled = entry.compiled().get();
        if (compiled instanceof PlpgsqlFunction function) {
            return function;
        }
        PlpgsqlFunction function = compile(entry, runtime.catalog());
        entry.compiled().set(function);
        return function;
    }

    /** Compiles {@code entry}'s body without a catalog (CREATE FUNCTION's check). */
    public static void compile(FunctionEntry entry) {
        try {
            compile(entry, null);
        } catch (BasaltException failure) {
            if (failure.sqlState() == SqlState.SYNTAX_ERROR || failure.sqlState() == SqlState.FEATURE_NOT_SUPPORTED) {
                throw failure;
            }
            // names that only the session's catalog can resolve (%TYPE) are checked at the first call
        }
    }

    static PlpgsqlFunction compile(FunctionEntry entry, Catalog catalog) {
        Variables variables = new Variables(catalog);
        int foundSlot = variables.declare("found", VariableType.of(LogicalType.BOOLEAN));
        int triggerSlots = -1;
        if (entry.returnsTrigger()) {
            triggerSlots = variables.declare("new", VariableType.RECORD);
            variables.declare("old", VariableType.RECORD);
            for (String name : List.of("tg_op", "tg_name", "tg_when", "tg_level", "tg_table_name", "tg_table_schema",
                    "tg_relname")) {
                variables.declare(name, VariableType.of(LogicalType.TEXT));
            }
            variables.declare("tg_nargs", VariableType.of(LogicalType.INTEGER));
            variables.declare("tg_argv", VariableType.of(LogicalType.arrayOf(LogicalType.TEXT)));
        }
        variables.push();
        List<Integer> parameters = new ArrayList<>();
        int outputSlot = -1;
        for (FunctionEntry.Parameter parameter : entry.parameters()) {
            int slot = parameter.input() ? variables.declareParameter(parameter.name(), VariableType.of(parameter.type()))
                    : variables.declare(parameter.name() == null ? "column" + (slotCount(variables)) : parameter.name(),
                    VariableType.of(parameter.type()));
            if (parameter.input()) {
                parameters.add(slot);
            }
            if (parameter.mode() == io.basalt.sql.ast.RoutineStatement.ParameterMode.OUT
                    || parameter.mode() == io.basalt.sql.ast.RoutineStatement.ParameterMode.INOUT) {
                outputSlot = slot;
            }
        }
        for (FunctionEntry.Parameter column : entry.tableColumns()) {
            outputSlot = variables.declare(column.name(), VariableType.of(column.type()));
        }
        PlpgsqlStatement.Block body = new PlpgsqlParser(entry.body(), variables).body();
        int[] parameterSlots = new int[parameters.size()];
        for (int i = 0; i < parameterSlots.length; i++) {
            parameterSlots[i] = parameters.get(i);
        }
        return new PlpgsqlFunction(entry, body, variables, parameterSlots, outputSlot, foundSlot, triggerSlots);
    }

    private static int slotCount(Variables variables) {
        return variables.names().size();
    }

    /**
     * Runs the function. For a trigger function ({@code trigger} not null) the result is the row it returned (a
     * {@link RecordValue}) or null; for a set-returning one a {@link RoutineRuntime.SetResult}; else the value of
     * the declared result type.
     */
    public Object call(List<BoundExpression.Constant> arguments, TriggerCall trigger, RoutineRuntime runtime) {
        Frame frame = new Frame(names, types);
        for (int i = 0; i < parameterSlots.length && i < arguments.size(); i++) {
            BoundExpression.Constant argument = arguments.get(i);
            frame.setScalar(parameterSlots[i], argument.value(), argument.type());
        }
        frame.setScalar(foundSlot, false, LogicalType.BOOLEAN);
        if (trigger != null) {
            if (triggerSlots < 0) {
                throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "trigger functions can only be called as"
                        + " triggers");
            }
            frame.setRecord(triggerSlots, trigger.newRow());
            frame.setRecord(triggerSlots + 1, trigger.oldRow());
            String[] texts = {trigger.operation(), trigger.name(), trigger.when(), trigger.level(),
                trigger.tableName(), trigger.tableSchema(), trigger.tableName()};
            for (int i = 0; i < texts.length; i++) {
                frame.setScalar(triggerSlots + 2 + i, texts[i], LogicalType.TEXT);
            }
            frame.setScalar(triggerSlots + 9, (long) trigger.arguments().size(), LogicalType.INTEGER);
            frame.setScalar(triggerSlots + 10, ArrayValue.of(new ArrayList<Object>(trigger.arguments())),
                    LogicalType.arrayOf(LogicalType.TEXT));
        } else if (entry.returnsTrigger()) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "trigger functions can only be called as triggers");
        }
        PlpgsqlExecutor executor = new PlpgsqlExecutor(frame, runtime, foundSlot, this);
        executor.runBody(body);
        if (entry.returnsSet()) {
            return new RoutineRuntime.SetResult(executor.setRows());
        }
        if (!executor.returned()) {
            if (outputSlot >= 0) {
                return frame.scalar(outputSlot).value();
            }
            if (entry.returnType() == null && !entry.returnsTrigger()) {
                return null;
            }
            throw BasaltException.of(SqlState.FUNCTION_EXECUTED_NO_RETURN_STATEMENT, "control reached end of "
                    + (entry.returnsTrigger() ? "trigger procedure" : "function") + " without RETURN");
        }
        if (entry.returnsTrigger()) {
            return executor.returnedRecord();
        }
        BoundExpression.Constant value = executor.returnedValue();
        if (value == null) {
            if (outputSlot >= 0) {
                return frame.scalar(outputSlot).value();
            }
            return null;
        }
        if (entry.returnType() == null) {
            if (value.value() != null || !value.type().equals(LogicalType.UNKNOWN)) {
                throw BasaltException.of(SqlState.DATATYPE_MISMATCH,
                        "RETURN cannot have a parameter in function returning void");
            }
            return null;
        }
        return ValueCasts.to(value, entry.returnType(), runtime).value();
    }

    /** The value RETURN NEXT without an expression adds: the output parameter's, for RETURNS TABLE / OUT. */
    int outputSlot() {
        return outputSlot;
    }

    FunctionEntry entry() {
        return entry;
    }
}
