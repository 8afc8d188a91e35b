package io.basalt.datasets.tpch;

import io.basalt.api.ResultColumn;
import io.basalt.datasets.BatchWriter;
import io.basalt.datasets.GeneratedTable;
import io.basalt.datasets.RowProducer;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.util.Iterator;
import java.util.List;
import java.util.function.DoubleToLongFunction;

/**
 * What the eight TPC-H tables share: a name, columns, the io.trino.tpch generator of their rows at one scale
 * factor, and the expected row count. A subclass says only how one generated entity becomes a row.
 */
abstract class TpchGeneratedTable<E extends TpchEntity> implements GeneratedTable {
    private final String name;
    private final List<ResultColumn> columns;
    private final TpchTable<E> generator;
    private final double scaleFactor;
    private final long expectedRowCount;

    /** @param rowCount the expected row count for a (checked) scale factor; -1 when not known in advance */
    TpchGeneratedTable(String name, List<ResultColumn> columns, TpchTable<E> generator, double scaleFactor,
                       DoubleToLongFunction rowCount) {
        this.name = name;
        this.columns = columns;
        this.generator = generator;
        this.scaleFactor = TpchTypes.checkScaleFactor(scaleFactor);
        this.expectedRowCount = rowCount.applyAsLong(this.scaleFactor);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<ResultColumn> columns() {
        return columns;
    }

    @Override
    public final long expectedRowCount() {
        return expectedRowCount;
    }

    @Override
    public final RowProducer newRowProducer() {
        Iterator<E> rows = generator.createGenerator(scaleFactor, 1, 1).iterator();
        return (out, maxRows) -> {
            int row = 0;
            while (row < maxRows && rows.hasNext()) {
                write(out, row, rows.next());
                row++;
            }
            return row;
        };
    }

    /** Writes {@code entity} as row {@code row} of the batch, column by column. */
    protected abstract void write(BatchWriter out, int row, E entity);
}
