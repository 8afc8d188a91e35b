package io.basalt.format.parquet.encode;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Encodes Parquet's RLE / bit-packing hybrid, the encoding of definition and repetition levels and of dictionary
 * indices. A run of at least eight equal values becomes an RLE run (ULEB128 header {@code count << 1}, then the
 * value in {@code ceil(width / 8)} little-endian bytes); everything between such runs is bit-packed in groups of
 * eight, least significant bit first (header {@code groups << 1 | 1}). A bit-packed stretch ahead of an RLE run is
 * first filled up to a whole group with values of that run, so that only the last group of the data is padded,
 * as the format requires. Stateless.
 */
public final class RleBitPackedEncoder {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** The shortest run written as an RLE run. */
    private static final int MIN_RUN = 8;

    private RleBitPackedEncoder() {
    }

    /** The bit width that holds every value from 0 to {@code max}. */
    public static int bitWidth(int max) {
        return 32 - Integer.numberOfLeadingZeros(max);
    }

    /**
     * Appends {@code values[from .. to)}, each fitting in {@code width} bits (0 to 32), to {@code out}.
     */
    public static void encode(int[] values, int from, int to, int width, PageOutput out) {
        int valueBytes = (width + 7) / 8;
        int packedStart = from;
        int at = from;
        while (at < to) {
            int value = values[at];
            int run = 1;
            while (at + run < to && values[at + run] == value) {
                run++;
            }
            if (run < MIN_RUN) {
                at += run;
                continue;
            }
            int pending = at - packedStart;
            if (pending > 0) {
                // the bit-packed stretch takes a few of the run's values to end on a whole group
                int fill = (MIN_RUN - pending % MIN_RUN) % MIN_RUN;
                writePacked(values, packedStart, pending + fill, width, out);
                at += fill;
                run -= fill;
            }
            if (run >= MIN_RUN) {
                writeRun(value, run, valueBytes, out);
                at += run;
                packedStart = at;
            } else {
                packedStart = at;
                at += run;
            }
        }
        if (packedStart < to) {
            writePacked(values, packedStart, to - packedStart, width, out);
        }
    }

    /** Appends one RLE run of {@code count} copies of {@code value}. */
    public static void writeRun(int value, int count, int valueBytes, PageOutput out) {
        out.writeUnsignedVarInt(count << 1);
        for (int i = 0; i < valueBytes; i++) {
            out.writeByte(value >>> (8 * i));
        }
    }

    /** Appends {@code count} values as one bit-packed run, the last group padded with zeros. */
    private static void writePacked(int[] values, int from, int count, int width, PageOutput out) {
        int groups = (count + 7) / 8;
        out.writeUnsignedVarInt(groups << 1 | 1);
        if (width == 0) {
            return;
        }
        // eight more bytes of room: the last long store may reach past the packed bytes
        out.ensure(groups * width + 8);
        byte[] bytes = out.array();
        int position = out.size();
        long mask = width == 32 ? 0xffffffffL : (1L << width) - 1;
        long buffer = 0;
        int bits = 0;
        int end = from + count;
        // values are gathered in a 64-bit buffer stored eight bytes at a time
        for (int i = from; i < end; i++) {
            long value = values[i] & mask;
            buffer |= value << bits;
            bits += width;
            if (bits >= 64) {
                LONG.set(bytes, position, buffer);
                position += 8;
                bits -= 64;
                buffer = bits == 0 ? 0 : value >>> (width - bits);
            }
        }
        // the padding values are zeros: the bits gathered so far, then zero bytes to the end of the last group
        int packedEnd = out.size() + groups * width;
        java.util.Arrays.fill(bytes, position, packedEnd, (byte) 0);
        if (bits > 0) {
            LONG.set(bytes, position, buffer);
        }
        out.skip(groups * width);
    }
}
