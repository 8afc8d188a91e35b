package io.basalt.plan.logical;

import io.basalt.catalog.TableEntry;
import io.basalt.plan.expression.BoundExpression;
import java.util.List;
import java.util.Set;

/**
 * Where an INSERT's rows go when its table is partitioned or is a partition: the routing of one partitioned table
 * (or, for a partition written directly, a check of its partition constraint before its single route). Every
 * expression reads the input rows, which are in the inserted table's column order. {@code relation} names the
 * table in "no partition ... found for row"; {@code keys} and {@code keyTexts} give that error's detail;
 * {@code constraint} (null: none) must hold for every row, else "new row for relation {@code constraintRelation}
 * violates partition constraint". Routes are tried in order; the one without a predicate is the default.
 */
public record PartitionRouting(String relation, List<BoundExpression> keys, List<String> keyTexts,
                               BoundExpression constraint, String constraintRelation, List<Route> routes) {
    public PartitionRouting {
        keys = List.copyOf(keys);
        keyTexts = List.copyOf(keyTexts);
        routes = List.copyOf(routes);
    }

    /**
     * Rows for which {@code predicate} holds (null: the default route) go into {@code leaf}, whose column i is input
     * column {@code columns[i]}, or through {@code sub}, a partitioned partition's own routing. With INSERT ... ON
     * CONFLICT, {@code conflict} says how the leaf handles its rows' conflicts (null: no ON CONFLICT).
     */
    public record Route(BoundExpression predicate, TableEntry leaf, int[] columns, PartitionRouting sub,
                        LeafConflict conflict) {
        /** A route without ON CONFLICT. */
        public Route(BoundExpression predicate, TableEntry leaf, int[] columns, PartitionRouting sub) {
            this(predicate, leaf, columns, sub, null);
        }

        /** This route with its leaf's ON CONFLICT handling. */
        public Route withConflict(LeafConflict leafConflict) {
            return new Route(predicate, leaf, columns, sub, leafConflict);
        }
    }

    /**
     * ON CONFLICT in one leaf partition, as PostgreSQL runs it after routing a row: {@code arbiters} are the leaf's
     * unique constraints and indexes that correspond to the statement's arbiters (every one of the leaf's without an
     * inference specification). {@code update} (null: DO NOTHING) is the statement's DO UPDATE with the leaf's arbiter
     * predicate and expression keys; its SET list and WHERE read the stored row and EXCLUDED in the inserted table's
     * column order, {@code rowOrder[i]} being the leaf column that holds the table's column i (null: the same order).
     * {@code partitionConstraint} (null: none), over the leaf's columns, must hold for each new version: a version
     * that would belong to another partition fails.
     */
    public record LeafConflict(Set<String> arbiters, LogicalPlan.ConflictUpdate update, int[] rowOrder,
                               BoundExpression partitionConstraint) {
        public LeafConflict {
            arbiters = Set.copyOf(arbiters);
            rowOrder = rowOrder == null ? null : rowOrder.clone();
        }
    }
}
