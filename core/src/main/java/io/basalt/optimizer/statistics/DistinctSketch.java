package io.basalt.optimizer.statistics;

import java.util.Arrays;

/**
 * Estimates the number of distinct values of a stream with a k-minimum-values sketch: every value is hashed
 * to a uniform 63-bit number and the sketch keeps the {@value #K} smallest distinct hashes. With fewer
 * distinct values than that the count is exact; otherwise, if the k-th smallest hash is the fraction f of
 * the hash range, about (k - 1) / f values were distinct (relative error near 1 / sqrt(k), 3%). Memory is
 * bounded by a few times k whatever the input size.
 */
final class DistinctSketch {
    static final int K = 1024;

    /** Candidate hashes, unsorted past {@code sorted}; compacted to the K smallest when full. */
    private long[] hashes = new long[4 * K];
    private int size;
    /** Hashes at or above this cannot be among the K smallest any more. */
    private long threshold = Long.MAX_VALUE;

    void add(long value) {
        long hash = mix(value) >>> 1;
        if (hash >= threshold) {
            return;
        }
        if (size == hashes.length) {
            compact();
            if (hash >= threshold) {
                return;
            }
        }
        hashes[size++] = hash;
    }

    void addObject(Object value) {
        add(switch (value) {
            case Long number -> number;
            case Double number -> Double.doubleToLongBits(number == 0.0 ? 0.0 : number);
            default -> value.hashCode() * 0x9E3779B97F4A7C15L + value.getClass().hashCode();
        });
    }

    /** The estimated number of distinct values added. */
    double estimate() {
        compact();
        if (size < K) {
            return size;
        }
        double fraction = (double) hashes[K - 1] / Long.MAX_VALUE;
        return (K - 1) / fraction;
    }

    /** Sorts, drops duplicates and keeps the K smallest, lowering the threshold when K are kept. */
    private void compact() {
        Arrays.sort(hashes, 0, size);
        int distinct = 0;
        for (int i = 0; i < size; i++) {
            if (distinct == 0 || hashes[distinct - 1] != hashes[i]) {
                hashes[distinct++] = hashes[i];
            }
        }
        size = Math.min(distinct, K);
        if (size == K) {
            threshold = hashes[K - 1] + 1;
        }
    }

    /** A 64-bit finalizer (as in MurmurHash3): every input bit affects every output bit. */
    private static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93e7f4a7c15L;
        h ^= h >>> 33;
        return h;
    }
}
