package io.basalt.binder;

import io.basalt.catalog.ViewEntry;
import io.basalt.error.BasaltException;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * A view read in FROM: its query bound afresh against the catalog as it is now (like a subquery with nothing of
 * the reading query in scope), under the column names the view was created with. A {@code *} in the view's query
 * expands to the columns of the moment, so columns added to a table since are cut off, as PostgreSQL fixes a
 * view's column list when it is created. A materialized view reads the rows it stores.
 */
public final class ViewExpansion {
    /**
     * Bound true while a query is bound that will not run (CREATE MATERIALIZED VIEW ... WITH NO DATA): it may then
     * read a materialized view that has not been populated.
     */
    public static final ScopedValue<Boolean> UNPOPULATED_READABLE = ScopedValue.newInstance();

    private ViewExpansion() {
    }

    /**
     * A materialized view's stored rows.
     *
     * @throws BasaltException 55000 when it has not been populated
     */
    public static BoundQuery materialized(ViewEntry view, int position) {
        if (!view.populated() && !(UNPOPULATED_READABLE.isBound() && UNPOPULATED_READABLE.get())) {
            throw BasaltException.of(io.basalt.error.SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                            "materialized view \"" + view.name() + "\" has not been populated")
                    .withHint("Use the REFRESH MATERIALIZED VIEW command.");
        }
        int[] columns = new int[view.columnTypes().size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = c;
        }
        return new BoundQuery(new LogicalPlan.Scan(view.rows(), columns, view.columnTypes()), view.columnNames());
    }

    /** The view's plan and column names. */
    public static BoundQuery expand(ViewEntry view, BindContext context) {
        NonsystemRelationRestriction.check(view);
        BoundQuery bound;
        try {
            bound = new QueryBinder(context).bind(view.query());
        } catch (BasaltException failure) {
            // the view's positions point into its own text, not the statement that reads it
            throw failure.withPositionIfAbsent(0);
        }
        LogicalPlan plan = bound.plan();
        int width = view.columnNames().size();
        if (plan.outputTypes().size() > width) {
            List<BoundExpression> kept = new ArrayList<>(width);
            for (int c = 0; c < width; c++) {
                kept.add(new BoundExpression.ColumnRef(c, null, view.columnNames().get(c), plan.outputTypes().get(c), 0));
            }
            plan = new LogicalPlan.Project(plan, kept);
        }
        return new BoundQuery(plan, view.columnNames());
    }
}
