package io.basalt.sql.ast;

import java.util.List;

/**
 * {@code PARTITION BY {RANGE | LIST | HASH} (key [, ...])}: how a partitioned table splits its rows. Each key is a
 * column reference or a parenthesized expression over the table's columns; {@code strategy} is the word as written
 * (lower case), which the executor checks, as PostgreSQL does after parsing.
 */
public record PartitionSpec(String strategy, List<Expression> keys, int position) {
    public PartitionSpec {
        java.util.Objects.requireNonNull(strategy, "strategy is null");
        keys = List.copyOf(keys);
    }
}
