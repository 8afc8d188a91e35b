package io.basalt.datasets.tpch;

import io.basalt.datasets.GeneratedTableFunction;
import io.basalt.datasets.TableFunctionArguments;
import io.basalt.spi.BoundTableFunction;
import io.basalt.spi.TableFunction;
import java.util.List;

/**
 * The table functions {@code tpch_region(sf)}, {@code tpch_nation(sf)}, ..., {@code tpch_lineitem(sf)}:
 * each streams one TPC-H table at scale factor {@code sf} straight from the generator, e.g.
 * {@code SELECT count(*) FROM tpch_lineitem(0.01)}. One nested class per function, because
 * {@link java.util.ServiceLoader} instantiates providers through a public no-argument constructor.
 */
public abstract class TpchTableFunctions implements TableFunction {
    private final String table;

    TpchTableFunctions(String table) {
        this.table = table;
    }

    @Override
    public String name() {
        return "tpch_" + table;
    }

    @Override
    public BoundTableFunction bind(List<Object> arguments) {
        TableFunctionArguments checked = new TableFunctionArguments(name(), arguments).requireCount(1, 1);
        double scaleFactor = checked.positiveDoubleAt(0, "TPC-H scale factor");
        return new GeneratedTableFunction(TpchTables.byName(table, scaleFactor).orElseThrow());
    }

    public static final class Region extends TpchTableFunctions {
        public Region() {
            super("region");
        }
    }

    public static final class Nation extends TpchTableFunctions {
        public Nation() {
            super("nation");
        }
    }

    public static final class Supplier extends TpchTableFunctions {
        public Supplier() {
            super("supplier");
        }
    }

    public static final class Part extends TpchTableFunctions {
        public Part() {
            super("part");
        }
    }

    public static final class PartSupp extends TpchTableFunctions {
        public PartSupp() {
            super("partsupp");
        }
    }

    public static final class Customer extends TpchTableFunctions {
        public Customer() {
            super("customer");
        }
    }

    public static final class Orders extends TpchTableFunctions {
        public Orders() {
            super("orders");
        }
    }

    public static final class LineItem extends TpchTableFunctions {
        public LineItem() {
            super("lineitem");
        }
    }
}
