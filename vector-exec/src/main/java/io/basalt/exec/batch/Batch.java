package io.basalt.exec.batch;

import static java.util.Objects.requireNonNull;

import io.basalt.type.LogicalType;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * A horizontal slice of a relation: one Arrow vector per column, and the rows of those vectors that belong to it.
 *
 * <p>Without a selection (the usual, dense form) the batch is rows {@code [0, rowCount)} of every vector, and every
 * vector holds exactly {@code rowCount} values. With a selection, the batch is the rows {@code selection[0..rowCount)}
 * (ascending positions) of vectors that may hold more values ({@link #physicalRowCount()}): a filter hands on what
 * survived without copying it. Only an operator that said it takes selections (see
 * {@code io.basalt.exec.pipeline.SelectionHandOff}) ever receives such a batch; every other one sees dense batches.
 *
 * <p>Ownership: a batch never owns its vectors, nor its selection array. Whoever allocated them (an operator's
 * local state, a table store) keeps them and closes them. A batch pushed into an operator is valid only for the
 * duration of that call; an operator that must keep data past the call copies it or takes it with a transfer pair.
 */
public record Batch(List<FieldVector> columns, int rowCount, int[] selection) {
    public Batch {
        requireNonNull(columns, "columns is null");
        columns = List.copyOf(columns);
        assert rowCount >= 0;
        assert selection != null || columns.stream().allMatch(c -> c.getValueCount() == rowCount)
                : "column lengths differ from " + rowCount;
        assert selection == null || selection.length >= rowCount : "selection shorter than " + rowCount;
    }

    /** A dense batch: rows {@code [0, rowCount)} of {@code columns}. */
    public Batch(List<FieldVector> columns, int rowCount) {
        this(columns, rowCount, null);
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

    /** Whether the batch is a selection over its vectors rather than all of their rows. */
    public boolean isSelective() {
        return selection != null;
    }

    /**
     * How many values the vectors hold: {@link #rowCount()} for a dense batch, at least as many as the selection's
     * largest position plus one for a selective one (a selective batch without columns counts its selection).
     */
    public int physicalRowCount() {
        if (selection == null || columns.isEmpty()) {
            return rowCount;
        }
        return columns.getFirst().getValueCount();
    }
}
