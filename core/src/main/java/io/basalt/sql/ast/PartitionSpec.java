package io.basalt.sql.ast;

import java.util.List;

/**
 * {@code PARTITION BY {RANGE | LIST | HASH} (key [, ...])}: how a partitioned table splits its rows. Each key is a
 * column reference or a parenthesized expression over the table's columns; {@code strategy} is the word as written
 * (lower case), which the executor checks, as PostgreSQL does after parsing.
 */
public record PartitionSpec(String strategy, List<Expression> keys, int position, List<Integer> keyPositions,
                            List<KeyOptions> options) {
    public PartitionSpec {
        java.util.Objects.requireNonNull(strategy, "strategy is null");
        keys = List.copyOf(keys);
        keyPositions = List.copyOf(keyPositions);
        options = List.copyOf(options);
    }

    /** A spec whose keys' positions are their expressions' and that has no key options. */
    public PartitionSpec(String strategy, List<Expression> keys, int position) {
        this(strategy, keys, position, List.of(), java.util.Collections.nCopies(keys.size(), KeyOptions.NONE));
    }

    /** Where key {@code k} starts in the statement: its opening parenthesis when parenthesized, else -1 if unknown. */
    public int keyPosition(int k) {
        return k < keyPositions.size() ? keyPositions.get(k) : -1;
    }

    /**
     * What a key was written with after its expression: {@code COLLATE "name"} (null when none) and an operator class
     * name (null when none), with the position of the operator class for its errors.
     */
    public record KeyOptions(String collation, String operatorClass, int operatorClassPosition) {
        public static final KeyOptions NONE = new KeyOptions(null, null, 0);
    }
}
