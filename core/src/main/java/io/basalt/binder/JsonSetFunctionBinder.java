package io.basalt.binder;

import io.basalt.exec.function.set.JsonSetFunction;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.planner.ConstantEvaluator;
import io.basalt.sql.ast.Expression;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The set-returning json functions in FROM: jsonb_each / jsonb_each_text (key, value), jsonb_array_elements /
 * jsonb_array_elements_text (value), jsonb_object_keys, and their json_ twins (whose values are json), computed
 * by {@link JsonSetFunction}. As with unnest, a constant argument is evaluated here into a VALUES list, and one
 * that reads an earlier FROM item (LATERAL) makes a function scan.
 */
final class JsonSetFunctionBinder {
    static final Set<String> NAMES = Set.of("jsonb_each", "jsonb_each_text", "jsonb_array_elements",
            "jsonb_array_elements_text", "jsonb_object_keys", "json_each", "json_each_text", "json_array_elements",
            "json_array_elements_text", "json_object_keys");
    /** The ones returning one column, which may also stand as a whole SELECT item. */
    static final Set<String> SINGLE_COLUMN = Set.of("jsonb_array_elements", "jsonb_array_elements_text",
            "jsonb_object_keys", "json_array_elements", "json_array_elements_text", "json_object_keys");

    private JsonSetFunctionBinder() {
    }

    static boolean handles(Expression.FunctionCall call) {
        return call.name().parts().size() == 1 && NAMES.contains(call.name().last());
    }

    /** The default column names of the function's result. */
    static List<String> columnNames(String name) {
        if (name.endsWith("_each") || name.endsWith("_each_text")) {
            return List.of("key", "value");
        }
        return List.of(name.endsWith("_object_keys") ? name : "value");
    }

    /**
     * The rows of the call: with a constant argument, evaluated here into a VALUES list; with one that reads an
     * earlier FROM item's row ({@code binder} resolves it as a LATERAL reference), a {@link LogicalPlan.FunctionScan}.
     */
    static LogicalPlan bind(Expression.FunctionCall call, ExpressionBinder binder) {
        String name = call.name().last();
        boolean json = name.startsWith("json_");
        List<BoundExpression> arguments = new ArrayList<>();
        for (Expression argument : call.arguments()) {
            arguments.add(binder.bind(argument));
        }
        TypeId expected = json ? TypeId.JSON : TypeId.JSONB;
        if (arguments.size() != 1 || arguments.getFirst().type().id() != expected
                && arguments.getFirst().type().id() != TypeId.UNKNOWN) {
            throw Functions.undefined(name, arguments, call.position());
        }
        BoundExpression argument = Coercion.cast(arguments.getFirst(), json ? LogicalType.JSON : LogicalType.JSONB,
                false);
        JsonSetFunction function = new JsonSetFunction(name);
        if (!ConstantEvaluator.isConstant(argument)) {
            return new LogicalPlan.FunctionScan(function, List.of(argument), function.outputTypes());
        }
        return SetFunctionRows.values(function, List.of(argument), call.position());
    }
}
