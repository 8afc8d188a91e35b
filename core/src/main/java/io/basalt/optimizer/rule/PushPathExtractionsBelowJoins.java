package io.basalt.optimizer.rule;

import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ColumnReferences;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.storage.column.shred.JsonbShredding;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Moves JSONB path extractions that a Project or Aggregate over a join (or the join's own condition) makes of a
 * scanned table's document column down into a Project over that scan, so that {@link ReadShreddedPaths}, which runs
 * next, reads them from the table's shredded path columns instead of from every document. Only the extractions
 * themselves move ({@code col->'a'->>'b'}, {@code col #>> '{a,b}'}, {@code col->'a'}: constant object keys), which
 * never fail, so computing them for rows the join then drops raises no error the query would not have raised; casts
 * and anything else stay where they were. The scan side keeps only the columns still read above.
 *
 * <pre>
 * before: Aggregate[doc->>'brand'; count(*)]            after: Aggregate[#1; count(*)]
 *           Join[id = o_id]                                     Join[#0 = #2]
 *             Scan docs [id, doc]                                 Project[id, doc->>'brand']
 *             Scan orders [o_id]                                    Scan docs [id, doc]
 *                                                                 Scan orders [o_id]
 * </pre>
 *
 * Only a join directly under the Project or Aggregate, and inputs of it that are a scan, a Filter over one, or a
 * Project over either, are rewritten; nothing while {@code basalt.jsonb_shredding} is off.
 */
public final class PushPathExtractionsBelowJoins implements OptimizerRule {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return JsonbShredding.enabled() ? rewrite(plan) : plan;
    }

    private LogicalPlan rewrite(LogicalPlan plan) {
        LogicalPlan rewritten = switch (plan) {
            case LogicalPlan.Project project when project.input() instanceof LogicalPlan.Join join -> {
                Pushed pushed = push(join, project.expressions(), List.of());
                yield pushed == null ? null : new LogicalPlan.Project(pushed.join, pushed.upper);
            }
            case LogicalPlan.Aggregate aggregate when aggregate.groupingSets() == null
                    && aggregate.input() instanceof LogicalPlan.Join join -> {
                Pushed pushed = push(join, aggregate.groupKeys(), aggregate.aggregates());
                yield pushed == null ? null : new LogicalPlan.Aggregate(pushed.join, pushed.upper, pushed.specs, null);
            }
            default -> null;
        };
        return PlanInputs.map(rewritten == null ? plan : rewritten, this::rewrite);
    }

    /** How far apart the left and right extractions' temporary numbers start (more left ones: nothing moves). */
    private static final int GAP = 4096;

    private record Pushed(LogicalPlan.Join join, List<BoundExpression> upper, List<LogicalPlan.AggregateSpec> specs) {
    }

    /** The extractions one input of the join gives up, each once, and where they appear in the join's columns. */
    private static final class Side {
        final int from;
        final int width;
        final LogicalPlan input;
        final List<BoundExpression> extractions = new ArrayList<>();

        Side(int from, LogicalPlan input) {
            this.from = from;
            this.width = input.outputTypes().size();
            this.input = input;
        }

        boolean holds(int column) {
            return column >= from && column < from + width;
        }
    }

    /**
     * The join with extractions of {@code upper} (a Project's expressions or an Aggregate's group keys, with
     * {@code specs}) and of its condition moved into its inputs, and those expressions renumbered; null when none
     * moves.
     */
    private static Pushed push(LogicalPlan.Join join, List<BoundExpression> upper, List<LogicalPlan.AggregateSpec> specs) {
        int leftWidth = join.left().outputTypes().size();
        int rightWidth = join.right().outputTypes().size();
        Side left = PathExtractions.scanned(join.left()) ? new Side(0, join.left()) : null;
        Side right = PathExtractions.scanned(join.right()) ? new Side(leftWidth, join.right()) : null;
        if (left == null && right == null) {
            return null;
        }
        // extractions become references past the join's columns: left ones from leftWidth + rightWidth, right ones
        // from GAP further (renumbered below once both counts are known)
        int virtual = leftWidth + rightWidth;
        int gap = GAP;
        UnaryOperator<BoundExpression> replace = expression -> {
            BoundExpression.ColumnRef document = PathExtractions.document(expression);
            if (document == null) {
                return null;
            }
            Side side = left != null && left.holds(document.index()) ? left
                    : right != null && right.holds(document.index()) ? right : null;
            if (side == null) {
                return null;
            }
            BoundExpression local = ColumnReferences.substitute(expression, ref -> new BoundExpression.ColumnRef(
                    ref.index() - side.from, ref.qualifier(), ref.name(), ref.type(), ref.position()));
            int index = side.extractions.indexOf(local);
            if (index < 0) {
                index = side.extractions.size();
                side.extractions.add(local);
            }
            return new BoundExpression.ColumnRef(virtual + (side == left ? 0 : gap) + index, null,
                    document.name(), expression.type(), expression.position());
        };
        List<BoundExpression> newUpper = PathExtractions.replaceAll(upper, replace);
        List<BoundExpression> newConjuncts = PathExtractions.replaceAll(join.conjuncts(), replace);
        List<LogicalPlan.AggregateSpec> newSpecs = new ArrayList<>(specs.size());
        for (LogicalPlan.AggregateSpec spec : specs) {
            newSpecs.add(new LogicalPlan.AggregateSpec(spec.function(),
                    spec.argument() == null ? null : PathExtractions.replaced(spec.argument(), replace),
                    PathExtractions.replaceAll(spec.extraArguments(), replace),
                    spec.filter() == null ? null : PathExtractions.replaced(spec.filter(), replace)));
        }
        boolean leftMoves = left != null && !left.extractions.isEmpty();
        boolean rightMoves = right != null && !right.extractions.isEmpty();
        if (!leftMoves && !rightMoves || left != null && left.extractions.size() >= GAP) {
            return null;
        }
        BitSet read = new BitSet();
        ColumnReferences.collectAll(newUpper, read);
        ColumnReferences.collectAll(newConjuncts, read);
        PathExtractions.collectReferences(newSpecs, read);
        int[] mapping = new int[virtual + gap + (rightMoves ? right.extractions.size() : 0)];
        java.util.Arrays.fill(mapping, -1);
        LogicalPlan newLeft = narrowed(join.left(), 0, leftWidth, leftMoves ? left : null, read, mapping, 0, virtual);
        int leftOut = newLeft.outputTypes().size();
        LogicalPlan newRight = narrowed(join.right(), leftWidth, rightWidth, rightMoves ? right : null, read, mapping,
                leftOut, virtual + gap);
        LogicalPlan.Join newJoin = new LogicalPlan.Join(join.type(), newLeft, newRight,
                ColumnReferences.renumberAll(newConjuncts, mapping));
        List<LogicalPlan.AggregateSpec> renumberedSpecs = new ArrayList<>(newSpecs.size());
        for (LogicalPlan.AggregateSpec spec : newSpecs) {
            renumberedSpecs.add(new LogicalPlan.AggregateSpec(spec.function(),
                    spec.argument() == null ? null : ColumnReferences.renumber(spec.argument(), mapping),
                    ColumnReferences.renumberAll(spec.extraArguments(), mapping),
                    spec.filter() == null ? null : ColumnReferences.renumber(spec.filter(), mapping)));
        }
        return new Pushed(newJoin, ColumnReferences.renumberAll(newUpper, mapping), renumberedSpecs);
    }

    /**
     * One input of the join, as the new join reads it: unchanged (its columns keep their places, shifted to
     * {@code outFrom}) when {@code side} is null, else a Project of the columns still {@code read} and the side's
     * extractions; fills {@code mapping} from the join's old column numbers and the extractions' virtual numbers
     * (from {@code virtualFrom}).
     */
    private static LogicalPlan narrowed(LogicalPlan input, int from, int width, Side side, BitSet read, int[] mapping,
                                        int outFrom, int virtualFrom) {
        if (side == null) {
            for (int i = 0; i < width; i++) {
                mapping[from + i] = outFrom + i;
            }
            return input;
        }
        // a Project over the scan (column pruning) is merged: the extractions read through its expressions
        List<BoundExpression> below = input instanceof LogicalPlan.Project project ? project.expressions() : null;
        LogicalPlan base = below == null ? input : ((LogicalPlan.Project) input).input();
        List<BoundExpression> expressions = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            if (read.get(from + i)) {
                mapping[from + i] = outFrom + expressions.size();
                expressions.add(below == null ? columnOf(input, i) : below.get(i));
            }
        }
        for (int k = 0; k < side.extractions.size(); k++) {
            mapping[virtualFrom + k] = outFrom + expressions.size();
            BoundExpression extraction = side.extractions.get(k);
            expressions.add(below == null ? extraction
                    : ColumnReferences.substitute(extraction, ref -> below.get(ref.index())));
        }
        return new LogicalPlan.Project(base, expressions);
    }

    private static BoundExpression.ColumnRef columnOf(LogicalPlan input, int index) {
        return new BoundExpression.ColumnRef(index, null, "?column?", input.outputTypes().get(index), -1);
    }
}
