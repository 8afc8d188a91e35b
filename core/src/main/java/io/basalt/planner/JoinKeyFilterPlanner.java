package io.basalt.planner;

import io.basalt.exec.expression.ColumnExpression;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.aggregate.HashAggregateOperator;
import io.basalt.exec.operator.filter.FilterOperator;
import io.basalt.exec.operator.filter.KeyFilterOperator;
import io.basalt.exec.operator.join.HashJoinOperator;
import io.basalt.exec.operator.join.JoinKeyFilter;
import io.basalt.exec.operator.join.JoinKeyFilterTarget;
import io.basalt.exec.operator.join.JoinType;
import io.basalt.exec.operator.project.ProjectOperator;
import io.basalt.exec.operator.scan.ScanOperator;
import io.basalt.type.LogicalType;
import io.basalt.type.PhysicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts join key filters ({@link KeyFilterOperator}) on the probe side of hash joins that drop unmatched probe
 * rows (INNER, SEMI, RIGHT), as deep as the key column can be followed: through projections that pass it on,
 * filters, aggregations grouped by it, the probe side of joins whose output rows each carry one probe row's
 * value of it (INNER, LEFT, SEMI, ANTI), and the build side of joins whose output rows are build rows (RIGHT_SEMI,
 * RIGHT_ANTI). Rows whose key the build side lacks then never reach the aggregation
 * or join in between. For TPC-H Q17 and Q20, whose decorrelated subqueries aggregate all of lineitem by part
 * and join the result with a few thousand parts, this turns the aggregation over six million rows into one
 * over the few thousand that can match:
 *
 * <pre>
 * HashJoin RIGHT keys=[#0 = #0]                   HashJoin RIGHT keys=[#0 = #0] publishes key 0 as f
 *   HashAggregate keys=[#0] (lineitem)      =&gt;      HashAggregate keys=[#0]
 *   ... 6,088 rows                                      KeyFilter #0 in f
 *                                                         Scan lineitem
 * </pre>
 *
 * A filter is placed below an aggregation or a join, or straight over a scan (below the scan's own filter, which
 * then tests only the rows whose key the build has); directly over any other probe input it would only repeat the
 * probe. The key must be a plain integer-like column there. The session setting {@code basalt.join_key_filters =
 * off} ({@link JoinKeyFilterSwitch}) places none.
 */
final class JoinKeyFilterPlanner {
    /** Told when an operator of an already planned subtree is rebuilt (EXPLAIN ANALYZE maps nodes to them). */
    interface Replacement {
        void replaced(PhysicalOperator before, PhysicalOperator after);
    }

    private JoinKeyFilterPlanner() {
    }

    /** {@code join} with key filters on its probe side where some can be placed, else {@code join} itself. */
    static HashJoinOperator withKeyFilters(HashJoinOperator join, Replacement replacement) {
        JoinType type = join.joinType();
        if (!HashJoinOperator.dropsUnmatchedProbeRows(type) || !JoinKeyFilterSwitch.current()) {
            return join;
        }
        PhysicalOperator probe = join.probeChild();
        List<JoinKeyFilterTarget> targets = new ArrayList<>(join.keyFilters());
        for (int k = 0; k < join.probeKeys().size(); k++) {
            PhysicalExpression key = join.probeKeys().get(k);
            if (key instanceof ColumnExpression column && isIntegerLike(column.type())
                    && isIntegerLike(join.buildKeys().get(k).type())) {
                JoinKeyFilter filter = new JoinKeyFilter("join key filter on " + join.buildKeys().get(k));
                PhysicalOperator placed = place(probe, column.index(), filter, false, replacement);
                if (placed != null) {
                    probe = placed;
                    targets.add(new JoinKeyFilterTarget(k, filter));
                }
            }
        }
        if (probe == join.probeChild()) {
            return join;
        }
        return new HashJoinOperator(probe, join.buildChild(), type, join.probeKeys(), join.buildKeys(),
                join.residual(), targets);
    }

    private static boolean isIntegerLike(LogicalType type) {
        PhysicalType physical = type.physical();
        return physical == PhysicalType.INT16 || physical == PhysicalType.INT32 || physical == PhysicalType.INT64;
    }

    /**
     * {@code operator} rebuilt with a filter on its output column {@code column} as deep below it as it can go,
     * or null when none is worth placing: {@code belowWork} says whether an aggregation or a join lies between
     * {@code operator} and the join that publishes {@code filter}.
     */
    private static PhysicalOperator place(PhysicalOperator operator, int column, JoinKeyFilter filter,
                                          boolean belowWork, Replacement replacement) {
        PhysicalOperator rebuilt = switch (operator) {
            case ProjectOperator project when project.expressions().get(column) instanceof ColumnExpression source -> {
                PhysicalOperator child = place(project.child(), source.index(), filter, belowWork, replacement);
                yield child == null ? null : new ProjectOperator(child, project.expressions());
            }
            // Over a scan the key filter goes between the scan and its filter: a bitmap or hash set test of one
            // integer column is cheaper than most filters, and the filter then tests only the rows it kept (TPC-H
            // Q19's string comparisons on the 0.2% of lineitem rows whose part is among the build's).
            case FilterOperator filtering when filtering.child() instanceof ScanOperator scan ->
                    new FilterOperator(new KeyFilterOperator(scan, column, filter), filtering.conjuncts());
            case FilterOperator filtering -> {
                PhysicalOperator child = place(filtering.child(), column, filter, belowWork, replacement);
                yield child == null ? null : new FilterOperator(child, filtering.conjuncts());
            }
            case KeyFilterOperator other -> {
                PhysicalOperator child = place(other.child(), column, filter, belowWork, replacement);
                yield child == null ? null : new KeyFilterOperator(child, other.column(), other.filter());
            }
            case HashAggregateOperator aggregate when column < aggregate.groupKeys().size()
                    && aggregate.groupKeys().get(column) instanceof ColumnExpression source -> {
                PhysicalOperator child = place(aggregate.child(), source.index(), filter, true, replacement);
                yield child == null ? null
                        : new HashAggregateOperator(child, aggregate.groupKeys(), aggregate.aggregates());
            }
            case HashJoinOperator lower when column < lower.probeChild().outputTypes().size()
                    && keepsProbeValues(lower.joinType()) -> {
                PhysicalOperator child = place(lower.probeChild(), column, filter, true, replacement);
                yield child == null ? null : new HashJoinOperator(child, lower.buildChild(), lower.joinType(),
                        lower.probeKeys(), lower.buildKeys(), lower.residual(), lower.keyFilters());
            }
            // A RIGHT_SEMI or RIGHT_ANTI join outputs build rows with their columns unchanged: a filter of its build
            // side by a column filters its output by it (its build runs after the publishing join's, which is above).
            case HashJoinOperator lower when lower.joinType() == JoinType.RIGHT_SEMI
                    || lower.joinType() == JoinType.RIGHT_ANTI -> {
                PhysicalOperator child = place(lower.buildChild(), column, filter, true, replacement);
                yield child == null ? null : new HashJoinOperator(lower.probeChild(), child, lower.joinType(),
                        lower.probeKeys(), lower.buildKeys(), lower.residual(), lower.keyFilters());
            }
            default -> null;
        };
        if (rebuilt != null) {
            replacement.replaced(operator, rebuilt);
            return rebuilt;
        }
        // A scan's rows are filtered straight away: a bitmap test drops them cheaper than the probe would.
        return belowWork || operator instanceof ScanOperator ? new KeyFilterOperator(operator, column, filter) : null;
    }

    /**
     * Whether every output row of a join of {@code type} comes from one probe row and carries its probe columns
     * unchanged, so that filtering the probe rows by a probe column filters the output rows by it. RIGHT and FULL
     * joins also output unmatched build rows, with NULL probe columns, which filtering the probe side could add.
     */
    private static boolean keepsProbeValues(JoinType type) {
        return type == JoinType.INNER || type == JoinType.LEFT || type == JoinType.SEMI || type == JoinType.ANTI;
    }
}
