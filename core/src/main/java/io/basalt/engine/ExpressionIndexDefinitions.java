package io.basalt.engine;

import io.basalt.binder.BindContext;
import io.basalt.binder.IndexExpressions;
import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.IndexEntry;
import io.basalt.error.BasaltException;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ColumnReferences;
import io.basalt.storage.index.ExpressionKeyIndex;
import io.basalt.storage.table.TableStore;
import io.basalt.type.TypeId;
import java.util.BitSet;
import java.util.Set;

/**
 * The index over an expression a table's store keeps for a btree CREATE INDEX whose first key is an expression
 * ({@code CREATE INDEX ON t ((doc->>'brand'))}, {@code ((a + b))}, {@code (lower(name), id)}): the first key, bound
 * over the table's columns, planned over the columns it reads, and kept by the store as an
 * {@link ExpressionKeyIndex} that scans read through for comparisons of the same expression with constants
 * ({@code planner.ExpressionIndexPredicates}). Only keys of types whose order the index shares with SQL (integers,
 * double precision, NUMERIC, text, varchar, boolean, date, timestamps) are kept; unique indexes (enforced by their
 * own key), partial ones and other access methods are not. A gin index whose first key is a tsvector (a column or an
 * expression) is kept the same way as an inverted index of its lexemes, which scans read through for {@code @@}.
 */
final class ExpressionIndexDefinitions {
    private static final Set<TypeId> ORDERED = Set.of(TypeId.SMALLINT, TypeId.INTEGER, TypeId.BIGINT, TypeId.DOUBLE,
            TypeId.NUMERIC, TypeId.TEXT, TypeId.VARCHAR, TypeId.BOOLEAN, TypeId.DATE, TypeId.TIMESTAMP,
            TypeId.TIMESTAMPTZ);

    private ExpressionIndexDefinitions() {
    }

    /** Makes {@code store} keep the index over an expression of {@code index} (of table {@code table}), if it has one. */
    static void attach(IndexEntry index, String table, java.util.List<ColumnEntry> columns, TableStore store,
                       BindContext context) {
        ExpressionKeyIndex keyed = of(index, table, columns, context);
        if (keyed != null) {
            store.addExpressionIndex(keyed);
        }
    }

    /** The index over an expression a store keeps for {@code index}, or null when it keeps none. */
    static ExpressionKeyIndex of(IndexEntry index, String table, java.util.List<ColumnEntry> columns,
                                 BindContext context) {
        if (index.method().equals("gin")) {
            return textSearchIndex(index, table, columns, context);
        }
        if (!index.method().equals("btree") || index.unique() || index.partial() || index.columns().isEmpty()
                || index.columns().getFirst() >= 0 || index.expressions().isEmpty()
                || index.expressions().getFirst() == null) {
            return null;
        }
        BoundExpression key;
        try {
            key = IndexExpressions.bindKey(index.expressions().getFirst(), table, columns, context);
        } catch (BasaltException unbindable) {
            return null; // a column it read was dropped or renamed since: the index serves nothing
        }
        if (!ORDERED.contains(key.type().id()) || !io.basalt.planner.ExpressionIndexPredicates.servable(key)) {
            return null;
        }
        return planned(index, key, columns);
    }

    /**
     * The GIN index over a tsvector a store keeps for a gin {@code index} whose first key is a tsvector column or a
     * tsvector expression ({@code to_tsvector('english', body)}), or null: its lexemes are the keys.
     */
    private static ExpressionKeyIndex textSearchIndex(IndexEntry index, String table,
                                                      java.util.List<ColumnEntry> columns, BindContext context) {
        if (index.partial() || index.columns().isEmpty()) {
            return null;
        }
        int column = index.columns().getFirst();
        BoundExpression key;
        if (column >= 0) {
            ColumnEntry entry = columns.get(column);
            key = new BoundExpression.ColumnRef(column, table, entry.name(), entry.type(), -1);
        } else {
            if (index.expressions().isEmpty() || index.expressions().getFirst() == null) {
                return null;
            }
            try {
                key = IndexExpressions.bindKey(index.expressions().getFirst(), table, columns, context);
            } catch (BasaltException unbindable) {
                return null;
            }
        }
        if (key.type().id() != TypeId.TSVECTOR || !io.basalt.planner.ExpressionIndexPredicates.servable(key)) {
            return null;
        }
        return planned(index, key, columns);
    }

    /** {@code key} (over the table's columns) planned over the columns it reads, as the store keeps it. */
    private static ExpressionKeyIndex planned(IndexEntry index, BoundExpression key, java.util.List<ColumnEntry> columns) {
        BitSet read = new BitSet();
        ColumnReferences.collect(key, read);
        int[] readColumns = read.stream().toArray();
        int[] mapping = new int[columns.size()];
        java.util.Arrays.fill(mapping, -1);
        for (int i = 0; i < readColumns.length; i++) {
            mapping[readColumns[i]] = i;
        }
        BoundExpression compact = ColumnReferences.renumber(key, mapping);
        return new ExpressionKeyIndex(index.name(), readColumns, io.basalt.planner.IndexPredicatePlanner.planKey(compact),
                key);
    }
}
