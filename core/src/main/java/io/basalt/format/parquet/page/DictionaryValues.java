package io.basalt.format.parquet.page;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Values of a dictionary-encoded data page (RLE_DICTIONARY, or PLAIN_DICTIONARY in old files): one byte with the
 * indices' bit width, then the indices in the RLE / bit-packing hybrid, each looked up in the chunk's
 * {@link ColumnDictionary}. The indices are taken run by run: a repeated run is one lookup stored as many times
 * as it repeats, a bit-packed run is unpacked into a scratch array and gathered from the dictionary's primitive
 * array. The dictionary's arrays are exactly as long as it has entries, so an index outside it fails the array's
 * own bounds check, which is turned into the corrupt-page error (no separate pass over the indices).
 */
public final class DictionaryValues extends PageValues {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final PackedIndexKernels KERNELS = PackedIndexKernels.kernels();

    private final ColumnDictionary dictionary;
    private final RleBitPackedDecoder indices;
    private int[] scratch = new int[0];

    public DictionaryValues(ColumnDictionary dictionary, byte[] data, int offset, int end) {
        if (dictionary == null) {
            throw new IllegalStateException("a dictionary-encoded page without a dictionary page");
        }
        if (offset >= end) {
            throw new IllegalStateException("a dictionary-encoded page without its bit width");
        }
        this.dictionary = dictionary;
        this.indices = new RleBitPackedDecoder(data, offset + 1, end, data[offset] & 0xff);
    }

    /**
     * The length of the next run of indices to handle, at most {@code left}: the packed ones are unpacked into
     * {@link #scratch}, a repeated one is left for the caller to store ({@link #repeated}).
     */
    private int nextRun(int left) {
        int n = Math.min(left, indices.runLength());
        if (indices.runPacked()) {
            if (scratch.length < n) {
                scratch = new int[Math.max(n, 1024)];
            }
            indices.unpackRun(scratch, 0, n);
        } else {
            indices.skipRun(n);
        }
        return n;
    }

    /** The dictionary index a repeated run repeats, checked against the dictionary. */
    private int repeated() {
        int index = indices.runValue();
        if (index < 0 || index >= dictionary.size) {
            throw outOfRange(index);
        }
        return index;
    }

    private IllegalStateException outOfRange(long index) {
        return new IllegalStateException("dictionary index " + index + " out of range (" + dictionary.size
                + " entries)");
    }

    private IllegalStateException outOfRange(IndexOutOfBoundsException failure) {
        return new IllegalStateException("dictionary index out of range (" + dictionary.size + " entries): "
                + failure.getMessage());
    }

    @Override
    public void readInts(int[] out, int count) {
        int[] values = dictionary.ints;
        try {
            // packed runs are unpacked and looked up in one pass (RleBitPackedDecoder.gatherRun)
            for (int at = 0; at < count; ) {
                int n = Math.min(count - at, indices.runLength());
                if (indices.runPacked()) {
                    indices.gatherRun(values, out, at, n);
                } else {
                    indices.skipRun(n);
                    Arrays.fill(out, at, at + n, values[repeated()]);
                }
                at += n;
            }
        } catch (IndexOutOfBoundsException failure) {
            throw outOfRange(failure);
        }
    }

    @Override
    public void readLongs(long[] out, int count) {
        long[] values = dictionary.longs;
        try {
            // packed runs are unpacked and looked up in one pass (RleBitPackedDecoder.gatherRun)
            for (int at = 0; at < count; ) {
                int n = Math.min(count - at, indices.runLength());
                if (indices.runPacked()) {
                    indices.gatherRun(values, out, at, n);
                } else {
                    indices.skipRun(n);
                    Arrays.fill(out, at, at + n, values[repeated()]);
                }
                at += n;
            }
        } catch (IndexOutOfBoundsException failure) {
            throw outOfRange(failure);
        }
    }

    /**
     * Stores the next {@code count} values of a dictionary of longs as little-endian longs at {@code out[offset ..]}
     * (an Arrow buffer): packed runs are unpacked into a small array of indices and gathered straight into the
     * buffer ({@link PackedIndexKernels}), repeated runs filled; no array of values on the way.
     */
    public void readLongs(MemorySegment out, long offset, int count) {
        long[] values = dictionary.longs;
        try {
            for (int at = 0; at < count; ) {
                int n = nextRun(count - at);
                long into = offset + (long) at * Long.BYTES;
                if (indices.runPacked()) {
                    KERNELS.gatherLongs(values, scratch, n, out, into);
                } else {
                    long value = values[repeated()];
                    for (int i = 0; i < n; i++) {
                        out.set(PlainPackedIndexKernels.LONG_LAYOUT, into + (long) i * Long.BYTES, value);
                    }
                }
                at += n;
            }
        } catch (IndexOutOfBoundsException failure) {
            throw outOfRange(failure);
        }
    }

