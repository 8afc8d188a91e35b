package io.basalt.datasets.shop;

import java.util.SplittableRandom;

/**
 * The per-product numbers every order needs, computed once per data set: how many variants each product
 * has and the id of its first variant (variant ids are dense, product by product), and which products
 * are popular. Popularity follows a Zipf law over a fixed permutation of the products, so that the best
 * sellers are spread over the id range rather than being products 1, 2, 3. Holds about 12 bytes per product.
 */
final class ProductCatalog {
    private final long seed;
    private final int products;
    private final byte[] variantCounts;
    private final long[] firstVariantIds;
    private final long variantTotal;
    private final ZipfSampler popularity;
    private final long stride;

    ProductCatalog(ShopScale scale) {
        this.seed = scale.seed();
        this.products = scale.products();
        this.variantCounts = new byte[products + 1];
        this.firstVariantIds = new long[products + 1];
        long next = 1;
        for (int id = 1; id <= products; id++) {
            int count = ProductFacts.of(seed, id).variantCount();
            variantCounts[id] = (byte) count;
            firstVariantIds[id] = next;
            next += count;
        }
        this.variantTotal = next - 1;
        this.popularity = new ZipfSampler(products, 1.0);
        this.stride = coprimeStride(products);
    }

    /** An odd step near n times the golden ratio's fraction that shares no factor with n. */
    private static long coprimeStride(int n) {
        long stride = Math.max(1, (long) (n * 0.6180339887)) | 1;
        while (gcd(stride, n) != 1) {
            stride += 2;
        }
        return stride;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    long seed() {
        return seed;
    }

    int products() {
        return products;
    }

    long variants() {
        return variantTotal;
    }

    int variantCount(long productId) {
        return variantCounts[(int) productId];
    }

    long firstVariantId(long productId) {
        return firstVariantIds[(int) productId];
    }

    /** A product id drawn by popularity. */
    long popularProduct(SplittableRandom random) {
        long rank = popularity.sample(random);
        return (rank * stride + products / 3) % products + 1;
    }
}
