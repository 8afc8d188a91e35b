package io.basalt.binder;

import io.basalt.exec.function.record.RowToJsonFunction;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.List;

/**
 * The scalar functions over composite values: {@code row_to_json(record [, pretty boolean])},
 * {@code array_to_json(anyarray [, pretty boolean])} (arrays of records among them), json(b)_populate_record as
 * a value and jsonb_populate_record_valid.
 */
final class RecordFunctionBinder {
    private RecordFunctionBinder() {
    }

    /** The bound call, or null when {@code name} is not one of these functions. */
    static BoundExpression bind(String name, List<BoundExpression> arguments, int position) {
        if (name.equals("json_populate_record") || name.equals("jsonb_populate_record")
                || name.equals("jsonb_populate_record_valid")) {
            return populate(name, arguments, position);
        }
        boolean arrayForm = name.equals("array_to_json");
        if (!name.equals("row_to_json") && !arrayForm) {
            return null;
        }
        int n = arguments.size();
        if (n < 1 || n > 2 || !(arrayForm ? arguments.getFirst().type().isArray() : arguments.getFirst().type().isRecord())
                || n == 2 && arguments.get(1).type().id() != TypeId.BOOLEAN
                && arguments.get(1).type().id() != TypeId.UNKNOWN) {
            throw Functions.undefined(name, arguments, position);
        }
        List<BoundExpression> typed = n == 1 ? arguments
                : List.of(arguments.getFirst(), Coercion.cast(arguments.get(1), LogicalType.BOOLEAN, false));
        return new BoundExpression.Function(arrayForm ? new io.basalt.exec.function.record.ArrayToJsonFunction()
                : new RowToJsonFunction(), typed, LogicalType.JSON, position);
    }

    /**
     * json(b)_populate_record(base, document) as a value of the base's row type; jsonb_populate_record_valid(base,
     * document) as whether that would succeed.
     */
    private static BoundExpression populate(String name, List<BoundExpression> arguments, int position) {
        int n = arguments.size();
        boolean validity = name.equals("jsonb_populate_record_valid");
        if (n < 2 || n > (validity ? 2 : 3)) {
            throw Functions.undefined(name, arguments, position);
        }
        LogicalType type = arguments.getFirst().type();
        if (!type.isRecord()) {
            throw io.basalt.error.BasaltException.of(io.basalt.error.SqlState.DATATYPE_MISMATCH,
                    "first argument of " + name + " must be a row type");
        }
        if (type.record().isAnonymous() && type.record().size() == 0) {
            throw io.basalt.error.BasaltException.of(io.basalt.error.SqlState.FEATURE_NOT_SUPPORTED,
                    "could not determine row type for result of " + name)
                    .withHint("Provide a non-null record argument, or call the function in the FROM clause using a "
                            + "column definition list.");
        }
        boolean json = name.startsWith("json_");
        TypeId given = arguments.get(1).type().id();
        if (given != (json ? TypeId.JSON : TypeId.JSONB) && given != TypeId.UNKNOWN) {
            throw Functions.undefined(name, arguments, position);
        }
        List<BoundExpression> typed = List.of(arguments.getFirst(),
                Coercion.cast(arguments.get(1), json ? LogicalType.JSON : LogicalType.JSONB, false));
        if (validity) {
            return new BoundExpression.Function(
                    new io.basalt.exec.function.record.JsonPopulateRecordValidFunction(type), typed,
                    LogicalType.BOOLEAN, position);
        }
        return new BoundExpression.Function(new io.basalt.exec.function.record.JsonPopulateRecordFunction(name, type),
                typed, type, position);
    }
}
