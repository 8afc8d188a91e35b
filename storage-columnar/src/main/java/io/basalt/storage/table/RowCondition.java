package io.basalt.storage.table;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.PhysicalExpression;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * The WHERE predicate of a partial unique index, asked about one stored or new row at a time: the row's values
 * are copied into one-row vectors and the predicate runs over them. A row holds when the predicate is true
 * (false and NULL leave it out of the index, as PostgreSQL's partial indexes do).
 *
 * <p>A unique index is a per-row structure (its keys are boxed values, see {@link UniqueKeyIndex}), so the
 * predicate is evaluated per row too; partial unique indexes are rare and small, and the unconditional indexes
 * never pay for this. Called under the owning store's lock; not thread-safe.
 */
public final class RowCondition {
    private final PhysicalExpression predicate;

    /** {@code predicate} reads the table's columns by their positions. */
    public RowCondition(PhysicalExpression predicate) {
        this.predicate = requireNonNull(predicate, "predicate is null");
    }

    /** Whether the predicate is true for row {@code row} of {@code tableColumns}; scratch vectors from {@code allocator}. */
    boolean holds(List<FieldVector> tableColumns, int row, BufferAllocator allocator) {
        List<FieldVector> copies = new ArrayList<>(tableColumns.size());
        try {
            for (FieldVector column : tableColumns) {
                FieldVector copy = (FieldVector) column.getTransferPair(allocator).getTo();
                copies.add(copy);
                copy.allocateNew();
                copy.copyFromSafe(row, 0, column);
                copy.setValueCount(1);
            }
            try (EvaluationContext context = new EvaluationContext(allocator)) {
                BitVector result = (BitVector) predicate.evaluate(new Batch(copies, 1), context);
                return !result.isNull(0) && result.get(0) != 0;
            }
        } finally {
            for (FieldVector copy : copies) {
                copy.close();
            }
        }
    }
}
