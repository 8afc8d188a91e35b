package io.basalt.arrow;

import io.basalt.api.ResultColumn;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.spi.BoundTableFunction;
import io.basalt.spi.TableFunction;
import io.basalt.spi.TableFunctionCursor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * {@code read_arrow('path')}: the rows of an Arrow IPC file (file or stream format), with the column types its
 * fields carry ({@link ArrowColumns}); files that Basalt wrote ({@link ArrowResults}) read back with their SQL
 * types. The file is read batch by batch; like every table function's rows, the batches are copied once into the
 * query's memory.
 */
public final class ReadArrowFunction implements TableFunction {
    @Override
    public String name() {
        return "read_arrow";
    }

    @Override
    public BoundTableFunction bind(List<Object> arguments) {
        if (arguments.size() != 1 || !(arguments.getFirst() instanceof String path)) {
            throw BasaltException.of(SqlState.UNDEFINED_FUNCTION, "function read_arrow takes one text argument, the"
                    + " file's path");
        }
        Path file = Path.of(path).toAbsolutePath();
        List<ResultColumn> columns;
        try (RootAllocator allocator = new RootAllocator(); ArrowReader reader = ArrowFiles.open(file, allocator)) {
            columns = ArrowColumns.of(reader.getVectorSchemaRoot().getSchema());
        } catch (IOException failure) {
            throw BasaltException.of(SqlState.IO_ERROR, "could not read file \"" + file + "\": "
                    + failure.getMessage());
        }
        return new BoundTableFunction() {
            @Override
            public List<ResultColumn> columns() {
                return columns;
            }

            @Override
            public TableFunctionCursor open(BufferAllocator allocator, int vectorSize) {
                return new ArrowReaderCursor(ArrowFiles.open(file, allocator), true, vectorSize);
            }
        };
    }
}
