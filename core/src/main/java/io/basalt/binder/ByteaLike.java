package io.basalt.binder;

import io.basalt.exec.function.scalar.LikeFunction;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.ByteString;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code bytea [NOT] LIKE bytea [ESCAPE bytea]}: PostgreSQL's {@code byteaLIKE} operators ({@code ~~},
 * {@code !~~}), chosen when the operand is bytea and the pattern and escape are bytea or untyped literals. There
 * is no bytea ILIKE. The match runs on the bytes with the same pattern compiler as text.
 */
final class ByteaLike {
    private ByteaLike() {
    }

    /** Whether these operands call for the bytea LIKE rather than the text one (escape null: none written). */
    static boolean applies(BoundExpression operand, BoundExpression pattern, BoundExpression escape) {
        return operand.type().id() == TypeId.BYTEA && byteaOrUnknown(pattern)
                && (escape == null || byteaOrUnknown(escape));
    }

    private static boolean byteaOrUnknown(BoundExpression expression) {
        return expression.type().id() == TypeId.BYTEA || expression.type().id() == TypeId.UNKNOWN;
    }

    /** The bound match (escape null: the backslash); a constant pattern is compiled once here. */
    static BoundExpression bind(BoundExpression operand, BoundExpression pattern, BoundExpression escape,
                                boolean negated, int position) {
        pattern = Coercion.cast(pattern, LogicalType.BYTEA, false);
        escape = escape == null
                ? new BoundExpression.Constant(ByteString.wrap(new byte[] {'\\'}), LogicalType.BYTEA, position)
                : Coercion.cast(escape, LogicalType.BYTEA, false);
        if (pattern instanceof BoundExpression.Constant p && escape instanceof BoundExpression.Constant x) {
            if (p.value() == null || x.value() == null) {
                return new BoundExpression.Constant(null, LogicalType.BOOLEAN, position);
            }
            LikeFunction function = LikeFunction.constant(text(p.value()), text(x.value()), negated, false);
            return new BoundExpression.Function(function, List.of(operand), LogicalType.BOOLEAN, position);
        }
        return new BoundExpression.Function(LikeFunction.dynamic(negated, false), List.of(operand, pattern, escape),
                LogicalType.BOOLEAN, position);
    }

    private static String text(Object value) {
        return value instanceof ByteString bytes ? new String(bytes.toByteArray(), StandardCharsets.UTF_8)
                : value.toString();
    }
}
