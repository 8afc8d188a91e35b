package io.basalt.datasets.shop;

import io.basalt.datasets.BatchWriter;
import io.basalt.datasets.RowProducer;
import io.basalt.type.LogicalType;
import java.util.SplittableRandom;
import java.util.List;

/**
 * {@code products}: 10,000 per unit of scale, in leaf categories, priced log-normally around a median
 * per family, with category-specific JSON attributes (brand, specs, sizes, author, ...) in
 * {@code attributes}, TEXT holding JSON until Basalt has JSONB.
 */
final class ProductsTable extends ShopTable {
    ProductsTable(ShopScale scale) {
        super(scale, "products", List.of(
                column("id", LogicalType.BIGINT),
                varchar("sku", 100),
                varchar("name", 255),
                varchar("slug", 255),
                column("description", LogicalType.TEXT),
                column("category_id", LogicalType.INTEGER),
                column("base_price", PRICE),
                column("stock", LogicalType.INTEGER),
                varchar("status", 20),
                column("is_active", LogicalType.BOOLEAN),
                column("attributes", JSON),
                column("created_at", LogicalType.DATE)));
    }

    @Override
    public long expectedRowCount() {
        return scale.products();
    }

    @Override
    public RowProducer newRowProducer() {
        long seed = scale.seed();
        return new ExpandingRows(scale.products()) {
            private ProductFacts product;
            private SplittableRandom text;

            @Override
            int load(long id) {
                product = ProductFacts.of(seed, id);
                text = EntityRandom.of(seed, EntityRandom.PRODUCT_TEXT, id);
                return 1;
            }

            @Override
            void write(BatchWriter out, int row, int index) {
                out.setLong(0, row, product.id());
                out.setString(1, row, product.sku());
                out.setString(2, row, product.name());
                out.setString(3, row, product.slug());
                out.setString(4, row, description(product, text));
                out.setInt(5, row, product.category().id());
                out.setLong(6, row, product.basePriceCents());
                out.setInt(7, row, product.stock());
                out.setString(8, row, product.status());
                out.setBoolean(9, row, product.status().equals("active"));
                out.setString(10, row, attributes(product, text));
                out.setDate(11, row, product.createdDay());
            }
        };
    }

    static String description(ProductFacts product, SplittableRandom random) {
        StringBuilder description = new StringBuilder("The ").append(product.name()).append(':');
        int words = 8 + random.nextInt(24);
        for (int i = 0; i < words; i++) {
            description.append(' ').append(UserFacts.pick(ShopVocabulary.WORDS, random));
        }
        return description.append('.').toString();
    }

    /** The category-specific attributes, as the seeds' hybrid-schema example keeps them. */
    static String attributes(ProductFacts product, SplittableRandom random) {
        JsonText json = new JsonText();
        String color = UserFacts.pick(ShopVocabulary.COLORS, random);
        String otherColor = UserFacts.pick(ShopVocabulary.COLORS, random);
        switch (product.category().family()) {
            case ShopVocabulary.ELECTRONICS -> json.string("brand", product.brand())
                    .number("warranty_years", 1 + random.nextInt(3))
                    .object("specs", new JsonText()
                            .string("ram", UserFacts.pick(ShopVocabulary.RAM, random))
                            .string("storage", UserFacts.pick(ShopVocabulary.STORAGE, random)))
                    .strings("colors", color, otherColor)
                    .bool("wireless", random.nextBoolean());
            case ShopVocabulary.CLOTHING -> json.string("brand", product.brand())
                    .string("material", UserFacts.pick(ShopVocabulary.MATERIALS, random))
                    .strings("sizes", ShopVocabulary.SIZES[1], ShopVocabulary.SIZES[2], ShopVocabulary.SIZES[3])
                    .strings("colors", color, otherColor);
            case ShopVocabulary.HOME -> json.string("brand", product.brand())
                    .string("material", UserFacts.pick(ShopVocabulary.MATERIALS, random))
                    .object("dimensions_cm", new JsonText()
                            .number("width", 10 + random.nextInt(190))
                            .number("height", 10 + random.nextInt(190))
                            .number("depth", 10 + random.nextInt(90)))
                    .bool("assembly_required", random.nextBoolean());
            case ShopVocabulary.BOOKS -> json
                    .string("author", UserFacts.pick(ShopVocabulary.FIRST_NAMES, random) + " "
                            + UserFacts.pick(ShopVocabulary.LAST_NAMES, random))
                    .number("pages", 80 + random.nextInt(800))
                    .string("language", random.nextInt(10) < 8 ? "en" : "de")
                    .string("isbn", "978-" + (1_000_000_000L + random.nextLong(9_000_000_000L)));
            case ShopVocabulary.SPORTS -> json.string("brand", product.brand())
                    .number("weight_kg", Math.round(random.nextDouble() * 200) / 10.0)
                    .strings("colors", color);
            case ShopVocabulary.TOYS -> json.string("brand", product.brand())
                    .number("age_min", 3 + random.nextInt(10))
                    .number("pieces", 10 + random.nextInt(2000));
            default -> json.string("brand", product.brand())
                    .number("volume_ml", 30 + random.nextInt(20) * 10)
                    .bool("vegan", random.nextBoolean());
        }
        return json.build();
    }
}
