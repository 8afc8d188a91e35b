package io.basalt.engine.copy;

import io.basalt.error.BasaltException;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import io.basalt.type.ValueConversion;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Turns one column of a {@link FieldBatch} into an Arrow vector of the column's type, with the input rules and
 * error messages of PostgreSQL's input functions. The common types have loops of their own that read the
 * field bytes directly: integers without a detour through strings, double precision through Java's parser once
 * the bytes are known to hold a plain decimal number, text and bounded varchar as a byte copy. Any field those
 * loops do not accept as plainly valid, and every other type, goes through {@link ValueConversion#parse} value
 * by value (so the rare inputs with spaces, signs or errors get exactly the messages INSERT gives).
 */
final class FieldConverter {
    /** A field that failed to convert: its row, and PostgreSQL's error for it. */
    static final class Failure extends RuntimeException {
        private final int row;
        private final BasaltException error;

        Failure(int row, BasaltException error) {
            super(error.getMessage(), null, false, false);
            this.row = row;
            this.error = error;
        }

        int row() {
            return row;
        }

        BasaltException error() {
            return error;
        }
    }

    /** Returned by {@link #plainInteger} for a field the general path must read. */
    private static final long NOT_PLAIN = Long.MIN_VALUE;

    private FieldConverter() {
    }

    /**
     * Converts rows {@code [0, rows)} of {@code column} into a new vector of {@code type} allocated from
     * {@code allocator}, which the caller owns. Throws {@link Failure} for the first row that does not convert
     * (the vector is closed then).
     */
    static FieldVector convert(FieldBatch batch, int column, int rows, LogicalType type, String name,
                               BufferAllocator allocator) {
        FieldVector vector = ValueAccess.allocate(type, name, allocator, rows);
        try {
            switch (type.id()) {
                case SMALLINT, INTEGER, BIGINT -> integers(batch, column, rows, type, vector);
                case DOUBLE -> doubles(batch, column, rows, type, (Float8Vector) vector);
                case TEXT, VARCHAR -> strings(batch, column, rows, type, (VarCharVector) vector);
                default -> values(batch, column, 0, rows, type, vector);
            }
            vector.setValueCount(rows);
            return vector;
        } catch (RuntimeException | Error failure) {
            vector.close();
            throw failure;
        }
    }

    private static void integers(FieldBatch batch, int column, int rows, LogicalType type, FieldVector vector) {
        byte[] data = batch.data();
        long min = switch (type.id()) {
            case SMALLINT -> Short.MIN_VALUE;
            case INTEGER -> Integer.MIN_VALUE;
            default -> Long.MIN_VALUE;
        };
        long max = -(min + 1);
        // Specialised per vector class once, so that each loop stores with a direct call.
        switch (vector) {
            case IntVector ints -> {
                for (int row = 0; row < rows; row++) {
                    long value = plainInteger(batch, data, row, column, min, max);
                    if (value != NOT_PLAIN) {
                        ints.set(row, (int) value);
                    } else {
                        values(batch, column, row, row + 1, type, vector);
                    }
                }
            }
            case BigIntVector longs -> {
                for (int row = 0; row < rows; row++) {
                    long value = plainInteger(batch, data, row, column, min, max);
                    if (value != NOT_PLAIN) {
                        longs.set(row, value);
                    } else {
                        values(batch, column, row, row + 1, type, vector);
                    }
                }
            }
            case SmallIntVector shorts -> {
                for (int row = 0; row < rows; row++) {
                    long value = plainInteger(batch, data, row, column, min, max);
                    if (value != NOT_PLAIN) {
                        shorts.set(row, (short) value);
                    } else {
                        values(batch, column, row, row + 1, type, vector);
                    }
                }
            }
            default -> throw new IllegalStateException(vector.getClass().getName());
        }
    }

    /**
     * The field as an integer within {@code [min, max]} when it is an optional minus and 1 to 18 digits;
     * otherwise (NULL, spaces, a plus sign, out of range, not a number) {@link #NOT_PLAIN}, for the general path.
     */
    private static long plainInteger(FieldBatch batch, byte[] data, int row, int column, long min, long max) {
        int length = batch.length(row, column);
        if (length == FieldBatch.NULL) {
            return NOT_PLAIN;
        }
        int i = batch.start(row, column);
        int end = i + length;
        boolean negative = false;
        if (i < end && data[i] == '-') {
            negative = true;
            i++;
        }
        int digits = end - i;
        if (digits < 1 || digits > 18) {
            return NOT_PLAIN;
        }
        long value = 0;
        for (; i < end; i++) {
            int digit = data[i] - '0';
            if (digit < 0 || digit > 9) {
                return NOT_PLAIN;
            }
            value = value * 10 + digit;
        }
        value = negative ? -value : value;
        return value < min || value > max ? NOT_PLAIN : value;
    }

    private static void doubles(FieldBatch batch, int column, int rows, LogicalType type, Float8Vector vector) {
        byte[] data = batch.data();
        for (int row = 0; row < rows; row++) {
            int length = batch.length(row, column);
            if (length == FieldBatch.NULL) {
                vector.setNull(row);
                continue;
            }
            int start = batch.start(row, column);
            double value = Double.NaN;
            boolean plain = length > 0;
            for (int i = start; i < start + length && plain; i++) {
                byte b = data[i];
                plain = (b >= '0' && b <= '9') || b == '.' || b == '-' || b == '+' || b == 'e' || b == 'E';
            }
            if (plain) {
                try {
                    value = Double.parseDouble(new String(data, start, length, StandardCharsets.ISO_8859_1));
                    plain = !Double.isInfinite(value);
                } catch (NumberFormatException e) {
                    plain = false;
                }
            }
            if (plain) {
                vector.set(row, value);
            } else {
                values(batch, column, row, row + 1, type, vector);
            }
        }
    }

    private static void strings(FieldBatch batch, int column, int rows, LogicalType type, VarCharVector vector) {
        byte[] data = batch.data();
        long bytes = 0;
        for (int row = 0; row < rows; row++) {
            bytes += Math.max(0, batch.length(row, column));
        }
        vector.allocateNew(Math.max(1, bytes), rows);
        int limit = type.precision();
        for (int row = 0; row < rows; row++) {
            int length = batch.length(row, column);
            if (length == FieldBatch.NULL) {
                vector.setNull(row);
            } else if (limit < 0 || length <= limit) {
                // A varchar(n) value of at most n bytes has at most n characters.
                vector.setSafe(row, data, batch.start(row, column), length);
            } else {
                values(batch, column, row, row + 1, type, vector);
            }
        }
    }

    /** The general path: each field parsed as text by {@link ValueConversion#parse}. */
    private static void values(FieldBatch batch, int column, int from, int to, LogicalType type, FieldVector vector) {
        for (int row = from; row < to; row++) {
            String text = batch.text(row, column);
            if (text == null) {
                vector.setNull(row);
                continue;
            }
            Object value;
            try {
                value = ValueConversion.parse(text, type);
            } catch (BasaltException error) {
                throw new Failure(row, error);
            }
            ValueAccess.set(vector, row, value);
        }
    }
}
