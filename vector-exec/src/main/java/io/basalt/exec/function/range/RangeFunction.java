package io.basalt.exec.function.range;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.ByteString;
import io.basalt.type.LogicalType;
import io.basalt.type.range.Range;
import io.basalt.type.range.RangeKey;
import io.basalt.type.range.RangeOperations;
import io.basalt.type.range.RangeType;
import org.apache.arrow.vector.FieldVector;

/**
 * The range functions and operators of one range type: the constructor {@code name(lower, upper [, flags])},
 * lower, upper, isempty, lower_inc, upper_inc, lower_inf, upper_inf, range_merge and the operators
 * {@code @> <@ && << >> &< &> -|- + * -}. They read each row's values (ranges as stored byte strings, elements as
 * their subtype's values) and are not scan-speed paths. NULL in an argument gives NULL, except for the constructor's
 * bounds, where NULL is an infinite bound.
 */
public final class RangeFunction implements ScalarFunction {
    public enum Kind {
        CONSTRUCT(null), LOWER("lower"), UPPER("upper"), IS_EMPTY("isempty"), LOWER_INC("lower_inc"),
        UPPER_INC("upper_inc"), LOWER_INF("lower_inf"), UPPER_INF("upper_inf"), MERGE("range_merge"),
        CONTAINS("@>"), CONTAINED_BY("<@"), CONTAINS_ELEMENT("@>"), ELEMENT_CONTAINED_BY("<@"), OVERLAPS("&&"),
        LEFT_OF("<<"), RIGHT_OF(">>"), NOT_EXTEND_RIGHT("&<"), NOT_EXTEND_LEFT("&>"), ADJACENT("-|-"), UNION("+"),
        INTERSECTION("*"), DIFFERENCE("-");

        private final String displayName;

        Kind(String displayName) {
            this.displayName = displayName;
        }
    }

    private final Kind kind;
    private final RangeType type;
    private final RangeOperations operations;

    public RangeFunction(Kind kind, RangeType type) {
        this.kind = requireNonNull(kind, "kind is null");
        this.type = requireNonNull(type, "type is null");
        this.operations = new RangeOperations(type);
    }

    @Override
    public String name() {
        return kind == Kind.CONSTRUCT ? type.name() : kind.displayName;
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector out = context.newVector(resultType, rows);
        Object[] values = new Object[arguments.length];
        for (int i = 0; i < rows; i++) {
            boolean anyNull = false;
            for (int a = 0; a < arguments.length; a++) {
                values[a] = ValueAccess.get(arguments[a], i);
                anyNull |= values[a] == null;
            }
            if (kind == Kind.CONSTRUCT) {
                ValueAccess.set(out, i, construct(values));
            } else if (!anyNull) {
                ValueAccess.set(out, i, compute(values));
            }
        }
        return out;
    }

    private Object compute(Object[] v) {
        return switch (kind) {
            case CONSTRUCT -> throw BasaltException.internal("constructor handled above");
            case LOWER -> {
                Range r = range(v[0]);
                yield r.empty() || r.lower() == null ? null : RangeKey.decode(r.lower(), type.subtype());
            }
            case UPPER -> {
                Range r = range(v[0]);
                yield r.empty() || r.upper() == null ? null : RangeKey.decode(r.upper(), type.subtype());
            }
            case IS_EMPTY -> range(v[0]).empty();
            case LOWER_INC -> range(v[0]).lowerInclusive();
            case UPPER_INC -> range(v[0]).upperInclusive();
            case LOWER_INF -> range(v[0]).lowerInfinite();
            case UPPER_INF -> range(v[0]).upperInfinite();
            case MERGE -> operations.merge(range(v[0]), range(v[1])).toBytes();
            case CONTAINS -> operations.contains(range(v[0]), range(v[1]));
            case CONTAINED_BY -> operations.contains(range(v[1]), range(v[0]));
            case CONTAINS_ELEMENT -> operations.containsElement(range(v[0]), RangeKey.encode(v[1], type.subtype()));
            case ELEMENT_CONTAINED_BY -> operations.containsElement(range(v[1]),
                    RangeKey.encode(v[0], type.subtype()));
            case OVERLAPS -> operations.overlaps(range(v[0]), range(v[1]));
            case LEFT_OF -> operations.leftOf(range(v[0]), range(v[1]));
            case RIGHT_OF -> operations.rightOf(range(v[0]), range(v[1]));
            case NOT_EXTEND_RIGHT -> operations.notExtendRight(range(v[0]), range(v[1]));
            case NOT_EXTEND_LEFT -> operations.notExtendLeft(range(v[0]), range(v[1]));
            case ADJACENT -> operations.adjacent(range(v[0]), range(v[1]));
            case UNION -> operations.union(range(v[0]), range(v[1])).toBytes();
            case INTERSECTION -> operations.intersection(range(v[0]), range(v[1])).toBytes();
            case DIFFERENCE -> operations.difference(range(v[0]), range(v[1])).toBytes();
        };
    }

    private Range range(Object value) {
        return Range.read((ByteString) value, type.subtype());
    }

    /** {@code name(lower, upper [, flags])}: NULL bounds are infinite; the flags default to {@code [)}. */
    private Object construct(Object[] v) {
        String flags = "[)";
        if (v.length > 2) {
            if (v[2] == null) {
                throw BasaltException.of(SqlState.DATA_EXCEPTION,
                        "range constructor flags argument must not be null");
            }
            flags = (String) v[2];
        }
        if (flags.length() != 2 || (flags.charAt(0) != '[' && flags.charAt(0) != '(')
                || (flags.charAt(1) != ']' && flags.charAt(1) != ')')) {
            throw BasaltException.of(SqlState.SYNTAX_ERROR, "invalid range bound flags")
                    .withHint("Valid values are \"[]\", \"[)\", \"(]\", and \"()\".");
        }
        byte[] lower = v[0] == null ? null : RangeKey.encode(v[0], type.subtype());
        byte[] upper = v[1] == null ? null : RangeKey.encode(v[1], type.subtype());
        return Range.of(type, lower, flags.charAt(0) == '[', upper, flags.charAt(1) == ']').toBytes();
    }
}
