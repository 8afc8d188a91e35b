package io.basalt.exec.spill;

import io.basalt.exec.batch.Batch;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * One temporary file of batches an operator moved out of memory: Arrow IPC record-batch messages, one after
 * the other, without compression (spilled data is read back once, soon; writing fast matters more than size).
 * The schema is not written: the file remembers the fields of the first batch and reads every batch back into
 * vectors made from them, so that Basalt's extension types (jsonb, uuid) come back as they went out.
 *
 * <p>Lifecycle: {@link #append} any number of batches, {@link #finishWriting()}, then {@link #open} a reader
 * (once or more), and {@link #delete()} (the owning {@link SpillDirectory} deletes whatever is left).
 * Not thread-safe: one writer, then readers one at a time.
 */
public final class SpillFile {
    private final Path path;
    private List<Field> fields;
    private WriteChannel channel;
    private OutputStream output;
    private long rowCount;
    private int batchCount;
    private long bytes;
    private boolean deleted;

    SpillFile(Path path) {
        this.path = path;
    }

    /** Writes the batch's rows to the file (the batch is not taken over). */
    public void append(Batch batch) {
        if (batch.rowCount() == 0) {
            return;
        }
        try {
            if (channel == null) {
                if (fields != null) {
                    throw new IllegalStateException("spill file " + path + " is finished");
                }
                fields = new ArrayList<>(batch.columnCount());
                for (FieldVector column : batch.columns()) {
                    fields.add(column.getField());
                }
                output = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
                channel = new WriteChannel(Channels.newChannel(output));
            }
            VectorSchemaRoot root = new VectorSchemaRoot(batch.columns());
            root.setRowCount(batch.rowCount());
            try (ArrowRecordBatch message = new VectorUnloader(root).getRecordBatch()) {
                MessageSerializer.serialize(channel, message);
            }
            rowCount += batch.rowCount();
            batchCount++;
        } catch (IOException e) {
            throw SpillDirectory.failure("could not write to file \"" + path + "\"", e);
        }
    }

    /** Ends writing; the file may now be read. */
    public void finishWriting() {
        if (channel == null) {
            if (fields == null) {
                fields = List.of();
            }
            return;
        }
        try {
            channel.close();
            bytes = channel.getCurrentPosition();
        } catch (IOException e) {
            throw SpillDirectory.failure("could not write to file \"" + path + "\"", e);
        } finally {
            channel = null;
            output = null;
        }
    }

    public long rowCount() {
        return rowCount;
    }

    /** Bytes on disk (after {@link #finishWriting()}). */
    public long bytes() {
        return bytes;
    }

    boolean deleted() {
        return deleted;
    }

    /** A reader over the batches in the order written, its vectors allocated from {@code allocator}. */
    public Reader open(BufferAllocator allocator) {
        if (channel != null) {
            throw new IllegalStateException("spill file " + path + " is still being written");
        }
        return new Reader(allocator);
    }

    /** Removes the file from disk (idempotent). */
    public void delete() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // being deleted anyway
            }
            channel = null;
        }
        deleted = true;
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // A file still open elsewhere on a platform that forbids deleting it: the directory's close retries.
        }
    }

    /** Reads a spill file's batches back; each batch is valid until the next call or close. */
    public final class Reader implements AutoCloseable {
        private final VectorSchemaRoot root;
        private final VectorLoader loader;
        private final InputStream input;
        private final ReadChannel channel;
        private final BufferAllocator allocator;
        private int remaining = batchCount;

        private Reader(BufferAllocator allocator) {
            this.allocator = allocator;
            try {
                this.input = batchCount == 0 ? null : new BufferedInputStream(Files.newInputStream(path), 1 << 16);
            } catch (IOException e) {
                throw SpillDirectory.failure("could not open file \"" + path + "\"", e);
            }
            this.channel = input == null ? null : new ReadChannel(Channels.newChannel(input));
            this.root = VectorSchemaRoot.create(new Schema(fields), allocator);
            this.loader = new VectorLoader(root);
        }

        /** The next batch, or null after the last. */
        public Batch next() {
            if (remaining == 0) {
                return null;
            }
            try (ArrowRecordBatch message = MessageSerializer.deserializeRecordBatch(channel, allocator)) {
                loader.load(message);
            } catch (IOException e) {
                throw SpillDirectory.failure("could not read file \"" + path + "\"", e);
            }
            remaining--;
            return new Batch(root.getFieldVectors(), root.getRowCount());
        }

        @Override
        public void close() {
            root.close();
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // read-only: nothing is lost
                }
            }
        }
    }
}
