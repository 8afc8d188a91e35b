package io.basalt.engine.copy;

import io.basalt.error.SqlState;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * PostgreSQL's text format: one record per line, fields separated by the delimiter (tab by default), the null
 * string ({@code \N} by default) compared with the raw field before unescaping, and backslash escapes:
 * {@code \b \f \n \r \t \v}, one to three octal digits, {@code \x} with one or two hex digits, and a backslash
 * before any other character for that character (so {@code \\} and an escaped delimiter are data). As in
 * PostgreSQL 15, {@code \.} at the end of a line ends the data (what comes before it on that line is its last
 * row), {@code \.} followed by anything else is an error, and so is a carriage return or newline that is not
 * escaped; a backslash at the end of a line escapes the newline, which becomes part of the value.
 */
final class TextRecordReader extends RecordReader {
    private final byte delimiter;
    /** Set when a line ended with the end-of-data marker: that line was the last. */
    private boolean markerSeen;
    /** A record continued over a newline escaped by a backslash, assembled here. */
    private byte[] record;
    private int recordLength;
    private boolean recordAssembled;

    TextRecordReader(LineReader lines, CopyOptions options, String tableName, List<String> columnNames) {
        super(lines, options, tableName, columnNames);
        this.delimiter = options.delimiter();
    }

    @Override
    protected boolean readFields(FieldBatch batch) {
        if (markerSeen || !lines.next()) {
            return false;
        }
        lineNumber++;
        recordAssembled = false;
        byte[] line = lines.buffer();
        int start = lines.lineStart();
        int end = lines.lineEnd();
        if (end - start == 2 && line[start] == '\\' && line[start + 1] == '.') {
            return false;
        }
        boolean high = lines.lineHasHighBytes();
        if (endsWithEscape(line, start, end) && lines.lineTerminated()) {
            // A backslash before the newline escapes it, as in PostgreSQL: the record goes on on the next line.
            recordLength = 0;
            append(line, start, end);
            recordAssembled = true;
            byte[] newline = lines.newline();
            do {
                append(newline, 0, newline.length);
                if (!lines.next()) {
                    break;
                }
                append(lines.buffer(), lines.lineStart(), lines.lineEnd());
                high |= lines.lineHasHighBytes();
            } while (endsWithEscape(record, 0, recordLength) && lines.lineTerminated());
            line = record;
            start = 0;
            end = recordLength;
        }
        if (high) {
            checkEncoding(line, start, end);
        }
        split(line, start, end, batch);
        return true;
    }

    /** Whether {@code bytes[start, end)} ends with an odd number of backslashes: its last one escapes what follows. */
    private static boolean endsWithEscape(byte[] bytes, int start, int end) {
        int count = 0;
        for (int i = end - 1; i >= start && bytes[i] == '\\'; i--) {
            count++;
        }
        return (count & 1) == 1;
    }

    private void append(byte[] bytes, int start, int end) {
        int length = end - start;
        if (record == null) {
            record = new byte[Math.max(1024, length * 2)];
        } else if (recordLength + length > record.length) {
            record = java.util.Arrays.copyOf(record, Math.max(record.length * 2, recordLength + length));
        }
        System.arraycopy(bytes, start, record, recordLength, length);
        recordLength += length;
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
            scan:
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
                        case '.' -> {
                            if (position < end) {
                                throw lineNumberError(SqlState.BAD_COPY_FILE_FORMAT, "end-of-copy marker corrupt");
                            }
                            markerSeen = true;
                            break scan;
                        }
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
            int rawEnd = markerSeen ? position - 2 : position;
            if (isNullString(line, rawStart, rawEnd - rawStart)) {
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
        if (recordAssembled) {
            return new String(record, 0, recordLength, StandardCharsets.UTF_8);
        }
        return new String(lines.buffer(), lines.lineStart(), lines.lineEnd() - lines.lineStart(),
                StandardCharsets.UTF_8);
    }
}
