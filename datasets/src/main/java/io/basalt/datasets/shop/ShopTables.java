package io.basalt.datasets.shop;

import io.basalt.datasets.GeneratedTable;
import java.util.List;
import java.util.Optional;

/**
 * The tables of the e-commerce data set built from the seeds' schema (users, addresses, categories,
 * products with JSON attributes, variants, tags, orders, order items, status history, reviews), in the
 * order a loader creates them: referenced tables first.
 */
public final class ShopTables {
    public static final List<String> NAMES = List.of("categories", "tags", "users", "addresses", "products",
            "product_variants", "product_tags", "orders", "order_items", "order_status_history", "reviews");

    private ShopTables() {
    }

    public static List<GeneratedTable> all(ShopScale scale) {
        return List.of(
                new CategoriesTable(scale),
                new TagsTable(scale),
                new UsersTable(scale),
                new AddressesTable(scale),
                new ProductsTable(scale),
                new ProductVariantsTable(scale),
                new ProductTagsTable(scale),
                new OrdersTable(scale),
                new OrderItemsTable(scale),
                new OrderStatusHistoryTable(scale),
                new ReviewsTable(scale));
    }

    public static Optional<GeneratedTable> byName(String name, ShopScale scale) {
        for (GeneratedTable table : all(scale)) {
            if (table.name().equals(name)) {
                return Optional.of(table);
            }
        }
        return Optional.empty();
    }
}
