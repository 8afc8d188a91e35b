package io.basalt.engine.copy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Rows of COPY fields between reading and conversion: the bytes of every field, already unescaped, in one
 * array, and for each row and column where the field starts and how long it is ({@link #NULL} for NULL), with
 * each row's line number for error messages. A record reader fills it row by row; the converters then read it
 * a column at a time. Reused from batch to batch.
 */
final class FieldBatch {
    /** The length of a NULL field. */
    static final int NULL = -1;

    private final int columns;
    private byte[] data = new byte[1 << 16];
    private int dataLength;
    private int[] starts;
    private int[] lengths;
    private long[] lineNumbers;
    private int rows;

    FieldBatch(int columns, int capacity) {
        this.columns = columns;
        this.starts = new int[Math.max(1, columns * capacity)];
        this.lengths = new int[starts.length];
        this.lineNumbers = new long[Math.max(1, capacity)];
    }

    int columns() {
        return columns;
    }

    int rows() {
        return rows;
    }

    void clear() {
        rows = 0;
        dataLength = 0;
    }

    /** Drops the rows from {@code row} on (their bytes stay, unused, until {@link #clear}). */
    void truncate(int row) {
        rows = Math.min(rows, row);
    }

    /**
     * Starts a new row read from {@code lineNumber}, making room for {@code maxBytes} more field bytes; the
     * caller then sets its fields with {@link #setField} and {@link #setNull}. Returns the row's index.
     */
    int startRow(long lineNumber, int maxBytes) {
        if (rows == lineNumbers.length) {
            lineNumbers = Arrays.copyOf(lineNumbers, rows * 2);
            starts = Arrays.copyOf(starts, Math.max(1, columns * rows * 2));
            lengths = Arrays.copyOf(lengths, starts.length);
        }
        ensureRoom(maxBytes);
        lineNumbers[rows] = lineNumber;
        return rows++;
    }

    /** Makes room for {@code more} bytes after {@link #dataLength()}. */
    void ensureRoom(int more) {
        if (dataLength + more > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, dataLength + more));
        }
    }

    /** The array field bytes are written to, at {@link #dataLength()}; replaced when it grows. */
    byte[] data() {
        return data;
    }

    int dataLength() {
        return dataLength;
    }

    /** Marks {@code length} bytes written after {@link #dataLength()}. */
    void advance(int length) {
        dataLength += length;
    }

    void setField(int row, int column, int start, int length) {
        starts[row * columns + column] = start;
        lengths[row * columns + column] = length;
    }

    void setNull(int row, int column) {
        lengths[row * columns + column] = NULL;
    }

    int start(int row, int column) {
        return starts[row * columns + column];
    }

    /** The field's length in bytes, or {@link #NULL}. */
    int length(int row, int column) {
        return lengths[row * columns + column];
    }

    long lineNumber(int row) {
        return lineNumbers[row];
    }

    /** The field as text, or null for NULL (for error messages and the slower conversions). */
    String text(int row, int column) {
        int length = length(row, column);
        return length == NULL ? null : new String(data, start(row, column), length, StandardCharsets.UTF_8);
    }
}
