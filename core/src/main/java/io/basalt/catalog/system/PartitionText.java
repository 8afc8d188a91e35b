package io.basalt.catalog.system;

import io.basalt.catalog.TableHierarchy;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.sql.ast.PartitionBound;
import io.basalt.type.LogicalType;
import java.util.List;
import java.util.Locale;

/**
 * A partitioned table's key and a partition's bound as PostgreSQL's pg_get_partkeydef and pg_get_expr(relpartbound)
 * print them: {@code LIST (a)}, {@code RANGE (a, abs(b))}; {@code FOR VALUES IN (1, 2)}, {@code FOR VALUES FROM
 * ('a') TO (MAXVALUE)}, {@code FOR VALUES WITH (modulus 4, remainder 0)}, {@code DEFAULT}. Bound values are printed
 * from their converted values: booleans as true/false, non-negative numbers bare, everything else (negative
 * numbers too) as a quoted literal.
 */
public final class PartitionText {
    private PartitionText() {
    }

    public static String key(TableHierarchy.PartitionKey key) {
        return key.strategy().toUpperCase(Locale.ROOT) + " (" + String.join(", ", key.definitions()) + ")";
    }

    /** The bound of the partition {@code link}, whose parent's key has the types {@code types}. */
    public static String bound(TableHierarchy.Link link, List<LogicalType> types) {
        TableHierarchy.PartitionValues values = link.values();
        return switch (link.bound()) {
            case PartitionBound.Default ignored -> "DEFAULT";
            case PartitionBound.Hash hash -> "FOR VALUES WITH (modulus " + hash.modulus() + ", remainder "
                    + hash.remainder() + ")";
            case PartitionBound.In ignored -> "FOR VALUES IN (" + list(values.in(), types, true) + ")";
            case PartitionBound.Range ignored -> "FOR VALUES FROM (" + list(values.from(), types, false) + ") TO ("
                    + list(values.to(), types, false) + ")";
        };
    }

    private static String list(List<Object> values, List<LogicalType> types, boolean oneType) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            LogicalType type = types.get(oneType ? 0 : Math.min(i, types.size() - 1));
            out.append(i == 0 ? "" : ", ").append(literal(values.get(i), type));
        }
        return out.toString();
    }

    private static String literal(Object value, LogicalType type) {
        if (value == null) {
            return "NULL";
        }
        if (value == TableHierarchy.PartitionValues.MINVALUE || value == TableHierarchy.PartitionValues.MAXVALUE) {
            return value.toString();
        }
        if (type.id() == io.basalt.type.TypeId.BOOLEAN) {
            return Boolean.TRUE.equals(value) ? "true" : "false";
        }
        String text = ValueAccess.text(type, value);
        if (type.isNumber() && !text.startsWith("-")) {
            // PostgreSQL prints a negative number as a quoted literal, as ruleutils does for any constant with a sign
            return text;
        }
        return "'" + text.replace("'", "''") + "'";
    }
}
