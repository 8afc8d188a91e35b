package io.basalt.binder;

import io.basalt.exec.function.scalar.PgLsnFunction;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.List;

/**
 * PostgreSQL's pg_lsn arithmetic and its function {@code pg_lsn(numeric)}: {@code pg_lsn - pg_lsn} is the distance
 * in bytes (numeric); {@code pg_lsn + numeric}, {@code numeric + pg_lsn} and {@code pg_lsn - numeric} are locations.
 * An untyped literal beside a pg_lsn is a pg_lsn for {@code -} (PostgreSQL prefers the operator whose operands have
 * the same type) and a numeric for {@code +}; other numbers become numeric. Comparisons need nothing here: two
 * pg_lsn values compare as their held longs ({@link io.basalt.type.PgLsn}).
 */
final class PgLsnOperators {
    private PgLsnOperators() {
    }

    /** {@code left operator right} when it is pg_lsn arithmetic, else null. */
    static BoundExpression bind(String operator, BoundExpression left, BoundExpression right, int position) {
        boolean leftLsn = isLsn(left);
        boolean rightLsn = isLsn(right);
        if (!leftLsn && !rightLsn || !operator.equals("+") && !operator.equals("-")) {
            return null;
        }
        if (operator.equals("-") && leftLsn && (rightLsn || right.type().id() == TypeId.UNKNOWN)) {
            return call(PgLsnFunction.Kind.DISTANCE, left, Coercion.cast(right, LogicalType.PG_LSN, false),
                    LogicalType.NUMERIC, position);
        }
        if (leftLsn && numberOrUnknown(right)) {
            return call(operator.equals("+") ? PgLsnFunction.Kind.PLUS : PgLsnFunction.Kind.MINUS, left,
                    Coercion.cast(right, LogicalType.NUMERIC, false), LogicalType.PG_LSN, position);
        }
        if (rightLsn && operator.equals("+") && numberOrUnknown(left)) {
            return call(PgLsnFunction.Kind.NUMERIC_PLUS, Coercion.cast(left, LogicalType.NUMERIC, false), right,
                    LogicalType.PG_LSN, position);
        }
        throw Coercion.noOperator(operator, left.type(), right.type(), position);
    }

    /** {@code pg_lsn(argument)} for a number or an untyped literal (read as numeric), else null. */
    static BoundExpression function(String name, List<BoundExpression> arguments, int position) {
        if (!name.equals("pg_lsn") || arguments.size() != 1 || !numberOrUnknown(arguments.getFirst())) {
            return null;
        }
        return new BoundExpression.Function(new PgLsnFunction(PgLsnFunction.Kind.FROM_NUMERIC),
                List.of(Coercion.cast(arguments.getFirst(), LogicalType.NUMERIC, false)), LogicalType.PG_LSN,
                position);
    }

    private static BoundExpression call(PgLsnFunction.Kind kind, BoundExpression left, BoundExpression right,
                                        LogicalType type, int position) {
        return new BoundExpression.Function(new PgLsnFunction(kind), List.of(left, right), type, position);
    }

    private static boolean isLsn(BoundExpression expression) {
        return expression.type().id() == TypeId.PG_LSN;
    }

    private static boolean numberOrUnknown(BoundExpression expression) {
        return expression.type().isNumber() || expression.type().id() == TypeId.UNKNOWN;
    }
}
