package io.basalt.exec.function.window;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.function.aggregate.AggregateFunction;
import io.basalt.type.LogicalType;
import java.util.Locale;

/**
 * A window function resolved for its argument types: which function ({@link Kind}), the aggregate it runs
 * when it is an aggregate used as a window function, and its result type. The arguments themselves are
 * columns the window operator reads; their number and meaning per kind:
 * <ul>
 *   <li>ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST: none;</li>
 *   <li>NTILE: the bucket count (integer);</li>
 *   <li>LAG, LEAD: the value, the offset (integer), the default (of the result type);</li>
 *   <li>FIRST_VALUE, LAST_VALUE: the value; NTH_VALUE: the value and n (integer);</li>
 *   <li>AGGREGATE: the aggregate's argument (none for {@code count(*)}).</li>
 * </ul>
 */
public record WindowFunction(Kind kind, AggregateFunction aggregate, LogicalType resultType) {
    public enum Kind {
        ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST, NTILE, LAG, LEAD, FIRST_VALUE, LAST_VALUE,
        NTH_VALUE, AGGREGATE
    }

    public WindowFunction {
        requireNonNull(kind, "kind is null");
        requireNonNull(resultType, "resultType is null");
        if ((kind == Kind.AGGREGATE) != (aggregate != null)) {
            throw new IllegalArgumentException("AGGREGATE, and only AGGREGATE, has an aggregate function");
        }
    }

    /** A window function that is not an aggregate. */
    public static WindowFunction of(Kind kind, LogicalType resultType) {
        return new WindowFunction(kind, null, resultType);
    }

    /** An aggregate used as a window function. */
    public static WindowFunction aggregate(AggregateFunction aggregate) {
        return new WindowFunction(Kind.AGGREGATE, aggregate, aggregate.resultType());
    }

    /** The name as SQL spells it. */
    public String name() {
        return kind == Kind.AGGREGATE ? aggregate.name() : kind.name().toLowerCase(Locale.ROOT);
    }

    /** Whether the function reads its window frame (ranking and lag/lead read the partition only). */
    public boolean usesFrame() {
        return switch (kind) {
            case FIRST_VALUE, LAST_VALUE, NTH_VALUE, AGGREGATE -> true;
            default -> false;
        };
    }
}
