package io.basalt.sql.ast;

import java.util.List;

/**
 * {@code PARTITION BY {RANGE | LIST | HASH} (key [, ...])}: how a partitioned table splits its rows. Each key is a
 * column reference or a parenthesized expression over the table's columns; {@code strategy} is the word as written
 * (lower case), which the executor checks, as PostgreSQL does after parsing.
 */
public record PartitionSpec(String strategy, List<Expression> keys, int position, List<Integer> keyPositions) {
    public PartitionSpec {
        java.util.Objects.requireNonNull(strategy, "strategy is null");
        keys = List.copyOf(keys);
        keyPositions = List.copyOf(keyPositions);
    }

    /** A spec whose keys' positions are their expressions' ({@code keyPositions}: where each key starts, a
     * parenthesized one at its opening parenthesis). */
    public PartitionSpec(String strategy, List<Expression> keys, int position) {
        this(strategy, keys, position, List.of());
    }

    /** Where key {@code k} starts in the statement: its opening parenthesis when parenthesized, else -1 if unknown. */
    public int keyPosition(int k) {
        return k < keyPositions.size() ? keyPositions.get(k) : -1;
    }
}
