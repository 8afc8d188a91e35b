package io.basalt.exec.vector;

import io.basalt.type.RecordValue;

/**
 * PostgreSQL's row ordering over Java values ({@link RecordValue}), the twin of {@link RecordVectors#compare}
 * for the places that hold rows as values (min and max of records): field by field, a NULL field above every
 * value, then the row with fewer fields first.
 */
public final class RecordValueOrder {
    private RecordValueOrder() {
    }

    /** Three-way comparison of two rows of one row type. */
    public static int compare(RecordValue a, RecordValue b) {
        int common = Math.min(a.size(), b.size());
        for (int k = 0; k < common; k++) {
            int order = ArrayValueOrder.compareElements(a.get(k), b.get(k));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
