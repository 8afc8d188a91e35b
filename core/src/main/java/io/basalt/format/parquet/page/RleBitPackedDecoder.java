package io.basalt.format.parquet.page;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Decodes Parquet's RLE / bit-packing hybrid, the encoding of definition and repetition levels, of dictionary
 * indices and of RLE booleans: a sequence of runs, each opened by a ULEB128 header whose low bit says whether
 * {@code header >>> 1} groups of eight bit-packed values follow (least significant bit first) or one value,
 * stored in {@code ceil(width / 8)} little-endian bytes, repeated {@code header >>> 1} times. Reads many values
 * per call into an int array; data that ends before the values asked for is corrupt (an
 * {@link IllegalStateException}, which the scan reports as a corrupt file).
 */
public final class RleBitPackedDecoder {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final PackedIndexKernels KERNELS = PackedIndexKernels.kernels();

    private final byte[] data;
    private final int end;
    private final int width;
    private final long mask;
    private int position;
    /** Values left in the current run. */
    private int runLeft;
    private boolean packed;
    private int repeated;
    /** Bit offset of the next packed value from the start of the data array. */
    private long bitPosition;

    /**
     * @param data   the page bytes
     * @param offset where the runs start
     * @param end    where they end (exclusive)
     * @param width  bits per value, 0 to 32
     */
    public RleBitPackedDecoder(byte[] data, int offset, int end, int width) {
        if (width < 0 || width > 32) {
            throw new IllegalStateException("invalid bit width " + width);
        }
        this.data = data;
        this.position = offset;
        this.end = end;
        this.width = width;
        this.mask = width == 32 ? 0xffffffffL : (1L << width) - 1;
    }

    /** Reads {@code count} values into {@code out[offset ..]}. */
    public void read(int[] out, int offset, int count) {
        int at = offset;
        int left = count;
        while (left > 0) {
            if (runLeft == 0) {
                nextRun();
            }
            int n = Math.min(left, runLeft);
            if (packed) {
                unpack(out, at, n);
            } else {
                int value = repeated;
                for (int i = at; i < at + n; i++) {
                    out[i] = value;
                }
            }
            at += n;
            left -= n;
            runLeft -= n;
        }
    }

    /**
     * The values left in the current run, opening the next run first when the current one is used up; with
     * {@link #runPacked()}, {@link #runValue()}, {@link #unpackRun} and {@link #skipRun} a caller handles a run of
     * one repeated value at once (dictionary lookups: one lookup for the run instead of one per value).
     */
    public int runLength() {
        if (runLeft == 0) {
            nextRun();
        }
        return runLeft;
    }

    /** Whether the current run is bit-packed (otherwise it repeats {@link #runValue()}). */
    public boolean runPacked() {
        return packed;
    }

    /** The value a repeated run repeats. */
    public int runValue() {
        return repeated;
    }

    /** Unpacks the next {@code count} values of the current bit-packed run (at most {@link #runLength()}). */
    public void unpackRun(int[] out, int offset, int count) {
        unpack(out, offset, count);
        runLeft -= count;
    }

