package io.basalt.storage.column;

import java.lang.foreign.MemorySegment;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * The seam between the database files and the encodings: turns a run of one column's values into the bytes of a
 * column chunk and back. The files place, checksum and map the bytes; the codec alone decides how the values are
 * written (its chosen encoding is recorded inside the bytes), so encodings can change without touching the files.
 *
 * <p>Contract: {@code decode(encode(v, from, n).bytes())} yields a vector equal to rows {@code [from, from + n)} of
 * {@code v}, value for value and NULL for NULL, with {@code v}'s field (name, Arrow type, metadata). Implementations
 * are stateless and thread-safe.
 */
public interface ColumnChunkCodec {
    /** Encodes rows {@code [from, from + count)} of {@code vector}, with their statistics. */
    EncodedChunk encode(FieldVector vector, int from, int count);

    /**
     * Decodes a chunk written by {@link #encode} into a new vector allocated from {@code allocator}, owned by the
     * caller; {@code field} is the column's field as written.
     *
     * @throws io.basalt.error.BasaltException DATA_CORRUPTED (XX001) when the bytes are not a chunk this codec wrote
     */
    FieldVector decode(MemorySegment chunk, org.apache.arrow.vector.types.pojo.Field field, BufferAllocator allocator);
}
