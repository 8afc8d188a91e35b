package io.basalt.exec.operator;

import io.basalt.exec.batch.Batch;

/**
 * A running source. {@link #next()} returns the next batch (never empty) or null at the end; the
 * batch's vectors belong to the source and stay valid until the next call or {@link #close()}. The
 * source never writes to a batch's buffers after handing it out, so consumers may keep zero-copy slices
 * of them (a source fed by something that reuses its buffers copies first).
 */
public interface SourceState extends AutoCloseable {
    Batch next();

    @Override
    void close();
}
