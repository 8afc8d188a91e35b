package io.basalt.optimizer.rule;

import io.basalt.exec.function.json.JsonbExtractFunction;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ColumnReferences;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.storage.column.shred.JsonbShredding;
import io.basalt.type.TypeId;
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
        Side left = scanned(join.left()) ? new Side(0, join.left()) : null;
        Side right = scanned(join.right()) ? new Side(leftWidth, join.right()) : null;
        if (left == null && right == null) {
            return null;
        }
        // extractions become references past the join's columns: left ones from leftWidth + rightWidth, right ones
        // from GAP further (renumbered below once both counts are known)
        int virtual = leftWidth + rightWidth;
        int gap = GAP;
        UnaryOperator<BoundExpression> replace = expression -> {
            BoundExpression.ColumnRef document = extractionDocument(expression);
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
        List<BoundExpression> newUpper = replaceAll(upper, replace);
        List<BoundExpression> newConjuncts = replaceAll(join.conjuncts(), replace);
        List<LogicalPlan.AggregateSpec> newSpecs = new ArrayList<>(specs.size());
        for (LogicalPlan.AggregateSpec spec : specs) {
            newSpecs.add(new LogicalPlan.AggregateSpec(spec.function(),
                    spec.argument() == null ? null : replaced(spec.argument(), replace),
                    replaceAll(spec.extraArguments(), replace),
                    spec.filter() == null ? null : replaced(spec.filter(), replace)));
        }
        boolean leftMoves = left != null && !left.extractions.isEmpty();
        boolean rightMoves = right != null && !right.extractions.isEmpty();
        if (!leftMoves && !rightMoves || left != null && left.extractions.size() >= GAP) {
            return null;
        }
        BitSet read = new BitSet();
        ColumnReferences.collectAll(newUpper, read);
        ColumnReferences.collectAll(newConjuncts, read);
        for (LogicalPlan.AggregateSpec spec : newSpecs) {
            if (spec.argument() != null) {
                ColumnReferences.collect(spec.argument(), read);
            }
            ColumnReferences.collectAll(spec.extraArguments(), read);
            if (spec.filter() != null) {
                ColumnReferences.collect(spec.filter(), read);
            }
        }
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

    /**
     * Whether {@code input} is a scan, a Filter over one, or a Project of plain column references over either (the
     * inputs {@link ReadShreddedPaths} rewrites once extractions sit directly above them).
     */
    private static boolean scanned(LogicalPlan input) {
        LogicalPlan below = input;
        if (input instanceof LogicalPlan.Project project) {
            for (BoundExpression expression : project.expressions()) {
                if (!(expression instanceof BoundExpression.ColumnRef)) {
                    return false;
                }
            }
            below = project.input();
        }
        return below instanceof LogicalPlan.Scan
                || below instanceof LogicalPlan.Filter filter && filter.input() instanceof LogicalPlan.Scan;
    }

    /**
     * The JSONB column an extraction with constant object keys reads ({@code col->'a'->>'b'}, {@code col #> '{a}'}),
     * or null when {@code expression} is not one.
     */
    private static BoundExpression.ColumnRef extractionDocument(BoundExpression expression) {
        BoundExpression current = expression;
        boolean top = true;
        while (true) {
            if (current instanceof BoundExpression.ColumnRef column) {
                return !top && column.type().id() == TypeId.JSONB ? column : null;
            }
            if (!(current instanceof BoundExpression.Function call
                    && call.function() instanceof JsonbExtractFunction function && call.arguments().size() == 1
                    && function.constantKeys() != null)) {
                return null;
            }
            current = call.arguments().getFirst();
            top = false;
        }
    }

    private static List<BoundExpression> replaceAll(List<BoundExpression> expressions,
                                                    UnaryOperator<BoundExpression> replace) {
        List<BoundExpression> out = new ArrayList<>(expressions.size());
        for (BoundExpression expression : expressions) {
            out.add(replaced(expression, replace));
        }
        return out;
    }

    /** {@code expression} with each outermost part {@code replace} answers (non-null) replaced by its answer. */
    private static BoundExpression replaced(BoundExpression expression, UnaryOperator<BoundExpression> replace) {
        BoundExpression answer = replace.apply(expression);
        if (answer != null) {
            return answer;
        }
        return switch (expression) {
            case BoundExpression.ColumnRef e -> e;
            case BoundExpression.Constant e -> e;
            case BoundExpression.Arithmetic e -> new BoundExpression.Arithmetic(e.operator(),
                    replaced(e.left(), replace), replaced(e.right(), replace), e.type(), e.position());
            case BoundExpression.Negate e -> new BoundExpression.Negate(replaced(e.operand(), replace), e.position());
            case BoundExpression.Comparison e -> new BoundExpression.Comparison(e.operator(),
                    replaced(e.left(), replace), replaced(e.right(), replace), e.position());
            case BoundExpression.Logical e -> new BoundExpression.Logical(e.isAnd(), replaceAll(e.operands(), replace),
                    e.position());
            case BoundExpression.Not e -> new BoundExpression.Not(replaced(e.operand(), replace), e.position());
            case BoundExpression.IsNull e -> new BoundExpression.IsNull(replaced(e.operand(), replace), e.negated(),
                    e.position());
            case BoundExpression.Cast e -> new BoundExpression.Cast(replaced(e.operand(), replace), e.type(),
                    e.explicit(), e.position());
            case BoundExpression.Case e -> new BoundExpression.Case(replaceAll(e.conditions(), replace),
                    replaceAll(e.results(), replace),
                    e.otherwise() == null ? null : replaced(e.otherwise(), replace), e.type(), e.position());
            case BoundExpression.Function e -> new BoundExpression.Function(e.function(),
                    replaceAll(e.arguments(), replace), e.type(), e.position());
            case BoundExpression.AggregateCall e -> e.map(operand -> replaced(operand, replace));
        };
    }
}
