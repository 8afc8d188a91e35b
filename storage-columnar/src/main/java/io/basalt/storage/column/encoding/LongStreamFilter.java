package io.basalt.storage.column.encoding;

import io.basalt.storage.column.kernel.DecodeKernels;
import io.basalt.storage.column.kernel.SelectionKernels;

/**
 * Evaluates "the value is in a {@link LongRanges} set" on a {@link LongStreamCodec} stream without turning it into the
 * column's values where the encoding allows: CONSTANT decides every row at once; FRAME_OF_REFERENCE moves the set
 * into the frame (value minus base) once and compares the unpacked offsets, skipping the packed words entirely when no
 * offset can match; RUN_LENGTH decides each run once and fills its rows; DICTIONARY (sorted values) turns the set into
 * ranges of codes once and evaluates those on the codes stream, recursively (so bit-packed or run-length codes are
 * compared in their own form); DELTA and PLAIN are decoded and compared. Comparisons of arrays run through
 * {@link SelectionKernels}.
 */
public final class LongStreamFilter {
    /** Above this many ranges an array is compared by binary search per value instead of one pass per range. */
    private static final int RANGE_PASSES = 8;

    private LongStreamFilter() {
    }

    /**
     * Sets in {@code bits} the rows of {@code [0, count)} whose value is in {@code ranges} (other bits untouched) and
     * consumes the stream.
     *
     * @throws io.basalt.error.BasaltException DATA_CORRUPTED when the stream is damaged
     */
    public static void select(ByteSource in, int count, LongRanges ranges, long[] bits, DecodeKernels decode,
                              SelectionKernels kernels) {
        select(in, count, ranges, bits, decode, kernels, 0);
    }

    private static void select(ByteSource in, int count, LongRanges ranges, long[] bits, DecodeKernels decode,
                               SelectionKernels kernels, int depth) {
        if (depth >= LongStreamCodec.MAXIMUM_DEPTH) {
            throw ChunkCorruption.of("integer streams nested too deep");
        }
        LongEncoding encoding = LongEncoding.ofId(in.getByte());
        switch (encoding) {
            case CONSTANT -> {
                if (ranges.contains(in.getLong())) {
                    RowBits.setRange(bits, 0, count);
                }
            }
            case FRAME_OF_REFERENCE -> {
                long base = in.getLong();
                int width = in.getByte();
                if (width >= 64) {
                    selectValues(BitPacking.unpack(in, count, width, base, decode), count, ranges, bits, kernels);
                    return;
                }
                LongRanges offsets = ranges.relativeTo(base, width);
                if (offsets.isEmpty() || offsets.size() == 1 && offsets.low(0) == 0
                        && offsets.high(0) == (1L << width) - 1) {
                    // every offset matches or none does: the packed words are never read
                    BitPacking.skip(in, count, width);
                    if (!offsets.isEmpty()) {
                        RowBits.setRange(bits, 0, count);
                    }
                    return;
                }
                selectValues(BitPacking.unpack(in, count, width, 0, decode), count, offsets, bits, kernels);
            }
            case RUN_LENGTH -> {
                int runs = in.getCount(count, "run count");
                long[] values = LongStreamCodec.read(in, runs, decode);
                long[] lengths = LongStreamCodec.read(in, runs, decode);
                int row = 0;
                for (int run = 0; run < runs; run++) {
                    long length = lengths[run];
                    if (length < 1 || length > count - row) {
                        throw ChunkCorruption.of("bad run length " + length);
                    }
                    if (ranges.contains(values[run])) {
                        RowBits.setRange(bits, row, row + (int) length);
                    }
                    row += (int) length;
                }
                if (row != count) {
                    throw ChunkCorruption.of("runs cover " + row + " of " + count + " rows");
                }
            }
            case DICTIONARY -> {
                int size = in.getCount(count, "dictionary size");
                long[] dictionary = LongStreamCodec.read(in, size, decode);
                select(in, count, ranges.codesOf(dictionary, size), bits, decode, kernels, depth + 1);
            }
            case DELTA, PLAIN -> selectValues(LongStreamCodec.readAfterId(encoding, in, count, decode), count, ranges,
                    bits, kernels);
        }
    }

    /**
     * The set as a mask over the values 0 to 63 (bit {@code v} set: {@code v} is in it) when every value in it lies
     * there, else 0 (also for an empty set).
     */
    static long smallValueMask(LongRanges ranges) {
        if (ranges.isEmpty() || ranges.low(0) < 0 || ranges.high(ranges.size() - 1) >= 64) {
            return 0;
        }
        long mask = 0;
        for (int range = 0; range < ranges.size(); range++) {
            int high = (int) ranges.high(range);
            mask |= (-1L >>> (63 - high)) & (-1L << ranges.low(range));
        }
        return mask;
    }

    /** Sets the bits of the rows of {@code [0, count)} whose {@code values[row]} is in {@code ranges}. */
    static void selectValues(long[] values, int count, LongRanges ranges, long[] bits, SelectionKernels kernels) {
        if (ranges.isEmpty()) {
            return;
        }
        long codes = ranges.size() > 1 ? smallValueMask(ranges) : 0;
        if (codes != 0) {
            // several ranges of small values (a text dictionary's matching codes): one pass instead of one per range
            kernels.selectCodes(values, count, codes, bits);
            return;
        }
        if (ranges.size() <= RANGE_PASSES) {
            for (int range = 0; range < ranges.size(); range++) {
                kernels.selectRange(values, count, ranges.low(range), ranges.high(range), bits);
            }
            return;
        }
        for (int row = 0; row < count; row++) {
            if (ranges.contains(values[row])) {
                bits[row >>> 6] |= 1L << row;
            }
        }
    }
}
