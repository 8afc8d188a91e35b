package io.basalt.storage.table;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import java.util.AbstractList;
import java.util.List;

/**
 * Rows handed to {@link TableStore#modify} whose buffers no one writes again (a statement's sink kept them as slices of
 * the batches its pipeline produced, which are never refilled): a transaction's pending change takes slices of them,
 * sharing their memory, instead of copying every row ({@link PendingChange}). Any other list of batches is copied,
 * since its caller may refill its vectors once the call returns.
 */
public final class FrozenBatches extends AbstractList<Batch> {
    private final List<Batch> batches;

    public FrozenBatches(List<Batch> batches) {
        this.batches = requireNonNull(batches, "batches is null");
    }

    @Override
    public Batch get(int index) {
        return batches.get(index);
    }

    @Override
    public int size() {
        return batches.size();
    }
}