    /**
     * Unpacks the next {@code count} values of the current bit-packed run (at most {@link #runLength()}) as indices
     * into {@code dictionary} and stores the entries they name at {@code out[offset ..]}: the same values as
     * {@link #unpackRun} followed by a lookup of each, without the round trip of the indices through an array. An
     * index outside the dictionary fails the array's bounds check ({@link ArrayIndexOutOfBoundsException}).
     */
    public void gatherRun(long[] dictionary, long[] out, int offset, int count) {
        long bit = bitPosition;
        int bitWidth = width;
        long valueMask = mask;
        byte[] bytes = data;
        int i = offset;
        int last = offset + count;
        for (; i < last && (bit & 7) != 0; i++) {
            out[i] = dictionary[valueAt(bytes, bit)];
            bit += bitWidth;
        }
        int groupLimit = bytes.length - bitWidth - Long.BYTES;
        if (bitWidth <= 8) {
            for (; i + 8 <= last; i += 8) {
                int index = (int) (bit >>> 3);
                if (index > groupLimit) {
                    break;
                }
                long word = (long) LONG.get(bytes, index);
                for (int j = 0; j < 8; j++) {
                    out[i + j] = dictionary[(int) ((word >>> (j * bitWidth)) & valueMask)];
                }
                bit += 8L * bitWidth;
            }
        } else {
            for (; i + 8 <= last; i += 8) {
                int index = (int) (bit >>> 3);
                if (index > groupLimit) {
                    break;
                }
                for (int j = 0; j < 8; j++) {
                    int shift = j * bitWidth;
                    out[i + j] = dictionary[(int) (((long) LONG.get(bytes, index + (shift >>> 3)) >>> (shift & 7))
                            & valueMask)];
                }
                bit += 8L * bitWidth;
            }
        }
        for (; i < last; i++) {
            out[i] = dictionary[valueAt(bytes, bit)];
            bit += bitWidth;
        }
        bitPosition = bit;
        runLeft -= count;
    }

    /** {@link #gatherRun(long[], long[], int, int)} for a dictionary of ints. */
    public void gatherRun(int[] dictionary, int[] out, int offset, int count) {
        long bit = bitPosition;
        int bitWidth = width;
        long valueMask = mask;
        byte[] bytes = data;
        int i = offset;
        int last = offset + count;
        for (; i < last && (bit & 7) != 0; i++) {
            out[i] = dictionary[valueAt(bytes, bit)];
            bit += bitWidth;
        }
        int groupLimit = bytes.length - bitWidth - Long.BYTES;
        if (bitWidth <= 8) {
            for (; i + 8 <= last; i += 8) {
                int index = (int) (bit >>> 3);
                if (index > groupLimit) {
                    break;
                }
                long word = (long) LONG.get(bytes, index);
                for (int j = 0; j < 8; j++) {
                    out[i + j] = dictionary[(int) ((word >>> (j * bitWidth)) & valueMask)];
                }
                bit += 8L * bitWidth;
            }
        } else {
            for (; i + 8 <= last; i += 8) {
                int index = (int) (bit >>> 3);
                if (index > groupLimit) {
                    break;
                }
                for (int j = 0; j < 8; j++) {
                    int shift = j * bitWidth;
                    out[i + j] = dictionary[(int) (((long) LONG.get(bytes, index + (shift >>> 3)) >>> (shift & 7))
                            & valueMask)];
                }
                bit += 8L * bitWidth;
            }
        }
        for (; i < last; i++) {
            out[i] = dictionary[valueAt(bytes, bit)];
            bit += bitWidth;
        }
        bitPosition = bit;
        runLeft -= count;
    }

    /** Passes over the next {@code count} values of the current repeated run (at most {@link #runLength()}). */
    public void skipRun(int count) {
        runLeft -= count;
    }

    /** Counts how many of the next {@code count} values equal {@code value}, consuming them (levels: non-nulls). */
    public int readCounting(int[] out, int offset, int count, int value) {
        // RLE runs are counted whole; only bit-packed values are compared one by one
        int matches = 0;
        int at = offset;
        int left = count;
        while (left > 0) {
            if (runLeft == 0) {
                nextRun();
            }
            int n = Math.min(left, runLeft);
            if (packed) {
                unpack(out, at, n);
                for (int i = at; i < at + n; i++) {
                    matches += out[i] == value ? 1 : 0;
                }
            } else {
                java.util.Arrays.fill(out, at, at + n, repeated);
                matches += repeated == value ? n : 0;
            }
            at += n;
            left -= n;
            runLeft -= n;
        }
        return matches;
    }

    /**
     * Passes over the next {@code count} values when they are all {@code value} in one RLE run (a page's levels
     * when none of its rows is null) and says so; otherwise reads nothing, and the values are there to be read.
     */
    public boolean skipRunOf(int value, int count) {
        if (count == 0) {
            return true;
        }
        if (runLeft == 0) {
            nextRun();
        }
        if (packed || repeated != value || runLeft < count) {
            return false;
        }
        runLeft -= count;
        return true;
    }

