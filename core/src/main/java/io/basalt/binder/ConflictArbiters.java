package io.basalt.binder;

import io.basalt.catalog.IndexEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.UniqueConstraintEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ExpressionEquivalence;
import io.basalt.sql.ast.InsertStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The arbiters of INSERT ... ON CONFLICT: the unique constraints whose conflicts the clause handles, as PostgreSQL
 * infers them. {@code ON CONSTRAINT name} names one (42704 when the table has none of that name); a column list
 * picks every unique constraint and unique index on exactly those columns (42P10 when there is none), a partial
 * unique index only when the target's WHERE implies its predicate (here: the predicate is the WHERE or one of its
 * AND-ed terms); no target means all of them, which only DO NOTHING allows (42601 for DO UPDATE). A deferrable
 * constraint cannot arbitrate (55000).
 */
final class ConflictArbiters {
    private ConflictArbiters() {
    }

    /** The arbiters' names, or null without ON CONFLICT. */
    static Set<String> resolve(InsertStatement.OnConflict onConflict, TableEntry table, BindContext context) {
        if (onConflict == null) {
            return null;
        }
        if (!onConflict.doNothing() && onConflict.constraint() == null && !onConflict.hasTarget()) {
            throw BasaltException.at(SqlState.SYNTAX_ERROR, onConflict.position(),
                            "ON CONFLICT DO UPDATE requires inference specification or constraint name")
                    .withHint("For example, ON CONFLICT (column_name).");
        }
        Set<String> arbiters = new HashSet<>();
        if (onConflict.constraint() != null) {
            for (UniqueConstraintEntry key : table.uniqueKeys()) {
                if (key.name().equals(onConflict.constraint())) {
                    arbiters.add(key.name());
                }
            }
            if (arbiters.isEmpty()) {
                throw BasaltException.of(SqlState.UNDEFINED_OBJECT, "constraint \"" + onConflict.constraint()
                        + "\" for table \"" + table.name() + "\" does not exist");
            }
        } else if (onConflict.hasTarget()) {
            Set<Integer> target = new HashSet<>();
            for (String name : onConflict.targetColumns()) {
                int column = table.columnIndex(name);
                if (column < 0) {
                    throw BasaltException.at(SqlState.UNDEFINED_COLUMN, onConflict.position(),
                            "column \"" + name + "\" does not exist");
                }
                target.add(column);
            }
            List<BoundExpression> targetExpressions = new ArrayList<>();
            for (io.basalt.sql.ast.Expression expression : onConflict.targetExpressions()) {
                targetExpressions.add(IndexExpressions.bindKey(expression, table.name(), table.columns(), context));
            }
            for (UniqueConstraintEntry key : table.uniqueKeys()) {
                if (targetExpressions.isEmpty() && new HashSet<>(key.columns()).equals(target)) {
                    arbiters.add(key.name());
                }
            }
            List<BoundExpression> terms = onConflict.targetWhere() == null ? List.of()
                    : conjuncts(IndexExpressions.bindPredicate(onConflict.targetWhere(), table.name(),
                            table.columns(), context));
            for (IndexEntry index : table.indexes()) {
                if (index.enforced() && plainColumns(index).equals(target)
                        && sameExpressions(index, targetExpressions, table, context)
                        && (!index.partial() || implied(index, terms, table, context))) {
                    arbiters.add(index.name());
                }
            }
            if (arbiters.isEmpty()) {
                throw noMatch();
            }
        } else {
            for (UniqueConstraintEntry key : table.uniqueKeys()) {
                arbiters.add(key.name());
            }
            for (IndexEntry index : table.indexes()) {
                if (index.enforced()) {
                    arbiters.add(index.name());
                }
            }
        }
        for (UniqueConstraintEntry key : table.uniqueKeys()) {
            if (key.deferrable() && arbiters.contains(key.name())) {
                throw BasaltException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                        "ON CONFLICT does not support deferrable unique constraints/exclusion constraints as arbiters");
            }
            if (key.exclusion() && !onConflict.doNothing() && arbiters.contains(key.name())) {
                throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE,
                        "ON CONFLICT DO UPDATE not supported with exclusion constraints");
            }
        }
        return arbiters;
    }

    /**
     * The arbiters of leaf partition {@code leaf} for a row routed there from {@code table}, whose arbiters are
     * {@code arbiters}: without an inference specification ({@code everyKey}) every unique constraint and index of
     * the leaf, as PostgreSQL checks them all; otherwise, per arbiter, the leaf's constraint or index with its
     * definition (the one CREATE INDEX or the partition's creation made there). A leaf without one fails with 42P10,
     * as PostgreSQL's inference does when a partition's index is missing.
     */
    static Set<String> forPartition(Set<String> arbiters, boolean everyKey, TableEntry table, TableEntry leaf) {
        Set<String> own = new HashSet<>();
        if (everyKey) {
            for (UniqueConstraintEntry key : leaf.uniqueKeys()) {
                own.add(key.name());
            }
            for (IndexEntry index : leaf.indexes()) {
                if (index.enforced()) {
                    own.add(index.name());
                }
            }
            return own;
        }
        for (UniqueConstraintEntry key : table.uniqueKeys()) {
            if (arbiters.contains(key.name())) {
                own.add(counterpart(names(table, key.columns()), key.primaryKey(), key.exclusion(), leaf));
            }
        }
        for (IndexEntry index : table.indexes()) {
            if (!index.enforced() || !arbiters.contains(index.name())) {
                continue;
            }
            String found = null;
            for (IndexEntry candidate : leaf.indexes()) {
                if (found == null && candidate.enforced()
                        && index.sameDefinition(table.columnNames(), candidate, leaf.columnNames())) {
                    found = candidate.name();
                }
            }
            if (found == null && !index.partial() && !index.overExpressions()) {
                found = counterpart(names(table, index.columns()), false, false, leaf);
            }
            if (found == null) {
                throw noMatch();
            }
            own.add(found);
        }
        return own;
    }

    /**
     * The leaf's unique constraint over the key columns named {@code columns} (a primary key for a primary key), else
     * its plain unique index over them; 42P10 when it has neither.
     */
    private static String counterpart(List<String> columns, boolean primaryKey, boolean exclusion, TableEntry leaf) {
        for (UniqueConstraintEntry key : leaf.uniqueKeys()) {
            if (key.exclusion() == exclusion && (!primaryKey || key.primaryKey())
                    && names(leaf, key.columns()).equals(columns)) {
                return key.name();
            }
        }
        for (IndexEntry index : leaf.indexes()) {
            if (!exclusion && index.enforced() && !index.partial() && !index.overExpressions()
                    && names(leaf, index.columns()).equals(columns)) {
                return index.name();
            }
        }
        throw noMatch();
    }

    private static List<String> names(TableEntry table, List<Integer> columns) {
        List<String> names = new ArrayList<>();
        for (int column : columns) {
            names.add(table.columns().get(column).name());
        }
        return names;
    }

    private static BasaltException noMatch() {
        return BasaltException.of(SqlState.INVALID_COLUMN_REFERENCE,
                "there is no unique or exclusion constraint matching the ON CONFLICT specification");
    }

    /** The key columns of {@code index} that are plain columns. */
    private static Set<Integer> plainColumns(IndexEntry index) {
        Set<Integer> columns = new HashSet<>();
        for (int column : index.columns()) {
            if (column >= 0) {
                columns.add(column);
            }
        }
        return columns;
    }

    /** Whether the expressions of {@code index} and those of the target are the same, each found in the other. */
    private static boolean sameExpressions(IndexEntry index, List<BoundExpression> target, TableEntry table,
                                           BindContext context) {
        List<BoundExpression> own = new ArrayList<>();
        for (io.basalt.sql.ast.Expression expression : index.expressions()) {
            if (expression != null) {
                own.add(IndexExpressions.bindKey(expression, table.name(), table.columns(), context));
            }
        }
        return containsAll(own, target) && containsAll(target, own);
    }

    private static boolean containsAll(List<BoundExpression> container, List<BoundExpression> wanted) {
        for (BoundExpression expression : wanted) {
            boolean found = false;
            for (BoundExpression candidate : container) {
                found |= ExpressionEquivalence.same(candidate, expression);
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /**
     * The key parts of the arbiter DO UPDATE reads keys by (see the physical planner: the first arbiter constraint,
     * else the first arbiter index) when it is an index over expressions, bound over the table (null for a plain
     * column part); null otherwise.
     */
    static List<BoundExpression> expressionKeys(Set<String> arbiters, TableEntry table, BindContext context) {
        if (arbiters == null) {
            return null;
        }
        for (UniqueConstraintEntry key : table.uniqueKeys()) {
            if (arbiters.contains(key.name())) {
                return null;
            }
        }
        for (IndexEntry index : table.indexes()) {
            if (index.enforced() && arbiters.contains(index.name())) {
                if (!index.overExpressions()) {
                    return null;
                }
                List<BoundExpression> keys = new ArrayList<>();
                for (io.basalt.sql.ast.Expression expression : index.expressions()) {
                    keys.add(expression == null ? null
                            : IndexExpressions.bindKey(expression, table.name(), table.columns(), context));
                }
                return keys;
            }
        }
        return null;
    }

    /** The predicate of the partial unique index among {@code arbiters}, bound over the table, or null. */
    static BoundExpression partialPredicate(Set<String> arbiters, TableEntry table, BindContext context) {
        for (IndexEntry index : table.indexes()) {
            if (index.partial() && index.enforced() && arbiters != null && arbiters.contains(index.name())) {
                return IndexExpressions.bindPredicate(index.predicate(), table.name(), table.columns(), context);
            }
        }
        return null;
    }

    private static boolean implied(IndexEntry index, List<BoundExpression> terms, TableEntry table,
                                   BindContext context) {
        BoundExpression predicate = IndexExpressions.bindPredicate(index.predicate(), table.name(), table.columns(),
                context);
        for (BoundExpression term : terms) {
            if (ExpressionEquivalence.same(term, predicate)) {
                return true;
            }
        }
        return false;
    }

    /** {@code expression} and, when it is an AND, each of its terms (nested ANDs flattened). */
    private static List<BoundExpression> conjuncts(BoundExpression expression) {
        List<BoundExpression> terms = new ArrayList<>();
        terms.add(expression);
        for (int i = 0; i < terms.size(); i++) {
            if (terms.get(i) instanceof BoundExpression.Logical logical && logical.isAnd()) {
                terms.addAll(logical.operands());
            }
        }
        return terms;
    }
}
