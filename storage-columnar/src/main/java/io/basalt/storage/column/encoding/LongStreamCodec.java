package io.basalt.storage.column.encoding;

import io.basalt.storage.column.kernel.DecodeKernels;

/**
 * Writes a stream of 64-bit integers in the cheapest of the {@link LongEncoding}s, chosen by one analysis pass over
 * the real values (their range, runs, neighbour differences and, where it may pay, distinct values), and reads it
 * back. Cheapest weighs the encoded size and the time decoding it takes ({@link #cost}): run-length decoding costs
 * about 10 ns per run on top of a per-row fill, so a chunk of 1-2-row runs, a few percent smaller than bit-packing,
 * decoded four to five times slower than it; runs are chosen only where they are long enough to pay. The row count is not stored: the caller knows it. Runs and dictionaries nest streams (their run values,
 * lengths and codes are streams in turn), at most {@link #MAXIMUM_DEPTH} deep.
 *
 * <p>Stream layout after the encoding id byte: CONSTANT {@code value}; FRAME_OF_REFERENCE {@code base, width,
 * packed}; DELTA {@code first, delta base, width, packed differences}; RUN_LENGTH {@code runs, values stream, lengths
 * stream}; DICTIONARY {@code size, values stream, codes stream}; PLAIN {@code byte width, values}.
 */
public final class LongStreamCodec {
    static final int MAXIMUM_DEPTH = 4;
    private static final int DICTIONARY_LIMIT = 1 << 16;

    /*
     * Decode time per value (and per run), in nanoseconds: timings of 122,880-value streams decoded by read() with
     * the vector kernels on the shared two-core machine (frame of reference 1.9, delta 3.6, dictionary 3.5-3.9, plain
     * 8 bytes 1.05; runs fitted over runs of 1-2, 2-4 and 6-10 rows: 9.9 per run plus 1.7 per row, and runs all of one
     * length, whose loop the branch predictor learns, about 5 per run). Only their ratios matter much; they order
     * encodings whose sizes are close.
     */
    private static final double FRAME_NANOS_PER_VALUE = 1.9;
    private static final double DELTA_NANOS_PER_VALUE = 3.6;
    private static final double DICTIONARY_NANOS_PER_VALUE = 3.6;
    private static final double PLAIN_NANOS_PER_VALUE = 1.0;
    private static final double RUN_NANOS_PER_RUN = 10;
    private static final double UNIFORM_RUN_NANOS_PER_RUN = 5;
    private static final double RUN_NANOS_PER_VALUE = 1.7;
    /**
     * What a nanosecond of decoding is worth in stored bytes. A byte saved pays for two nanoseconds of decoding: a cold
     * scan reads and checksums each stored byte once, and a database at or below DuckDB's size is a target of its own,
     * so size keeps most of the weight and decode time breaks near ties (runs of 1-2 rows lose to bit-packing, runs of
     * four or more random values, or of sorted keys, keep run-length).
     */
    static final double BYTES_PER_DECODE_NANO = 0.5;

    private LongStreamCodec() {
    }

    /**
     * Writes {@code values[0, count)}; {@code plainBytes} (1, 2, 4 or 8) is the width the values need as plain
     * little-endian integers, which they must fit (sign-extended).
     */
    public static void write(long[] values, int count, int plainBytes, ByteSink out) {
        write(values, count, plainBytes, out, 0);
    }

