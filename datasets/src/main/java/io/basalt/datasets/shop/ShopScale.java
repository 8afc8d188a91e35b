package io.basalt.datasets.shop;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;

/**
 * How big the e-commerce data set is. Scale 1 means 100,000 users, 10,000 products (about 30,000
 * variants), 500,000 orders (about 950,000 order items and 1.9 million status changes) and about
 * 60,000 reviews; every count is proportional to the scale, with a floor of 10 so that tiny scales
 * still give a usable set. Categories (a fixed three-level tree) and tags do not scale.
 *
 * @param scale the scale factor, positive
 * @param seed  the generator's seed: the same scale and seed always give the same rows
 */
public record ShopScale(double scale, long seed) {
    public static final long DEFAULT_SEED = 20_240_101L;

    public ShopScale {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "shop scale must be positive, got " + scale);
        }
        if (count(1_000_000_000, scale) > Integer.MAX_VALUE) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "shop scale is too large: " + scale);
        }
    }

    public static ShopScale of(double scale) {
        return new ShopScale(scale, DEFAULT_SEED);
    }

    public int users() {
        return (int) count(100_000, scale);
    }

    public int products() {
        return (int) count(10_000, scale);
    }

    public int orders() {
        return (int) count(500_000, scale);
    }

    private static long count(long perUnit, double scale) {
        return Math.max(10, Math.round(perUnit * scale));
    }
}
