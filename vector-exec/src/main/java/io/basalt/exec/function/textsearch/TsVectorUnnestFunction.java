package io.basalt.exec.function.textsearch;

import io.basalt.exec.function.set.ComputedRowsFunction;
import io.basalt.type.ArrayValue;
import io.basalt.type.LogicalType;
import io.basalt.type.textsearch.TsVector;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code unnest(tsvector)}: one row per lexeme, in the tsvector's order, with its positions (smallint[]) and their
 * weights (text[], one letter each), both NULL for a lexeme stored without positions, as PostgreSQL's. A NULL
 * tsvector gives no rows.
 */
public final class TsVectorUnnestFunction extends ComputedRowsFunction {
    private static final List<LogicalType> TYPES = List.of(LogicalType.TEXT,
            LogicalType.arrayOf(LogicalType.SMALLINT), LogicalType.arrayOf(LogicalType.TEXT));

    /** The columns' names. */
    public static final List<String> NAMES = List.of("lexeme", "positions", "weights");

    @Override
    public String name() {
        return "unnest";
    }

    @Override
    public List<LogicalType> outputTypes() {
        return TYPES;
    }

    @Override
    public List<List<Object>> rows(Object[] arguments) {
        if (arguments[0] == null) {
            return List.of();
        }
        TsVector vector = TsVector.parse((String) arguments[0]);
        List<List<Object>> rows = new ArrayList<>(vector.lexemes().size());
        for (int k = 0; k < vector.lexemes().size(); k++) {
            int[] positions = vector.positions().get(k);
            List<Object> row = new ArrayList<>(3);
            row.add(vector.lexemes().get(k));
            if (positions.length == 0) {
                row.add(null);
                row.add(null);
            } else {
                List<Object> numbers = new ArrayList<>(positions.length);
                List<Object> weights = new ArrayList<>(positions.length);
                for (int position : positions) {
                    numbers.add((long) (position >>> 2));
                    weights.add(String.valueOf(TsVector.weightLetter(position & 3)));
                }
                row.add(ArrayValue.of(numbers));
                row.add(ArrayValue.of(weights));
            }
            rows.add(row);
        }
        return rows;
    }
}
