package io.basalt.datasets.h2o;

import java.util.SplittableRandom;

/**
 * Chooses exactly {@code sampleSize} of {@code population} items, deciding one item at a time in order
 * (selection sampling, Knuth's Algorithm S): each item is taken with probability
 * needed / remaining, so every subset of that size is equally likely and nothing is stored. This is how
 * a streamed generator marks exactly nas% of the rows missing, as the R script's
 * {@code sample(nrow(DT), nna)} does.
 */
final class ExactSample {
    private long remaining;
    private long needed;

    ExactSample(long population, long sampleSize) {
        assert sampleSize >= 0 && sampleSize <= population;
        this.remaining = population;
        this.needed = sampleSize;
    }

    /** Whether the next item is in the sample. Call exactly {@code population} times. */
    boolean next(SplittableRandom random) {
        boolean taken = needed > 0 && random.nextLong(remaining) < needed;
        remaining--;
        if (taken) {
            needed--;
        }
        return taken;
    }
}
