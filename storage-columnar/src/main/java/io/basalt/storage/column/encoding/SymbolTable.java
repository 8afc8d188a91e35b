package io.basalt.storage.column.encoding;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A static symbol table for short strings in the manner of FSST (Boncz, Neumann, Leis, VLDB 2020): up to 255 symbols
 * of 1 to 8 bytes, each replaced in the text by a one-byte code; a byte no symbol covers is written as the escape code
 * 255 followed by the byte itself. The table is trained per chunk on a sample of its values: a few rounds of
 * compressing the sample with the current table, counting the symbols and the pairs of neighbouring symbols used, and
 * keeping the 255 candidates (symbols and concatenated pairs of at most 8 bytes) that save the most bytes.
 *
 * <p>Decoding writes each symbol as one unaligned 8-byte store and advances by its length, so it needs 8 bytes of
 * slack after the output; the caller checks the decoded length.
 */
public final class SymbolTable {
    static final int ESCAPE = 255;
    static final int MAXIMUM_SYMBOLS = 255;
    private static final int SAMPLE_BYTES = 1 << 14;
    private static final int ROUNDS = 5;
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final long[] values;
    private final int[] lengths;
    private final int size;
    /** Per first byte, the codes of the symbols starting with it, longest first. */
    private final int[][] byFirstByte;
    /** The lookup structures compression uses, built on its first call (a table read for decoding needs none). */
    private MatchIndex matchIndex;

    private SymbolTable(long[] values, int[] lengths, int size) {
        this.values = values;
        this.lengths = lengths;
        this.size = size;
        int[] perByte = new int[256];
        for (int code = 0; code < size; code++) {
            perByte[(int) (values[code] & 0xff)]++;
        }
        byFirstByte = new int[256][];
        for (int b = 0; b < 256; b++) {
            byFirstByte[b] = new int[perByte[b]];
        }
        int[] fill = new int[256];
        // Longest first within each first byte: symbols taken by descending length.
        for (int length = 8; length >= 1; length--) {
            for (int code = 0; code < size; code++) {
                if (lengths[code] == length) {
                    int first = (int) (values[code] & 0xff);
                    byFirstByte[first][fill[first]++] = code;
                }
            }
        }
    }

    public int size() {
        return size;
    }

    /** Trains a table on a sample of the values {@code data[offsets[i], offsets[i + 1])}. */
    public static SymbolTable train(byte[] data, int[] offsets, int count) {
        int total = offsets[count] - offsets[0];
        int stride = Math.max(1, (int) ((long) total / SAMPLE_BYTES));
        SymbolTable table = new SymbolTable(new long[0], new int[0], 0);
        // the counters are allocated once for the largest table; best() leaves the pair counts zeroed again
        int[] single = new int[MAXIMUM_SYMBOLS + 256];
        int[] pairs = new int[(MAXIMUM_SYMBOLS + 256) * (MAXIMUM_SYMBOLS + 256)];
        for (int round = 0; round < ROUNDS; round++) {
            int symbols = table.size + 256;
            Arrays.fill(single, 0, symbols, 0);
            for (int i = 0; i < count; i += stride) {
                int position = offsets[i];
                int end = offsets[i + 1];
                int previous = -1;
                while (position < end) {
                    int code = table.longestMatch(data, position, end);
                    int symbol = code >= 0 ? code : table.size + (data[position] & 0xff);
                    single[symbol]++;
                    if (previous >= 0) {
                        pairs[previous * symbols + symbol]++;
                    }
                    previous = symbol;
                    position += code >= 0 ? table.lengths[code] : 1;
                }
            }
            table = table.best(single, pairs);
        }
        return table;
    }

