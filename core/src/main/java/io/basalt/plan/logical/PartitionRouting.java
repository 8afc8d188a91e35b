package io.basalt.plan.logical;

import io.basalt.catalog.TableEntry;
import io.basalt.plan.expression.BoundExpression;
import java.util.List;

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
     * column {@code columns[i]}, or through {@code sub}, a partitioned partition's own routing.
     */
    public record Route(BoundExpression predicate, TableEntry leaf, int[] columns, PartitionRouting sub) {
    }
}
