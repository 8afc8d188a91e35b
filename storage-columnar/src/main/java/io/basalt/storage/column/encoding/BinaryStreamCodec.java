package io.basalt.storage.column.encoding;

import io.basalt.exec.kernel.ArrowSegments;
import io.basalt.storage.column.kernel.DecodeKernels;
import java.lang.foreign.MemorySegment;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;

/**
 * Writes a chunk of variable-width values (text, bytea, binary numerics) as the smallest of CONSTANT (one value),
 * SYMBOLS (FSST-style: every row's length as an integer stream, then all bytes compressed by a {@link SymbolTable}),
 * DICTIONARY (the distinct values in order of first appearance, their lengths as an integer stream, then each row's
 * code as an integer stream, which may itself be bit-packed, run-length or delta coded) and PLAIN (every row's length
 * as an integer stream, then the bytes), and reads it back into an Arrow vector. A dictionary smaller than PLAIN is
 * taken without training a symbol table unless most values are distinct (then it is about the plain bytes, and the
 * smaller of the two is taken).
 *
 * <p>A NULL row is written as an empty value (PLAIN) or as its predecessor's code (DICTIONARY), so NULLs neither add
 * dictionary entries nor break runs; the validity mask, stored apart, restores them.
 */
public final class BinaryStreamCodec {
    static final int CONSTANT = 0;
    static final int DICTIONARY = 1;
    static final int PLAIN = 2;
    static final int SYMBOLS = 3;
    /** Below this many bytes of values a symbol table costs more than it saves. */
    private static final int SYMBOL_TABLE_THRESHOLD = 2048;

    private BinaryStreamCodec() {
    }

    /**
     * Writes {@code count} values, value {@code i} being {@code data[offsets[i], offsets[i + 1])}; {@code nulls} marks
     * NULL rows (whose bytes are empty), or is null when there are none.
     */
    public static void write(byte[] data, int[] offsets, boolean[] nulls, int count, ByteSink out) {
        write(data, offsets, nulls, count, BinaryValueAnalysis.of(data, offsets, nulls, count, false), out);
    }

    /** {@link #write}, with the values' {@code analysis} made already (the chunk's statistics share it). */
    public static void write(byte[] data, int[] offsets, boolean[] nulls, int count, BinaryValueAnalysis analysis,
                             ByteSink out) {
        int distinct = analysis.distinct();
        int[] firstRows = analysis.firstRows();
        if (distinct <= 1) {
            int row = distinct == 0 ? 0 : firstRows[0];
            int length = distinct == 0 ? 0 : offsets[row + 1] - offsets[row];
            out.putByte(CONSTANT);
            out.putInt(length);
            out.putBytes(data, distinct == 0 ? 0 : offsets[row], length);
            out.describe("constant");
            return;
        }
        // The lengths stream is encoded once: PLAIN and SYMBOLS both hold it, and PLAIN's size is its size plus the bytes.
        ByteSink lengthStream = new ByteSink();
        long[] lengths = new long[count];
        for (int i = 0; i < count; i++) {
            lengths[i] = offsets[i + 1] - offsets[i];
        }
        LongStreamCodec.write(lengths, count, Integer.BYTES, lengthStream);
        int total = offsets[count] - offsets[0];
        long plainSize = (long) lengthStream.size() + total;
        long dictionaryBytes = 0;
        for (int code = 0; code < distinct; code++) {
            dictionaryBytes += offsets[firstRows[code] + 1] - offsets[firstRows[code]];
        }
        // every value distinct: the dictionary would be the plain bytes and lengths plus the codes, never smaller
        ByteSink dictionary = null;
        if (distinct < count && dictionaryBytes < plainSize) {
            dictionary = new ByteSink();
            writeDictionary(data, offsets, analysis.codes(), firstRows, distinct, count, dictionary);
            // A dictionary of mostly distinct values is about the plain bytes: a symbol table may beat it.
            boolean mostlyDistinct = distinct > count / 2 && total >= SYMBOL_TABLE_THRESHOLD;
            if (dictionary.size() < plainSize && !mostlyDistinct) {
                writeDictionary(dictionary, out);
                return;
            }
            if (dictionary.size() >= plainSize) {
                dictionary = null;
            }
        }
        if (total >= SYMBOL_TABLE_THRESHOLD) {
            SymbolTable table = SymbolTable.train(data, offsets, count);
            byte[] compressed = new byte[SymbolTable.compressedCapacity(total)];
            int compressedLength = table.compress(data, offsets[0], offsets[count], compressed);
            ByteSink tableBytes = new ByteSink();
            table.write(tableBytes);
            long symbolsSize = (long) tableBytes.size() + lengthStream.size() + Integer.BYTES + compressedLength;
            if (dictionary != null && dictionary.size() <= symbolsSize) {
                writeDictionary(dictionary, out);
                return;
            }
            if (symbolsSize < plainSize) {
                out.putByte(SYMBOLS);
                out.putBytes(tableBytes.buffer(), 0, tableBytes.size());
                out.putBytes(lengthStream.buffer(), 0, lengthStream.size());
                out.putInt(compressedLength);
                out.putBytes(compressed, 0, compressedLength);
                out.describe("fsst " + table.size() + " symbols " + String.format("%.1fx", (double) total / compressedLength)
                    + "(lengths ").describe(lengthStream.description()).describe(")");
                return;
            }
        }
        if (dictionary != null) {
            writeDictionary(dictionary, out);
            return;
        }
        out.putByte(PLAIN);
        out.putBytes(lengthStream.buffer(), 0, lengthStream.size());
        out.putBytes(data, offsets[0], total);
        out.describe("plain(lengths ").describe(lengthStream.description()).describe(")");
    }

