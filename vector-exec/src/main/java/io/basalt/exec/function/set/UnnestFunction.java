package io.basalt.exec.function.set;

import io.basalt.type.ArrayValue;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code unnest(array [, array ...])}: one row per element, one column per array, shorter arrays padded with
 * NULLs (PostgreSQL's multi-argument form); a NULL or empty array contributes no rows.
 */
public final class UnnestFunction extends ComputedRowsFunction {
    private final List<LogicalType> elementTypes;

    /** @param elementTypes the element type of each array argument, in order */
    public UnnestFunction(List<LogicalType> elementTypes) {
        this.elementTypes = List.copyOf(elementTypes);
    }

    @Override
    public String name() {
        return "unnest";
    }

    @Override
    public List<LogicalType> outputTypes() {
        return elementTypes;
    }

    @Override
    public List<List<Object>> rows(Object[] arguments) {
        int rowCount = 0;
        for (Object array : arguments) {
            rowCount = Math.max(rowCount, array == null ? 0 : ((ArrayValue) array).length());
        }
        List<List<Object>> rows = new ArrayList<>(rowCount);
        for (int r = 0; r < rowCount; r++) {
            List<Object> row = new ArrayList<>(arguments.length);
            for (Object argument : arguments) {
                ArrayValue array = (ArrayValue) argument;
                row.add(array != null && r < array.length() ? array.get(r) : null);
            }
            rows.add(row);
        }
        return rows;
    }
}
