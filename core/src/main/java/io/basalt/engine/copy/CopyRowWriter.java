package io.basalt.engine.copy;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import io.basalt.type.datetime.DateTimeSettings;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Writes COPY TO's rows in the text or CSV format, as PostgreSQL writes them. Text: values in their output
 * form with backslash, the delimiter and the control characters {@code \b \f \n \r \t \v} escaped, NULL as the
 * null string. CSV: a value is quoted when FORCE_QUOTE names its column, when it equals the null string, when it
 * holds the delimiter, the quote or a newline, or when it is {@code \.} alone in a one-column row; inside quotes
 * the quote and escape characters are preceded by the escape character; NULL is the null string, unquoted.
 * Every row ends with a newline.
 */
final class CopyRowWriter {
    private final CopyOptions options;
    private final Writer out;
    private final boolean[] forceQuote;
    private final char delimiter;
    private final char quote;
    private final char escape;
    private final StringBuilder line = new StringBuilder();

    /** @param forceQuote per output column, whether CSV output always quotes it */
    CopyRowWriter(CopyOptions options, Writer out, boolean[] forceQuote) {
        this.options = requireNonNull(options, "options is null");
        this.out = requireNonNull(out, "out is null");
        this.forceQuote = forceQuote.clone();
        this.delimiter = (char) options.delimiter();
        this.quote = (char) options.quote();
        this.escape = (char) options.escape();
    }

    /** The header line: the column names, formatted as values (never forced into quotes). */
    void writeHeader(List<String> names) throws IOException {
        line.setLength(0);
        for (int c = 0; c < names.size(); c++) {
            if (c > 0) {
                line.append(delimiter);
            }
            appendValue(names.get(c), false, names.size() == 1);
        }
        line.append('\n');
        out.write(line.toString());
    }

    /**
     * Writes rows {@code [0, rows)} of {@code columns}, the batch's lines in one write. Each column's type and the
     * session's date settings are looked up once per batch: decoding the type from the Arrow field for every value
     * (as {@link ValueAccess#text(FieldVector, int)} does) was a third of COPY TO's time.
     */
    void writeRows(List<FieldVector> columns, int rows) throws IOException {
        int width = columns.size();
        FieldVector[] vectors = columns.toArray(new FieldVector[0]);
        LogicalType[] types = new LogicalType[width];
        for (int c = 0; c < width; c++) {
            types[c] = LogicalType.of(vectors[c].getField());
        }
        DateTimeSettings settings = DateTimeSettings.current();
        line.setLength(0);
        for (int row = 0; row < rows; row++) {
            for (int c = 0; c < width; c++) {
                if (c > 0) {
                    line.append(delimiter);
                }
                FieldVector vector = vectors[c];
                String value = vector.isNull(row) ? null
                        : ValueAccess.text(types[c], ValueAccess.get(vector, row), settings);
                if (value == null) {
                    line.append(options.nullString());
                } else {
                    appendValue(value, forceQuote[c], width == 1);
                }
            }
            line.append('\n');
        }
        out.write(line.toString());
    }

    private void appendValue(String value, boolean forced, boolean onlyColumn) {
        if (options.format() == CopyFormat.CSV) {
            appendCsv(value, forced, onlyColumn);
        } else {
            appendText(value);
        }
    }

    private void appendText(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\b' -> line.append("\\b");
                case '\f' -> line.append("\\f");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                case 0x0b -> line.append("\\v");
                default -> {
                    if (c == '\\' || c == delimiter) {
                        line.append('\\');
                    }
                    line.append(c);
                }
            }
        }
    }

    private void appendCsv(String value, boolean forced, boolean onlyColumn) {
        boolean quoted = forced || value.equals(options.nullString());
        if (!quoted) {
            if (onlyColumn && value.equals("\\.")) {
                quoted = true;
            } else {
                for (int i = 0; i < value.length() && !quoted; i++) {
                    char c = value.charAt(i);
                    quoted = c == delimiter || c == quote || c == '\n' || c == '\r';
                }
            }
        }
        if (!quoted) {
            line.append(value);
            return;
        }
        line.append(quote);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == quote || c == escape) {
                line.append(escape);
            }
            line.append(c);
        }
        line.append(quote);
    }
}
