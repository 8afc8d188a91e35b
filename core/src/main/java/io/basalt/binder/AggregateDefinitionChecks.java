package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.planner.ConstantEvaluator;
import io.basalt.routine.FunctionEntry;
import io.basalt.routine.RoutineCatalog;
import io.basalt.type.LogicalType;
import java.util.List;

/**
 * What CREATE AGGREGATE checks of the functions and the initial condition it names, as PostgreSQL's
 * lookup_agg_function does: a support function must take exactly the types the aggregate passes it (the state
 * type, then the argument types; "any" takes every type) and return the state type (a final function returns what
 * it likes); one that would need its arguments converted at run time is refused, and the initial condition must
 * be a valid value of the state type.
 */
public final class AggregateDefinitionChecks {
    private AggregateDefinitionChecks() {
    }

    /**
     * Checks that {@code name(inputs)} exists among the user-defined functions of {@code schemas} or the
     * built-in support functions; {@code stateType} not null demands that it returns that type (a transition
     * function) and {@code role} names it in that message ("transition function").
     */
    public static void checkFunction(RoutineCatalog routines, List<String> schemas, List<String> name,
                                     List<LogicalType> inputs, LogicalType stateType, String role) {
        String last = name.getLast();
        List<String> searched = name.size() >= 2 ? List.of(name.get(name.size() - 2)) : schemas;
        boolean coercible = false;
        String coercibleSignature = null;
        for (String schema : searched) {
            for (FunctionEntry function : routines.functions(schema, last)) {
                List<LogicalType> declared = function.inputTypes();
                if (declared.size() != inputs.size()) {
                    continue;
                }
                if (matches(declared, inputs)) {
                    checkReturn(last, function.returnType(), stateType, role);
                    return;
                }
                if (implicitly(declared, inputs) && !coercible) {
                    coercible = true;
                    coercibleSignature = signature(last, declared);
                }
            }
        }
        for (List<LogicalType> signature : AggregateSupportFunctions.signatures(last)) {
            List<LogicalType> declared = signature.subList(0, signature.size() - 1);
            if (declared.size() != inputs.size()) {
                continue;
            }
            if (matches(declared, inputs)) {
                checkReturn(last, signature.getLast(), stateType, role);
                return;
            }
            if (implicitly(declared, inputs) && !coercible) {
                coercible = true;
                coercibleSignature = signature(last, declared);
            }
        }
        if (coercible) {
            throw BasaltException.of(SqlState.DATATYPE_MISMATCH,
                    "function " + coercibleSignature + " requires run-time type coercion");
        }
        throw BasaltException.of(SqlState.UNDEFINED_FUNCTION,
                "function " + signature(String.join(".", name), inputs) + " does not exist");
    }

    /** The INITCOND text read as a value of {@code stateType} (its input errors are CREATE AGGREGATE's). */
    public static Object initialValue(String text, LogicalType stateType) {
        return ConstantEvaluator.evaluate(Coercion.cast(
                new BoundExpression.Constant(text, LogicalType.UNKNOWN, 0), stateType, true));
    }

    private static void checkReturn(String name, LogicalType returned, LogicalType stateType, String role) {
        if (stateType != null && (returned == null || !returned.equals(stateType))) {
            throw BasaltException.of(SqlState.DATATYPE_MISMATCH, "return type of " + role + " " + name + " is not "
                    + stateType.displayName());
        }
    }

    private static boolean matches(List<LogicalType> declared, List<LogicalType> inputs) {
        for (int i = 0; i < declared.size(); i++) {
            LogicalType want = declared.get(i);
            LogicalType have = inputs.get(i);
            if (want != null && (have == null || !want.equals(have))) {
                return false;
            }
        }
        return true;
    }

    private static boolean implicitly(List<LogicalType> declared, List<LogicalType> inputs) {
        for (int i = 0; i < declared.size(); i++) {
            LogicalType want = declared.get(i);
            LogicalType have = inputs.get(i);
            if (want == null || have != null && want.equals(have)) {
                continue;
            }
            if (have == null) {
                return false;
            }
            LogicalType common = Coercion.commonType(have, want);
            if (common == null || !common.equals(want)) {
                return false;
            }
        }
        return true;
    }

    private static String signature(String name, List<LogicalType> types) {
        StringBuilder text = new StringBuilder(name).append('(');
        for (int i = 0; i < types.size(); i++) {
            LogicalType type = types.get(i);
            text.append(i == 0 ? "" : ", ").append(type == null ? "\"any\"" : type.displayName());
        }
        return text.append(')').toString();
    }
}
