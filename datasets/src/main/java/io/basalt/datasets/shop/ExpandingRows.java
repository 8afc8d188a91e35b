package io.basalt.datasets.shop;

import io.basalt.datasets.BatchWriter;
import io.basalt.datasets.RowProducer;

/**
 * Rows produced entity by entity, each entity giving zero or more rows (an order's lines, a product's
 * variants, a user's reviews), carried across batch boundaries. Subclasses say how many rows an entity
 * has and write one of them. The per-row call is a generator's, whose cost is its random draws and
 * strings, not an engine loop.
 */
abstract class ExpandingRows implements RowProducer {
    private final long entities;
    private long nextEntity = 1;
    private int rowInEntity;
    private int rowsInEntity;

    ExpandingRows(long entities) {
        this.entities = entities;
    }

    /** Prepares entity {@code id} (1-based) and returns how many rows it gives. */
    abstract int load(long id);

    /** Writes row {@code index} of the loaded entity as row {@code row} of the batch. */
    abstract void write(BatchWriter out, int row, int index);

    @Override
    public final int fill(BatchWriter out, int maxRows) {
        int row = 0;
        while (row < maxRows) {
            if (rowInEntity == rowsInEntity) {
                if (nextEntity > entities) {
                    break;
                }
                rowsInEntity = load(nextEntity++);
                rowInEntity = 0;
                continue;
            }
            write(out, row, rowInEntity++);
            row++;
        }
        return row;
    }
}
