package io.basalt.engine.copy;

import io.basalt.error.SqlState;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * CSV as PostgreSQL reads it: fields separated by the delimiter (comma by default); a quote character anywhere
 * in a field starts a quoted stretch, inside which the escape character (the quote by default) before a quote
 * or escape stands for that character and delimiters and newlines are data, so a record may span several
 * lines (it still counts as one line in error messages, as in PostgreSQL). An unquoted field equal to the null
 * string (empty by default) is NULL, except in the FORCE_NOT_NULL columns; in the FORCE_NULL columns so is a
 * field whose value, quotes removed, equals it.
 * As in PostgreSQL 15, a line that is exactly {@code \.} ends the data.
 */
final class CsvRecordReader extends RecordReader {
    private final byte delimiter;
    private final byte quote;
    private final byte escape;
    private final boolean[] forceNotNull;
    private final boolean[] forceNull;
    /** A record that spans lines, assembled here; null while records fit on one line. */
    private byte[] record;
    private int recordLength;
    private boolean recordAssembled;

    /**
     * @param forceNotNull per target column, whether FORCE_NOT_NULL names it
     * @param forceNull    per target column, whether FORCE_NULL names it
     */
    CsvRecordReader(LineReader lines, CopyOptions options, String tableName, List<String> columnNames,
                    boolean[] forceNotNull, boolean[] forceNull) {
        super(lines, options, tableName, columnNames);
        this.delimiter = options.delimiter();
        this.quote = options.quote();
        this.escape = options.escape();
        this.forceNotNull = forceNotNull.clone();
        this.forceNull = forceNull.clone();
    }

    @Override
    protected boolean readFields(FieldBatch batch) {
        if (!lines.next()) {
            return false;
        }
        lineNumber++;
        recordAssembled = false;
        byte[] line = lines.buffer();
        int start = lines.lineStart();
        int end = lines.lineEnd();
        boolean high = lines.lineHasHighBytes();
        if (end - start == 2 && line[start] == '\\' && line[start + 1] == '.') {
            return false;
        }
        if (split(line, start, end, batch)) {
            if (high) {
                checkEncoding(line, start, end);
            }
            return true;
        }
        // A quoted field runs past the line end: join lines until the quotes close, then split again.
        recordLength = 0;
        append(line, start, end);
        recordAssembled = true;
        byte[] newline = lines.newline();
        while (true) {
            if (!lines.lineTerminated() || !lines.next()) {
                throw lineError(SqlState.BAD_COPY_FILE_FORMAT, "unterminated CSV quoted field");
            }
            append(newline, 0, newline.length);
            append(lines.buffer(), lines.lineStart(), lines.lineEnd());
            high |= lines.lineHasHighBytes();
            if (split(record, 0, recordLength, batch)) {
                if (high) {
                    checkEncoding(record, 0, recordLength);
                }
                return true;
            }
        }
    }

    private void append(byte[] bytes, int start, int end) {
        int length = end - start;
        if (record == null) {
            record = new byte[Math.max(1024, length * 2)];
        } else if (recordLength + length > record.length) {
            record = Arrays.copyOf(record, Math.max(record.length * 2, recordLength + length));
        }
        System.arraycopy(bytes, start, record, recordLength, length);
        recordLength += length;
    }

    /**
     * Splits {@code bytes[start, end)} into fields written to the batch's data; false, leaving the fields
     * incomplete, when a quoted stretch is still open at the end.
     */
    private boolean split(byte[] bytes, int start, int end, FieldBatch batch) {
        fieldCount = 0;
        batch.ensureRoom(end - start);
        byte[] out = batch.data();
        int written = batch.dataLength();
        int position = start;
        while (true) {
            int rawStart = position;
            int fieldStart = written;
            boolean quoted = false;
            boolean inQuote = false;
            while (position < end) {
                byte c = bytes[position++];
                if (inQuote) {
                    if (c == escape && position < end && (bytes[position] == escape || bytes[position] == quote)) {
                        out[written++] = bytes[position++];
                        continue;
                    }
                    if (c == quote) {
                        inQuote = false;
                        continue;
                    }
                    out[written++] = c;
                    continue;
                }
                if (c == delimiter) {
                    position--;
                    break;
                }
                if (c == quote) {
                    quoted = true;
                    inQuote = true;
                    continue;
                }
                if (c == '\r') {
                    throw lineNumberError(SqlState.BAD_COPY_FILE_FORMAT, "unquoted carriage return found in data")
                            .withHint("Use quoted CSV field to represent carriage return.");
                }
                if (c == '\n') {
                    throw lineNumberError(SqlState.BAD_COPY_FILE_FORMAT, "unquoted newline found in data")
                            .withHint("Use quoted CSV field to represent newline.");
                }
                out[written++] = c;
            }
            if (inQuote) {
                return false;
            }
            int column = fieldCount;
            boolean known = column < forceNull.length;
            boolean isNull;
            if (!quoted && isNullString(bytes, rawStart, position - rawStart)) {
                isNull = !(known && forceNotNull[column]);
            } else {
                isNull = known && forceNull[column] && isNullString(out, fieldStart, written - fieldStart);
            }
            addField(fieldStart, isNull ? FieldBatch.NULL : written - fieldStart);
            if (position >= end) {
                break;
            }
            position++;
        }
        batch.advance(written - batch.dataLength());
        return true;
    }

    @Override
    protected String recordText() {
        if (recordAssembled) {
            return new String(record, 0, recordLength, StandardCharsets.UTF_8);
        }
        return new String(lines.buffer(), lines.lineStart(), lines.lineEnd() - lines.lineStart(),
                StandardCharsets.UTF_8);
    }
}
