package io.basalt.storage.column;

/**
 * The codec the database files should use for every column chunk: {@link #DEFAULT}, today the
 * {@link AdaptiveChunkCodec} with the decode kernels chosen for this JVM. {@link ArrowIpcChunkCodec} stays readable
 * for chunks written before it.
 */
public final class ColumnChunkCodecs {
    /** The codec for new chunks. */
    public static final ColumnChunkCodec DEFAULT = AdaptiveChunkCodec.INSTANCE;

    private ColumnChunkCodecs() {
    }
}
