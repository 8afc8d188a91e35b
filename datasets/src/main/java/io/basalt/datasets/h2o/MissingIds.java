package io.basalt.datasets.h2o;

import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * Which values of an id column are missing. The R script takes the column's distinct values and sets
 * {@code floor(distinct * nas / 100)} of them, chosen at random, to NA in every row that holds them;
 * here the distinct values are the whole domain 1..size (with N/K draws per value every value occurs,
 * short of tiny N), and the chosen values are drawn with Floyd's algorithm.
 */
final class MissingIds {
    private final BitSet missing;

    private MissingIds(BitSet missing) {
        this.missing = missing;
    }

    static MissingIds choose(int domainSize, int naPercent, SplittableRandom random) {
        int count = (int) ((long) domainSize * naPercent / 100);
        BitSet chosen = new BitSet(domainSize + 1);
        // Floyd: for j = size-count+1..size, take a random t in 1..j, or j itself if t is taken already.
        for (int j = domainSize - count + 1; j <= domainSize; j++) {
            int t = 1 + random.nextInt(j);
            chosen.set(chosen.get(t) ? j : t);
        }
        return new MissingIds(chosen);
    }

    /** The value's code: the value itself, or 0 when the value is one of the missing ones. */
    int code(int value) {
        return missing.get(value) ? 0 : value;
    }

    int missingCount() {
        return missing.cardinality();
    }
}