    private static void writeDictionary(ByteSink dictionary, ByteSink out) {
        out.putByte(DICTIONARY);
        out.putBytes(dictionary.buffer(), 0, dictionary.size());
        out.describe(dictionary.description());
    }

    private static void writeDictionary(byte[] data, int[] offsets, int[] codes, int[] firstRows, int distinct, int count,
                                        ByteSink out) {
        long[] lengths = new long[distinct];
        for (int code = 0; code < distinct; code++) {
            lengths[code] = offsets[firstRows[code] + 1] - offsets[firstRows[code]];
        }
        out.putInt(distinct);
        out.describe("dict " + distinct + "(lengths ");
        LongStreamCodec.write(lengths, distinct, Integer.BYTES, out);
        for (int code = 0; code < distinct; code++) {
            out.putBytes(data, offsets[firstRows[code]], (int) lengths[code]);
        }
        long[] wideCodes = new long[count];
        for (int i = 0; i < count; i++) {
            wideCodes[i] = codes[i];
        }
        out.describe("; codes ");
        LongStreamCodec.write(wideCodes, count, Integer.BYTES, out);
        out.describe(")");
    }

    /**
     * Reads {@code count} values into {@code vector} (newly created, unallocated): its offsets and data buffers; the
     * caller sets validity and the value count.
     */
    public static void read(ByteSource in, int count, BaseVariableWidthVector vector, DecodeKernels kernels) {
        int kind = in.getByte();
        switch (kind) {
            case CONSTANT -> {
                int length = in.getCount(in.remaining(), "value length");
                byte[] value = in.getBytes(length);
                if ((long) length * count > Integer.MAX_VALUE) {
                    throw ChunkCorruption.of("values of " + (long) length * count + " bytes");
                }
                allocate(vector, (long) length * count, count);
                ArrowBuf offsets = vector.getOffsetBuffer();
                ArrowBuf target = vector.getDataBuffer();
                for (int i = 0; i < count; i++) {
                    target.setBytes((long) i * length, value, 0, length);
                    offsets.setInt((long) (i + 1) * Integer.BYTES, (i + 1) * length);
                }
            }
            case PLAIN -> {
                long[] lengths = LongStreamCodec.read(in, count, kernels);
                long total = checkedTotal(lengths, count, in.remaining());
                MemorySegment bytes = in.slice(total);
                allocate(vector, total, count);
                writeOffsets(vector.getOffsetBuffer(), lengths, count);
                MemorySegment.copy(bytes, 0, ArrowSegments.of(vector.getDataBuffer()), 0, total);
            }
            case DICTIONARY -> readDictionary(in, count, vector, kernels);
            case SYMBOLS -> readSymbols(in, count, vector, kernels);
            default -> throw ChunkCorruption.of("unknown binary encoding " + kind);
        }
    }

    private static void readDictionary(ByteSource in, int count, BaseVariableWidthVector vector, DecodeKernels kernels) {
        int distinct = in.getCount(count, "dictionary size");
        long[] lengths = LongStreamCodec.read(in, distinct, kernels);
        long dictionaryBytes = checkedTotal(lengths, distinct, in.remaining());
        byte[] entries = in.getBytes((int) dictionaryBytes);
        expandDictionary(vector, entries, lengths, distinct, LongStreamCodec.read(in, count, kernels), count);
    }