    /**
     * The next table: the candidates of this round that save the most bytes. Zeroes the pair counts it read (only
     * symbols that occurred can start or end a pair, so only those rows and columns are visited).
     */
    private SymbolTable best(int[] single, int[] pairs) {
        int symbols = size + 256;
        int[] used = new int[symbols];
        int usedCount = 0;
        for (int s = 0; s < symbols; s++) {
            if (single[s] > 0) {
                used[usedCount++] = s;
            }
        }
        int candidates = usedCount;
        for (int i = 0; i < usedCount; i++) {
            int a = used[i];
            for (int j = 0; j < usedCount; j++) {
                int b = used[j];
                candidates += pairs[a * symbols + b] > 0 && lengthOf(a) + lengthOf(b) <= 8 ? 1 : 0;
            }
        }
        long[] candidateValues = new long[candidates];
        int[] candidateLengths = new int[candidates];
        long[] gains = new long[candidates];
        candidates = 0;
        for (int i = 0; i < usedCount; i++) {
            int s = used[i];
            candidateValues[candidates] = valueOf(s);
            candidateLengths[candidates] = lengthOf(s);
            gains[candidates++] = (long) single[s] * lengthOf(s);
        }
        for (int i = 0; i < usedCount; i++) {
            int a = used[i];
            for (int j = 0; j < usedCount; j++) {
                int b = used[j];
                int frequency = pairs[a * symbols + b];
                pairs[a * symbols + b] = 0;
                int length = lengthOf(a) + lengthOf(b);
                if (frequency > 0 && length <= 8) {
                    candidateValues[candidates] = valueOf(a) | valueOf(b) << (8 * lengthOf(a));
                    candidateLengths[candidates] = length;
                    gains[candidates++] = (long) frequency * length;
                }
            }
        }
        // Sorted by gain without boxing: gain in the high bits, candidate index in the low 20 (at most 511 * 511
        // pairs plus 511 symbols).
        long[] order = new long[candidates];
        for (int i = 0; i < candidates; i++) {
            order[i] = gains[i] << 20 | i;
        }
        Arrays.sort(order);
        long[] values = new long[MAXIMUM_SYMBOLS];
        int[] lengths = new int[MAXIMUM_SYMBOLS];
        // the symbols taken so far, by value and length in an open-addressed table (a pair may spell a symbol taken)
        int[] taken = new int[1024];
        int size = 0;
        for (int i = candidates - 1; i >= 0 && size < MAXIMUM_SYMBOLS; i--) {
            int c = (int) (order[i] & ((1 << 20) - 1));
            long value = candidateValues[c];
            int length = candidateLengths[c];
            int slot = (int) DistinctSketch.mix(value * 9 + length) & (taken.length - 1);
            boolean seen = false;
            for (int entry = taken[slot]; entry != 0; entry = taken[slot]) {
                if (values[entry - 1] == value && lengths[entry - 1] == length) {
                    seen = true;
                    break;
                }
                slot = (slot + 1) & (taken.length - 1);
            }
            if (!seen) {
                taken[slot] = size + 1;
                values[size] = value;
                lengths[size++] = length;
            }
        }
        return new SymbolTable(values, lengths, size);
    }

    private long valueOf(int symbol) {
        return symbol < size ? values[symbol] : symbol - size;
    }

    private int lengthOf(int symbol) {
        return symbol < size ? lengths[symbol] : 1;
    }

    /** The code of the longest symbol at {@code data[position]}, or -1. */
    int longestMatch(byte[] data, int position, int end) {
        MatchIndex index = matchIndex;
        if (index == null) {
            index = matchIndex = new MatchIndex(values, lengths, size);
        }
        return index.longestMatch(load(data, position, end), end - position);
    }

    /** {@link #longestMatch} by a scan of the symbols with the same first byte: the reference the index is tested against. */
    int longestMatchByScan(byte[] data, int position, int end) {
        int[] codes = byFirstByte[data[position] & 0xff];
        if (codes == null || codes.length == 0) {
            return -1;
        }
        long word = load(data, position, end);
        int available = end - position;
        for (int code : codes) {
            int length = lengths[code];
            if (length <= available && (word & mask(length)) == values[code]) {
                return code;
            }
        }
        return -1;
    }

    private static long mask(int length) {
        return length == 8 ? -1L : (1L << (8 * length)) - 1;
    }

    private static long load(byte[] data, int position, int end) {
        if (position + 8 <= data.length) {
            return (long) LONG.get(data, position);
        }
        long word = 0;
        for (int i = 0; i < Math.min(8, data.length - position); i++) {
            word |= (data[position + i] & 0xffL) << (8 * i);
        }
        return word;
    }

    /** Writes the table: the symbol count, then each symbol's length and bytes. */
    public void write(ByteSink out) {
        out.putByte(size);
        for (int code = 0; code < size; code++) {
            out.putByte(lengths[code]);
            for (int i = 0; i < lengths[code]; i++) {
                out.putByte((int) (values[code] >>> (8 * i)));
            }
        }
    }

    /** Reads a table written by {@link #write}. */
    public static SymbolTable read(ByteSource in) {
        int size = in.getByte();
        if (size > MAXIMUM_SYMBOLS) {
            throw ChunkCorruption.of("symbol table of " + size);
        }
        long[] values = new long[size];
        int[] lengths = new int[size];
        for (int code = 0; code < size; code++) {
            int length = in.getByte();
            if (length < 1 || length > 8) {
                throw ChunkCorruption.of("symbol of " + length + " bytes");
            }
            lengths[code] = length;
            for (int i = 0; i < length; i++) {
                values[code] |= (long) in.getByte() << (8 * i);
            }
        }
        return new SymbolTable(values, lengths, size);
    }