    private static void write(long[] values, int count, int plainBytes, ByteSink out, int depth) {
        if (count == 0) {
            out.putByte(LongEncoding.CONSTANT.id());
            out.putLong(0);
            out.describe("empty");
            return;
        }
        long min = values[0];
        long max = values[0];
        long minDelta = Long.MAX_VALUE;
        long maxDelta = Long.MIN_VALUE;
        long minStep = Long.MAX_VALUE;
        long maxStep = Long.MIN_VALUE;
        int runs = 1;
        int run = 1;
        int longestRun = 1;
        int shortestRun = Integer.MAX_VALUE;
        for (int i = 1; i < count; i++) {
            long value = values[i];
            min = Math.min(min, value);
            max = Math.max(max, value);
            long delta = value - values[i - 1];
            minDelta = Math.min(minDelta, delta);
            maxDelta = Math.max(maxDelta, delta);
            if (delta == 0) {
                run++;
            } else {
                // The differences between neighbouring runs' values: what a delta stream of the run values holds.
                minStep = Math.min(minStep, delta);
                maxStep = Math.max(maxStep, delta);
                longestRun = Math.max(longestRun, run);
                shortestRun = Math.min(shortestRun, run);
                run = 1;
                runs++;
            }
        }
        longestRun = Math.max(longestRun, run);
        shortestRun = Math.min(shortestRun, run);
        if (min == max) {
            out.putByte(LongEncoding.CONSTANT.id());
            out.putLong(min);
            out.describe("constant");
            return;
        }
        int rangeWidth = BitPacking.width(max - min);
        long forSize = 10 + BitPacking.packedBytes(count, rangeWidth);
        long deltaSize = 18 + BitPacking.packedBytes(count - 1, BitPacking.width(maxDelta - minDelta));
        int runValueWidth = Math.min(rangeWidth, BitPacking.width(maxStep - minStep));
        long runSize = depth + 1 < MAXIMUM_DEPTH
            ? 33 + BitPacking.packedBytes(runs, runValueWidth)
                + BitPacking.packedBytes(runs, BitPacking.width((long) longestRun - shortestRun))
            : Long.MAX_VALUE;
        long plainSize = 2 + (long) count * plainBytes;
        LongDictionary dictionary = null;
        long dictionarySize = Long.MAX_VALUE;
        double forCost = cost(forSize, FRAME_NANOS_PER_VALUE * count);
        double deltaCost = cost(deltaSize, DELTA_NANOS_PER_VALUE * count);
        double nanosPerRun = longestRun == shortestRun ? UNIFORM_RUN_NANOS_PER_RUN : RUN_NANOS_PER_RUN;
        double runCost = cost(runSize, nanosPerRun * runs + RUN_NANOS_PER_VALUE * count);
        double plainCost = cost(plainSize, PLAIN_NANOS_PER_VALUE * count);
        double otherBest = Math.min(Math.min(forCost, deltaCost), Math.min(runCost, plainCost));
        // The bytes a dictionary may take and still cost less than the best other encoding.
        long dictionaryBudget = (long) Math.min(Long.MAX_VALUE / 2,
            otherBest - BYTES_PER_DECODE_NANO * DICTIONARY_NANOS_PER_VALUE * count);
        int usefulSize = usefulDictionarySize(count, dictionaryBudget);
        if (depth + 1 < MAXIMUM_DEPTH && rangeWidth > 3 && count >= 16 && usefulSize >= 2) {
            LongDictionary candidate = new LongDictionary(Math.min(usefulSize, Math.min(DICTIONARY_LIMIT, count / 2)));
            if (candidate.addAll(values, count)) {
                dictionary = candidate;
                dictionarySize = 25 + BitPacking.packedBytes(candidate.size(), rangeWidth)
                    + BitPacking.packedBytes(count, BitPacking.width(candidate.size() - 1));
            }
        }
        double dictionaryCost = cost(dictionarySize, DICTIONARY_NANOS_PER_VALUE * count);
        double best = Math.min(otherBest, dictionaryCost);
        if (best == deltaCost) {
            writeDelta(values, count, minDelta, maxDelta, out);
        } else if (best == forCost) {
            out.putByte(LongEncoding.FRAME_OF_REFERENCE.id());
            out.putLong(min);
            out.putByte(rangeWidth);
            BitPacking.pack(values, 0, count, min, rangeWidth, out);
            out.describe("for w" + rangeWidth);
        } else if (best == runCost) {
            writeRuns(values, count, runs, plainBytes, out, depth);
        } else if (best == dictionaryCost) {
            writeDictionary(values, count, dictionary, plainBytes, out, depth);
        } else {
            writePlain(values, count, plainBytes, out);
        }
    }

