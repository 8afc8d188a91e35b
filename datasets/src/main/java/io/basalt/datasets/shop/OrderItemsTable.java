package io.basalt.datasets.shop;

import io.basalt.datasets.BatchWriter;
import io.basalt.datasets.RowProducer;
import io.basalt.type.LogicalType;
import java.util.List;

/**
 * {@code order_items}: the lines of every order (one to twenty, power-law distributed), with the product
 * and variant names and the unit price snapshotted at order time, as the seeds recommend.
 */
final class OrderItemsTable extends ShopTable {
    OrderItemsTable(ShopScale scale) {
        super(scale, "order_items", List.of(
                column("id", LogicalType.BIGINT),
                column("order_id", LogicalType.BIGINT),
                column("product_id", LogicalType.BIGINT),
                column("variant_id", LogicalType.BIGINT),
                varchar("product_name", 255),
                varchar("variant_name", 100),
                column("quantity", LogicalType.INTEGER),
                column("unit_price", PRICE),
                column("total_price", AMOUNT)));
    }

    @Override
    public RowProducer newRowProducer() {
        long seed = scale.seed();
        ProductCatalog catalog = new ProductCatalog(scale);
        OrderPlanner planner = new OrderPlanner(scale, catalog);
        return new ExpandingRows(scale.orders()) {
            private long nextId = 1;
            private OrderFacts order;

            @Override
            int load(long id) {
                order = planner.plan(id);
                return order.lineCount();
            }

            @Override
            void write(BatchWriter out, int row, int line) {
                long productId = order.productIds()[line];
                long variantId = order.variantIds()[line];
                ProductFacts product = ProductFacts.of(seed, productId);
                int variantIndex = (int) (variantId - catalog.firstVariantId(productId));
                out.setLong(0, row, nextId++);
                out.setLong(1, row, order.id());
                out.setLong(2, row, productId);
                out.setLong(3, row, variantId);
                out.setString(4, row, product.name());
                out.setString(5, row, product.variant(seed, variantIndex).name());
                out.setInt(6, row, order.quantities()[line]);
                out.setLong(7, row, order.unitPriceCents()[line]);
                out.setLong(8, row, order.unitPriceCents()[line] * order.quantities()[line]);
            }
        };
    }
}
