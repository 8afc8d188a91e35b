package io.basalt.jdbc;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

/** The failure of a batch: the failing statement's exception with the update counts of those before it. */
final class BatchFailures {
    private BatchFailures() {
    }

    static BatchUpdateException of(SQLException failure, long[] counts) {
        BatchUpdateException batch = new BatchUpdateException(failure.getMessage(), failure.getSQLState(),
                failure.getErrorCode(), counts, failure);
        batch.setNextException(failure);
        return batch;
    }
}
