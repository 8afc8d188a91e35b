package io.basalt.datasets.shop;

import io.basalt.datasets.BatchWriter;
import io.basalt.datasets.RowProducer;
import io.basalt.type.LogicalType;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code reviews}: most users write none, a few write many (power law); popular products collect most
 * reviews; ratings lean positive (45% five stars, 10% one star); at most one review per user and product.
 */
final class ReviewsTable extends ShopTable {
    private static final int MAX_PER_USER = 10;
    private static final ZipfSampler REVIEWS_PER_USER = new ZipfSampler(MAX_PER_USER, 1.6);
    private static final int[] RATING_PERCENT_AT_LEAST = {10, 18, 30, 55, 100};

    ReviewsTable(ShopScale scale) {
        super(scale, "reviews", List.of(
                column("id", LogicalType.BIGINT),
                column("product_id", LogicalType.BIGINT),
                column("user_id", LogicalType.BIGINT),
                column("rating", LogicalType.INTEGER),
                varchar("title", 255),
                column("body", LogicalType.TEXT),
                varchar("status", 20),
                column("created_at", LogicalType.DATE)));
    }

    @Override
    public RowProducer newRowProducer() {
        long seed = scale.seed();
        ProductCatalog catalog = new ProductCatalog(scale);
        return new ExpandingRows(scale.users()) {
            private final long[] products = new long[MAX_PER_USER];
            private long nextId = 1;
            private long user;
            private int userCreated;
            private SplittableRandom random;

            @Override
            int load(long id) {
                user = id;
                random = EntityRandom.of(seed, EntityRandom.REVIEWS, id);
                if (random.nextInt(100) < 62) {
                    return 0;
                }
                userCreated = UserFacts.of(seed, id).createdDay();
                int wanted = 1 + REVIEWS_PER_USER.sample(random);
                int count = 0;
                for (int attempt = 0; attempt < 3 * wanted && count < wanted; attempt++) {
                    long product = catalog.popularProduct(random);
                    if (!contains(products, count, product)) {
                        products[count++] = product;
                    }
                }
                return count;
            }

            @Override
            void write(BatchWriter out, int row, int index) {
                int draw = random.nextInt(100);
                int rating = 1;
                while (draw >= RATING_PERCENT_AT_LEAST[rating - 1]) {
                    rating++;
                }
                int status = random.nextInt(100);
                StringBuilder body = new StringBuilder();
                int words = 5 + random.nextInt(36);
                for (int i = 0; i < words; i++) {
                    body.append(i == 0 ? "" : " ").append(UserFacts.pick(ShopVocabulary.WORDS, random));
                }
                out.setLong(0, row, nextId++);
                out.setLong(1, row, products[index]);
                out.setLong(2, row, user);
                out.setInt(3, row, rating);
                out.setString(4, row, UserFacts.pick(ShopVocabulary.REVIEW_TITLES, random));
                out.setString(5, row, body.append('.').toString());
                out.setString(6, row, status < 85 ? "approved" : status < 95 ? "pending" : "rejected");
                out.setDate(7, row, ShopCalendar.dayBetween(userCreated, ShopCalendar.LAST_DAY, random));
            }
        };
    }

    private static boolean contains(long[] values, int count, long value) {
        for (int i = 0; i < count; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }
}