    /**
     * An encoding's cost: its size in bytes ({@link Long#MAX_VALUE} when it cannot be used) plus its estimated decode
     * time in bytes' worth ({@link #BYTES_PER_DECODE_NANO}).
     */
    static double cost(long bytes, double decodeNanos) {
        return bytes == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : bytes + BYTES_PER_DECODE_NANO * decodeNanos;
    }

    /** The cost ({@link #cost}) of decoding {@code runs} runs beyond what the rows they cover cost anyway. */
    static double runCost(long runs) {
        return BYTES_PER_DECODE_NANO * RUN_NANOS_PER_RUN * runs;
    }

    /**
     * The most distinct values a dictionary of {@code count} codes may have and still be chosen when it may take
     * {@code otherBest} bytes: its codes alone take {@code 25 + packedBytes(count, width(size - 1))} bytes at least, so
     * a larger dictionary is not worth collecting (a sorted key column would otherwise fill one to its limit per chunk).
     */
    private static int usefulDictionarySize(int count, long otherBest) {
        int width = 0;
        while (width < 31 && 25 + BitPacking.packedBytes(count, width + 1) <= otherBest) {
            width++;
        }
        return width == 31 ? Integer.MAX_VALUE : 1 << width;
    }

    private static void writeDelta(long[] values, int count, long minDelta, long maxDelta, ByteSink out) {
        int width = BitPacking.width(maxDelta - minDelta);
        long[] deltas = new long[count - 1];
        for (int i = 1; i < count; i++) {
            deltas[i - 1] = values[i] - values[i - 1];
        }
        out.putByte(LongEncoding.DELTA.id());
        out.putLong(values[0]);
        out.putLong(minDelta);
        out.putByte(width);
        BitPacking.pack(deltas, 0, count - 1, minDelta, width, out);
        out.describe("delta w" + width);
    }

    private static void writeRuns(long[] values, int count, int runs, int plainBytes, ByteSink out, int depth) {
        long[] runValues = new long[runs];
        long[] runLengths = new long[runs];
        int r = 0;
        runValues[0] = values[0];
        runLengths[0] = 1;
        for (int i = 1; i < count; i++) {
            if (values[i] == values[i - 1]) {
                runLengths[r]++;
            } else {
                r++;
                runValues[r] = values[i];
                runLengths[r] = 1;
            }
        }
        out.putByte(LongEncoding.RUN_LENGTH.id());
        out.putInt(runs);
        out.describe("rle " + runs + " runs(");
        write(runValues, runs, plainBytes, out, depth + 1);
        out.describe("; lengths ");
        write(runLengths, runs, Integer.BYTES, out, depth + 1);
        out.describe(")");
    }

    private static void writeDictionary(long[] values, int count, LongDictionary dictionary, int plainBytes,
                                        ByteSink out, int depth) {
        long[] sorted = dictionary.sortedValues();
        out.putByte(LongEncoding.DICTIONARY.id());
        out.putInt(sorted.length);
        out.describe("dict " + sorted.length + "(");
        write(sorted, sorted.length, plainBytes, out, depth + 1);
        out.describe("; codes ");
        write(dictionary.codes(values, count), count, Integer.BYTES, out, depth + 1);
        out.describe(")");
    }

    private static void writePlain(long[] values, int count, int plainBytes, ByteSink out) {
        out.putByte(LongEncoding.PLAIN.id());
        out.putByte(plainBytes);
        for (int i = 0; i < count; i++) {
            long value = values[i];
            switch (plainBytes) {
                case 1 -> out.putByte((int) value);
                case 2 -> {
                    out.putByte((int) value);
                    out.putByte((int) (value >> 8));
                }
                case 4 -> out.putInt((int) value);
                default -> out.putLong(value);
            }
        }
        out.describe("plain " + plainBytes + "B");
    }

