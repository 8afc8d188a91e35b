package io.basalt.arrow;

import static java.util.Objects.requireNonNull;

import io.basalt.api.ResultColumn;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.spi.BoundTableFunction;
import io.basalt.spi.TableFunction;
import io.basalt.spi.TableFunctionCursor;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * Arrow data held by the application, registered under a name ({@link io.basalt.api.Database#register}) and read
 * as {@code SELECT ... FROM name()}: a {@link VectorSchemaRoot} (read on every scan; the application keeps it
 * unchanged and open while it is registered) or an {@link ArrowReader} stream (read once: a second scan finds no
 * rows). Batches go to the engine by reference and are copied once into the query's memory, as every table
 * function's are.
 */
public final class ArrowTableFunction implements TableFunction {
    private final String name;
    private final List<ResultColumn> columns;
    private final VectorSchemaRoot root;
    private final ArrowReader reader;

    private ArrowTableFunction(String name, VectorSchemaRoot root, ArrowReader reader, List<ResultColumn> columns) {
        this.name = requireNonNull(name, "name is null").toLowerCase(Locale.ROOT);
        this.root = root;
        this.reader = reader;
        this.columns = columns;
    }

    /** A table function over the rows of {@code root}. */
    public static ArrowTableFunction of(String name, VectorSchemaRoot root) {
        return new ArrowTableFunction(name, requireNonNull(root, "root is null"), null,
                ArrowColumns.of(root.getSchema()));
    }

    /** A table function over the batches of {@code reader}, consumed by the first scan. */
    public static ArrowTableFunction of(String name, ArrowReader reader) {
        try {
            return new ArrowTableFunction(name, null, requireNonNull(reader, "reader is null"),
                    ArrowColumns.of(reader.getVectorSchemaRoot().getSchema()));
        } catch (java.io.IOException failure) {
            throw BasaltException.of(SqlState.IO_ERROR, "could not read Arrow stream: " + failure.getMessage());
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public BoundTableFunction bind(List<Object> arguments) {
        if (!arguments.isEmpty()) {
            throw BasaltException.of(SqlState.UNDEFINED_FUNCTION, "function " + name + " takes no arguments");
        }
        return new BoundTableFunction() {
            @Override
            public List<ResultColumn> columns() {
                return columns;
            }

            @Override
            public TableFunctionCursor open(BufferAllocator allocator, int vectorSize) {
                if (reader != null) {
                    return new ArrowReaderCursor(reader, false, vectorSize);
                }
                return new RootCursor(root, vectorSize);
            }
        };
    }

    /** The rows of one root in slices of at most {@code vectorSize} rows. */
    private static final class RootCursor implements TableFunctionCursor {
        private final VectorSchemaRoot root;
        private final int vectorSize;
        private VectorSchemaRoot slice;
        private int offset;

        RootCursor(VectorSchemaRoot root, int vectorSize) {
            this.root = root;
            this.vectorSize = vectorSize;
        }

        @Override
        public VectorSchemaRoot next() {
            close();
            if (offset >= root.getRowCount()) {
                return null;
            }
            int length = Math.min(vectorSize, root.getRowCount() - offset);
            slice = root.slice(offset, length);
            offset += length;
            return slice;
        }

        @Override
        public void close() {
            if (slice != null) {
                slice.close();
                slice = null;
            }
        }
    }
}
