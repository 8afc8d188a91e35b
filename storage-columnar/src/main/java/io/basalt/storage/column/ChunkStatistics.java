package io.basalt.storage.column;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.nio.ByteBuffer;

/**
 * What a zone map knows of one column chunk: its row count and NULL count, and (when known) the smallest and largest
 * non-NULL value, as the Java values {@link io.basalt.exec.vector.ValueAccess#get} returns for the column's type.
 * Serialized beside the chunk by {@link #serialize} / {@link #deserialize}; the encodings decide which bounds they
 * can give (none, for types without an order a scan could use).
 */
public record ChunkStatistics(int rowCount, int nullCount, Object min, Object max) {
    private static final byte FORMAT_WITHOUT_BOUNDS = 0;

    /** Statistics without value bounds. */
    public static ChunkStatistics counts(int rowCount, int nullCount) {
        return new ChunkStatistics(rowCount, nullCount, null, null);
    }

    /** The bytes stored in the zone map. */
    public byte[] serialize() {
        ByteBuffer out = ByteBuffer.allocate(9);
        out.put(FORMAT_WITHOUT_BOUNDS).putInt(rowCount).putInt(nullCount);
        return out.array();
    }

    /**
     * Reads what {@link #serialize} wrote for a column of {@code type}.
     *
     * @throws BasaltException DATA_CORRUPTED when the bytes are not statistics
     */
    public static ChunkStatistics deserialize(byte[] bytes, io.basalt.type.LogicalType type) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (bytes.length != 9 || in.get() != FORMAT_WITHOUT_BOUNDS) {
            throw BasaltException.of(SqlState.DATA_CORRUPTED, "invalid column chunk statistics");
        }
        return counts(in.getInt(), in.getInt());
    }
}
