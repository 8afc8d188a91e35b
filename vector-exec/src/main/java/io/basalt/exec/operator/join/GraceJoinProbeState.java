package io.basalt.exec.operator.join;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.operator.OperatorState;
import io.basalt.exec.operator.SinkState;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.spill.HashPartitions;
import io.basalt.exec.spill.SpillFile;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * The probe side of a hash join whose build side spilled (grace hash join). While the probe input streams in,
 * each batch is written to the probe partition of its keys (same level, same hash as the build's partitions)
 * and nothing is output. After the last batch, {@link #drain()} joins the partitions pair by pair: a fresh
 * build state reads build partition {@code p} (and spills again one level down if it is still too large),
 * an ordinary probe state over it reads probe partition {@code p}, and its output pieces, then its unmatched
 * build rows (RIGHT, FULL), are handed on. Partitions without probe rows are skipped unless the join keeps
 * unmatched build rows.
 *
 * <p>Each worker of a parallel probe has its own probe partitions and joins them against the shared build
 * partitions (only joins that do not remember matched build rows probe in parallel).
 */
final class GraceJoinProbeState implements OperatorState {
    private final HashJoinOperator operator;
    private final ExecutionContext context;
    private final HashPartitions build;
    private final HashPartitions probe;
    private final EvaluationContext keys;
    private final List<FieldVector> emptyColumns = new ArrayList<>();
    private final Batch empty;
    private int nextPartition;
    private boolean drainStarted;
    private SinkState partitionBuild;
    private OperatorState partitionProbe;
    private List<SpillFile> probeFiles = List.of();
    private int nextProbeFile;
    private SpillFile.Reader probeReader;
    /** Whether the partition probe may have more pieces for the batch it was last given. */
    private boolean piecesPending;
    /** Whether the partition's probe input is used up and its unmatched build rows are being drained. */
    private boolean draining;

    GraceJoinProbeState(HashJoinOperator operator, ExecutionContext context, HashPartitions build) {
        this.operator = operator;
        this.context = context;
        this.build = build;
        this.probe = new HashPartitions("join-probe", build.level());
        this.keys = new EvaluationContext(context.allocator());
        for (LogicalType type : operator.outputTypes()) {
            FieldVector column = ValueAccess.allocate(type, "", context.allocator(), 0);
            column.setValueCount(0);
            emptyColumns.add(column);
        }
        this.empty = new Batch(emptyColumns, 0);
    }

    @Override
    public Batch execute(Batch input) {
        keys.releaseBatch();
        List<PhysicalExpression> probeKeys = operator.probeKeys();
        FieldVector[] keyColumns = new FieldVector[probeKeys.size()];
        for (int k = 0; k < keyColumns.length; k++) {
            keyColumns[k] = probeKeys.get(k).evaluate(input, keys);
        }
        probe.append(input, HashPartitions.partitionsOf(keyColumns, input.rowCount(), build.level()),
                context.memory(), context.allocator());
        keys.releaseBatch();
        return empty;
    }

    @Override
    public Batch drain() {
        if (!drainStarted) {
            drainStarted = true;
            probe.finishWriting();
        }
        while (true) {
            if (partitionProbe == null) {
                if (nextPartition == HashPartitions.COUNT) {
                    return null;
                }
                openPartition(nextPartition++);
                continue;
            }
            Batch piece = nextPiece();
            if (piece == null) {
                closePartition();
            } else if (piece.rowCount() > 0) {
                return piece;
            }
        }
    }

    /** The next output of the open partition (possibly empty), or null when it is done. */
    private Batch nextPiece() {
        if (draining) {
            return partitionProbe.drain();
        }
        if (piecesPending) {
            Batch piece = ((ExpandingOperatorState) partitionProbe).continueOutput();
            if (piece != null) {
                return piece;
            }
            piecesPending = false;
        }
        Batch input = nextProbeBatch();
        if (input == null) {
            draining = true;
            return empty;
        }
        piecesPending = partitionProbe instanceof ExpandingOperatorState;
        return partitionProbe.execute(input);
    }

    /** The next spilled probe batch of the open partition, or null after its last. */
    private Batch nextProbeBatch() {
        while (true) {
            if (probeReader != null) {
                Batch batch = probeReader.next();
                if (batch != null) {
                    return batch;
                }
                probeReader.close();
                probeReader = null;
            }
            if (nextProbeFile == probeFiles.size()) {
                return null;
            }
            probeReader = probeFiles.get(nextProbeFile++).open(context.allocator());
        }
    }

    /** Builds partition {@code p}'s build side and opens a probe over it (skipped when it cannot output rows). */
    private void openPartition(int p) {
        probeFiles = probe.files(p);
        nextProbeFile = 0;
        if (probeFiles.isEmpty() && !operator.joinType().keepsUnmatchedBuildRows()) {
            return;
        }
        partitionBuild = operator.openPartitionBuild(context, build.level() + 1);
        for (SpillFile file : build.files(p)) {
            try (SpillFile.Reader reader = file.open(context.allocator())) {
                Batch batch;
                while ((batch = reader.next()) != null) {
                    partitionBuild.sink(batch);
                }
            }
        }
        partitionBuild.finish();
        partitionProbe = operator.openProbe(context, partitionBuild);
        piecesPending = false;
        draining = false;
    }

    private void closePartition() {
        releasePartition();
        probe.delete(nextPartition - 1);
    }

    /** Closes the reader, probe and build of the partition pair being joined, if any. */
    private void releasePartition() {
        if (probeReader != null) {
            probeReader.close();
            probeReader = null;
        }
        if (partitionProbe != null) {
            partitionProbe.close();
            partitionProbe = null;
        }
        if (partitionBuild != null) {
            partitionBuild.close();
            partitionBuild = null;
        }
    }

    @Override
    public void close() {
        releasePartition();
        probe.close();
        keys.close();
        for (FieldVector column : emptyColumns) {
            column.close();
        }
    }
}
