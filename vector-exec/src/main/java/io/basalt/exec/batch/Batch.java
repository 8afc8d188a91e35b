package io.basalt.exec.batch;

import static java.util.Objects.requireNonNull;

import io.basalt.type.LogicalType;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * A horizontal slice of a relation: one Arrow vector per column, all holding {@code rowCount} values.
 *
 * <p>Ownership: a batch never owns its vectors. Whoever allocated them (an operator's local state, a
 * table store) keeps them and closes them. A batch pushed into an operator is valid only for the
 * duration of that call; an operator that must keep data past the call copies it or takes it with a
 * transfer pair.
 */
public record Batch(List<FieldVector> columns, int rowCount) {
    public Batch {
        requireNonNull(columns, "columns is null");
        columns = List.copyOf(columns);
        assert rowCount >= 0;
        assert columns.stream().allMatch(c -> c.getValueCount() == rowCount) : "column lengths differ from " + rowCount;
    }

    public FieldVector column(int index) {
        return columns.get(index);
    }

    public int columnCount() {
        return columns.size();
    }

    public LogicalType type(int index) {
        return LogicalType.of(columns.get(index).getField());
    }
}