    /** Reads a stream of {@code count} values; the array returned may be longer than {@code count}. */
    public static long[] read(ByteSource in, int count, DecodeKernels kernels) {
        return read(in, count, kernels, 0);
    }

    private static long[] read(ByteSource in, int count, DecodeKernels kernels, int depth) {
        if (depth >= MAXIMUM_DEPTH) {
            throw ChunkCorruption.of("integer streams nested too deep");
        }
        return readAfterId(LongEncoding.ofId(in.getByte()), in, count, kernels, depth);
    }

    /** Reads the rest of a stream of {@code encoding} whose id byte has been read (top level). */
    static long[] readAfterId(LongEncoding encoding, ByteSource in, int count, DecodeKernels kernels) {
        return readAfterId(encoding, in, count, kernels, 0);
    }

    private static long[] readAfterId(LongEncoding encoding, ByteSource in, int count, DecodeKernels kernels, int depth) {
        return switch (encoding) {
            case CONSTANT -> {
                long[] values = new long[Math.max(count, 1)];
                java.util.Arrays.fill(values, in.getLong());
                yield values;
            }
            case FRAME_OF_REFERENCE -> {
                long base = in.getLong();
                yield BitPacking.unpack(in, count, in.getByte(), base, kernels);
            }
            case DELTA -> readDelta(in, count, kernels);
            case RUN_LENGTH -> readRuns(in, count, kernels, depth);
            case DICTIONARY -> readDictionary(in, count, kernels, depth);
            case PLAIN -> readPlain(in, count);
        };
    }

    /**
     * Adds the sum of a stream of {@code count} values to {@code sum}, a signed 128-bit integer as
     * {@code {low 64 bits, high 64 bits}}, reading as little as the encoding allows: a constant as {@code count * value},
     * a frame of reference as {@code count * base} plus the packed offsets summed where they lie
     * ({@link BitPacking#sum}), runs as each value times its length; the other encodings are decoded and added.
     * Validates what it reads as {@link #read} does.
     */
    public static void sum(ByteSource in, int count, DecodeKernels kernels, long[] sum) {
        sum(in, count, kernels, sum, 0);
    }

    private static void sum(ByteSource in, int count, DecodeKernels kernels, long[] sum, int depth) {
        if (depth >= MAXIMUM_DEPTH) {
            throw ChunkCorruption.of("integer streams nested too deep");
        }
        LongEncoding encoding = LongEncoding.ofId(in.getByte());
        switch (encoding) {
            case CONSTANT -> addProduct(sum, count, in.getLong());
            case FRAME_OF_REFERENCE -> {
                long base = in.getLong();
                int width = in.getByte();
                long offsets = BitPacking.sum(in, count, width, kernels);
                if (offsets >= 0) {
                    addProduct(sum, count, base);
                    add(sum, offsets);
                } else {
                    addAll(sum, BitPacking.unpack(in, count, width, base, kernels), count);
                }
            }
            case RUN_LENGTH -> {
                int runs = in.getCount(count, "run count");
                long[] runValues = read(in, runs, kernels, depth + 1);
                long[] runLengths = read(in, runs, kernels, depth + 1);
                long covered = 0;
                for (int r = 0; r < runs; r++) {
                    long length = runLengths[r];
                    if (length < 1 || length > count - covered) {
                        throw ChunkCorruption.of("bad run length " + length);
                    }
                    covered += length;
                    addProduct(sum, length, runValues[r]);
                }
                if (covered != count) {
                    throw ChunkCorruption.of("runs cover " + covered + " of " + count + " rows");
                }
            }
            default -> addAll(sum, readAfterId(encoding, in, count, kernels, depth), count);
        }
    }

