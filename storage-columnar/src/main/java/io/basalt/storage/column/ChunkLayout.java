package io.basalt.storage.column;

import io.basalt.storage.column.encoding.ChunkCorruption;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.types.Types.MinorType;

/**
 * How a chunk of one Arrow vector class is laid out by {@link AdaptiveChunkCodec}, by the id byte in the chunk
 * header. Ids are part of the file format: never renumber one.
 *
 * <p>Integer-like vectors (BOOLEAN as 0/1, SMALLINT, INTEGER, DATE, BIGINT and the types stored as BIGINT) are one
 * integer stream; FLOAT64 a double stream; DECIMAL128 and FIXED16 (UUID, INTERVAL) two integer streams of their
 * 64-bit halves; UTF8 and BINARY a variable-width stream; anything else (arrays, extension vectors) the Arrow IPC
 * fallback.
 */
enum ChunkLayout {
    ARROW_IPC(0, 0),
    BOOLEAN(1, 1),
    INT16(2, 2),
    INT32(3, 4),
    DATE32(4, 4),
    INT64(5, 8),
    FLOAT64(6, 8),
    DECIMAL128(7, 8),
    FIXED16(8, 8),
    UTF8(9, 0),
    BINARY(10, 0);

    private final int id;
    private final int plainBytes;

    ChunkLayout(int id, int plainBytes) {
        this.id = id;
        this.plainBytes = plainBytes;
    }

    int id() {
        return id;
    }

    /** The bytes one value (or one 64-bit half) takes as a plain little-endian integer. */
    int plainBytes() {
        return plainBytes;
    }

    static ChunkLayout ofId(int id) {
        for (ChunkLayout layout : values()) {
            if (layout.id == id) {
                return layout;
            }
        }
        throw ChunkCorruption.of("unknown layout " + id);
    }

    /** The layout for a vector of this class and field. */
    static ChunkLayout of(FieldVector vector) {
        if (!vector.getField().getChildren().isEmpty()) {
            return ARROW_IPC;
        }
        MinorType type = vector.getMinorType();
        return switch (type) {
            case BIT -> BOOLEAN;
            case SMALLINT -> INT16;
            case INT -> INT32;
            case DATEDAY -> DATE32;
            case BIGINT -> INT64;
            case FLOAT8 -> FLOAT64;
            case DECIMAL -> DECIMAL128;
            case FIXEDSIZEBINARY -> ((FixedSizeBinaryVector) vector).getByteWidth() == 16 ? FIXED16 : ARROW_IPC;
            case VARCHAR -> UTF8;
            case VARBINARY -> BINARY;
            default -> ARROW_IPC;
        };
    }
}
