package io.basalt.datasets.shop;

import io.basalt.datasets.GeneratedTableFunction;
import io.basalt.datasets.TableFunctionArguments;
import io.basalt.spi.BoundTableFunction;
import io.basalt.spi.TableFunction;
import java.util.List;

/**
 * {@code shop(table, scale [, seed])}: one table of the e-commerce data set, streamed, e.g.
 * {@code SELECT status, count(*) FROM shop('orders', 0.1) GROUP BY status}.
 */
public final class ShopTableFunction implements TableFunction {
    @Override
    public String name() {
        return "shop";
    }

    @Override
    public BoundTableFunction bind(List<Object> arguments) {
        TableFunctionArguments checked = new TableFunctionArguments(name(), arguments).requireCount(2, 3);
        String table = checked.stringAt(0);
        double scale = checked.positiveDoubleAt(1, "shop scale");
        long seed = checked.longAt(2, ShopScale.DEFAULT_SEED);
        ShopScale shopScale = new ShopScale(scale, seed);
        return new GeneratedTableFunction(ShopTables.byName(table, shopScale).orElseThrow(() -> checked.invalid(
                "shop has no table \"" + table + "\"; it has " + String.join(", ", ShopTables.NAMES))));
    }
}
