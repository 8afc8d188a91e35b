package io.basalt.datasets.shop;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws ranks 0..n-1 with probability proportional to 1/(rank+1)^exponent: a few items are drawn very
 * often, most rarely, as product popularity and customer activity are in real shops. A cumulative table
 * and a binary search per draw; the table costs 8 bytes per item.
 */
final class ZipfSampler {
    private final double[] cumulative;

    ZipfSampler(int n, double exponent) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be positive: " + n);
        }
        cumulative = new double[n];
        double total = 0;
        for (int rank = 0; rank < n; rank++) {
            total += 1.0 / Math.pow(rank + 1, exponent);
            cumulative[rank] = total;
        }
        for (int rank = 0; rank < n; rank++) {
            cumulative[rank] /= total;
        }
        cumulative[n - 1] = 1.0;
    }

    int size() {
        return cumulative.length;
    }

    int sample(SplittableRandom random) {
        int index = Arrays.binarySearch(cumulative, random.nextDouble());
        return index >= 0 ? index : -index - 1;
    }
}
