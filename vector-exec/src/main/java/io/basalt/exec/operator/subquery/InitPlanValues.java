package io.basalt.exec.operator.subquery;

import io.basalt.error.BasaltException;
import io.basalt.type.LogicalType;
import java.util.List;

/**
 * The row of values an InitPlan computes once per run of its plan (PostgreSQL's {@code $0, $1, ...} or
 * {@code (InitPlan 1).col1}), which expressions of the nodes above read as constants. The InitPlan's operator sets
 * the row before any batch that may read it is produced ({@link InitPlanOperator}, {@link InitPlanOverInputOperator});
 * a plan run again (the right side of a LATERAL join, a recursive term) sets it again. Workers of a parallel pipeline
 * only read it, after it was set on the thread that started them.
 */
public final class InitPlanValues {
    private final List<LogicalType> types;
    private volatile Object[] row;

    public InitPlanValues(List<LogicalType> types) {
        this.types = List.copyOf(types);
    }

    public List<LogicalType> types() {
        return types;
    }

    /** Sets the row (values in canonical form, see {@code ValueAccess}); null stands for no row, all NULL. */
    public void set(Object[] values) {
        if (values != null && values.length != types.size()) {
            throw new IllegalArgumentException("expected " + types.size() + " values, got " + values.length);
        }
        row = values == null ? new Object[types.size()] : values.clone();
    }

    /** Value {@code index} of the row; fails as a bug when read before the InitPlan ran. */
    public Object value(int index) {
        Object[] values = row;
        if (values == null) {
            throw BasaltException.internal("an InitPlan value was read before the InitPlan ran");
        }
        return values[index];
    }
}
