package io.basalt.engine.copy;

import io.basalt.binder.TypeNames;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.format.FilePatterns;
import io.basalt.spi.BoundTableFunction;
import io.basalt.spi.NamedArgument;
import io.basalt.spi.StructArgument;
import io.basalt.spi.TableFunction;
import io.basalt.sql.ast.CopyOption;
import io.basalt.sql.parser.Parser;
import io.basalt.type.ArrayValue;
import io.basalt.type.LogicalType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code read_csv('file.csv' | 'dir/*.csv' | ['a.csv', 'b.csv'] [, header => true|false] [, delim => ',']
 * [, quote => '"'] [, escape => '"'] [, nullstr => ''] [, columns => {'a': 'INTEGER', ...}]
 * [, types => {'a': 'DOUBLE'} | ['DOUBLE', ...]] [, names => ['x', ...]] [, auto_detect => true|false])}: CSV
 * files as one table ({@link CsvFileScan}), as DuckDB's read_csv reads them, with column types and the header
 * found from the first file's first records unless given. {@code delimiter} and {@code sep} name the delimiter
 * too, {@code null} the null string, {@code dtypes} and {@code column_types} the types, {@code column_names} the
 * names. The CSV options are COPY's and are checked as COPY checks them; bad values of the others are 22023,
 * unknown type names 42704, and types for a column the file does not have 42703.
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
        List<Path> files = FilePatterns.expand(FilePatterns.patterns(arguments.getFirst(), "read_csv"));
        List<CopyOption> options = new ArrayList<>();
        Boolean header = null;
        CsvFileScan.Columns columns = CsvFileScan.Columns.DETECTED;
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
                case "columns" -> "columns";
                case "types", "dtypes", "column_types" -> "types";
                case "names", "column_names" -> "names";
                case "auto_detect" -> "auto_detect";
                default -> throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                        "read_csv has no option \"" + named.name() + "\"")
                        .withHint("Its options are header, delim, quote, escape, nullstr, columns, types, names"
                                + " and auto_detect.");
            };
            if (!seen.add(option)) {
                throw BasaltException.of(SqlState.SYNTAX_ERROR, "conflicting or redundant options")
                        .withDetail("Option \"" + named.name() + "\" is given more than once.");
            }
            switch (option) {
                case "header" -> header = bool(named);
                case "auto_detect" -> columns = columns.withAutoDetect(bool(named));
                case "columns" -> columns = columns.withDeclared(declaredColumns(named));
                case "types" -> columns = named.value() instanceof StructArgument struct
                        ? columns.withTypesByName(typesByName(named.name(), struct))
                        : columns.withTypesByPosition(texts(named, "types").stream()
                                .map(ReadCsvFunction::typeNamed).toList());
                case "names" -> columns = columns.withNames(texts(named, "names"));
                default -> {
                    if (!(named.value() instanceof String value)) {
                        throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "read_csv option " + named.name()
                                + " requires a text value");
                    }
                    options.add(CopyOption.of(option, value, -1));
                }
            }
        }
        if (columns.declared() != null && (columns.typesByName() != null || columns.typesByPosition() != null)) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "read_csv option types cannot be used with columns")
                    .withHint("Give each column's type in columns.");
        }
        if (!columns.autoDetect() && columns.declared() == null) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "read_csv needs the columns option when auto_detect is false")
                    .withHint("Name the columns and their types, as in columns => {'a': 'INTEGER'}.");
        }
        return CsvFileScan.open(files, options, header, columns);
    }

    private static boolean bool(NamedArgument named) {
        if (!(named.value() instanceof Boolean value)) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, named.name().toLowerCase(Locale.ROOT)
                    + " requires a Boolean value");
        }
        return value;
    }

    /** {@code columns => {'a': 'INTEGER', ...}}: every column's name and type, in the file's order. */
    private static Map<String, LogicalType> declaredColumns(NamedArgument named) {
        if (!(named.value() instanceof StructArgument struct)) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "read_csv option columns requires a struct"
                    + " of column names and type names")
                    .withHint("Write it as columns => {'a': 'INTEGER', 'b': 'VARCHAR'}.");
        }
        return typesByName(named.name(), struct);
    }

    private static Map<String, LogicalType> typesByName(String option, StructArgument struct) {
        Map<String, LogicalType> types = new LinkedHashMap<>();
        for (NamedArgument field : struct.fields()) {
            if (!(field.value() instanceof String type)) {
                throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "read_csv option " + option
                        + " requires a type name for column \"" + field.name() + "\"");
            }
            types.put(field.name(), typeNamed(type));
        }
        return types;
    }

    /** {@code ['a', 'b']}: a list of texts, none NULL. */
    private static List<String> texts(NamedArgument named, String what) {
        if (!(named.value() instanceof ArrayValue array)) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "read_csv option " + named.name()
                    + " requires a list of " + (what.equals("types") ? "type names" : "column names")
                    + (what.equals("types") ? " or a struct of column names and type names" : ""));
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < array.length(); i++) {
            if (!(array.get(i) instanceof String text)) {
                throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "read_csv option " + named.name()
                        + " requires texts, not NULL or other values");
            }
            texts.add(text);
        }
        return texts;
    }

    /**
     * A type name as read_csv's options spell it: PostgreSQL's names, and DuckDB's {@code DOUBLE},
     * {@code STRING}, {@code BLOB} and {@code DATETIME}, which PostgreSQL spells otherwise.
     *
     * @throws BasaltException 42704 for a name that is no type
     */
    static LogicalType typeNamed(String written) {
        String text = switch (written.strip().toLowerCase(Locale.ROOT)) {
            case "double" -> "double precision";
            case "string" -> "text";
            case "blob" -> "bytea";
            case "datetime" -> "timestamp";
            default -> written;
        };
        try {
            return TypeNames.resolve(Parser.parseTypeName(text));
        } catch (BasaltException notAType) {
            throw BasaltException.of(SqlState.UNDEFINED_OBJECT, "type \"" + written + "\" does not exist");
        }
    }
}