    /** {@link #readLongs(MemorySegment, long, int)} for a dictionary of ints, stored 4 bytes apart. */
    public void readInts(MemorySegment out, long offset, int count) {
        int[] values = dictionary.ints;
        try {
            for (int at = 0; at < count; ) {
                int n = nextRun(count - at);
                long into = offset + (long) at * Integer.BYTES;
                if (indices.runPacked()) {
                    KERNELS.gatherInts(values, scratch, n, out, into);
                } else {
                    int value = values[repeated()];
                    for (int i = 0; i < n; i++) {
                        out.set(PlainPackedIndexKernels.INT_LAYOUT, into + (long) i * Integer.BYTES, value);
                    }
                }
                at += n;
            }
        } catch (IndexOutOfBoundsException failure) {
            throw outOfRange(failure);
        }
    }

    @Override
    public void readFloats(float[] out, int count) {
        float[] values = dictionary.floats;
        try {
            for (int at = 0; at < count; ) {
                int n = nextRun(count - at);
                if (indices.runPacked()) {
                    int[] index = scratch;
                    for (int i = 0; i < n; i++) {
                        out[at + i] = values[index[i]];
                    }
                } else {
                    Arrays.fill(out, at, at + n, values[repeated()]);
                }
                at += n;
            }
        } catch (IndexOutOfBoundsException failure) {
            throw outOfRange(failure);
        }
    }

    @Override
    public void readDoubles(double[] out, int count) {
        double[] values = dictionary.doubles;
        try {
            for (int at = 0; at < count; ) {
                int n = nextRun(count - at);
                if (indices.runPacked()) {
                    int[] index = scratch;
                    for (int i = 0; i < n; i++) {
                        out[at + i] = values[index[i]];
                    }
                } else {
                    Arrays.fill(out, at, at + n, values[repeated()]);
                }
                at += n;
            }
        } catch (IndexOutOfBoundsException failure) {
            throw outOfRange(failure);
        }
    }

    @Override
    public byte[] readBinaries(int[] starts, int[] lengths, int count) {
        int[] entryStarts = dictionary.starts;
        int[] entryLengths = dictionary.lengths;
        try {
            for (int at = 0; at < count; ) {
                int n = nextRun(count - at);
                if (indices.runPacked()) {
                    int[] index = scratch;
                    for (int i = 0; i < n; i++) {
                        int entry = index[i];
                        starts[at + i] = entryStarts[entry];
                        lengths[at + i] = entryLengths[entry];
                    }
                } else {
                    int entry = repeated();
                    Arrays.fill(starts, at, at + n, entryStarts[entry]);
                    Arrays.fill(lengths, at, at + n, entryLengths[entry]);
                }
                at += n;
            }
        } catch (IndexOutOfBoundsException failure) {
            throw outOfRange(failure);
        }
        return dictionary.bytes;
    }

    /**
     * The longest entry of a dictionary of strings whose entries are all at most 32 bytes long, or -1 when some entry
     * is longer (or the values are not byte arrays): then {@link #gatherShortBinaries} cannot be used.
     */
    public int shortEntryLength() {
        return dictionary.words == null ? -1 : dictionary.maxLength;
    }

    /** Bytes {@link #gatherShortBinaries} may write past the last value's end (the padding of its last word). */
    public static int gatherSlack() {
        return ColumnDictionary.SHORT_ENTRY;
    }

    /**
     * Writes the next {@code count} values' bytes one after another into {@code into} from its start, and the end
     * of each (plus {@code base}) into {@code ends[0 .. count)}; returns the bytes written. Each value is stored as
     * its entry's words ({@link ColumnDictionary#words}), whose padding the next value overwrites, so {@code into}
     * needs {@code count * shortEntryLength() + gatherSlack()} bytes. Expanding a dictionary of flags, modes or
     * instructions this way takes one pass instead of a pass for the entries' positions and another for their bytes.
     */
    public int gatherShortBinaries(byte[] into, int[] ends, int count, int base) {
        long[] words = dictionary.words;
        int stride = dictionary.stride;
        int[] entryLengths = dictionary.lengths;
        int position = 0;
        try {
            for (int at = 0; at < count; ) {
                int n = nextRun(count - at);
                int[] index = scratch;
                boolean packed = indices.runPacked();
                int repeatedEntry = packed ? 0 : repeated();
                if (stride == 2) {
                    for (int i = 0; i < n; i++) {
                        int entry = packed ? index[i] : repeatedEntry;
                        LONG.set(into, position, words[2 * entry]);
                        LONG.set(into, position + Long.BYTES, words[2 * entry + 1]);
                        position += entryLengths[entry];
                        ends[at + i] = base + position;
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        int entry = packed ? index[i] : repeatedEntry;
                        int first = stride * entry;
                        for (int k = 0; k < stride; k++) {
                            LONG.set(into, position + k * Long.BYTES, words[first + k]);
                        }
                        position += entryLengths[entry];
                        ends[at + i] = base + position;
                    }
                }
                at += n;
            }
        } catch (IndexOutOfBoundsException failure) {
            throw outOfRange(failure);
        }
        return position;
    }
}
