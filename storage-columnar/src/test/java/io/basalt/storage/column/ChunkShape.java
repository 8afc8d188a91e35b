package io.basalt.storage.column;

/** The data shapes every type is round-tripped over: the adversarial cases of encodings. */
enum ChunkShape {
    EMPTY,
    ONE_ROW,
    ALL_NULL,
    SINGLE_REPEATED,
    RANDOM,
    RANDOM_WITH_NULLS,
    SORTED,
    REVERSE_SORTED,
    ALTERNATING,
    EXTREMES,
    LONG_RUNS,
    FEW_DISTINCT,
    MOSTLY_NULL
}
