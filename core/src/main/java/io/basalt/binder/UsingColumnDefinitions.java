package io.basalt.binder;

import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ColumnReferences;
import io.basalt.plan.logical.LogicalPlan;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the merged columns of {@code JOIN ... USING} and {@code NATURAL JOIN} stand for, so that GROUP BY sees
 * through them as PostgreSQL does (it flattens join alias variables before its grouping check): the merged column
 * of an INNER or LEFT join is the left input's column, of a RIGHT join the right input's, cast to the pair's common
 * type (INNER: the side not cast). {@code select f1 from t1 left join t2 using (f1) group by t1.f1} is then grouped
 * ({@code f1} is {@code t1.f1}, perhaps cast), while {@code select t1.f1 ... group by f1} still is not when the cast
 * is real. A FULL join's merged column is the COALESCE of both sides, grouped when both are.
 *
 * <p>The binder shows a USING join as a projection of its join: the merged columns first, then every input column
 * (those the merge hides included); {@link FromClauseBinder} reports those projections by identity, and
 * {@link #of} follows them up through the joins and filters of the FROM list to the columns of its plan.
 */
final class UsingColumnDefinitions {
    private UsingColumnDefinitions() {
    }

    /**
     * For each column of {@code plan} (a FROM list's plan) that a USING join merged, the expression it stands for over
     * the columns of {@code plan} that show the inputs (the merge's column, cast column or COALESCE);
     * {@code usingProjections} are the projections the USING joins of the FROM list made, by identity.
     */
    static Map<Integer, BoundExpression> of(LogicalPlan plan, Set<LogicalPlan.Project> usingProjections) {
        if (usingProjections.isEmpty()) {
            return Map.of();
        }
        return switch (plan) {
            case LogicalPlan.Filter filter -> of(filter.input(), usingProjections);
            case LogicalPlan.Join join -> {
                Map<Integer, BoundExpression> definitions = new HashMap<>(of(join.left(), usingProjections));
                int shift = join.left().outputTypes().size();
                for (Map.Entry<Integer, BoundExpression> right : of(join.right(), usingProjections).entrySet()) {
                    definitions.put(right.getKey() + shift, shifted(right.getValue(), shift));
                }
                yield definitions;
            }
            case LogicalPlan.Project project when usingProjections.contains(project) -> merged(project, usingProjections);
            default -> Map.of();
        };
    }

    /**
     * A USING join's projection: each merged column, defined by the input columns it is computed from as the
     * projection also shows them (a column, a cast column, or the COALESCE of a FULL join); an input column a merged
     * column shows without a cast is defined by that merged column too; a plain column passing an inner USING join's
     * merged column keeps its definition.
     */
    private static Map<Integer, BoundExpression> merged(LogicalPlan.Project project,
                                                        Set<LogicalPlan.Project> usingProjections) {
        // the output position of each input column the projection shows plainly (the last: merged columns come first)
        Map<Integer, Integer> plainOutputs = new HashMap<>();
        for (int i = 0; i < project.expressions().size(); i++) {
            if (project.expressions().get(i) instanceof BoundExpression.ColumnRef reference) {
                plainOutputs.put(reference.index(), i);
            }
        }
        Map<Integer, BoundExpression> inner = of(project.input(), usingProjections);
        Map<Integer, BoundExpression> definitions = new HashMap<>();
        for (int i = 0; i < project.expressions().size(); i++) {
            BoundExpression expression = project.expressions().get(i);
            if (expression instanceof BoundExpression.ColumnRef reference && plainOutputs.get(reference.index()) == i) {
                if (inner.containsKey(reference.index())) {
                    BoundExpression definition = remapped(inner.get(reference.index()), plainOutputs);
                    if (definition != null) {
                        definitions.put(i, definition);
                    }
                }
                continue;
            }
            BoundExpression definition = remapped(expression, plainOutputs);
            if (definition == null) {
                continue;
            }
            definitions.put(i, definition);
            if (definition instanceof BoundExpression.ColumnRef shown) {
                // no cast: the input column is the merged column too (GROUP BY f1 groups t1.f1)
                definitions.putIfAbsent(shown.index(), new BoundExpression.ColumnRef(i, null, shown.name(),
                        shown.type(), shown.position()));
            }
        }
        return Collections.unmodifiableMap(definitions);
    }

    private static BoundExpression shifted(BoundExpression definition, int shift) {
        return ColumnReferences.substitute(definition, reference -> new BoundExpression.ColumnRef(
                reference.index() + shift, reference.qualifier(), reference.name(), reference.type(),
                reference.position()));
    }

    /**
     * {@code expression} over a projection's input, over its output instead (each input column read where the
     * projection shows it plainly); null when it reads a column the projection does not show.
     */
    private static BoundExpression remapped(BoundExpression expression, Map<Integer, Integer> plainOutputs) {
        java.util.BitSet read = new java.util.BitSet();
        ColumnReferences.collect(expression, read);
        for (int k = read.nextSetBit(0); k >= 0; k = read.nextSetBit(k + 1)) {
            if (!plainOutputs.containsKey(k)) {
                return null;
            }
        }
        return ColumnReferences.substitute(expression, reference -> new BoundExpression.ColumnRef(
                plainOutputs.get(reference.index()), reference.qualifier(), reference.name(), reference.type(),
                reference.position()));
    }

    /** A fresh identity set for {@link FromClauseBinder} to fill. */
    static Set<LogicalPlan.Project> newProjectionSet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }
}
