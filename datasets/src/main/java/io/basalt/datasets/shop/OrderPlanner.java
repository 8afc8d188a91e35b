package io.basalt.datasets.shop;

import java.util.SplittableRandom;

/**
 * Plans orders from their own random streams. Customers are drawn with a mild Zipf skew (a few buy
 * often, most rarely); the number of lines per order follows a power law (most orders have one or two
 * lines, a few have twenty); products are drawn by popularity; quantities are mostly 1. Orders placed
 * in the last days of the data are still pending or in transit, older ones mostly delivered.
 */
final class OrderPlanner {
    private static final int MAX_LINES = 20;
    private static final int MAX_QUANTITY = 10;
    private static final String[] NOTES = {"Leave at the door", "Gift wrap please", "Call before delivery",
        "Deliver after 5pm", "Fragile", "Please use recycled packaging"};
    private static final String[] DELIVERED = {"pending", "confirmed", "processing", "shipped", "delivered"};
    private static final String[] REFUNDED = {"pending", "confirmed", "processing", "shipped", "delivered", "refunded"};
    private static final long FREE_SHIPPING_FROM_CENTS = 5_000;
    private static final long SHIPPING_CENTS = 599;

    private final long seed;
    private final ProductCatalog catalog;
    private final int users;
    private final ZipfSampler customers;
    private final long customerStride;
    private final ZipfSampler lineCounts = new ZipfSampler(MAX_LINES, 2.2);
    private final ZipfSampler quantities = new ZipfSampler(MAX_QUANTITY, 3.0);

    OrderPlanner(ShopScale scale, ProductCatalog catalog) {
        this.seed = scale.seed();
        this.catalog = catalog;
        this.users = scale.users();
        this.customers = new ZipfSampler(users, 0.5);
        long stride = Math.max(1, (long) (users * 0.7548776662)) | 1;
        while (gcd(stride, users) != 1) {
            stride += 2;
        }
        this.customerStride = stride;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    OrderFacts plan(long orderId) {
        SplittableRandom random = EntityRandom.of(seed, EntityRandom.ORDER, orderId);
        long userId = (customers.sample(random) * customerStride + users / 3) % users + 1;
        UserFacts user = UserFacts.of(seed, userId);
        int created = ShopCalendar.dayAfter(user.createdDay(), random);

        int lines = 1 + lineCounts.sample(random);
        long[] products = new long[lines];
        long[] variants = new long[lines];
        int[] quantity = new int[lines];
        long[] prices = new long[lines];
        long subtotal = 0;
        for (int line = 0; line < lines; line++) {
            long product = distinctProduct(products, line, random);
            int variant = random.nextInt(catalog.variantCount(product));
            products[line] = product;
            variants[line] = catalog.firstVariantId(product) + variant;
            quantity[line] = 1 + quantities.sample(random);
            prices[line] = ProductFacts.of(seed, product).variant(seed, variant).priceCents();
            subtotal += prices[line] * quantity[line];
        }
        long discount = random.nextInt(100) < 15 ? subtotal * (5 + random.nextInt(16)) / 100 : 0;
        long shipping = subtotal - discount >= FREE_SHIPPING_FROM_CENTS ? 0 : SHIPPING_CENTS;
        long tax = Math.round((subtotal - discount) * 0.08);
        String[] path = statusPath(ShopCalendar.LAST_DAY - created, random);
        int[] days = new int[path.length];
        int day = created;
        for (int step = 0; step < path.length; step++) {
            day = Math.min(ShopCalendar.LAST_DAY, day + (step == 0 ? 0 : random.nextInt(3)));
            days[step] = day;
        }
        String notes = random.nextInt(100) < 5 ? UserFacts.pick(NOTES, random) : null;
        return new OrderFacts(orderId, user, created, products, variants, quantity, prices, subtotal, discount,
                shipping, tax, path, days, notes);
    }

    /** A popular product not yet on the order (a few tries; a repeat is kept if they all collide). */
    private long distinctProduct(long[] chosen, int count, SplittableRandom random) {
        long product = catalog.popularProduct(random);
        for (int attempt = 0; attempt < 8 && contains(chosen, count, product); attempt++) {
            product = catalog.popularProduct(random);
        }
        return product;
    }

    private static boolean contains(long[] values, int count, long value) {
        for (int i = 0; i < count; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    private static String[] statusPath(int ageDays, SplittableRandom random) {
        int draw = random.nextInt(100);
        if (ageDays > 14) {
            if (draw < 88) {
                return DELIVERED;
            }
            if (draw < 95) {
                return random.nextBoolean()
                        ? new String[] {"pending", "cancelled"}
                        : new String[] {"pending", "confirmed", "cancelled"};
            }
            return REFUNDED;
        }
        if (ageDays > 2) {
            if (draw < 50) {
                return new String[] {"pending", "confirmed", "processing", "shipped"};
            }
            if (draw < 80) {
                return DELIVERED;
            }
            if (draw < 90) {
                return new String[] {"pending", "confirmed", "processing"};
            }
            return new String[] {"pending", "cancelled"};
        }
        if (draw < 40) {
            return new String[] {"pending"};
        }
        if (draw < 70) {
            return new String[] {"pending", "confirmed"};
        }
        if (draw < 90) {
            return new String[] {"pending", "confirmed", "processing"};
        }
        return new String[] {"pending", "cancelled"};
    }
}
