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
 * json(b)_populate_record and json(b)_populate_recordset in FROM: the rows of the first argument's row type
 * (its fields are the columns), each column taken from the JSON object's member of that name, else from the base
 * record (NULL when the base is NULL); see {@link JsonToRecordFunction}. A constant call is evaluated here into a
 * VALUES list, one that reads an earlier FROM item makes a function scan. PostgreSQL's errors for a base that is
 * not of a row type and for a column definition list are raised here.
 */
final class JsonPopulateBinder {
    static final Set<String> NAMES = Set.of("json_populate_record", "jsonb_populate_record",
            "json_populate_recordset", "jsonb_populate_recordset");

    /** The rows and the names of their columns. */
    record Bound(LogicalPlan rows, List<String> names) {
    }

    private JsonPopulateBinder() {
    }

    static boolean handles(Expression.FunctionCall call) {
        return call.name().parts().size() == 1 && NAMES.contains(call.name().last());
    }

    static Bound bind(FromItem.Function function, ExpressionBinder binder) {
        Expression.FunctionCall call = function.call();
        String name = call.name().last();
        List<BoundExpression> arguments = new ArrayList<>();
        for (Expression argument : call.arguments()) {
            arguments.add(binder.bind(argument));
        }
        boolean json = name.startsWith("json_");
        int n = arguments.size();
        if (n < 2 || n > 3) {
            throw Functions.undefined(name, arguments, call.position());
        }
        LogicalType baseType = arguments.getFirst().type();
        if (!baseType.isRecord()) {
            throw BasaltException.of(SqlState.DATATYPE_MISMATCH, "first argument of " + name + " must be a row type");
        }
        List<String> names = baseType.record().fieldNames();
        List<String> lookupNames = null;
        List<LogicalType> types = baseType.record().fieldTypes();
        BoundExpression base = arguments.getFirst();
        if (baseType.record().isAnonymous()) {
            if (function.columnDefinitions().isEmpty()) {
                throw BasaltException.at(SqlState.SYNTAX_ERROR, function.position(),
                        "a column definition list is required for functions returning \"record\"");
            }
            // the columns come from the list; the base's own fields cannot be matched to them by name
            names = new ArrayList<>();
            types = new ArrayList<>();
            for (FromItem.ColumnDefinition definition : function.columnDefinitions()) {
                names.add(definition.name());
                types.add(TypeNames.resolve(definition.type()));
            }
            checkReturnedRow(baseType.record().fieldTypes(), types);
            if (baseType.record().size() > 0) {
                // a base row of known fields gives them: the JSON members are looked up by its field names
                // (f1, f2, ...) and its values are the defaults, under the list's column names
                lookupNames = baseType.record().fieldNames();
            } else {
                base = new BoundExpression.Constant(null,
                        LogicalType.recordOf(io.basalt.type.RecordType.anonymous(types)), base.position());
            }
        } else if (!function.columnDefinitions().isEmpty()) {
            throw BasaltException.at(SqlState.SYNTAX_ERROR, function.position(),
                    "a column definition list is redundant for a function returning a named composite type");
        }
        TypeId expected = json ? TypeId.JSON : TypeId.JSONB;
        TypeId given = arguments.get(1).type().id();
        if (given != expected && given != TypeId.UNKNOWN) {
            throw Functions.undefined(name, arguments, call.position());
        }
        List<BoundExpression> cast = new ArrayList<>(List.of(base,
                Coercion.cast(arguments.get(1), json ? LogicalType.JSON : LogicalType.JSONB, false)));
        // PostgreSQL names the record form's errors after its worker, populate_composite
        String errorName = name.endsWith("recordset") ? name : "populate_composite";
        JsonToRecordFunction rows = new JsonToRecordFunction(errorName,
                lookupNames != null ? lookupNames : names, types, DateTimeSettings.current());
        boolean constant = ConstantEvaluator.isConstant(cast.get(0)) && ConstantEvaluator.isConstant(cast.get(1));
        LogicalPlan plan = constant ? SetFunctionRows.values(rows, cast, call.position())
                : new LogicalPlan.FunctionScan(rows, cast, rows.outputTypes());
        return new Bound(plan, names);
    }

    /**
     * A base row of known fields (such as {@code row(0::int)}) must have the column definition list's shape, as
     * PostgreSQL checks the returned row against the query's; a base of unknown fields ({@code NULL::record}) has
     * none to check.
     */
    private static void checkReturnedRow(List<LogicalType> returned, List<LogicalType> expected) {
        if (returned.isEmpty()) {
            return;
        }
        if (returned.size() != expected.size()) {
            throw BasaltException.of(SqlState.DATATYPE_MISMATCH,
                    "function return row and query-specified return row do not match")
                    .withDetail("Returned row contains " + returned.size() + " attribute"
                            + (returned.size() == 1 ? "" : "s") + ", but query expects " + expected.size() + ".");
        }
        for (int i = 0; i < returned.size(); i++) {
            if (!returned.get(i).equals(expected.get(i))) {
                throw BasaltException.of(SqlState.DATATYPE_MISMATCH,
                        "function return row and query-specified return row do not match")
                        .withDetail("Returned type " + returned.get(i).displayName() + " at ordinal position "
                                + (i + 1) + ", but query expects " + expected.get(i).displayName() + ".");
            }
        }
    }
}
