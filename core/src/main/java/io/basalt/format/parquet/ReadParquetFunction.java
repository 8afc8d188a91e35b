package io.basalt.format.parquet;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.format.FilePatterns;
import io.basalt.spi.BoundTableFunction;
import io.basalt.spi.TableFunction;
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
        return ParquetScan.open(FilePatterns.patterns(arguments.getFirst(), "read_parquet"));
    }
}
