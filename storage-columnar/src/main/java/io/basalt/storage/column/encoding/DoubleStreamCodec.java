package io.basalt.storage.column.encoding;

import io.basalt.storage.column.kernel.DecodeKernels;

/**
 * Writes a stream of doubles (as their raw IEEE bits) either as those bits in an integer stream (RAW: constant,
 * runs and dictionaries of doubles come from there) or in an ALP-style decimal form, whichever is smaller, and reads
 * it back bit for bit.
 *
 * <p>ALP: most doubles in tables were decimals once (prices, rates). For one exponent {@code e} per chunk, chosen on a
 * sample as the one that leaves the fewest values out, a value {@code v} is stored as the integer
 * {@code n = round(v * 10^e)} when {@code (double) n / 10^e} gives back exactly {@code v}'s bits (division by an exact
 * power of ten is correctly rounded, so every double that is the nearest one to a decimal with at most {@code e}
 * fraction digits qualifies). The integers go to an integer stream (frame of reference, delta, ...); the values that
 * do not qualify (NaN, infinities, -0.0, too many digits) are exceptions, stored by position and raw bits.
 *
 * <p>Layout: kind byte; RAW {@code bits stream}; ALP {@code exponent, integers stream, exception count, positions
 * stream, exception bits stream}.
 */
public final class DoubleStreamCodec {
    static final int RAW = 0;
    static final int ALP = 1;
    static final int MAXIMUM_EXPONENT = 18;
    private static final int SAMPLE = 256;
    private static final double EXACT_INTEGER_LIMIT = 0x1p53;
    private static final double[] POWERS_OF_TEN = new double[MAXIMUM_EXPONENT + 1];

    static {
        double power = 1;
        for (int e = 0; e <= MAXIMUM_EXPONENT; e++) {
            POWERS_OF_TEN[e] = power;
            power *= 10;
        }
    }

    private DoubleStreamCodec() {
    }

    /** {@code 10^exponent} as a double, for {@code exponent} in {@code [0, MAXIMUM_EXPONENT]}. */
    static double powerOfTen(int exponent) {
        return POWERS_OF_TEN[exponent];
    }

    /** Writes the doubles whose raw bits are {@code bits[0, count)}. */
    public static void write(long[] bits, int count, ByteSink out) {
        ByteSink raw = new ByteSink();
        LongStreamCodec.write(bits, count, Long.BYTES, raw);
        int exponent = count == 0 ? -1 : chooseExponent(bits, count);
        if (exponent >= 0) {
            ByteSink alp = new ByteSink();
            writeAlp(bits, count, exponent, alp);
            if (alp.size() < raw.size()) {
                out.putByte(ALP);
                out.putBytes(alp.buffer(), 0, alp.size());
                out.describe(alp.description());
                return;
            }
        }
        out.putByte(RAW);
        out.putBytes(raw.buffer(), 0, raw.size());
        out.describe("raw ").describe(raw.description());
    }

    /** The exponent that encodes the most sampled values, or -1 when fewer than half of them. */
    private static int chooseExponent(long[] bits, int count) {
        int step = Math.max(1, count / SAMPLE);
        int bestExponent = -1;
        int bestFailures = Integer.MAX_VALUE;
        int sampled = 0;
        for (int e = 0; e <= MAXIMUM_EXPONENT; e++) {
            int failures = 0;
            sampled = 0;
            for (int i = 0; i < count; i += step) {
                sampled++;
                double value = Double.longBitsToDouble(bits[i]);
                if (!encodes(value, e)) {
                    failures++;
                }
            }
            if (failures < bestFailures) {
                bestFailures = failures;
                bestExponent = e;
                if (failures == 0) {
                    break;
                }
            }
        }
        return bestFailures * 2 <= sampled ? bestExponent : -1;
    }

    private static boolean encodes(double value, int exponent) {
        double scaled = value * POWERS_OF_TEN[exponent];
        if (!(Math.abs(scaled) < EXACT_INTEGER_LIMIT)) {
            return false;
        }
        long integer = Math.round(scaled);
        return Double.doubleToRawLongBits(integer / POWERS_OF_TEN[exponent]) == Double.doubleToRawLongBits(value);
    }

    private static void writeAlp(long[] bits, int count, int exponent, ByteSink out) {
        long[] integers = new long[count];
        long[] positions = new long[count];
        long[] exceptions = new long[count];
        int exceptionCount = 0;
        long previous = 0;
        boolean seen = false;
        for (int i = 0; i < count; i++) {
            double value = Double.longBitsToDouble(bits[i]);
            if (encodes(value, exponent)) {
                previous = Math.round(value * POWERS_OF_TEN[exponent]);
                if (!seen) {
                    // Leading exceptions take the first encoded integer, so they do not widen the frame.
                    java.util.Arrays.fill(integers, 0, i, previous);
                    seen = true;
                }
                integers[i] = previous;
            } else {
                integers[i] = previous;
                positions[exceptionCount] = i;
                exceptions[exceptionCount++] = bits[i];
            }
        }
        out.putByte(exponent);
        out.describe("alp e" + exponent + " ");
        LongStreamCodec.write(integers, count, Long.BYTES, out);
        out.putInt(exceptionCount);
        if (exceptionCount > 0) {
            int describedUpTo = out.description().length();
            LongStreamCodec.write(positions, exceptionCount, Integer.BYTES, out);
            LongStreamCodec.write(exceptions, exceptionCount, Long.BYTES, out);
            out.truncateDescription(describedUpTo);
            out.describe(" +" + exceptionCount + " exceptions");
        }
    }

    /** Reads {@code count} doubles as raw bits; the array may be longer than {@code count}. */
    public static long[] read(ByteSource in, int count, DecodeKernels kernels) {
        int kind = in.getByte();
        if (kind == RAW) {
            return LongStreamCodec.read(in, count, kernels);
        }
        if (kind != ALP) {
            throw ChunkCorruption.of("unknown double encoding " + kind);
        }
        int exponent = in.getByte();
        if (exponent > MAXIMUM_EXPONENT) {
            throw ChunkCorruption.of("decimal exponent " + exponent);
        }
        long[] values = LongStreamCodec.read(in, count, kernels);
        double divisor = POWERS_OF_TEN[exponent];
        for (int i = 0; i < count; i++) {
            values[i] = Double.doubleToRawLongBits(values[i] / divisor);
        }
        int exceptionCount = in.getCount(count, "exception count");
        if (exceptionCount > 0) {
            long[] positions = LongStreamCodec.read(in, exceptionCount, kernels);
            long[] exceptions = LongStreamCodec.read(in, exceptionCount, kernels);
            for (int i = 0; i < exceptionCount; i++) {
                long position = positions[i];
                if (position < 0 || position >= count) {
                    throw ChunkCorruption.of("exception position " + position);
                }
                values[(int) position] = exceptions[i];
            }
        }
        return values;
    }
}
