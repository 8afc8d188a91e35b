package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.operator.window.WindowFrame;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.planner.ConstantEvaluator;
import io.basalt.sql.ast.Expression;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.List;
import java.util.Locale;

/**
 * Binds a window's frame clause into a {@link WindowFrame}, with PostgreSQL's checks in its order: the shape
 * of the bounds (which PostgreSQL's grammar rejects), GROUPS without ORDER BY, RANGE offsets without exactly
 * one ORDER BY key or over a key type without distance arithmetic, offsets that read columns. ROWS and
 * GROUPS offsets are bigint; a RANGE offset takes the type the key's distance is measured in (the key's
 * own for numbers, interval for dates, timestamps and intervals). Offsets are evaluated here; their sign and
 * nullness are checked when the query runs, as PostgreSQL does.
 */
final class WindowFrameBinder {
    private WindowFrameBinder() {
    }

    /**
     * @param frame the frame clause, null for the default frame
     * @param orderTypes the types of the window's ORDER BY keys
     * @param windowPosition where the window's specification starts (PostgreSQL's position for its errors)
     */
    static WindowFrame bind(Expression.WindowFrame frame, List<LogicalType> orderTypes, ExpressionBinder binder,
                            int windowPosition) {
        if (frame == null) {
            return WindowFrame.DEFAULT;
        }
        WindowFrame.BoundKind start = kind(frame.startKind());
        WindowFrame.BoundKind end = frame.endKind() == null ? WindowFrame.BoundKind.CURRENT_ROW : kind(frame.endKind());
        checkShape(frame, start, end);
        WindowFrame.Mode mode = WindowFrame.Mode.valueOf(frame.mode());
        if (mode == WindowFrame.Mode.GROUPS && orderTypes.isEmpty()) {
            throw BasaltException.at(SqlState.WINDOWING_ERROR, windowPosition, "GROUPS mode requires an ORDER BY clause");
        }
        boolean offsets = isOffset(start) || isOffset(end);
        if (mode == WindowFrame.Mode.RANGE && offsets && orderTypes.size() != 1) {
            throw BasaltException.at(SqlState.WINDOWING_ERROR, windowPosition,
                    "RANGE with offset PRECEDING/FOLLOWING requires exactly one ORDER BY column");
        }
        LogicalType keyType = mode == WindowFrame.Mode.RANGE && offsets ? orderTypes.getFirst() : null;
        LogicalType offsetType = null;
        Object startOffset = null;
        Object endOffset = null;
        if (isOffset(start)) {
            BoundExpression offset = offset(frame.startOffset(), mode, keyType, binder);
            offsetType = offset.type();
            startOffset = ConstantEvaluator.evaluate(offset);
        }
        if (isOffset(end)) {
            BoundExpression offset = offset(frame.endOffset(), mode, keyType, binder);
            offsetType = offset.type();
            endOffset = ConstantEvaluator.evaluate(offset);
        }
        WindowFrame.Exclusion exclusion = frame.exclusion() == null ? WindowFrame.Exclusion.NO_OTHERS
                : WindowFrame.Exclusion.valueOf(frame.exclusion().replace(' ', '_'));
        return new WindowFrame(mode, start, canonical(startOffset, offsetType), end, canonical(endOffset, offsetType),
                exclusion, offsetType);
    }

    private static WindowFrame.BoundKind kind(String text) {
        return WindowFrame.BoundKind.valueOf(text.replace(' ', '_'));
    }

    private static boolean isOffset(WindowFrame.BoundKind kind) {
        return kind == WindowFrame.BoundKind.PRECEDING || kind == WindowFrame.BoundKind.FOLLOWING;
    }

