package io.basalt.cli.fake;

import io.basalt.type.LogicalType;

/** Parses the PostgreSQL type names the test data files use into logical types. */
public final class SqlTypeNames {
    private SqlTypeNames() {
    }

    public static LogicalType parse(String name) {
        if (name.startsWith("numeric(")) {
            String[] parts = name.substring("numeric(".length(), name.length() - 1).split(",");
            return LogicalType.numeric(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        }
        return switch (name) {
            case "boolean" -> LogicalType.BOOLEAN;
            case "smallint" -> LogicalType.SMALLINT;
            case "integer" -> LogicalType.INTEGER;
            case "bigint" -> LogicalType.BIGINT;
            case "double precision" -> LogicalType.DOUBLE;
            case "numeric" -> LogicalType.NUMERIC;
            case "text" -> LogicalType.TEXT;
            case "varchar" -> LogicalType.VARCHAR;
            case "date" -> LogicalType.DATE;
            default -> throw new IllegalArgumentException("unknown type in test data: " + name);
        };
    }
}
