package io.basalt.exec.operator.aggregate;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SinkState;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.spill.HashPartitions;
import io.basalt.exec.spill.SpillFile;

/**
 * The output of a hash aggregation that spilled. Partition by partition, the spilled rows are read back: rows
 * of groups the spilling state holds in memory are aggregated there (they exist when parallel workers' tables
 * were merged after a worker spilled), the others by a fresh state one level down (which may spill again, on
 * other hash bits), whose groups are then emitted. Only one partition's state is alive at a time. The
 * in-memory groups are emitted last, once every row has reached them. Every group is aggregated in exactly one
 * place, so the outputs together are the aggregation's result.
 */
final class SpilledAggregateSource implements SourceState {
    private final HashAggregateOperator operator;
    private final SinkState inMemory;
    private final HashPartitions partitions;
    private final ExecutionContext context;
    private final int level;
    private int nextPartition;
    private SinkState partitionState;
    private SourceState output;
    private boolean inMemoryEmitted;

    SpilledAggregateSource(HashAggregateOperator operator, SinkState inMemory, HashPartitions partitions,
                           ExecutionContext context, int level) {
        this.operator = operator;
        this.inMemory = inMemory;
        this.partitions = partitions;
        this.context = context;
        this.level = level;
    }

    @Override
    public Batch next() {
        while (true) {
            if (output != null) {
                Batch batch = output.next();
                if (batch != null) {
                    return batch;
                }
                closeOutput();
            }
            if (nextPartition < HashPartitions.COUNT) {
                openPartition(nextPartition++);
            } else if (!inMemoryEmitted) {
                inMemoryEmitted = true;
                output = operator.openInMemoryResult(inMemory);
            } else {
                return null;
            }
        }
    }

    /** Aggregates partition {@code p} and opens its output. */
    private void openPartition(int p) {
        if (partitions.files(p).isEmpty()) {
            return;
        }
        partitionState = operator.openPartitionSink(context, level + 1);
        for (SpillFile file : partitions.files(p)) {
            try (SpillFile.Reader reader = file.open(context.allocator())) {
                Batch batch;
                while ((batch = reader.next()) != null) {
                    Batch rest = operator.absorbExisting(inMemory, batch);
                    if (rest != null) {
                        partitionState.sink(rest);
                    }
                }
            }
        }
        partitions.delete(p);
        partitionState.finish();
        output = partitionState.openResult();
    }

    private void closeOutput() {
        output.close();
        output = null;
        if (partitionState != null) {
            partitionState.close();
            partitionState = null;
        }
    }

    @Override
    public void close() {
        if (output != null) {
            closeOutput();
        }
    }
}
