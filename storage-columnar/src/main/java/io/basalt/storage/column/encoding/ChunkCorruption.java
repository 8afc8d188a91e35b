package io.basalt.storage.column.encoding;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;

/**
 * The one error a decoder raises for bytes that are not a chunk it wrote: DATA_CORRUPTED (XX001), worded
 * "invalid column chunk: ..." with what was found wrong, so that damage never surfaces as another kind of exception.
 */
public final class ChunkCorruption {
    private ChunkCorruption() {
    }

    /** The exception for a chunk found damaged as {@code detail} says. */
    public static BasaltException of(String detail) {
        return BasaltException.of(SqlState.DATA_CORRUPTED, "invalid column chunk: " + detail);
    }
}
