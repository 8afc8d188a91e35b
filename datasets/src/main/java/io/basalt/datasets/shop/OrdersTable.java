package io.basalt.datasets.shop;

import io.basalt.datasets.BatchWriter;
import io.basalt.datasets.RowProducer;
import io.basalt.type.LogicalType;
import java.util.List;

/**
 * {@code orders}: 500,000 per unit of scale. Amounts are NUMERIC(12,2) and add up: total = subtotal -
 * discount + shipping + tax, the subtotal being the sum of the order's lines. The shipping address is a
 * JSON snapshot of the customer's home address (TEXT until Basalt has JSONB).
 */
final class OrdersTable extends ShopTable {
    OrdersTable(ShopScale scale) {
        super(scale, "orders", List.of(
                column("id", LogicalType.BIGINT),
                column("user_id", LogicalType.BIGINT),
                varchar("order_number", 20),
                varchar("status", 30),
                column("subtotal", AMOUNT),
                column("discount_amount", AMOUNT),
                column("shipping_amount", AMOUNT),
                column("tax_amount", AMOUNT),
                column("total", AMOUNT),
                column("shipping_address", JSON),
                column("notes", LogicalType.TEXT),
                column("created_at", LogicalType.DATE)));
    }

    @Override
    public long expectedRowCount() {
        return scale.orders();
    }

    @Override
    public RowProducer newRowProducer() {
        OrderPlanner planner = new OrderPlanner(scale, new ProductCatalog(scale));
        return new ExpandingRows(scale.orders()) {
            private OrderFacts order;

            @Override
            int load(long id) {
                order = planner.plan(id);
                return 1;
            }

            @Override
            void write(BatchWriter out, int row, int index) {
                out.setLong(0, row, order.id());
                out.setLong(1, row, order.user().id());
                out.setString(2, row, order.orderNumber());
                out.setString(3, row, order.status());
                out.setLong(4, row, order.subtotalCents());
                out.setLong(5, row, order.discountCents());
                out.setLong(6, row, order.shippingCents());
                out.setLong(7, row, order.taxCents());
                out.setLong(8, row, order.totalCents());
                out.setString(9, row, order.user().addressJson());
                out.setString(10, row, order.notes());
                out.setDate(11, row, order.createdDay());
            }
        };
    }
}
