package io.basalt.datasets.shop;

import io.basalt.datasets.BatchWriter;
import io.basalt.datasets.RowProducer;
import io.basalt.type.LogicalType;
import java.util.List;
import java.util.SplittableRandom;

/** {@code product_tags}: zero to four distinct tags per product, popular tags (Zipf) more often. */
final class ProductTagsTable extends ShopTable {
    private static final ZipfSampler TAG_POPULARITY = new ZipfSampler(ShopVocabulary.TAGS.length, 0.8);

    ProductTagsTable(ShopScale scale) {
        super(scale, "product_tags", List.of(
                column("product_id", LogicalType.BIGINT),
                column("tag_id", LogicalType.INTEGER)));
    }

    @Override
    public RowProducer newRowProducer() {
        long seed = scale.seed();
        return new ExpandingRows(scale.products()) {
            private final int[] tags = new int[4];
            private long product;

            @Override
            int load(long id) {
                product = id;
                SplittableRandom random = EntityRandom.of(seed, EntityRandom.PRODUCT_TAGS, id);
                int wanted = random.nextInt(5);
                int count = 0;
                for (int attempt = 0; attempt < 3 * wanted && count < wanted; attempt++) {
                    int tag = 1 + TAG_POPULARITY.sample(random);
                    if (!contains(tags, count, tag)) {
                        tags[count++] = tag;
                    }
                }
                return count;
            }

            @Override
            void write(BatchWriter out, int row, int index) {
                out.setLong(0, row, product);
                out.setInt(1, row, tags[index]);
            }
        };
    }

    private static boolean contains(int[] values, int count, int value) {
        for (int i = 0; i < count; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }
}
