package io.basalt.routine;

import io.basalt.type.LogicalType;
import java.util.List;

/**
 * What a statement a routine ran produced: its columns' names and types and its rows (canonical values, see
 * {@code io.basalt.exec.vector.ValueAccess}) when it returns rows, and the number of rows it processed (what
 * FOUND and GET DIAGNOSTICS ROW_COUNT report).
 */
public record StatementRows(List<String> names, List<LogicalType> types, List<Object[]> rows, long count,
                            boolean returnsRows) {
    public StatementRows {
        names = List.copyOf(names);
        types = List.copyOf(types);
    }
}
