package io.basalt.engine.copy;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.spi.BoundTableFunction;
import io.basalt.spi.NamedArgument;
import io.basalt.spi.TableFunction;
import io.basalt.sql.ast.CopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code read_csv('file.csv' [, header => true|false] [, delim => ','] [, quote => '"'] [, escape => '"']
 * [, nullstr => ''])}: a CSV file as a table ({@link CsvFileScan}), as DuckDB's read_csv reads one, with column
 * types and the header found from the file's first records. {@code delimiter} and {@code sep} name the delimiter
 * too, {@code null} the null string. The options are COPY's CSV options and are checked as COPY checks them.
 */
public final class ReadCsvFunction implements TableFunction {
    @Override
    public String name() {
        return "read_csv";
    }

    @Override
    public BoundTableFunction bind(List<Object> arguments) {
        if (arguments.isEmpty() || arguments.getFirst() instanceof NamedArgument) {
            throw BasaltException.of(SqlState.UNDEFINED_FUNCTION, "function read_csv takes a file name first,"
                    + " then named options such as header => true");
        }
        if (!(arguments.getFirst() instanceof String path)) {
            throw arguments.getFirst() == null
                    ? BasaltException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "read_csv: the file name is NULL")
                    : BasaltException.of(SqlState.DATATYPE_MISMATCH, "read_csv expects a text file name");
        }
        List<CopyOption> options = new ArrayList<>();
        Boolean header = null;
        Set<String> seen = new HashSet<>();
        for (Object argument : arguments.subList(1, arguments.size())) {
            if (!(argument instanceof NamedArgument named)) {
                throw BasaltException.of(SqlState.UNDEFINED_FUNCTION, "function read_csv takes one file name;"
                        + " its options are named, as in header => true");
            }
            String name = named.name().toLowerCase(Locale.ROOT);
            String option = switch (name) {
                case "header" -> "header";
                case "delim", "delimiter", "sep" -> "delimiter";
                case "quote" -> "quote";
                case "escape" -> "escape";
                case "nullstr", "null" -> "null";
                default -> throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                        "read_csv has no option \"" + named.name() + "\"")
                        .withHint("Its options are header, delim, quote, escape and nullstr.");
            };
            if (!seen.add(option)) {
                throw BasaltException.of(SqlState.SYNTAX_ERROR, "conflicting or redundant options")
                        .withDetail("Option \"" + named.name() + "\" is given more than once.");
            }
            if (option.equals("header")) {
                if (!(named.value() instanceof Boolean value)) {
                    throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "header requires a Boolean value");
                }
                header = value;
                continue;
            }
            if (!(named.value() instanceof String value)) {
                throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "read_csv option " + named.name()
                        + " requires a text value");
            }
            options.add(CopyOption.of(option, value, -1));
        }
        return CsvFileScan.open(path, options, header);
    }
}