    /** {@code sum += factor * value}, {@code factor >= 0}, in 128 bits. */
    private static void addProduct(long[] sum, long factor, long value) {
        long low = factor * value;
        long high = Math.multiplyHigh(factor, value);
        long before = sum[0];
        sum[0] = before + low;
        sum[1] += high + (Long.compareUnsigned(sum[0], before) < 0 ? 1 : 0);
    }

    /** {@code sum += value} (signed) in 128 bits. */
    private static void add(long[] sum, long value) {
        long before = sum[0];
        sum[0] = before + value;
        sum[1] += (value >> 63) + (Long.compareUnsigned(sum[0], before) < 0 ? 1 : 0);
    }

    /** Adds {@code values[0, count)} (signed) in 128 bits: the low halves in 64 bits, the high halves apart. */
    private static void addAll(long[] sum, long[] values, int count) {
        for (int i = 0; i < count; i++) {
            add(sum, values[i]);
        }
    }

    private static long[] readDelta(ByteSource in, int count, DecodeKernels kernels) {
        long first = in.getLong();
        long deltaBase = in.getLong();
        int width = in.getByte();
        if (count == 0) {
            throw ChunkCorruption.of("delta stream without values");
        }
        long[] deltas = BitPacking.unpack(in, count - 1, width, deltaBase, kernels);
        // Shift by one so that the running sums land on rows 1..count-1 and row 0 holds the first value.
        long[] values = new long[Math.max(deltas.length, count)];
        System.arraycopy(deltas, 0, values, 1, count - 1);
        values[0] = 0;
        kernels.prefixSum(values, count, first);
        return values;
    }

    /** Runs up to this long are filled by a plain loop ({@link #readRuns}). */
    private static final int SHORT_RUN = 16;

    private static long[] readRuns(ByteSource in, int count, DecodeKernels kernels, int depth) {
        int runs = in.getCount(count, "run count");
        long[] runValues = read(in, runs, kernels, depth + 1);
        long[] runLengths = read(in, runs, kernels, depth + 1);
        long[] values = new long[Math.max(count, 1)];
        int row = 0;
        for (int r = 0; r < runs; r++) {
            long length = runLengths[r];
            if (length < 1 || length > count - row) {
                throw ChunkCorruption.of("bad run length " + length);
            }
            int end = row + (int) length;
            long value = runValues[r];
            if (length <= SHORT_RUN) {
                // a plain loop: Arrays.fill's range checks dominated chunks of runs of one or two (JFR)
                for (int i = row; i < end; i++) {
                    values[i] = value;
                }
            } else {
                java.util.Arrays.fill(values, row, end, value);
            }
            row = end;
        }
        if (row != count) {
            throw ChunkCorruption.of("runs cover " + row + " of " + count + " rows");
        }
        return values;
    }

    private static long[] readDictionary(ByteSource in, int count, DecodeKernels kernels, int depth) {
        int size = in.getCount(count, "dictionary size");
        long[] dictionary = read(in, size, kernels, depth + 1);
        long[] codes = read(in, count, kernels, depth + 1);
        for (int i = 0; i < count; i++) {
            if (codes[i] < 0 || codes[i] >= size) {
                throw ChunkCorruption.of("dictionary code " + codes[i] + " of " + size);
            }
        }
        long[] values = new long[Math.max(count, 1)];
        kernels.gather(dictionary, codes, count, values);
        return values;
    }

    private static long[] readPlain(ByteSource in, int count) {
        int width = in.getByte();
        long[] values = new long[Math.max(count, 1)];
        switch (width) {
            case 1 -> {
                for (int i = 0; i < count; i++) {
                    values[i] = (byte) in.getByte();
                }
            }
            case 2 -> {
                for (int i = 0; i < count; i++) {
                    values[i] = (short) (in.getByte() | (in.getByte() << 8));
                }
            }
            case 4 -> {
                for (int i = 0; i < count; i++) {
                    values[i] = in.getInt();
                }
            }
            case 8 -> in.getLongs(values, count);
            default -> throw ChunkCorruption.of("plain width " + width);
        }
        return values;
    }
}
