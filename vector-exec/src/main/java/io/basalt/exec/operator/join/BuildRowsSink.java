package io.basalt.exec.operator.join;

import io.basalt.error.BasaltException;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SinkState;
import io.basalt.exec.operator.SourceState;

/**
 * A build side that only collects its input's rows for an operator's probe to read ({@code rows}), as the nested-loop
 * join and the sorted set operations keep theirs; it is never read as a source.
 */
record BuildRowsSink(BuildRows rows) implements SinkState {
    @Override
    public void sink(Batch batch) {
        rows.append(batch);
    }

    @Override
    public void finish() {
        rows.finish();
    }

    @Override
    public SourceState openResult() {
        throw BasaltException.internal("a build side's rows are read by its probe, not as a source");
    }

    @Override
    public void close() {
        rows.close();
    }
}
