package io.basalt.spi;

import java.util.List;

/**
 * A table function's argument written as DuckDB's struct literal, {@code {'a': 'INTEGER', 'b': 'VARCHAR'}} or
 * {@code struct_pack(a => 'INTEGER', ...)}: its fields in the order written, each a name and a constant's Java
 * value as {@link TableFunction#bind} receives it (a field may itself be a struct). The names are distinct.
 */
public record StructArgument(List<NamedArgument> fields) {
    public StructArgument {
        fields = List.copyOf(fields);
    }
}
