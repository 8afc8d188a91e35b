package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.function.set.JsonToRecordFunction;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.planner.ConstantEvaluator;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.FromItem;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import io.basalt.type.datetime.DateTimeSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The json functions returning record in FROM, json(b)_to_record and json(b)_to_recordset, whose columns
 * come from the column definition list ({@code AS x(a int, b text)}); see {@link JsonToRecordFunction}. A
 * constant argument is evaluated here into a VALUES list, one that reads an earlier FROM item (LATERAL) makes a
 * function scan. PostgreSQL's errors for a missing list, or a list given to a function that does not return
 * record, are raised here.
 */
final class JsonRecordFunctionBinder {
    static final Set<String> NAMES = Set.of("json_to_record", "jsonb_to_record", "json_to_recordset",
            "jsonb_to_recordset");

    private JsonRecordFunctionBinder() {
    }

    static boolean handles(Expression.FunctionCall call) {
        return call.name().parts().size() == 1 && NAMES.contains(call.name().last());
    }

    /** Fails when a column definition list is given to a function that does not return record. */
    static void checkNoDefinitions(FromItem.Function function) {
        String name = function.call().name().last();
        if (!function.columnDefinitions().isEmpty() && JsonSetFunctionBinder.NAMES.contains(name)
                && !name.endsWith("_object_keys")) {
            throw BasaltException.at(SqlState.SYNTAX_ERROR, function.position(),
                    "a column definition list is redundant for a function with OUT parameters");
        }
        if (!function.columnDefinitions().isEmpty()) {
            throw BasaltException.at(SqlState.SYNTAX_ERROR, function.position(),
                    "a column definition list is only allowed for functions returning \"record\"");
        }
    }

    static LogicalPlan bind(FromItem.Function function, ExpressionBinder binder) {
        Expression.FunctionCall call = function.call();
        String name = call.name().last();
        if (function.columnDefinitions().isEmpty()) {
            throw BasaltException.at(SqlState.SYNTAX_ERROR, function.position(),
                    "a column definition list is required for functions returning \"record\"");
        }
        List<BoundExpression> arguments = new ArrayList<>();
        for (Expression argument : call.arguments()) {
            arguments.add(binder.bind(argument));
        }
        boolean json = name.startsWith("json_");
        TypeId expected = json ? TypeId.JSON : TypeId.JSONB;
        if (arguments.size() != 1 || arguments.getFirst().type().id() != expected
                && arguments.getFirst().type().id() != TypeId.UNKNOWN) {
            throw Functions.undefined(name, arguments, call.position());
        }
        BoundExpression argument = Coercion.cast(arguments.getFirst(), json ? LogicalType.JSON : LogicalType.JSONB,
                false);
        List<String> names = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        for (FromItem.ColumnDefinition definition : function.columnDefinitions()) {
            names.add(definition.name());
            types.add(TypeNames.resolve(definition.type()));
        }
        JsonToRecordFunction rows = new JsonToRecordFunction(name, names, types, DateTimeSettings.current());
        if (!ConstantEvaluator.isConstant(argument)) {
            return new LogicalPlan.FunctionScan(rows, List.of(argument), rows.outputTypes());
        }
        return SetFunctionRows.values(rows, List.of(argument), call.position());
    }

    static List<String> columnNames(FromItem.Function function) {
        List<String> names = new ArrayList<>();
        for (FromItem.ColumnDefinition definition : function.columnDefinitions()) {
            names.add(definition.name());
        }
        return names;
    }
}
