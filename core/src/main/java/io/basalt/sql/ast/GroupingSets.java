package io.basalt.sql.ast;

import java.util.List;

/**
 * The grouping sets of a {@code GROUP BY} that uses {@code GROUPING SETS}, {@code ROLLUP}, {@code CUBE} or
 * {@code ()}, already expanded as PostgreSQL expands them: nested specifications flattened and the
 * comma-separated items combined as a cartesian product, duplicates kept. Each set lists indices into the
 * SELECT's {@code groupBy} expressions (which hold every expression written in the clause, in order).
 * {@code distinct} records {@code GROUP BY DISTINCT}, which drops duplicate sets once their expressions
 * are bound and can be compared.
 */
public record GroupingSets(List<List<Integer>> sets, boolean distinct) {
    public GroupingSets {
        sets = sets.stream().map(List::copyOf).toList();
    }
}
