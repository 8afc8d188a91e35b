package io.basalt.datasets.tpch;

import io.basalt.datasets.GeneratedTable;
import java.util.List;
import java.util.Optional;

/**
 * The eight TPC-H tables at one scale factor, in the order a loader creates them (referenced tables
 * before the tables that reference them).
 */
public final class TpchTables {
    /** Table names in load order. */
    public static final List<String> NAMES =
            List.of("region", "nation", "supplier", "part", "partsupp", "customer", "orders", "lineitem");

    private TpchTables() {
    }

    public static List<GeneratedTable> all(double scaleFactor) {
        return List.of(
                new RegionTable(scaleFactor),
                new NationTable(scaleFactor),
                new SupplierTable(scaleFactor),
                new PartTable(scaleFactor),
                new PartSuppTable(scaleFactor),
                new CustomerTable(scaleFactor),
                new OrdersTable(scaleFactor),
                new LineItemTable(scaleFactor));
    }

    /** The table of that name ({@code lineitem}, ...), if it is one of the eight. */
    public static Optional<GeneratedTable> byName(String name, double scaleFactor) {
        return Optional.ofNullable(switch (name) {
            case "region" -> new RegionTable(scaleFactor);
            case "nation" -> new NationTable(scaleFactor);
            case "supplier" -> new SupplierTable(scaleFactor);
            case "part" -> new PartTable(scaleFactor);
            case "partsupp" -> new PartSuppTable(scaleFactor);
            case "customer" -> new CustomerTable(scaleFactor);
            case "orders" -> new OrdersTable(scaleFactor);
            case "lineitem" -> new LineItemTable(scaleFactor);
            default -> null;
        });
    }
}
