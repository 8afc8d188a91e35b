package io.basalt.storage.table;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.vector.ValueAccess;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * An expression over a table's full row, computed for one stored or new row at a time: the row's values are copied
 * into one-row vectors and the expression runs over them. Unique indexes over expressions compute their key parts
 * this way ({@link UniqueKeyIndex}, {@link UpsertResolution}); like {@link RowCondition} it is a per-row path that
 * only such indexes pay for.
 */
final class RowExpression {
    private RowExpression() {
    }

    /**
     * The value of {@code expression} for row {@code row} of {@code tableColumns} (as {@link ValueAccess#get}), or
     * with {@code asText} its text (as {@link ValueAccess#text}); scratch vectors come from {@code allocator}.
     */
    static Object value(PhysicalExpression expression, List<FieldVector> tableColumns, int row,
                        BufferAllocator allocator, boolean asText) {
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
                FieldVector result = expression.evaluate(new Batch(copies, 1), context);
                return asText ? ValueAccess.text(result, 0) : ValueAccess.get(result, 0);
            }
        } finally {
            for (FieldVector copy : copies) {
                copy.close();
            }
        }
    }
}