    /**
     * Fills {@code vector} (unallocated) with the dictionary entries {@code codes[0, count)} name: {@code entries}
     * holds the {@code distinct} entries back to back, {@code lengths} their lengths (checked). Whole reads and reads
     * at positions share it.
     *
     * @throws io.basalt.error.BasaltException DATA_CORRUPTED for a code outside the dictionary
     */
    static void expandDictionary(BaseVariableWidthVector vector, byte[] entries, long[] lengths, int distinct,
                                 long[] codes, int count) {
        int[] starts = new int[Math.max(distinct, 1)];
        int width = distinct == 0 ? 0 : (int) lengths[0];
        for (int code = 1; code < distinct; code++) {
            starts[code] = starts[code - 1] + (int) lengths[code - 1];
            if (lengths[code] != width) {
                width = -1;
            }
        }
        long total = 0;
        for (int i = 0; i < count; i++) {
            long code = codes[i];
            if (code < 0 || code >= distinct) {
                throw ChunkCorruption.of("dictionary code " + code + " of " + distinct);
            }
            total += lengths[(int) code];
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw ChunkCorruption.of("values of " + total + " bytes");
        }
        // Rows are assembled on the heap and copied to the vector once: cheaper than a native copy per row.
        byte[] values = new byte[(int) total];
        allocate(vector, total, count);
        MemorySegment offsets = ArrowSegments.of(vector.getOffsetBuffer());
        if (width >= 0) {
            // entries of one length (flags, codes): the offsets are multiples of it, the bytes copied without a call
            for (int i = 0; i < count; i++) {
                offsets.setAtIndex(ArrowSegments.INT, i + 1, (i + 1) * width);
            }
            if (width == 1) {
                for (int i = 0; i < count; i++) {
                    values[i] = entries[(int) codes[i]];
                }
            } else {
                copyEntries(entries, starts, lengths, codes, count, values, offsets, false);
            }
        } else {
            copyEntries(entries, starts, lengths, codes, count, values, offsets, true);
        }
        vector.getDataBuffer().setBytes(0, values, 0, total);
    }

    /** Entries this long or shorter are copied byte by byte: System.arraycopy's call costs more for a few bytes. */
    private static final int SHORT_ENTRY = 16;

    /** Copies the entries {@code codes[0, count)} name back to back into {@code values}, writing their end offsets when asked. */
    private static void copyEntries(byte[] entries, int[] starts, long[] lengths, long[] codes, int count, byte[] values,
                                    MemorySegment offsets, boolean writeOffsets) {
        int position = 0;
        for (int i = 0; i < count; i++) {
            int code = (int) codes[i];
            int length = (int) lengths[code];
            int from = starts[code];
            if (length <= SHORT_ENTRY) {
                for (int b = 0; b < length; b++) {
                    values[position + b] = entries[from + b];
                }
            } else {
                System.arraycopy(entries, from, values, position, length);
            }
            position += length;
            if (writeOffsets) {
                offsets.setAtIndex(ArrowSegments.INT, i + 1, position);
            }
        }
    }

    private static void readSymbols(ByteSource in, int count, BaseVariableWidthVector vector, DecodeKernels kernels) {
        SymbolTable table = SymbolTable.read(in);
        long[] lengths = LongStreamCodec.read(in, count, kernels);
        int compressedLength = in.getCount(in.remaining(), "compressed length");
        // No symbol is longer than 8 bytes: that bounds what the lengths may claim.
        long total = checkedTotal(lengths, count, 8L * compressedLength);
        byte[] compressed = in.getBytes(compressedLength);
        byte[] values = new byte[(int) total + Long.BYTES];
        table.decompress(compressed, values, (int) total);
        allocate(vector, total, count);
        writeOffsets(vector.getOffsetBuffer(), lengths, count);
        vector.getDataBuffer().setBytes(0, values, 0, total);
    }

    /**
     * The sum of {@code lengths[0, count)}, each checked against the {@code available} bytes of the stream.
     *
     * @throws io.basalt.error.BasaltException DATA_CORRUPTED for a negative length or one past the stream's end
     */
    static long checkedTotal(long[] lengths, int count, long available) {
        long total = 0;
        for (int i = 0; i < count; i++) {
            long length = lengths[i];
            if (length < 0 || length > available - total) {
                throw ChunkCorruption.of("value length " + length);
            }
            total += length;
        }
        return total;
    }

    /** Allocates {@code vector} for {@code count} values of {@code totalBytes} bytes, its first offset 0. */
    static void allocate(BaseVariableWidthVector vector, long totalBytes, int count) {
        vector.allocateNew(Math.max(totalBytes, 1), Math.max(count, 1));
        vector.getOffsetBuffer().setInt(0, 0);
    }

    private static void writeOffsets(ArrowBuf offsets, long[] lengths, int count) {
        int position = 0;
        for (int i = 0; i < count; i++) {
            position += (int) lengths[i];
            offsets.setInt((long) (i + 1) * Integer.BYTES, position);
        }
    }
}