    private void nextRun() {
        if (width == 0) {
            // a zero-width stream holds only zeros; writers may omit its runs entirely
            packed = false;
            repeated = 0;
            runLeft = Integer.MAX_VALUE;
            if (position < end) {
                readHeader();
            }
            return;
        }
        if (position >= end) {
            throw new IllegalStateException("RLE/bit-packed data ends before its values");
        }
        readHeader();
    }

    private void readHeader() {
        int header = readUnsignedVarInt();
        if ((header & 1) == 1) {
            int groups = header >>> 1;
            packed = true;
            runLeft = groups * 8;
            bitPosition = (long) position * 8;
            long bytes = (long) groups * width;
            if (position + bytes > end) {
                // the last group may be cut short when the run is the end of the data; values past it are unused
                position = end;
            } else {
                position += (int) bytes;
            }
        } else {
            packed = false;
            runLeft = header >>> 1;
            int bytes = (width + 7) >>> 3;
            if (position + bytes > end) {
                throw new IllegalStateException("RLE run ends after its data");
            }
            int value = 0;
            for (int i = 0; i < bytes; i++) {
                value |= (data[position + i] & 0xff) << (8 * i);
            }
            position += bytes;
            repeated = value;
        }
        if (runLeft == 0 && width == 0) {
            runLeft = Integer.MAX_VALUE;
        }
    }

    // Bits are read least significant first. Eight values of a run start on a byte boundary whatever the width
    // (eight values take exactly `width` bytes), so after at most seven single values the run is unpacked in groups
    // of eight by the PackedIndexKernels. The last few bytes of the array, where the kernel's word reads would run
    // past its end, are gathered byte by byte.
    private void unpack(int[] out, int at, int count) {
        long bit = bitPosition;
        int bitWidth = width;
        byte[] bytes = data;
        int i = at;
        int last = at + count;
        for (; i < last && (bit & 7) != 0; i++) {
            out[i] = valueAt(bytes, bit);
            bit += bitWidth;
        }
        if (bitWidth > 0 && i < last) {
            // whole groups go to the kernel, as many as leave a word's read of slack past their last byte
            int index = (int) (bit >>> 3);
            int groups = Math.min((last - i) >>> 3, Math.max(0, (bytes.length - Long.BYTES - index) / bitWidth));
            if (groups > 0) {
                KERNELS.unpack(bytes, index, bitWidth, out, i, groups);
                i += 8 * groups;
                bit += 8L * groups * bitWidth;
            }
        }
        for (; i < last; i++) {
            out[i] = valueAt(bytes, bit);
            bit += bitWidth;
        }
        bitPosition = bit;
    }

    /** The value of {@link #width} bits at bit {@code bit} of {@code bytes} (bytes past the array's end read as 0). */
    private int valueAt(byte[] bytes, long bit) {
        int index = (int) (bit >>> 3);
        int shift = (int) (bit & 7);
        if (index <= bytes.length - Long.BYTES) {
            return (int) (((long) LONG.get(bytes, index) >>> shift) & mask);
        }
        long word = 0;
        int needed = (shift + width + 7) >>> 3;
        for (int b = 0; b < needed; b++) {
            int from = index + b;
            if (from < bytes.length) {
                word |= (bytes[from] & 0xffL) << (8 * b);
            }
        }
        return (int) ((word >>> shift) & mask);
    }

    private int readUnsignedVarInt() {
        int value = 0;
        int shift = 0;
        while (true) {
            if (position >= end) {
                throw new IllegalStateException("RLE/bit-packed header ends early");
            }
            int b = data[position++] & 0xff;
            value |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
            shift += 7;
            if (shift > 28) {
                throw new IllegalStateException("RLE/bit-packed header too long");
            }
        }
    }
}
