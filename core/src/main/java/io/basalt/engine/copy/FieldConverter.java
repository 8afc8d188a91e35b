package io.basalt.engine.copy;

import io.basalt.error.BasaltException;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import io.basalt.type.ValueConversion;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Turns one column of a {@link FieldBatch} into an Arrow vector of the column's type, with the input rules and
 * error messages of PostgreSQL's input functions. The common types have loops of their own that read the
 * field bytes directly: integers and NUMERIC(p<=18) without a detour through strings, ISO dates computed from
 * their digits, double precision through Java's parser once the bytes are known to hold a plain decimal number,
 * text and bounded varchar as a byte copy. Any field those
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
                case DATE -> dates(batch, column, rows, type, (DateDayVector) vector);
                case NUMERIC -> {
                    if (type.isScaledLong() && type.scale() >= 0) {
                        scaledDecimals(batch, column, rows, type, (BigIntVector) vector);
                    } else {
                        values(batch, column, 0, rows, type, vector);
                    }
                }
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

    /**
     * NUMERIC(p,s) stored as a scaled long: a field of an optional minus, digits and an optional point with at most
     * s digits after it, whose integer part fits p - s digits, is scaled here; anything else (rounding, signs,
     * spaces, exponents, NaN, overflow errors) takes the general path.
     */
    private static void scaledDecimals(FieldBatch batch, int column, int rows, LogicalType type, BigIntVector vector) {
        byte[] data = batch.data();
        int scale = type.scale();
        int integerLimit = type.precision() - scale;
        for (int row = 0; row < rows; row++) {
            int length = batch.length(row, column);
            if (length == FieldBatch.NULL) {
                vector.setNull(row);
                continue;
            }
            long value = plainScaledDecimal(data, batch.start(row, column), length, scale, integerLimit);
            if (value != NOT_PLAIN) {
                vector.set(row, value);
            } else {
                values(batch, column, row, row + 1, type, vector);
            }
        }
    }

    /** The unscaled value of a plain decimal field (see {@link #scaledDecimals}), or {@link #NOT_PLAIN}. */
    static long plainScaledDecimal(byte[] data, int start, int length, int scale, int integerLimit) {
        int i = start;
        int end = start + length;
        boolean negative = i < end && data[i] == '-';
        if (negative) {
            i++;
        }
        long value = 0;
        int integerDigits = 0;
        int digits = 0;
        for (; i < end && data[i] != '.'; i++) {
            int digit = data[i] - '0';
            if (digit < 0 || digit > 9) {
                return NOT_PLAIN;
            }
            if (value != 0 || digit != 0) {
                integerDigits++;
            }
            value = value * 10 + digit;
            digits++;
            if (integerDigits > integerLimit) {
                return NOT_PLAIN;
            }
        }
        int fractionDigits = 0;
        if (i < end) {
            i++; // the point
            for (; i < end; i++) {
                int digit = data[i] - '0';
                if (digit < 0 || digit > 9 || ++fractionDigits > scale) {
                    return NOT_PLAIN;
                }
                value = value * 10 + digit;
                digits++;
            }
        }
        if (digits == 0) {
            return NOT_PLAIN;
        }
        for (int f = fractionDigits; f < scale; f++) {
            value *= 10;
        }
        return negative ? -value : value;
    }

    /**
     * DATE: a field of exactly {@code YYYY-MM-DD} (ISO, read the same under every DateStyle) with a year from 1 to
     * 9999 and a day that exists is converted here; anything else takes the general path.
     */
    private static void dates(FieldBatch batch, int column, int rows, LogicalType type, DateDayVector vector) {
        byte[] data = batch.data();
        for (int row = 0; row < rows; row++) {
            int length = batch.length(row, column);
            if (length == FieldBatch.NULL) {
                vector.setNull(row);
                continue;
            }
            long day = length == 10 ? plainIsoDate(data, batch.start(row, column)) : NOT_PLAIN;
            if (day != NOT_PLAIN) {
                vector.set(row, (int) day);
            } else {
                values(batch, column, row, row + 1, type, vector);
            }
        }
    }

    /** The epoch day of the ten bytes at {@code start} when they are a valid {@code YYYY-MM-DD}, or {@link #NOT_PLAIN}. */
    static long plainIsoDate(byte[] data, int start) {
        if (data[start + 4] != '-' || data[start + 7] != '-') {
            return NOT_PLAIN;
        }
        int year = digits(data, start, 4);
        int month = digits(data, start + 5, 2);
        int day = digits(data, start + 8, 2);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            return NOT_PLAIN;
        }
        // Days since 0000-03-01 in the proleptic Gregorian calendar, counting years from March.
        int marchYear = month <= 2 ? year - 1 : year;
        int era = marchYear / 400;
        int yearOfEra = marchYear - era * 400;
        int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }

    /** The decimal number in {@code count} bytes at {@code start}, or -1 if one of them is not a digit. */
    private static int digits(byte[] data, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            int digit = data[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
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