    /** The bound combinations PostgreSQL's grammar rejects, with its messages and positions. */
    private static void checkShape(Expression.WindowFrame frame, WindowFrame.BoundKind start,
                                   WindowFrame.BoundKind end) {
        if (start == WindowFrame.BoundKind.UNBOUNDED_FOLLOWING) {
            throw windowing(frame.startPosition(), "frame start cannot be UNBOUNDED FOLLOWING");
        }
        if (frame.endKind() == null) {
            if (start == WindowFrame.BoundKind.FOLLOWING) {
                throw windowing(frame.startPosition(), "frame starting from following row cannot end with current row");
            }
            return;
        }
        if (end == WindowFrame.BoundKind.UNBOUNDED_PRECEDING) {
            throw windowing(frame.endPosition(), "frame end cannot be UNBOUNDED PRECEDING");
        }
        if (start == WindowFrame.BoundKind.CURRENT_ROW && end == WindowFrame.BoundKind.PRECEDING) {
            throw windowing(frame.endPosition(), "frame starting from current row cannot have preceding rows");
        }
        if (start == WindowFrame.BoundKind.FOLLOWING
                && (end == WindowFrame.BoundKind.PRECEDING || end == WindowFrame.BoundKind.CURRENT_ROW)) {
            throw windowing(frame.endPosition(), "frame starting from following row cannot have preceding rows");
        }
    }

    private static BasaltException windowing(int position, String message) {
        return BasaltException.at(SqlState.WINDOWING_ERROR, position, message);
    }

    /** An offset bound to the type its mode (and for RANGE, the key's type) calls for. */
    private static BoundExpression offset(Expression expression, WindowFrame.Mode mode, LogicalType keyType,
                                          ExpressionBinder binder) {
        String clause = mode.name();
        BoundExpression bound = binder.bind(expression);
        if (!ConstantEvaluator.isConstant(bound)) {
            throw BasaltException.at(SqlState.INVALID_COLUMN_REFERENCE, start(expression),
                    "argument of " + clause + " must not contain variables");
        }
        if (mode != WindowFrame.Mode.RANGE) {
            if (bound.type().id() != TypeId.UNKNOWN && !bound.type().isNumber()) {
                throw BasaltException.at(SqlState.DATATYPE_MISMATCH, start(expression),
                        "argument of " + clause + " must be type bigint, not type " + bound.type().displayName());
            }
            return Coercion.cast(bound, LogicalType.BIGINT, false);
        }
        LogicalType target = rangeOffsetType(keyType, start(expression));
        TypeId given = bound.type().id();
        boolean fits = given == TypeId.UNKNOWN || switch (target.id()) {
            case BIGINT -> bound.type().isIntegral();
            case DOUBLE -> bound.type().isNumber();
            case NUMERIC -> bound.type().isIntegral() || bound.type().isNumeric();
            default -> given == TypeId.INTERVAL;
        };
        if (!fits) {
            throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, start(expression),
                            "RANGE with offset PRECEDING/FOLLOWING is not supported for column type "
                                    + keyType.displayName() + " and offset type " + bound.type().displayName())
                    .withHint("Cast the offset value to an appropriate type.");
        }
        if (given == TypeId.UNKNOWN && target.id() == TypeId.BIGINT) {
            // An untyped literal is read as the key's own integer type, as PostgreSQL's in_range lookup does.
            return Coercion.cast(Coercion.cast(bound, keyType, false), target, false);
        }
        return Coercion.cast(bound, target, false);
    }

    /** Where PostgreSQL places an expression in messages: a cast at its operand. */
    private static int start(Expression expression) {
        return expression instanceof Expression.Cast cast ? start(cast.operand()) : expression.position();
    }

    /** The type a RANGE offset over a key of {@code keyType} is measured in. */
    private static LogicalType rangeOffsetType(LogicalType keyType, int position) {
        return switch (keyType.id()) {
            case SMALLINT, INTEGER, BIGINT -> LogicalType.BIGINT;
            case REAL, DOUBLE -> LogicalType.DOUBLE;
            case NUMERIC -> LogicalType.NUMERIC;
            case DATE, TIMESTAMP, TIMESTAMPTZ, INTERVAL, TIME, TIMETZ -> LogicalType.INTERVAL;
            default -> throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, position,
                    "RANGE with offset PRECEDING/FOLLOWING is not supported for column type "
                            // a varchar key sorts with text's operators, so PostgreSQL names it text
                            + (keyType.id() == TypeId.VARCHAR ? "text" : keyType.displayName().toLowerCase(Locale.ROOT)));
        };
    }

    /** Offsets in the forms {@link WindowFrame} documents (a scaled NUMERIC constant becomes a BigDecimal). */
    private static Object canonical(Object value, LogicalType type) {
        if (value instanceof Long unscaled && type != null && type.isScaledLong()) {
            return java.math.BigDecimal.valueOf(unscaled, type.scale());
        }
        return value;
    }
}
