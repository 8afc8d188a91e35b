package io.basalt.storage.table;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.vector.VectorCopies;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * The changes of a statement whose parts must all read the tables as they were when it began: a statement with
 * data-modifying WITH queries, whose sub-statements and main query share one snapshot (PostgreSQL's rule) and so
 * do not see each other's changes. While one is {@link #CURRENT}, an INSERT, UPDATE or DELETE computes its rows,
 * checks NOT NULL and CHECK, and produces its RETURNING rows as usual, but hands its change here instead of
 * applying it; {@link #applyAll} applies them in the order they came, each atomically (unique keys are checked
 * then). INSERT ... ON CONFLICT, whose outcome depends on the stored keys, still applies at once.
 *
 * <p>Changes of different sub-statements are applied one after the other, in the statement's transaction, which
 * makes them one atomic step: a failure in a later one (a duplicate key, a row an earlier one already changed:
 * 40001) rolls the statement back.
 */
public final class StatementChanges implements AutoCloseable {
    /** The statement whose changes are being collected, while bound. */
    public static final ScopedValue<StatementChanges> CURRENT = ScopedValue.newInstance();

    private record Change(TableStore table, long[] deleted, List<Batch> appended) {
    }

    private final BufferAllocator allocator;
    private final List<Change> changes = new ArrayList<>();

    /** @param allocator holds copies of the new rows until the changes are applied; outlives this object */
    public StatementChanges(BufferAllocator allocator) {
        this.allocator = requireNonNull(allocator, "allocator is null");
    }

    /** The collecting statement, or null when changes apply at once. */
    static StatementChanges current() {
        return CURRENT.isBound() ? CURRENT.get() : null;
    }

    /**
     * Records a change of {@link TableStore#modify}'s shape; {@code appended} is copied, the caller keeps it. Returns
     * the row id its first appended row will take when {@link #applyAll} applies the changes in order ({@link
     * TableStore#nextAppendedRowId} after the rows deferred into the same table before), -1 when the store does not
     * know; a cascade of an earlier change into the same table would move it.
     */
    long defer(TableStore table, long[] deleted, List<Batch> appended) {
        long next = table.nextAppendedRowId();
        for (Change earlier : changes) {
            if (earlier.table() == table) {
                for (Batch batch : earlier.appended()) {
                    next += batch.rowCount();
                }
            }
        }
        List<Batch> copies = new ArrayList<>(appended.size());
        changes.add(new Change(table, deleted.clone(), copies));
        for (Batch batch : appended) {
            copies.add(VectorCopies.copy(batch, allocator));
        }
        return next < 0 ? -1 : next;
    }

    /**
     * Applies every recorded change, in order, each as a statement's change ({@link ReferentialChange#modify}:
     * foreign keys checked, cascades made, into the running transaction).
     */
    public void applyAll() {
        for (Change change : changes) {
            ReferentialChange.modify(change.table(), change.deleted(), change.appended(), allocator);
        }
    }

    @Override
    public void close() {
        for (Change change : changes) {
            for (Batch batch : change.appended()) {
                for (FieldVector column : batch.columns()) {
                    column.close();
                }
            }
        }
        changes.clear();
    }
}
