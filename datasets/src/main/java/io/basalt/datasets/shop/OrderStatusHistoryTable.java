package io.basalt.datasets.shop;

import io.basalt.datasets.BatchWriter;
import io.basalt.datasets.RowProducer;
import io.basalt.type.LogicalType;
import java.util.List;

/**
 * {@code order_status_history}: one row per status an order went through (pending, confirmed,
 * processing, shipped, delivered, or cancelled/refunded), with the previous status (NULL for the first).
 */
final class OrderStatusHistoryTable extends ShopTable {
    OrderStatusHistoryTable(ShopScale scale) {
        super(scale, "order_status_history", List.of(
                column("id", LogicalType.BIGINT),
                column("order_id", LogicalType.BIGINT),
                varchar("old_status", 30),
                varchar("new_status", 30),
                column("changed_at", LogicalType.DATE)));
    }

    @Override
    public RowProducer newRowProducer() {
        OrderPlanner planner = new OrderPlanner(scale, new ProductCatalog(scale));
        return new ExpandingRows(scale.orders()) {
            private long nextId = 1;
            private OrderFacts order;

            @Override
            int load(long id) {
                order = planner.plan(id);
                return order.statusPath().length;
            }

            @Override
            void write(BatchWriter out, int row, int step) {
                out.setLong(0, row, nextId++);
                out.setLong(1, row, order.id());
                out.setString(2, row, step == 0 ? null : order.statusPath()[step - 1]);
                out.setString(3, row, order.statusPath()[step]);
                out.setDate(4, row, order.statusDays()[step]);
            }
        };
    }
}
