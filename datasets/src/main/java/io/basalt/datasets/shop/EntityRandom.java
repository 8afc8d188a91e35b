package io.basalt.datasets.shop;

import java.util.SplittableRandom;

/**
 * A random stream per generated entity (a user, a product, an order), derived from the data set's seed,
 * the kind of entity and its id. Every table that needs facts about an entity draws them again from the
 * same stream, so orders, order items and status history agree without any of them being stored.
 */
final class EntityRandom {
    static final int USER = 1;
    static final int PRODUCT = 2;
    static final int VARIANT = 3;
    static final int ORDER = 4;
    static final int REVIEWS = 5;
    static final int PRODUCT_TAGS = 6;
    static final int PRODUCT_TEXT = 7;
    static final int ADDRESS = 8;

    private EntityRandom() {
    }

    static SplittableRandom of(long seed, int kind, long id) {
        return new SplittableRandom(mix(mix(seed * 0x9E3779B97F4A7C15L + kind) ^ id));
    }

    /** A 64-bit finalizer (xor-shift-multiply rounds) that spreads nearby inputs over the whole range. */
    private static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
