package io.basalt.datasets.shop;

import io.basalt.datasets.shop.ShopVocabulary.Category;
import java.util.SplittableRandom;

/**
 * The core facts of one product, drawn from the product's own random stream: category, name, price,
 * stock, status, sign-up day and number of variants. Order items read the name and prices from here, so
 * it stays cheap; the long texts (description, JSON attributes) are drawn only by the products table.
 */
record ProductFacts(long id, Category category, String brand, String name, long basePriceCents, int stock,
                    String status, int createdDay, int variantCount) {
    /** Leaf categories are not equally popular either. */
    private static final ZipfSampler LEAVES = new ZipfSampler(ShopVocabulary.LEAVES.size(), 0.6);
    /** Median price per family in cents; prices spread log-normally around it. */
    private static final long[] MEDIAN_PRICE_CENTS = {29_900, 3_900, 7_900, 1_500, 5_900, 2_900, 3_400};
    /** The most variants a product of each family can have (distinct sizes, storage sizes, formats, colours). */
    private static final int[] MAX_VARIANTS = {4, 6, 5, 3, 5, 5, 5};

    static ProductFacts of(long seed, long id) {
        SplittableRandom random = EntityRandom.of(seed, EntityRandom.PRODUCT, id);
        Category category = ShopVocabulary.LEAVES.get(LEAVES.sample(random));
        int family = category.family();
        String brand = UserFacts.pick(ShopVocabulary.BRANDS[family], random);
        String adjective = UserFacts.pick(ShopVocabulary.ADJECTIVES, random);
        int model = 100 + random.nextInt(900);
        String name = brand + " " + adjective + " " + category.noun() + " " + model;
        double spread = Math.exp(0.6 * gaussian(random));
        long price = Math.max(99, Math.round(MEDIAN_PRICE_CENTS[family] * spread / 10) * 10 - 1);
        int stock = random.nextInt(100) < 8 ? 0 : random.nextInt(500);
        int statusDraw = random.nextInt(100);
        String status = statusDraw < 90 ? "active" : statusDraw < 95 ? "draft" : "archived";
        int created = ShopCalendar.dayBetween(ShopCalendar.FIRST_DAY, ShopCalendar.LAST_DAY - 180, random);
        int variants = 1 + random.nextInt(MAX_VARIANTS[family]);
        return new ProductFacts(id, category, brand, name, price, stock, status, created, variants);
    }

    /** A standard normal draw (Box-Muller). */
    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    String sku() {
        return "SKU-" + String.format("%08d", id);
    }

    String slug() {
        return ShopVocabulary.slug(name) + "-" + id;
    }

    /** Variant {@code index} (0-based) of this product: its name, price and attributes. */
    VariantFacts variant(long seed, int index) {
        SplittableRandom random = EntityRandom.of(seed, EntityRandom.VARIANT, id * 16 + index);
        int stock = random.nextInt(100) < 10 ? 0 : random.nextInt(200);
        String color = UserFacts.pick(ShopVocabulary.COLORS, random);
        return switch (category.family()) {
            case ShopVocabulary.CLOTHING -> {
                String size = ShopVocabulary.SIZES[index];
                yield new VariantFacts(size + " / " + capitalize(color), basePriceCents, stock,
                        new JsonText().string("size", size).string("color", color).build());
            }
            case ShopVocabulary.ELECTRONICS -> {
                String storage = ShopVocabulary.STORAGE[index];
                yield new VariantFacts(storage + " / " + capitalize(color), basePriceCents + basePriceCents * index / 5,
                        stock, new JsonText().string("storage", storage).string("color", color).build());
            }
            case ShopVocabulary.BOOKS -> {
                String format = ShopVocabulary.BOOK_FORMATS[index];
                long price = switch (index) {
                    case 1 -> basePriceCents * 7 / 5;
                    case 2 -> basePriceCents * 3 / 5;
                    default -> basePriceCents;
                };
                yield new VariantFacts(capitalize(format), price, stock, new JsonText().string("format", format).build());
            }
            default -> {
                // Colours by index, so that a product's variants have distinct names.
                String indexed = ShopVocabulary.COLORS[(int) ((id + index) % ShopVocabulary.COLORS.length)];
                yield new VariantFacts(capitalize(indexed), basePriceCents, stock,
                        new JsonText().string("color", indexed).build());
            }
        };
    }

    private static String capitalize(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** A product variant's facts; its id is given by the catalog's numbering. */
    record VariantFacts(String name, long priceCents, int stock, String attributesJson) {
    }
}
