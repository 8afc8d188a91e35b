package io.basalt.storage.table;

import java.util.Arrays;

/**
 * Which transaction inserted each position of a table's generation, kept as runs: a commit appends its rows at
 * consecutive positions, so one (first position, transaction number) pair per commit that inserted rows describes
 * them all, as a run-length encoded column would. Positions before the first run (rows written without a
 * transaction, such as those log replay restores) answer {@link TableStore#FROZEN_TRANSACTION}. Not thread-safe:
 * its store's lock guards it.
 */
final class InsertingTransactions {
    private long[] starts = new long[4];
    private long[] transactions = new long[4];
    private int runs;

    /** Records that the rows from {@code firstPosition} on were inserted by {@code transaction}. */
    void record(long firstPosition, long transaction) {
        if (runs > 0 && transactions[runs - 1] == transaction) {
            return;
        }
        if (runs == starts.length) {
            starts = Arrays.copyOf(starts, runs * 2);
            transactions = Arrays.copyOf(transactions, runs * 2);
        }
        starts[runs] = firstPosition;
        transactions[runs] = transaction;
        runs++;
    }

    /** The transaction that inserted {@code position}. */
    long at(long position) {
        int low = 0;
        int high = runs - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (starts[middle] <= position) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found < 0 ? TableStore.FROZEN_TRANSACTION : transactions[found];
    }
}
