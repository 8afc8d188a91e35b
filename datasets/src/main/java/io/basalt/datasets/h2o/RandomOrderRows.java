package io.basalt.datasets.h2o;

import io.basalt.datasets.BatchWriter;
import io.basalt.datasets.RowProducer;
import java.util.SplittableRandom;

/** The unsorted group-by data set: every row drawn independently, in constant memory. */
final class RandomOrderRows implements RowProducer {
    private final IdColumns ids;
    private final ValueColumns values;
    private final SplittableRandom random;
    private long remaining;

    RandomOrderRows(GroupByParameters parameters, IdColumns ids, ValueColumns values, SplittableRandom random) {
        this.ids = ids;
        this.values = values;
        this.random = random;
        this.remaining = parameters.rows();
    }

    @Override
    public int fill(BatchWriter out, int maxRows) {
        int rows = (int) Math.min(maxRows, remaining);
        for (int row = 0; row < rows; row++) {
            int id1 = ids.draw(0, random);
            int id2 = ids.draw(1, random);
            int id3 = ids.draw(2, random);
            int id4 = ids.draw(3, random);
            int id5 = ids.draw(4, random);
            int id6 = ids.draw(5, random);
            ids.write(out, row, id1, id2, id3, id4, id5, id6);
            values.write(out, row);
        }
        remaining -= rows;
        return rows;
    }
}
