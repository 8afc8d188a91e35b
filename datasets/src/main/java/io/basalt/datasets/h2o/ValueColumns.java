package io.basalt.datasets.h2o;

import io.basalt.datasets.BatchWriter;
import java.util.SplittableRandom;

/**
 * The measure columns of the group-by data set, drawn row by row: v1 uniform in 1..5, v2 uniform in
 * 1..15, v3 uniform in [0, 100) rounded to 6 decimals ({@code round(runif(N, max = 100), 6)}). With a
 * missing percentage, exactly {@code floor(N * nas / 100)} rows of each column, chosen independently,
 * are missing, as the R script's {@code sample(nrow(DT), nna)} per column.
 */
final class ValueColumns {
    static final int FIRST_COLUMN = 6;

    private final SplittableRandom random;
    private final ExactSample v1Missing;
    private final ExactSample v2Missing;
    private final ExactSample v3Missing;

    ValueColumns(GroupByParameters parameters, SplittableRandom random) {
        this.random = random;
        long missingRows = parameters.rows() * parameters.naPercent() / 100;
        this.v1Missing = new ExactSample(parameters.rows(), missingRows);
        this.v2Missing = new ExactSample(parameters.rows(), missingRows);
        this.v3Missing = new ExactSample(parameters.rows(), missingRows);
    }

    /** Writes v1, v2, v3 of the next row into columns 6..8 of row {@code row}. */
    void write(BatchWriter out, int row) {
        int v1 = 1 + random.nextInt(5);
        int v2 = 1 + random.nextInt(15);
        double v3 = Math.rint(random.nextDouble() * 100e6) / 1e6;
        if (v1Missing.next(random)) {
            out.setNull(FIRST_COLUMN, row);
        } else {
            out.setInt(FIRST_COLUMN, row, v1);
        }
        if (v2Missing.next(random)) {
            out.setNull(FIRST_COLUMN + 1, row);
        } else {
            out.setInt(FIRST_COLUMN + 1, row, v2);
        }
        if (v3Missing.next(random)) {
            out.setNull(FIRST_COLUMN + 2, row);
        } else {
            out.setDouble(FIRST_COLUMN + 2, row, v3);
        }
    }
}
