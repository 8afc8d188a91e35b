package io.basalt.bench.harness;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;

/**
 * A query result as plain Java values, the same whichever engine produced it, so that results can be
 * compared: exact numbers (integers and decimals) as {@link BigDecimal}, floating-point numbers as
 * {@link Double}, and {@link String}, {@link LocalDate}, {@link Boolean} or null.
 */
public record ResultTable(List<String> columns, List<Object[]> rows) {
    public ResultTable {
        requireNonNull(columns, "columns is null");
        requireNonNull(rows, "rows is null");
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public int rowCount() {
        return rows.size();
    }

    /** The canonical form of a value read from a driver or an Arrow vector. */
    public static Object normalize(Object value) {
        return switch (value) {
            case null -> null;
            case BigDecimal decimal -> decimal;
            case Long number -> BigDecimal.valueOf(number);
            case Integer number -> BigDecimal.valueOf(number);
            case Short number -> BigDecimal.valueOf(number);
            case Byte number -> BigDecimal.valueOf(number);
            case BigInteger number -> new BigDecimal(number);
            case Double number -> number;
            case Float number -> (double) number;
            case Boolean bool -> bool;
            case LocalDate date -> date;
            case java.sql.Date date -> date.toLocalDate();
            case String text -> text;
            default -> value.toString();
        };
    }
}