    /** The codes of {@code data[start, end)}. */
    public byte[] compress(byte[] data, int start, int end) {
        byte[] out = new byte[compressedCapacity(end - start)];
        return Arrays.copyOf(out, compress(data, start, end, out));
    }

    /** The most bytes {@link #compress(byte[], int, int, byte[])} writes for {@code length} bytes: two per byte (escapes). */
    static int compressedCapacity(int length) {
        return 2 * length + 8;
    }

    /**
     * Writes the codes of {@code data[start, end)} to {@code out} from 0 (room for {@link #compressedCapacity} bytes)
     * and returns how many there are.
     */
    int compress(byte[] data, int start, int end, byte[] out) {
        MatchIndex index = matchIndex;
        if (index == null) {
            index = matchIndex = new MatchIndex(values, lengths, size);
        }
        int n = 0;
        int position = start;
        while (position < end) {
            int code = index.longestMatch(load(data, position, end), end - position);
            if (code >= 0) {
                out[n++] = (byte) code;
                position += lengths[code];
            } else {
                out[n++] = (byte) ESCAPE;
                out[n++] = data[position++];
            }
        }
        return n;
    }

    /**
     * Decompresses {@code compressed} into {@code target[0, length)}; {@code target} must hold {@code length + 8}
     * bytes. A stream that does not decode to exactly {@code length} bytes is a {@link ChunkCorruption}.
     */
    public void decompress(byte[] compressed, byte[] target, int length) {
        int out = 0;
        int i = 0;
        int n = compressed.length;
        while (i < n) {
            int code = compressed[i++] & 0xff;
            if (code == ESCAPE) {
                if (i == n || out == length) {
                    throw ChunkCorruption.of("bad escape in compressed strings");
                }
                target[out++] = compressed[i++];
            } else {
                if (code >= size || out + lengths[code] > length) {
                    throw ChunkCorruption.of("bad symbol " + code + " in compressed strings");
                }
                // One 8-byte store; the bytes past the symbol are overwritten by what follows or lie in the slack.
                LONG.set(target, out, values[code]);
                out += lengths[code];
            }
        }
        if (out != length) {
            throw ChunkCorruption.of("compressed strings decode to " + out + " bytes, not " + length);
        }
    }

    /**
     * Decompresses only the bytes {@code [from, to)} of what {@code compressed} decodes to ({@code total} bytes in
     * all): the codes before {@code from} are walked by their lengths without being written, and decoding stops once
     * {@code to} is reached. The bytes land in {@code target} from the returned offset on (0 to 7: a symbol may begin
     * before {@code from}); {@code target} must hold {@code to - from + 16} bytes. How a scan reads a few rows of an
     * FSST-style chunk: the rows after the last one asked for are never decoded, those before the first never written.
     *
     * @throws io.basalt.error.BasaltException DATA_CORRUPTED for a code past the table, a bad escape, or a stream that
     *     ends before {@code to} or decodes past {@code total}
     */
    public int decompressRange(byte[] compressed, int total, int from, int to, byte[] target) {
        if (from < 0 || from > to || to > total) {
            throw ChunkCorruption.of("compressed range " + from + ".." + to + " of " + total + " bytes");
        }
        int out = 0;
        int i = 0;
        int n = compressed.length;
        while (i < n) {
            int code = compressed[i] & 0xff;
            int length;
            if (code == ESCAPE) {
                if (i + 1 == n) {
                    throw ChunkCorruption.of("bad escape in compressed strings");
                }
                length = 1;
            } else {
                if (code >= size) {
                    throw ChunkCorruption.of("bad symbol " + code + " in compressed strings");
                }
                length = lengths[code];
            }
            if (out + length > from) {
                break;
            }
            out += length;
            i += code == ESCAPE ? 2 : 1;
        }
        int shift = from - out;
        int limit = to - out;
        int written = 0;
        while (written < limit) {
            if (i >= n) {
                throw ChunkCorruption.of("compressed strings end after " + (out + written) + " bytes");
            }
            int code = compressed[i++] & 0xff;
            if (code == ESCAPE) {
                if (i == n) {
                    throw ChunkCorruption.of("bad escape in compressed strings");
                }
                target[written++] = compressed[i++];
            } else {
                if (code >= size || out + written + lengths[code] > total) {
                    throw ChunkCorruption.of("bad symbol " + code + " in compressed strings");
                }
                // One 8-byte store, as in decompress: the slack of target takes the bytes past the symbol.
                LONG.set(target, written, values[code]);
                written += lengths[code];
            }
        }
        return shift;
    }
}
