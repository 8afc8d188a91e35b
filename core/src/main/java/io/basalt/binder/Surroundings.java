package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.Placeholder;
import io.basalt.sql.ast.With;
import java.util.List;

/**
 * What a query level sees of the statement around it: the WITH queries in reach ({@link CommonTables}) and
 * the scopes of the queries that enclose it ({@link OuterScope}), through which a subquery's names resolve
 * when its own FROM clause does not have them (a correlated reference).
 */
record Surroundings(CommonTables tables, OuterScope outer) {
    static final Surroundings NONE = new Surroundings(null, null);

    Surroundings withTables(CommonTables tables) {
        return new Surroundings(tables, outer);
    }

    /** The surroundings of a subquery written in a clause that sees {@code scope}. */
    Surroundings enclosedBy(Scope scope) {
        return new Surroundings(tables, new OuterScope(scope, outer));
    }

    /**
     * These surroundings (a WITH query's definition's) as a reference from {@code use} sees them: {@code use} may
     * be nested some query levels deeper, and an outer column the definition reads is that many levels further
     * out there. Each level between adds a level whose names the definition cannot see, so that the references'
     * depths count from the reference, as if the definition were written in its place. Unchanged when the
     * definition reads no enclosing level or {@code use} is not nested in it.
     */
    Surroundings seenFrom(Surroundings use) {
        if (outer == null) {
            return this;
        }
        int between = 0;
        for (OuterScope level = use.outer; level != outer; level = level.parent) {
            if (level == null) {
                return this;
            }
            between++;
        }
        OuterScope shifted = outer;
        for (int i = 0; i < between; i++) {
            shifted = new OuterScope(Scope.EMPTY, shifted);
        }
        return new Surroundings(tables, shifted);
    }

    /**
     * The WITH queries in reach, innermost first: each remembers the surroundings it was written in, so
     * that a reference binds it as its definition sees the statement (earlier WITH queries, outer scopes).
     * {@code recursive}: a WITH RECURSIVE query that names itself, bound by {@link RecursiveQueryBinder};
     * {@code workTable}: set on the entry its recursive term sees, which reads the previous iteration's rows.
     */
    record CommonTables(String name, With.CommonTableExpression definition, Surroundings definedIn,
                        CommonTables next, boolean recursive, BoundQuery workTable) {
        CommonTables(String name, With.CommonTableExpression definition, Surroundings definedIn, CommonTables next) {
            this(name, definition, definedIn, next, false, null);
        }

        static CommonTables entry(CommonTables tables, String name) {
            for (CommonTables t = tables; t != null; t = t.next) {
                if (t.name.equals(name)) {
                    return t;
                }
            }
            return null;
        }
    }

    /**
     * The scope of one enclosing query level and those beyond it. {@link #referenced} turns true when a
     * name of this level is used from inside, which makes the subquery that did so correlated.
     */
    static final class OuterScope {
        private final Scope scope;
        private final OuterScope parent;
        private boolean referenced;
        /**
         * The aggregates of this level written inside the subquery (their arguments read only this level's
         * columns), over this level's scope; null when this level cannot take any (see {@link #acceptAggregates}).
         */
        private List<BoundExpression.AggregateCall> aggregates;

        OuterScope(Scope scope, OuterScope parent) {
            this.scope = scope;
            this.parent = parent;
        }

        boolean referenced() {
            return referenced;
        }

        /** Lets the subquery hand aggregates of this level to it ({@link #addAggregate}). */
        void acceptAggregates() {
            if (aggregates == null) {
                aggregates = new java.util.ArrayList<>();
            }
        }

        /** The aggregates handed to this level, in the order they were written; empty when none. */
        List<BoundExpression.AggregateCall> aggregates() {
            return aggregates == null ? List.of() : aggregates;
        }

        /**
         * Takes {@code call} (over this level's columns) as an aggregate of this level and returns how the
         * subquery reads its value: an outer column of {@code depth} numbered past this level's columns (its number
         * minus their count is the aggregate's place in {@link #aggregates}), which the level replaces by the
         * aggregation's output column once it has one. Null when this level takes no aggregates.
         */
        BoundExpression addAggregate(BoundExpression.AggregateCall call, int depth, String name, int position) {
            if (aggregates == null) {
                return null;
            }
            referenced = true;
            aggregates.add(call);
            int index = scope.columns().size() + aggregates.size() - 1;
            return Placeholder.of(new Placeholder.OuterColumn(depth, index, name), call.type(), position);
        }

        /** The level enclosing this one, or null. */
        OuterScope parent() {
            return parent;
        }

        /**
         * Resolves a name the subquery's own scope does not have, nearest level first, as an
         * {@link Placeholder.OuterColumn}; null when no level has it. Ambiguity at a level is an error there.
         */
        BoundExpression resolve(List<String> parts, int position) {
            int depth = 1;
            for (OuterScope level = this; level != null; level = level.parent, depth++) {
                BoundExpression.ColumnRef column;
                try {
                    column = level.scope.resolve(parts, position);
                } catch (BasaltException notHere) {
                    if (notHere.sqlState() == SqlState.AMBIGUOUS_COLUMN) {
                        throw notHere;
                    }
                    continue;
                }
                level.referenced = true;
                return Placeholder.of(new Placeholder.OuterColumn(depth, column.index(), column.qualifiedName()),
                        column.type(), position);
            }
            return null;
        }

        /**
         * The whole row of the relation {@code qualifier} of the nearest level that has one, its fields as
         * {@link Placeholder.OuterColumn}s (a correlated {@code t.*} or bare {@code t}); null when no level has it.
         */
        BoundExpression wholeRow(String qualifier, int position) {
            int depth = 1;
            for (OuterScope level = this; level != null; level = level.parent, depth++) {
                BoundExpression row = RecordExpressions.wholeRow(level.scope, qualifier, position);
                if (!(row instanceof BoundExpression.Function function)) {
                    continue;
                }
                level.referenced = true;
                List<BoundExpression> fields = new java.util.ArrayList<>();
                for (BoundExpression field : function.arguments()) {
                    BoundExpression.ColumnRef column = (BoundExpression.ColumnRef) field;
                    fields.add(Placeholder.of(new Placeholder.OuterColumn(depth, column.index(),
                            column.qualifiedName()), column.type(), position));
                }
                return new BoundExpression.Function(function.function(), fields, function.type(), position);
            }
            return null;
        }
    }
}
