package io.basalt.engine.copy;

import static java.util.Objects.requireNonNull;

import io.basalt.api.ResultColumn;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.operator.scan.ScanSource;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.spi.BoundTableFunction;
import io.basalt.spi.TableFunctionCursor;
import io.basalt.sql.ast.CopyOption;
import io.basalt.type.LogicalType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * CSV files read as one table: what {@code read_csv('f.csv', ...)} scans, the files one after another. The fields are split as COPY FROM's CSV
 * format splits them ({@link CsvRecordReader}, with its DELIMITER, QUOTE, ESCAPE and NULL options) and converted
 * as COPY converts them ({@link CopyFromSource}), so bad rows fail with COPY's errors and line numbers. When the
 * query is bound, the first {@link #SAMPLE_ROWS} records are read to fix the columns: their types, the first that
 * every non-NULL value of the column fits in the order boolean (true, false, t, f), bigint, double precision, date, timestamp, text
 * (DuckDB's order; a number with a leading zero stays text, a column of NULLs is text), and, unless
 * {@code header} is given, whether the first line is a header: it is when it holds no NULL and some column typed
 * other than text has a first value that does not fit its type. Without a header the columns are named
 * {@code column0}, {@code column1}, ... Given columns ({@code columns => {...}}) replace the names and types found;
 * given types ({@code types => ...}) replace those of the columns they name; given names ({@code names => [...]})
 * the first names. The types and the header are found from the first file only; every file is read with the
 * same options, a header line skipped in each. The files are read again by every scan.
 */
public final class CsvFileScan implements ScanSource, BoundTableFunction {
    /** Records read to fix the column types (DuckDB's default sample size). */
    static final int SAMPLE_ROWS = 20_480;

    private static final Pattern INTEGER = Pattern.compile("[+-]?(0|[1-9][0-9]*)");
    private static final Pattern DECIMAL = Pattern.compile(
            "[+-]?((0|[1-9][0-9]*)(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "([0-9]{4}-[0-9]{2}-[0-9]{2})[ T][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,6})?)?");
    /** The types tried, in order; text takes everything. */
    private static final LogicalType[] LADDER = {LogicalType.BOOLEAN, LogicalType.BIGINT, LogicalType.DOUBLE,
        LogicalType.DATE, LogicalType.TIMESTAMP};

    /**
     * What read_csv was told of the columns: whether to find types and header from the file ({@code autoDetect}),
     * every column's name and type ({@code declared}, or null), types of some columns by name or by position, and
     * the first columns' names (each null when not given).
     */
    record Columns(boolean autoDetect, Map<String, LogicalType> declared, Map<String, LogicalType> typesByName,
                   List<LogicalType> typesByPosition, List<String> names) {
        static final Columns DETECTED = new Columns(true, null, null, null, null);

        Columns withAutoDetect(boolean value) {
            return new Columns(value, declared, typesByName, typesByPosition, names);
        }

        Columns withDeclared(Map<String, LogicalType> value) {
            return new Columns(autoDetect, value, typesByName, typesByPosition, names);
        }

        Columns withTypesByName(Map<String, LogicalType> value) {
            return new Columns(autoDetect, declared, value, typesByPosition, names);
        }

        Columns withTypesByPosition(List<LogicalType> value) {
            return new Columns(autoDetect, declared, typesByName, value, names);
        }

        Columns withNames(List<String> value) {
            return new Columns(autoDetect, declared, typesByName, typesByPosition, value);
        }
    }

    private final List<String> paths;
    private final CopyOptions options;
    private final List<String> names;
    private final List<LogicalType> types;

    private CsvFileScan(List<String> paths, CopyOptions options, List<String> names, List<LogicalType> types) {
        this.paths = List.copyOf(paths);
        this.options = options;
        this.names = List.copyOf(names);
        this.types = List.copyOf(types);
    }

    /**
     * Opens {@code path} with COPY's CSV options ({@code DELIMITER}, {@code QUOTE}, {@code ESCAPE}, {@code NULL}
     * as COPY spells them, checked as COPY checks them) and {@code header} (null: detect it), and fixes the
     * columns from the file's first records.
     *
     * @throws BasaltException 58P01 for a missing file, 22P04 for an unterminated quoted field in the sample,
     *                         COPY's errors for bad options
     */
    public static CsvFileScan open(String path, List<CopyOption> csvOptions, Boolean header) {
        requireNonNull(path, "path is null");
        return open(List.of(Path.of(path)), csvOptions, header, Columns.DETECTED);
    }

    /**
     * Opens {@code files} (at least one) as one table, with {@code columns} saying what is given of the columns
     * and what is to be found from the first file.
     *
     * @throws BasaltException as {@link #open(String, List, Boolean)}; 22023 when given columns, types or names
     *                         do not fit the first file's width, 42703 for types of a column it does not have
     */
    static CsvFileScan open(List<Path> files, List<CopyOption> csvOptions, Boolean header, Columns columns) {
        List<String> paths = files.stream().map(Path::toString).toList();
        String path = paths.getFirst();
        List<CopyOption> all = new ArrayList<>(csvOptions);
        all.add(CopyOption.of("format", "csv", -1));
        CopyOptions sampling = CopyOptions.of(all, true, null);
        Map<String, LogicalType> declared = columns.declared();
        List<String[]> sample = columns.autoDetect() ? sample(path, sampling) : List.of();
        if (sample.isEmpty() && declared == null) {
            throw BasaltException.of(SqlState.BAD_COPY_FILE_FORMAT, "CSV file \"" + path + "\" is empty")
                    .withHint("read_csv needs at least one line to find the file's columns.");
        }
        int width = declared != null ? declared.size() : sample.getFirst().length;
        if (declared != null && !sample.isEmpty() && sample.getFirst().length != width) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "read_csv option columns gives " + width
                    + " columns, but CSV file \"" + path + "\" has " + sample.getFirst().length);
        }
        boolean hasHeader = header != null ? header
                : !sample.isEmpty() && (declared != null ? detectHeader(sample, List.copyOf(declared.values()))
                        : detectHeader(sample, width));
        List<String[]> body = hasHeader && !sample.isEmpty() ? sample.subList(1, sample.size()) : sample;
        List<LogicalType> types = new ArrayList<>();
        List<String> names;
        if (declared != null) {
            types.addAll(declared.values());
            names = new ArrayList<>(declared.keySet());
        } else {
            for (int c = 0; c < width; c++) {
                types.add(sniff(body, c));
            }
            names = hasHeader ? headerNames(sample.getFirst()) : generatedNames(width);
        }
        if (columns.typesByName() != null) {
            for (Map.Entry<String, LogicalType> given : columns.typesByName().entrySet()) {
                int c = names.indexOf(given.getKey());
                if (c < 0) {
                    throw BasaltException.of(SqlState.UNDEFINED_COLUMN, "column \"" + given.getKey()
                            + "\" named in read_csv's types does not exist in CSV file \"" + path + "\"");
                }
                types.set(c, given.getValue());
            }
        }
        if (columns.typesByPosition() != null) {
            List<LogicalType> given = columns.typesByPosition();
            checkCount("types", given.size(), width, path);
            for (int c = 0; c < given.size(); c++) {
                types.set(c, given.get(c));
            }
        }
        if (columns.names() != null) {
            List<String> given = columns.names();
            checkCount("names", given.size(), width, path);
            for (int c = 0; c < given.size(); c++) {
                names.set(c, given.get(c));
            }
        }
        if (hasHeader) {
            all.add(CopyOption.of("header", "true", -1));
        }
        return new CsvFileScan(paths, CopyOptions.of(all, true, null), names, types);
    }

    private static void checkCount(String option, int given, int width, String path) {
        if (given > width) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "read_csv option " + option + " gives "
                    + given + " " + option + ", but CSV file \"" + path + "\" has " + width + " columns");
        }
    }

    /** The fields of the first {@link #SAMPLE_ROWS} records (null for NULL), up to the first of another width. */
    private static List<String[]> sample(String path, CopyOptions options) {
        List<String[]> records = new ArrayList<>();
        try (InputStream input = CopyFiles.openForReading(path)) {
            LineReader lines = new LineReader(input, options.quote(), options.escape());
            CsvRecordReader reader = new CsvRecordReader(lines, options, path, List.of("column0"), new boolean[1],
                    new boolean[1]);
            FieldBatch batch = new FieldBatch(1, 1);
            while (records.size() < SAMPLE_ROWS) {
                batch.clear();
                if (!reader.readFields(batch)) {
                    break;
                }
                if (!records.isEmpty() && reader.fieldCount != records.getFirst().length) {
                    break;  // the scan reports the record's wrong width with COPY's error
                }
                String[] fields = new String[reader.fieldCount];
                for (int f = 0; f < fields.length; f++) {
                    int length = reader.fieldLengths[f];
                    fields[f] = length == FieldBatch.NULL ? null
                            : new String(batch.data(), reader.fieldStarts[f], length, StandardCharsets.UTF_8);
                }
                records.add(fields);
            }
        } catch (IOException e) {
            throw BasaltException.of(SqlState.IO_ERROR, "could not read file \"" + path + "\": " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw BasaltException.of(SqlState.IO_ERROR, "could not read file \"" + path + "\": "
                    + e.getCause().getMessage());
        }
        return records;
    }

    /** The first type of {@link #LADDER} every non-NULL value of column {@code c} fits, else text. */
    static LogicalType sniff(List<String[]> records, int c) {
        boolean[] out = new boolean[LADDER.length];
        boolean any = false;
        for (String[] record : records) {
            String value = record[c];
            if (value == null) {
                continue;
            }
            any = true;
            for (int t = 0; t < LADDER.length; t++) {
                out[t] |= !out[t] && !fits(value, LADDER[t]);
            }
        }
        if (any) {
            for (int t = 0; t < LADDER.length; t++) {
                if (!out[t]) {
                    return LADDER[t];
                }
            }
        }
        return LogicalType.TEXT;
    }

    private static boolean fits(String value, LogicalType type) {
        String text = value.strip();
        return switch (type.id()) {
            // PostgreSQL's t and f too (what COPY TO writes)
            case BOOLEAN -> text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")
                    || text.equalsIgnoreCase("t") || text.equalsIgnoreCase("f");
            case BIGINT -> INTEGER.matcher(text).matches() && fitsLong(text);
            case DOUBLE -> DECIMAL.matcher(text).matches();
            case DATE -> DATE.matcher(text).matches() && validDate(text);
            case TIMESTAMP -> {
                var matcher = TIMESTAMP.matcher(text);
                yield matcher.matches() && validDate(matcher.group(1));
            }
            default -> true;
        };
    }

    private static boolean fitsLong(String text) {
        try {
            Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean validDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * Whether the first record is a header, the columns' types given: it holds no NULL, and some column of a
     * type the sniffer tells apart from text has a first value that does not fit it. When no given type is
     * one, the types are found from the other records instead.
     */
    private static boolean detectHeader(List<String[]> sample, List<LogicalType> given) {
        String[] first = sample.getFirst();
        boolean decided = false;
        for (int c = 0; c < given.size(); c++) {
            LogicalType rung = rungOf(given.get(c));
            if (rung == null) {
                continue;
            }
            decided = true;
            if (first[c] != null && !fits(first[c], rung)) {
                return !Arrays.asList(first).contains(null);
            }
        }
        return !decided && detectHeader(sample, given.size());
    }

    /** The type of {@link #LADDER} whose check a given type's values pass, or null (text and the others). */
    private static LogicalType rungOf(LogicalType type) {
        return switch (type.id()) {
            case BOOLEAN -> LogicalType.BOOLEAN;
            case SMALLINT, INTEGER, BIGINT -> LogicalType.BIGINT;
            case REAL, DOUBLE, NUMERIC -> LogicalType.DOUBLE;
            case DATE -> LogicalType.DATE;
            case TIMESTAMP, TIMESTAMPTZ -> LogicalType.TIMESTAMP;
            default -> null;
        };
    }

    /**
     * Whether the first record is a header: it holds no NULL, and some column the other records type as other
     * than text has a first value that does not fit that type. A file whose columns are all text needs
     * {@code header => true}.
     */
    private static boolean detectHeader(List<String[]> sample, int width) {
        if (sample.size() < 2) {
            return false;
        }
        String[] first = sample.getFirst();
        for (String value : first) {
            if (value == null) {
                return false;
            }
        }
        List<String[]> rest = sample.subList(1, sample.size());
        for (int c = 0; c < width; c++) {
            LogicalType type = sniff(rest, c);
            if (type.id() != LogicalType.TEXT.id() && !fits(first[c], type)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> headerNames(String[] header) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < header.length; c++) {
            String name = header[c] == null || header[c].isEmpty() ? "column" + c : header[c];
            String unique = name;
            for (int n = 1; !seen.add(unique); n++) {
                unique = name + "_" + n;
            }
            names.add(unique);
        }
        return names;
    }

    private static List<String> generatedNames(int width) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            names.add("column" + c);
        }
        return names;
    }

    @Override
    public String name() {
        return "read_csv";
    }

    @Override
    public List<LogicalType> columnTypes() {
        return types;
    }

    @Override
    public List<ResultColumn> columns() {
        List<ResultColumn> columns = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            columns.add(new ResultColumn(names.get(i), types.get(i)));
        }
        return columns;
    }

    /** The column names, from the header or generated. */
    public List<String> names() {
        return names;
    }

    @Override
    public SourceState open(int[] columns, ExecutionContext context) {
        if (paths.size() == 1) {
            return open(paths.getFirst(), columns, context);
        }
        return new SourceState() {
            private int next;
            private SourceState current;

            @Override
            public Batch next() {
                while (true) {
                    if (current == null) {
                        if (next == paths.size()) {
                            return null;
                        }
                        current = open(paths.get(next++), columns, context);
                    }
                    Batch batch = current.next();
                    if (batch != null) {
                        return batch;
                    }
                    current.close();
                    current = null;
                }
            }

            @Override
            public void close() {
                if (current != null) {
                    current.close();
                    current = null;
                }
            }
        };
    }

    /** One file's rows. */
    private SourceState open(String path, int[] columns, ExecutionContext context) {
        InputStream input = CopyFiles.openForReading(path);
        try {
            LineReader lines = new LineReader(input, options.quote(), options.escape());
            boolean[] none = new boolean[names.size()];
            CsvRecordReader reader = new CsvRecordReader(lines, options, path, names, none, none);
            SourceState rows = new CopyFromSource(path, names, types, reader).open(columns, context);
            return new SourceState() {
                @Override
                public Batch next() {
                    try {
                        return rows.next();
                    } catch (UncheckedIOException e) {
                        throw BasaltException.of(SqlState.IO_ERROR, "could not read file \"" + path + "\": "
                                + e.getCause().getMessage());
                    }
                }

                @Override
                public void close() {
                    rows.close();
                    closeQuietly(input);
                }
            };
        } catch (RuntimeException | Error failure) {
            closeQuietly(input);
            throw failure;
        }
    }

    private static void closeQuietly(InputStream input) {
        try {
            input.close();
        } catch (IOException ignored) {
            // a file only read: nothing is lost
        }
    }

    /** The table-function view: every column, batch by batch. */
    @Override
    public TableFunctionCursor open(BufferAllocator allocator, int vectorSize) {
        int[] all = new int[names.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        SourceState source = open(all, ExecutionContext.of(allocator, vectorSize));
        return new TableFunctionCursor() {
            @Override
            public VectorSchemaRoot next() {
                Batch batch = source.next();
                if (batch == null) {
                    return null;
                }
                VectorSchemaRoot root = new VectorSchemaRoot(new ArrayList<FieldVector>(batch.columns()));
                root.setRowCount(batch.rowCount());
                return root;
            }

            @Override
            public void close() {
                source.close();
            }
        };
    }
}
