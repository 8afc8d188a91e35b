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
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.Field;

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
        // Damaged metadata can ask for any buffer size, Arrow's reader can lose a buffer when it fails half way, and
        // damaged offsets would make a copy read outside the buffers.
        // So the stream is read into a private allocator with a limit no intact chunk reaches (an uncompressed stream
        // holds its buffers), and the column is copied out to the caller's allocator: an absurd request fails as
        // Arrow's OutOfMemoryException, and whatever a failed read left behind stays out of the caller's accounting.
        long limit = 4L * bytes.length + (1 << 20);
        RootAllocator reading = new RootAllocator(limit);
        try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(bytes), reading)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            if (!reader.loadNextBatch() || root.getFieldVectors().size() != 1) {
                throw new IOException("no column in the chunk");
            }
            FieldVector loaded = root.getVector(0);
            // Offsets and sizes are checked against the buffers before any value is read: Arrow reads without bounds
            // checks here, so damage behind a valid checksum must not reach the copy.
            loaded.validateFull();
            int rows = root.getRowCount();
            FieldVector column = field.createVector(allocator);
            try {
                column.setInitialCapacity(Math.max(rows, 1));
                column.allocateNew();
                for (int row = 0; row < rows; row++) {
                    // arrays (structs of lists) row by row: Arrow's list copy cannot copy fixed-size binary items
                    io.basalt.exec.vector.VectorGather.copyValue(loaded, row, column, row);
                }
                column.setValueCount(rows);
            } catch (RuntimeException e) {
                column.close();
                throw e;
            }
            reader.close();
            reading.close();
            return column;
        } catch (IOException | RuntimeException e) {
            closeQuietly(reading);
            throw BasaltException.of(SqlState.DATA_CORRUPTED, "invalid column chunk: " + e.getMessage());
        }
    }

    private static void closeQuietly(RootAllocator reading) {
        try {
            reading.close();
        } catch (IllegalStateException leakedByFailedRead) {
            // A read of damaged bytes that fails may leave a buffer unreleased inside Arrow; it is reported as
            // DATA_CORRUPTED above, and the private allocator is dropped.
        }
    }
}
