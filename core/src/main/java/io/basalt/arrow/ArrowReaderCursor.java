package io.basalt.arrow;

import io.basalt.spi.TableFunctionCursor;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * Batches of an {@link ArrowReader} handed to the engine at most {@code vectorSize} rows at a time: a reader batch
 * that is larger is cut into slices (which share the batch's buffers). Closing closes the reader when it owns it.
 */
final class ArrowReaderCursor implements TableFunctionCursor {
    private final ArrowReader reader;
    private final boolean ownsReader;
    private final int vectorSize;
    private VectorSchemaRoot slice;
    private int offset;
    private boolean loaded;

    ArrowReaderCursor(ArrowReader reader, boolean ownsReader, int vectorSize) {
        this.reader = reader;
        this.ownsReader = ownsReader;
        this.vectorSize = vectorSize;
    }

    @Override
    public VectorSchemaRoot next() {
        closeSlice();
        try {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            while (!loaded || offset >= root.getRowCount()) {
                if (!reader.loadNextBatch()) {
                    return null;
                }
                loaded = true;
                offset = 0;
            }
            if (offset == 0 && root.getRowCount() <= vectorSize) {
                offset = root.getRowCount();
                return root;
            }
            int length = Math.min(vectorSize, root.getRowCount() - offset);
            slice = root.slice(offset, length);
            offset += length;
            return slice;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private void closeSlice() {
        if (slice != null) {
            slice.close();
            slice = null;
        }
    }

    @Override
    public void close() {
        closeSlice();
        if (ownsReader) {
            try {
                reader.close();
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        }
    }
}
