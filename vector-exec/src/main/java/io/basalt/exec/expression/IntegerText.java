package io.basalt.exec.expression;

import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Casts of smallint, integer and bigint to text (or to varchar without a length), written straight into the
 * target's buffers: one pass sums the decimal lengths, the digits of every value then go into one byte array
 * that is copied into the data buffer at once. The text is PostgreSQL's output of the value (an optional minus
 * sign and the digits), so the result equals the general value-by-value conversion, without a String per row.
 */
final class IntegerText {
    /** "00", "01", ..., "99" back to back. */
    private static final byte[] PAIRS = new byte[200];

    static {
        for (int pair = 0; pair < 100; pair++) {
            PAIRS[2 * pair] = (byte) ('0' + pair / 10);
            PAIRS[2 * pair + 1] = (byte) ('0' + pair % 10);
        }
    }

    private IntegerText() {
    }

    /** Whether the cast of {@code in} ({@code from}) to {@code to}, into {@code out}, is one this class writes. */
    static boolean applies(FieldVector in, LogicalType from, LogicalType to, FieldVector out) {
        boolean target = to.id() == TypeId.TEXT || to.id() == TypeId.VARCHAR && to.precision() < 0;
        boolean source = in instanceof BigIntVector && from.id() == TypeId.BIGINT
                || in instanceof IntVector && from.id() == TypeId.INTEGER
                || in instanceof SmallIntVector && from.id() == TypeId.SMALLINT;
        return target && source && out instanceof VarCharVector;
    }

    /** Writes rows {@code [0, rows)} of {@code in} as text into {@code out}; NULL stays NULL. */
    static void write(FieldVector in, int rows, VarCharVector out) {
        boolean nulls = in.getNullCount() > 0;
        ArrowBuf values = in.getDataBuffer();
        int width = ((org.apache.arrow.vector.BaseFixedWidthVector) in).getTypeWidth();
        int total = 0;
        for (int i = 0; i < rows; i++) {
            if (!nulls || !in.isNull(i)) {
                total += length(value(values, width, i));
            }
        }
        out.allocateNew(Math.max(total, 1), rows);
        byte[] text = new byte[total];
        ArrowBuf offsets = out.getOffsetBuffer();
        ArrowBuf validity = out.getValidityBuffer();
        int end = 0;
        offsets.setInt(0, 0);
        for (int i = 0; i < rows; i++) {
            if (!nulls || !in.isNull(i)) {
                long value = value(values, width, i);
                end += length(value);
                digits(value, text, end);
                BitVectorHelper.setBit(validity, i);
            }
            offsets.setInt((long) (i + 1) * 4, end);
        }
        out.getDataBuffer().setBytes(0, text, 0, total);
        out.setLastSet(rows - 1);
        out.setValueCount(rows);
    }

    /** Value {@code i} of a smallint, integer or bigint vector of {@code width} bytes, read from its data buffer. */
    private static long value(ArrowBuf data, int width, int i) {
        return switch (width) {
            case 8 -> data.getLong((long) i * 8);
            case 4 -> data.getInt((long) i * 4);
            default -> data.getShort((long) i * 2);
        };
    }

    /** Characters of {@code value}'s decimal text, its minus sign included. */
    static int length(long value) {
        int sign = value < 0 ? 1 : 0;
        // Counted on the negated value, which holds Long.MIN_VALUE too.
        long negative = value < 0 ? value : -value;
        int digits = 1;
        for (long bound = -10; digits < 19 && negative <= bound; bound *= 10) {
            digits++;
        }
        return sign + digits;
    }

    /** Writes {@code value}'s text so that it ends just before {@code text[end]}: two digits per division. */
    static void digits(long value, byte[] text, int end) {
        long negative = value < 0 ? value : -value;
        int position = end;
        while (negative <= -100) {
            long quotient = negative / 100;
            int pair = (int) (quotient * 100 - negative);
            text[--position] = PAIRS[2 * pair + 1];
            text[--position] = PAIRS[2 * pair];
            negative = quotient;
        }
        int last = (int) -negative;
        if (last >= 10) {
            text[--position] = PAIRS[2 * last + 1];
            text[--position] = PAIRS[2 * last];
        } else {
            text[--position] = (byte) ('0' + last);
        }
        if (value < 0) {
            text[--position] = '-';
        }
    }
}
