package io.basalt.exec.operator.aggregate;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SinkState;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.spill.HashPartitions;
import io.basalt.exec.spill.SpillFile;

/**
 * The output of a hash aggregation that spilled: partition by partition, a fresh aggregation state one level
 * down reads the partition's spilled rows (and may spill again, on other hash bits), the groups the spilling
 * state still held in memory for that partition are merged into it, and its groups are emitted. Only one
 * partition's state is alive at a time. Every group lands in exactly one partition, so the union of the
 * partitions' outputs is the aggregation's result.
 */
final class SpilledAggregateSource implements SourceState {
    private final HashAggregateOperator operator;
    private final SinkState inMemory;
    private final HashPartitions partitions;
    private final ExecutionContext context;
    private final int level;
    private final int[] groupPartitions;
    private int nextPartition;
    private SinkState partitionState;
    private SourceState partitionOutput;

    SpilledAggregateSource(HashAggregateOperator operator, SinkState inMemory, HashPartitions partitions,
                           ExecutionContext context, int level) {
        this.operator = operator;
        this.inMemory = inMemory;
        this.partitions = partitions;
        this.context = context;
        this.level = level;
        this.groupPartitions = operator.groupPartitions(inMemory, level);
    }

    @Override
    public Batch next() {
        while (true) {
            if (partitionOutput != null) {
                Batch batch = partitionOutput.next();
                if (batch != null) {
                    return batch;
                }
                closePartition();
            }
            if (nextPartition == HashPartitions.COUNT) {
                return null;
            }
            openPartition(nextPartition++);
        }
    }

    /** Aggregates partition {@code p} into a fresh state and opens its output. */
    private void openPartition(int p) {
        partitionState = operator.openPartitionSink(context, level + 1);
        for (SpillFile file : partitions.files(p)) {
            try (SpillFile.Reader reader = file.open(context.allocator())) {
                Batch batch;
                while ((batch = reader.next()) != null) {
                    partitionState.sink(batch);
                }
            }
        }
        partitions.delete(p);
        operator.mergePartition(partitionState, inMemory, groupPartitions, p);
        partitionState.finish();
        partitionOutput = partitionState.openResult();
    }

    private void closePartition() {
        if (partitionOutput != null) {
            partitionOutput.close();
            partitionOutput = null;
        }
        if (partitionState != null) {
            partitionState.close();
            partitionState = null;
        }
    }

    @Override
    public void close() {
        closePartition();
    }
}
