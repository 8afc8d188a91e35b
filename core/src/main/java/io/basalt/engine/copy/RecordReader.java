package io.basalt.engine.copy;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Reads COPY input record by record into a {@link FieldBatch}, for one of the two text-based formats. The
 * format splits a record into fields ({@link #readFields}); this class checks the number of fields against
 * the target columns, handles the header line, and holds back errors so that they surface in PostgreSQL's
 * order: the rows before a malformed record are handed out first, and its error is thrown by the next call.
 *
 * <p>Errors carry PostgreSQL's CONTEXT: {@code COPY t, line 3: "the line"}.
 */
abstract sealed class RecordReader permits TextRecordReader, CsvRecordReader {
    /** PostgreSQL shows at most this many bytes of a line or value in an error's context. */
    private static final int MAX_DISPLAYED_BYTES = 100;

    protected final LineReader lines;
    protected final CopyOptions options;
    protected final byte[] nullBytes;
    private final String tableName;
    private final List<String> columnNames;
    /** Where the last {@link #readFields} left each field in the batch's data, and how many it found. */
    protected int[] fieldStarts = new int[16];
    protected int[] fieldLengths = new int[16];
    protected int fieldCount;
    /** The number of the current record's (first) line; records are counted, not physical lines. */
    protected long lineNumber;
    private BasaltException pending;
    private boolean finished;
    private boolean headerRead;

    RecordReader(LineReader lines, CopyOptions options, String tableName, List<String> columnNames) {
        this.lines = requireNonNull(lines, "lines is null");
        this.options = requireNonNull(options, "options is null");
        this.tableName = requireNonNull(tableName, "tableName is null");
        this.columnNames = List.copyOf(columnNames);
        this.nullBytes = options.nullString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads the next record's fields into {@link #fieldStarts}, {@link #fieldLengths} and {@link #fieldCount},
     * their bytes into {@code batch}'s data. Returns false at the end of the data.
     */
    protected abstract boolean readFields(FieldBatch batch);

    /** The current record as PostgreSQL shows it in an error's context (the raw text, before unescaping). */
    protected abstract String recordText();

    /**
     * Clears {@code batch} and reads up to {@code maxRows} rows into it; returns how many (0 at the end). When a
     * record is malformed, the rows before it are returned and its error is thrown by the next call.
     */
    final int read(FieldBatch batch, int maxRows) {
        batch.clear();
        if (pending != null) {
            BasaltException failure = pending;
            pending = null;
            finished = true;
            throw failure;
        }
        if (finished) {
            return 0;
        }
        int rowsBefore = 0;
        try {
            if (!headerRead) {
                headerRead = true;
                if (options.header()) {
                    readHeader(batch);
                    batch.clear();
                }
            }
            while (batch.rows() < maxRows) {
                rowsBefore = batch.rows();
                if (!readFields(batch)) {
                    finished = true;
                    break;
                }
                storeRow(batch);
            }
        } catch (BasaltException failure) {
            batch.truncate(rowsBefore);
            if (batch.rows() == 0) {
                finished = true;
                throw failure;
            }
            pending = failure;
        }
        return batch.rows();
    }

    /** Checks the field count and copies the fields into a new row of {@code batch}. */
    private void storeRow(FieldBatch batch) {
        int columns = columnNames.size();
        if (fieldCount > columns) {
            throw lineError(SqlState.BAD_COPY_FILE_FORMAT, "extra data after last expected column");
        }
        if (fieldCount < columns) {
            throw lineError(SqlState.BAD_COPY_FILE_FORMAT,
                    "missing data for column \"" + columnNames.get(fieldCount) + "\"");
        }
        int row = batch.startRow(lineNumber, 0);
        for (int c = 0; c < columns; c++) {
            batch.setField(row, c, fieldStarts[c], fieldLengths[c]);
        }
    }

    /** Skips the header line, or with HEADER MATCH checks its names against the target columns. */
    private void readHeader(FieldBatch batch) {
        if (!readFields(batch)) {
            return;
        }
        if (!options.headerMatch()) {
            return;
        }
        if (fieldCount != columnNames.size()) {
            throw lineError(SqlState.BAD_COPY_FILE_FORMAT, "wrong number of fields in header line: got "
                    + fieldCount + ", expected " + columnNames.size());
        }
        for (int c = 0; c < fieldCount; c++) {
            String expected = columnNames.get(c);
            if (fieldLengths[c] == FieldBatch.NULL) {
                throw lineError(SqlState.BAD_COPY_FILE_FORMAT, "column name mismatch in header line field " + (c + 1)
                        + ": got null value (\"" + options.nullString() + "\"), expected \"" + expected + "\"");
            }
            String name = new String(batch.data(), fieldStarts[c], fieldLengths[c], StandardCharsets.UTF_8);
            if (!name.equals(expected)) {
                throw lineError(SqlState.BAD_COPY_FILE_FORMAT, "column name mismatch in header line field " + (c + 1)
                        + ": got \"" + name + "\", expected \"" + expected + "\"");
            }
        }
    }

    /** Records a field found by the format, growing the arrays as needed. */
    protected final void addField(int start, int length) {
        if (fieldCount == fieldStarts.length) {
            fieldStarts = Arrays.copyOf(fieldStarts, fieldCount * 2);
            fieldLengths = Arrays.copyOf(fieldLengths, fieldCount * 2);
        }
        fieldStarts[fieldCount] = start;
        fieldLengths[fieldCount] = length;
        fieldCount++;
    }

    /** Whether {@code bytes[start, start + length)} is the null string. */
    protected final boolean isNullString(byte[] bytes, int start, int length) {
        if (length != nullBytes.length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (bytes[start + i] != nullBytes[i]) {
                return false;
            }
        }
        return true;
    }

    /** An error about the current record, with the record's text in its context. */
    protected final BasaltException lineError(SqlState state, String message) {
        return BasaltException.of(state, message).withContext("COPY " + tableName + ", line " + lineNumber + ": \""
                + limitPrintout(recordText()) + "\"");
    }

    /** An error about the current record, with only its line number in the context. */
    protected final BasaltException lineNumberError(SqlState state, String message) {
        return BasaltException.of(state, message).withContext("COPY " + tableName + ", line " + lineNumber);
    }

    /** Throws PostgreSQL's error when {@code bytes[start, end)} is not valid UTF-8 (or holds a zero byte). */
    protected final void checkEncoding(byte[] bytes, int start, int end) {
        int bad = Utf8Validation.firstInvalid(bytes, start, end);
        if (bad >= 0) {
            throw lineNumberError(SqlState.CHARACTER_NOT_IN_REPERTOIRE,
                    "invalid byte sequence for encoding \"UTF8\": " + Utf8Validation.describe(bytes, bad, end));
        }
    }

    /** PostgreSQL's clipping of long text in a COPY error's context: 100 bytes, then "...". */
    static String limitPrintout(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_DISPLAYED_BYTES) {
            return text;
        }
        int cut = MAX_DISPLAYED_BYTES;
        while (cut > 0 && (bytes[cut] & 0xc0) == 0x80) {
            cut--;
        }
        return new String(bytes, 0, cut, StandardCharsets.UTF_8) + "...";
    }

    /** How a value appears in a conversion error's context: {@code COPY t, line 3, column a: "x"}. */
    final String valueContext(long line, String column, String value) {
        return "COPY " + tableName + ", line " + line + ", column " + column + ": "
                + (value == null ? "null input" : "\"" + limitPrintout(value) + "\"");
    }
}
