package io.basalt.engine.copy;

import io.basalt.error.SqlState;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * PostgreSQL's text format: one record per line, fields separated by the delimiter (tab by default), the null
 * string ({@code \N} by default) compared with the raw field before unescaping, and backslash escapes:
 * {@code \b \f \n \r \t \v}, one to three octal digits, {@code \x} with one or two hex digits, and a backslash
 * before any other character for that character (so {@code \\} and an escaped delimiter are data). A line
 * that is exactly {@code \.} ends the data; {@code \.} anywhere else is an error, and so is a carriage return
 * or newline that is not escaped.
 */
final class TextRecordReader extends RecordReader {
    private final byte delimiter;

    TextRecordReader(LineReader lines, CopyOptions options, String tableName, List<String> columnNames) {
        super(lines, options, tableName, columnNames);
        this.delimiter = options.delimiter();
    }

    @Override
    protected boolean readFields(FieldBatch batch) {
        if (!lines.next()) {
            return false;
        }
        lineNumber++;
        byte[] line = lines.buffer();
        int start = lines.lineStart();
        int end = lines.lineEnd();
        if (end - start == 2 && line[start] == '\\' && line[start + 1] == '.') {
            return false;
        }
        if (lines.lineHasHighBytes()) {
            checkEncoding(line, start, end);
        }
        split(line, start, end, batch);
        return true;
    }

    /** Splits {@code line[start, end)} into fields, unescaping them into the batch's data. */
    private void split(byte[] line, int start, int end, FieldBatch batch) {
        fieldCount = 0;
        batch.ensureRoom(end - start);
        byte[] out = batch.data();
        int written = batch.dataLength();
        int position = start;
        while (true) {
            int rawStart = position;
            int fieldStart = written;
            boolean escapedSpecialByte = false;
            while (position < end) {
                byte c = line[position];
                if (c == delimiter) {
                    break;
                }
                if (c == '\\') {
                    position++;
                    if (position >= end) {
                        break;
                    }
                    c = line[position++];
                    int value;
                    switch (c) {
                        case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                            value = c - '0';
                            for (int digits = 1; digits < 3 && position < end && isOctal(line[position]); digits++) {
                                value = (value << 3) + (line[position++] - '0');
                            }
                            value &= 0xff;
                            escapedSpecialByte |= value == 0 || value >= 0x80;
                        }
                        case 'x' -> {
                            if (position < end && hexValue(line[position]) >= 0) {
                                value = hexValue(line[position++]);
                                if (position < end && hexValue(line[position]) >= 0) {
                                    value = (value << 4) + hexValue(line[position++]);
                                }
                                escapedSpecialByte |= value == 0 || value >= 0x80;
                            } else {
                                value = 'x';
                            }
                        }
                        case 'b' -> value = '\b';
                        case 'f' -> value = '\f';
                        case 'n' -> value = '\n';
                        case 'r' -> value = '\r';
                        case 't' -> value = '\t';
                        case 'v' -> value = 0x0b;
                        case '.' -> throw lineNumberError(SqlState.BAD_COPY_FILE_FORMAT,
                                "end-of-copy marker is not alone on its line");
                        default -> value = c;
                    }
                    out[written++] = (byte) value;
                    continue;
                }
                if (c == '\r') {
                    throw lineNumberError(SqlState.BAD_COPY_FILE_FORMAT, "literal carriage return found in data")
                            .withHint("Use \"\\r\" to represent carriage return.");
                }
                if (c == '\n') {
                    throw lineNumberError(SqlState.BAD_COPY_FILE_FORMAT, "literal newline found in data")
                            .withHint("Use \"\\n\" to represent newline.");
                }
                out[written++] = c;
                position++;
            }
            if (isNullString(line, rawStart, position - rawStart)) {
                addField(fieldStart, FieldBatch.NULL);
            } else {
                if (escapedSpecialByte) {
                    checkEncoding(out, fieldStart, written);
                }
                addField(fieldStart, written - fieldStart);
            }
            if (position >= end) {
                break;
            }
            position++;
        }
        batch.advance(written - batch.dataLength());
    }

    private static boolean isOctal(byte c) {
        return c >= '0' && c <= '7';
    }

    private static int hexValue(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    @Override
    protected String recordText() {
        return new String(lines.buffer(), lines.lineStart(), lines.lineEnd() - lines.lineStart(),
                StandardCharsets.UTF_8);
    }
}
