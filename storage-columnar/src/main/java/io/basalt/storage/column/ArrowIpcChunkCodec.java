package io.basalt.storage.column;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.vector.VectorSlices;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.Channels;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.util.TransferPair;

/**
 * The codec every type can use: the chunk is an Arrow IPC stream of one column, uncompressed. It is the plain
 * fallback of the encodings, for types they do not specialise (arrays, JSONB, intervals, ...), and what the
 * database files use until an encoding is chosen per chunk.
 */
public final class ArrowIpcChunkCodec implements ColumnChunkCodec {
    public static final ArrowIpcChunkCodec INSTANCE = new ArrowIpcChunkCodec();

    private ArrowIpcChunkCodec() {
    }

    @Override
    public EncodedChunk encode(FieldVector vector, int from, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FieldVector slice = VectorSlices.slice(vector, from, count, vector.getAllocator())) {
            VectorSchemaRoot root = new VectorSchemaRoot(List.of(vector.getField()), List.of(slice), count);
            try (ArrowStreamWriter writer = new ArrowStreamWriter(root, null, Channels.newChannel(out))) {
                writer.start();
                writer.writeBatch();
                writer.end();
            }
            return new EncodedChunk(out.toByteArray(), ChunkStatistics.counts(count, slice.getNullCount()));
        } catch (IOException e) {
            throw BasaltException.internal("could not encode a column chunk", e);
        }
    }

    @Override
    public FieldVector decode(MemorySegment chunk, Field field, BufferAllocator allocator) {
        byte[] bytes = chunk.toArray(ValueLayout.JAVA_BYTE);
        try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(bytes), allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            if (!reader.loadNextBatch() || root.getFieldVectors().size() != 1) {
                throw new IOException("no column in the chunk");
            }
            FieldVector loaded = root.getVector(0);
            TransferPair pair = loaded.getTransferPair(field, allocator);
            pair.transfer();
            FieldVector column = (FieldVector) pair.getTo();
            column.setValueCount(root.getRowCount());
            return column;
        } catch (IOException | RuntimeException e) {
            throw BasaltException.of(SqlState.DATA_CORRUPTED, "invalid column chunk: " + e.getMessage());
        }
    }
}
