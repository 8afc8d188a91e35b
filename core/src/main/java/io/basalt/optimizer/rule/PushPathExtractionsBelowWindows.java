package io.basalt.optimizer.rule;

import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ColumnReferences;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.storage.column.shred.JsonbShredding;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Moves JSONB path extractions that a window (its partition and order keys, its calls' arguments) and a Project over
 * it make of a scanned table's document column down into a Project over that scan, so that {@link ReadShreddedPaths},
 * which runs next, reads them from the table's shredded path columns. Only the extractions themselves move
 * ({@code col->'a'->>'b'}, {@code col #>> '{a,b}'}, {@code col->'a'}: constant object keys), which never fail, so no
 * error appears that the query would not have raised; the scan side keeps only the columns still read above.
 *
 * <pre>
 * before: Project[doc->>'brand', #2]                        after: Project[#1, #2]
 *           Window[partition doc->>'brand' order id; rank()]          Window[partition #1 order #0; rank()]
 *             Scan docs [id, doc]                                       Project[id, doc->>'brand']
 *                                                                         Scan docs [id, doc]
 * </pre>
 *
 * Only a Project directly over a window, or a chain of windows, whose input is a scan, a Filter over one, or a
 * Project of column references over either is rewritten; nothing while {@code basalt.jsonb_shredding} is off.
 */
public final class PushPathExtractionsBelowWindows implements OptimizerRule {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return JsonbShredding.enabled() ? rewrite(plan) : plan;
    }

    private LogicalPlan rewrite(LogicalPlan plan) {
        LogicalPlan rewritten = null;
        if (plan instanceof LogicalPlan.Project project && project.input() instanceof LogicalPlan.Window) {
            List<LogicalPlan.Window> windows = new ArrayList<>(); // top first
            LogicalPlan below = project.input();
            while (below instanceof LogicalPlan.Window window) {
                windows.add(window);
                below = window.input();
            }
            if (PathExtractions.scanned(below)) {
                rewritten = push(project, windows, below);
            }
        }
        return PlanInputs.map(rewritten == null ? plan : rewritten, this::rewrite);
    }

    /**
     * The Project and its chain of windows ({@code windows}, top first, over {@code input}) with their extractions
     * moved below the lowest window; null when none moves. Each window's columns are its input's followed by its
     * calls', so the columns of the windows' calls keep their order after the new input's columns.
     */
    private static LogicalPlan push(LogicalPlan.Project project, List<LogicalPlan.Window> windows, LogicalPlan input) {
        int width = input.outputTypes().size();
        int calls = 0;
        for (LogicalPlan.Window window : windows) {
            calls += window.calls().size();
        }
        // extractions become references past every column (width + calls + k), renumbered below
        int virtual = width + calls;
        List<BoundExpression> extractions = new ArrayList<>();
        java.util.function.UnaryOperator<BoundExpression> replace = expression -> {
            BoundExpression.ColumnRef document = PathExtractions.document(expression);
            if (document == null || document.index() >= width) {
                return null;
            }
            int index = extractions.indexOf(expression);
            if (index < 0) {
                index = extractions.size();
                extractions.add(expression);
            }
            return new BoundExpression.ColumnRef(virtual + index, null, document.name(), expression.type(),
                    expression.position());
        };
        List<LogicalPlan.Window> replaced = new ArrayList<>(windows.size());
        BitSet read = new BitSet();
        for (LogicalPlan.Window window : windows) {
            LogicalPlan.Window mapped = window.map(window.input(), key -> PathExtractions.replaced(key, replace));
            replaced.add(mapped);
            ColumnReferences.collectAll(mapped.expressions(), read);
        }
        List<BoundExpression> upper = PathExtractions.replaceAll(project.expressions(), replace);
        if (extractions.isEmpty()) {
            return null;
        }
        ColumnReferences.collectAll(upper, read);
        List<BoundExpression> below = input instanceof LogicalPlan.Project inner ? inner.expressions() : null;
        LogicalPlan base = below == null ? input : ((LogicalPlan.Project) input).input();
        int[] mapping = new int[virtual + extractions.size()];
        java.util.Arrays.fill(mapping, -1);
        List<BoundExpression> inputs = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            if (read.get(i)) {
                mapping[i] = inputs.size();
                inputs.add(below == null
                        ? new BoundExpression.ColumnRef(i, null, "?column?", input.outputTypes().get(i), -1)
                        : below.get(i));
            }
        }
        for (int k = 0; k < extractions.size(); k++) {
            mapping[virtual + k] = inputs.size();
            BoundExpression extraction = extractions.get(k);
            inputs.add(below == null ? extraction
                    : ColumnReferences.substitute(extraction, ref -> below.get(ref.index())));
        }
        int newWidth = inputs.size();
        for (int c = 0; c < calls; c++) {
            mapping[width + c] = newWidth + c;
        }
        LogicalPlan current = new LogicalPlan.Project(base, inputs);
        for (int w = replaced.size() - 1; w >= 0; w--) {
            current = replaced.get(w).map(current, key -> ColumnReferences.renumber(key, mapping));
        }
        return new LogicalPlan.Project(current, ColumnReferences.renumberAll(upper, mapping));
    }
}
