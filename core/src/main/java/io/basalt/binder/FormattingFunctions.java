package io.basalt.binder;

import io.basalt.exec.function.scalar.ToCharFunction;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import io.basalt.type.datetime.DateTimeSettings;
import io.basalt.type.format.DateTimeTemplate;
import java.util.List;

/**
 * Binds PostgreSQL's data type formatting functions: {@code to_char} of dates, timestamps, intervals and
 * numbers, {@code to_number}, {@code to_date} and {@code to_timestamp}. A constant template is compiled
 * here, once, so that evaluation only prints or reads; a date is printed as the timestamptz it converts
 * to, as PostgreSQL's function resolution picks.
 */
final class FormattingFunctions {
    private FormattingFunctions() {
    }

    /** {@code to_char(value, template)}, or null when the arguments fit no variant. */
    static BoundExpression toChar(List<BoundExpression> arguments, int position) {
        if (arguments.size() != 2 || !arguments.get(1).type().isString() && arguments.get(1).type().id() != TypeId.UNKNOWN) {
            return null;
        }
        BoundExpression value = arguments.get(0);
        BoundExpression template = Coercion.cast(arguments.get(1), LogicalType.TEXT, false);
        TypeId type = value.type().id();
        if (type == TypeId.DATE) {
            value = Coercion.cast(value, LogicalType.TIMESTAMPTZ, false);
            type = TypeId.TIMESTAMPTZ;
        }
        if (type == TypeId.TIME) {
            // PostgreSQL has no to_char(time): its implicit cast to interval picks to_char(interval).
            value = Coercion.cast(value, LogicalType.INTERVAL, false);
            type = TypeId.INTERVAL;
        }
        if (type == TypeId.TIMESTAMP || type == TypeId.TIMESTAMPTZ || type == TypeId.INTERVAL) {
            DateTimeTemplate compiled = template instanceof BoundExpression.Constant constant && constant.value() != null
                    ? DateTimeTemplate.compile((String) constant.value()) : null;
            return new BoundExpression.Function(new ToCharFunction(type, compiled, DateTimeSettings.current()),
                    List.of(value, template), LogicalType.TEXT, position);
        }
        if (value.type().isNumber()) {
            LogicalType source = value.type().isIntegral() ? LogicalType.BIGINT : value.type();
            value = Coercion.cast(value, source, false);
            // PostgreSQL reports a bad template without a position.
            io.basalt.type.format.NumberTemplate compiled =
                    template instanceof BoundExpression.Constant constant && constant.value() != null
                            ? io.basalt.type.format.NumberTemplate.compile((String) constant.value()) : null;
            return new BoundExpression.Function(new io.basalt.exec.function.scalar.NumberToCharFunction(source, compiled),
                    List.of(value, template), LogicalType.TEXT, position);
        }
        return null;
    }

    /** {@code to_number(text, template)}, or null when the arguments fit no variant. */
    static BoundExpression toNumber(List<BoundExpression> arguments, int position) {
        if (arguments.size() != 2) {
            return null;
        }
        for (BoundExpression argument : arguments) {
            if (!argument.type().isString() && argument.type().id() != TypeId.UNKNOWN) {
                return null;
            }
        }
        BoundExpression text = Coercion.cast(arguments.get(0), LogicalType.TEXT, false);
        BoundExpression template = Coercion.cast(arguments.get(1), LogicalType.TEXT, false);
        io.basalt.type.format.NumberTemplate compiled =
                template instanceof BoundExpression.Constant constant && constant.value() != null
                        ? io.basalt.type.format.NumberTemplate.compile((String) constant.value()) : null;
        return new BoundExpression.Function(new io.basalt.exec.function.scalar.ToNumberFunction(compiled),
                List.of(text, template), LogicalType.NUMERIC, position);
    }
}
