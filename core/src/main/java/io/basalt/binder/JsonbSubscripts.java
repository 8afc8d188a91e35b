package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.function.json.JsonbExtractFunction;
import io.basalt.exec.function.json.JsonbSubscriptAssignFunction;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.ArrayValue;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.List;

/**
 * jsonb subscripting, {@code j['a'][0]}: reading follows the subscripts as the path of {@code #>} does (a key of
 * an object, an index of an array, negative from the end; anything missing gives NULL), and assigning
 * ({@code UPDATE t SET j['a'][0] = v}) goes through {@link JsonbSubscriptAssignFunction}. Each subscript must
 * be coercible to integer or text (an untyped literal is text); slices are not supported, as in PostgreSQL.
 */
final class JsonbSubscripts {
    private JsonbSubscripts() {
    }

    /** {@code base[s1][s2]...} read; {@code uppers}/{@code slices} as {@link ArrayExpressions#subscript} gets them. */
    static BoundExpression read(BoundExpression base, List<BoundExpression> lowers, List<BoundExpression> uppers,
                                List<Boolean> slices, int position) {
        List<BoundExpression> texts = texts(lowers, uppers, slices, position);
        boolean constant = true;
        List<Object> values = new ArrayList<>();
        for (BoundExpression text : texts) {
            if (!(text instanceof BoundExpression.Constant c)) {
                constant = false;
                break;
            }
            if (c.value() == null) {
                return new BoundExpression.Constant(null, LogicalType.JSONB, position);
            }
            values.add(c.value());
        }
        if (constant) {
            return new BoundExpression.Function(JsonbExtractFunction.constant(JsonbExtractFunction.Kind.PATH, false,
                    ArrayValue.of(values)), List.of(base), LogicalType.JSONB, position);
        }
        return new BoundExpression.Function(JsonbExtractFunction.dynamic(JsonbExtractFunction.Kind.PATH, false),
                List.of(base, ArrayExpressions.constructor(texts, position)), LogicalType.JSONB, position);
    }

    /** The new value of a jsonb column {@code base} after {@code base[s1]... = value}. */
    static BoundExpression assign(BoundExpression base, List<BoundExpression> lowers, List<BoundExpression> uppers,
                                  List<Boolean> slices, BoundExpression value, int position) {
        List<BoundExpression> texts = texts(lowers, uppers, slices, position);
        boolean firstIsInteger = isInteger(lowers.getFirst());
        if (value.type().id() != TypeId.JSONB && value.type().id() != TypeId.UNKNOWN
                && !Coercion.assignable(value.type(), LogicalType.JSONB)) {
            throw BasaltException.at(SqlState.DATATYPE_MISMATCH, position, "subscripted assignment to jsonb"
                    + " requires type jsonb but expression is of type " + value.type().displayName())
                    .withHint("You will need to rewrite or cast the expression.");
        }
        List<BoundExpression> arguments = new ArrayList<>();
        arguments.add(base);
        arguments.addAll(texts);
        arguments.add(Coercion.cast(value, LogicalType.JSONB, false));
        return new BoundExpression.Function(new JsonbSubscriptAssignFunction(firstIsInteger), arguments,
                LogicalType.JSONB, position);
    }

    private static boolean isInteger(BoundExpression subscript) {
        TypeId id = subscript.type().id();
        return id == TypeId.INTEGER || id == TypeId.SMALLINT;
    }

    /** The subscripts as text, after PostgreSQL's checks. */
    private static List<BoundExpression> texts(List<BoundExpression> lowers, List<BoundExpression> uppers,
                                               List<Boolean> slices, int position) {
        List<BoundExpression> texts = new ArrayList<>(lowers.size());
        for (int i = 0; i < lowers.size(); i++) {
            if (slices.get(i)) {
                BasaltException error = BasaltException.of(SqlState.DATATYPE_MISMATCH,
                        "jsonb subscript does not support slices");
                if (uppers.get(i) != null) {
                    throw error.withPositionIfAbsent(uppers.get(i).position());
                }
                if (lowers.get(i) != null) {
                    throw error.withPositionIfAbsent(position);
                }
                throw error;
            }
            BoundExpression subscript = lowers.get(i);
            TypeId id = subscript.type().id();
            if (id == TypeId.INTEGER || id == TypeId.SMALLINT) {
                texts.add(Coercion.cast(Coercion.cast(subscript, LogicalType.INTEGER, false), LogicalType.TEXT, true));
            } else if (id == TypeId.UNKNOWN || subscript.type().isString()) {
                texts.add(Coercion.cast(subscript, LogicalType.TEXT, false));
            } else {
                throw BasaltException.at(SqlState.DATATYPE_MISMATCH, subscript.position(), "subscript type "
                        + subscript.type().id().pgName() + " is not supported")
                        .withHint("jsonb subscript must be coercible to either integer or text.");
            }
        }
        return texts;
    }
}
