package io.basalt.datasets.shop;

import io.basalt.datasets.BatchWriter;
import io.basalt.datasets.RowProducer;
import io.basalt.datasets.shop.ProductFacts.VariantFacts;
import io.basalt.type.LogicalType;
import java.util.List;

/**
 * {@code product_variants}: one to six per product (sizes for clothing, storage sizes for electronics,
 * formats for books, colours otherwise), ids numbered product by product, JSON attributes as TEXT.
 */
final class ProductVariantsTable extends ShopTable {
    ProductVariantsTable(ShopScale scale) {
        super(scale, "product_variants", List.of(
                column("id", LogicalType.BIGINT),
                column("product_id", LogicalType.BIGINT),
                varchar("sku", 100),
                varchar("name", 100),
                column("price", PRICE),
                column("stock", LogicalType.INTEGER),
                column("attributes", JSON),
                column("created_at", LogicalType.DATE)));
    }

    @Override
    public RowProducer newRowProducer() {
        long seed = scale.seed();
        return new ExpandingRows(scale.products()) {
            private long nextId = 1;
            private ProductFacts product;

            @Override
            int load(long id) {
                product = ProductFacts.of(seed, id);
                return product.variantCount();
            }

            @Override
            void write(BatchWriter out, int row, int index) {
                VariantFacts variant = product.variant(seed, index);
                out.setLong(0, row, nextId++);
                out.setLong(1, row, product.id());
                out.setString(2, row, product.sku() + "-" + (index + 1));
                out.setString(3, row, variant.name());
                out.setLong(4, row, variant.priceCents());
                out.setInt(5, row, variant.stock());
                out.setString(6, row, variant.attributesJson());
                out.setDate(7, row, product.createdDay());
            }
        };
    }
}
