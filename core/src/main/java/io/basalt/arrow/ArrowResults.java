package io.basalt.arrow;

import io.basalt.api.QueryResult;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.ArrowWriter;

/**
 * Query results leaving Basalt as Arrow: as an {@link ArrowReader} stream for Arrow-speaking consumers, or written
 * as Arrow IPC (the file format, {@code .arrow} / Feather v2, or the stream format). Batches are handed over by
 * reference, never copied value by value; the fields carry Basalt's SQL types in their metadata
 * ({@code basalt.type}), so that {@code read_arrow} reads the files back with the same types.
 */
public final class ArrowResults {
    private ArrowResults() {
    }

    /** The result as an Arrow stream; the reader takes ownership of the result and closes it. */
    public static ArrowReader reader(QueryResult result) {
        return QueryResultReader.of(result);
    }

    /** Writes the result's rows to {@code file} in Arrow's IPC file format; the caller keeps the result. */
    public static long writeFile(QueryResult result, Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            return write(result, true, channel);
        } catch (IOException failure) {
            throw BasaltException.of(SqlState.IO_ERROR, "could not write file \"" + file + "\": "
                    + failure.getMessage());
        }
    }

    /** Writes the result's rows to {@code out} in Arrow's IPC stream format; {@code out} is flushed, not closed. */
    public static long writeStream(QueryResult result, OutputStream out) {
        try {
            long rows = write(result, false, Channels.newChannel(out));
            out.flush();
            return rows;
        } catch (IOException failure) {
            throw BasaltException.of(SqlState.IO_ERROR, "could not write Arrow stream: " + failure.getMessage());
        }
    }

    private static long write(QueryResult result, boolean fileFormat, java.nio.channels.WritableByteChannel channel)
            throws IOException {
        try (ArrowReader source = reader(new BorrowedResult(result))) {
            VectorSchemaRoot root = source.getVectorSchemaRoot();
            long rows = 0;
            try (ArrowWriter writer = fileFormat ? new ArrowFileWriter(root, null, channel)
                    : new ArrowStreamWriter(root, null, channel)) {
                writer.start();
                while (source.loadNextBatch()) {
                    rows += root.getRowCount();
                    writer.writeBatch();
                }
                writer.end();
            }
            return rows;
        }
    }
}
