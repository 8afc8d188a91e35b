package io.basalt.format.parquet;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.spi.BoundTableFunction;
import io.basalt.spi.TableFunction;
import io.basalt.type.ArrayValue;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code read_parquet('file.parquet' | 'dir/*.parquet' | ARRAY['a.parquet', 'b.parquet'])}: Parquet files as a
 * table ({@link ParquetScan}). The files' footers are read when the query is bound.
 */
public final class ReadParquetFunction implements TableFunction {
    @Override
    public String name() {
        return "read_parquet";
    }

    @Override
    public BoundTableFunction bind(List<Object> arguments) {
        if (arguments.size() != 1) {
            throw BasaltException.of(SqlState.UNDEFINED_FUNCTION, "function read_parquet takes one argument, a path,"
                    + " a glob or an array of them");
        }
        return ParquetScan.open(paths(arguments.getFirst()));
    }

    private static List<String> paths(Object argument) {
        List<String> paths = new ArrayList<>();
        switch (argument) {
            case String path -> paths.add(path);
            case ArrayValue array -> {
                for (int i = 0; i < array.length(); i++) {
                    if (!(array.get(i) instanceof String path)) {
                        throw BasaltException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "read_parquet: a file name is NULL");
                    }
                    paths.add(path);
                }
            }
            case null -> throw BasaltException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "read_parquet: the file name is NULL");
            default -> throw BasaltException.of(SqlState.DATATYPE_MISMATCH,
                    "read_parquet expects a text path or an array of text paths");
        }
        return paths;
    }
}
