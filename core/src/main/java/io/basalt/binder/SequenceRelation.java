package io.basalt.binder;

import io.basalt.catalog.SequenceEntry;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.sequence.SequenceStateFunction;
import io.basalt.type.LogicalType;
import java.util.List;

/**
 * A sequence read as a relation ({@code SELECT * FROM seq}): one row of last_value, log_cnt and is_called, as
 * PostgreSQL shows a sequence's data, read when the query runs.
 */
final class SequenceRelation {
    static final List<String> NAMES = List.of("last_value", "log_cnt", "is_called");
    static final List<LogicalType> TYPES = List.of(LogicalType.BIGINT, LogicalType.BIGINT, LogicalType.BOOLEAN);

    private SequenceRelation() {
    }

    static LogicalPlan plan(SequenceEntry sequence, int position) {
        List<BoundExpression> row = List.of(
                column(sequence, SequenceStateFunction.Field.LAST_VALUE, LogicalType.BIGINT, position),
                column(sequence, SequenceStateFunction.Field.LOG_CNT, LogicalType.BIGINT, position),
                column(sequence, SequenceStateFunction.Field.IS_CALLED, LogicalType.BOOLEAN, position));
        return new LogicalPlan.Values(List.of(row), TYPES);
    }

    private static BoundExpression column(SequenceEntry sequence, SequenceStateFunction.Field field,
                                          LogicalType type, int position) {
        return new BoundExpression.Function(new SequenceStateFunction(sequence, field), List.of(), type, position);
    }
}
