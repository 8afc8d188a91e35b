package io.basalt.storage.column.encoding;

import io.basalt.storage.column.kernel.DecodeKernels;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;

/**
 * Reads the values of chosen rows from a {@link BinaryStreamCodec} stream without materializing the others: a
 * dictionary reads its entries and the codes at the positions ({@link LongStreamPositions}), a plain stream decodes
 * its lengths and copies the chosen rows' bytes only, a constant repeats its value. An FSST-style stream, whose
 * symbols run across row boundaries and so decode only in sequence, decodes just the span from the first chosen row to
 * the last one ({@link SymbolTable#decompressRange}: the rows before it are skipped code by code without being
 * written) and copies the chosen rows out of it. Checks the stream as {@link BinaryStreamCodec#read} does.
 */
public final class BinaryStreamPositions {
    private BinaryStreamPositions() {
    }

    /**
     * Reads rows {@code positions[0, selected)} (ascending, each in {@code [0, count)}) of a stream of {@code count}
     * values into {@code vector} (newly created, unallocated: its offsets and data; the caller sets validity and the
     * value count); false, with the vector untouched, when the stream's encoding is not read at positions.
     *
     * @throws io.basalt.error.BasaltException DATA_CORRUPTED when the stream is damaged
     */
    public static boolean read(ByteSource in, int count, int[] positions, int selected, BaseVariableWidthVector vector,
                               DecodeKernels kernels) {
        int kind = in.getByte();
        switch (kind) {
            case BinaryStreamCodec.CONSTANT -> {
                int length = in.getCount(in.remaining(), "value length");
                byte[] value = in.getBytes(length);
                BinaryStreamCodec.allocate(vector, (long) length * selected, selected);
                ArrowBuf offsets = vector.getOffsetBuffer();
                ArrowBuf target = vector.getDataBuffer();
                for (int i = 0; i < selected; i++) {
                    target.setBytes((long) i * length, value, 0, length);
                    offsets.setInt((long) (i + 1) * Integer.BYTES, (i + 1) * length);
                }
                return true;
            }
            case BinaryStreamCodec.DICTIONARY -> {
                int distinct = in.getCount(count, "dictionary size");
                long[] lengths = LongStreamCodec.read(in, distinct, kernels);
                long dictionaryBytes = BinaryStreamCodec.checkedTotal(lengths, distinct, in.remaining());
                byte[] entries = in.getBytes((int) dictionaryBytes);
                long[] codes = new long[Math.max(selected, 1)];
                LongStreamPositions.read(in, count, positions, selected, codes, kernels);
                BinaryStreamCodec.expandDictionary(vector, entries, lengths, distinct, codes, selected);
                return true;
            }
            case BinaryStreamCodec.PLAIN -> {
                long[] lengths = LongStreamCodec.read(in, count, kernels);
                long all = BinaryStreamCodec.checkedTotal(lengths, count, in.remaining());
                MemorySegment bytes = in.slice(all);
                long total = 0;
                for (int i = 0; i < selected; i++) {
                    total += lengths[positions[i]];
                }
                BinaryStreamCodec.allocate(vector, total, selected);
                ArrowBuf offsets = vector.getOffsetBuffer();
                MemorySegment target = io.basalt.exec.kernel.ArrowSegments.of(vector.getDataBuffer());
                long start = 0;
                int row = 0;
                int position = 0;
                for (int i = 0; i < selected; i++) {
                    while (row < positions[i]) {
                        start += lengths[row++];
                    }
                    int length = (int) lengths[row];
                    MemorySegment.copy(bytes, ValueLayout.JAVA_BYTE, start, target, ValueLayout.JAVA_BYTE, position,
                            length);
                    position += length;
                    offsets.setInt((long) (i + 1) * Integer.BYTES, position);
                }
                return true;
            }
            case BinaryStreamCodec.SYMBOLS -> {
                readSymbols(in, count, positions, selected, vector, kernels);
                return true;
            }
            default -> throw ChunkCorruption.of("unknown binary encoding " + kind);
        }
    }

    /** The FSST-style layout: symbol table, every row's length, the compressed bytes of all rows in sequence. */
    private static void readSymbols(ByteSource in, int count, int[] positions, int selected,
                                    BaseVariableWidthVector vector, DecodeKernels kernels) {
        SymbolTable table = SymbolTable.read(in);
        long[] lengths = LongStreamCodec.read(in, count, kernels);
        int compressedLength = in.getCount(in.remaining(), "compressed length");
        long total = BinaryStreamCodec.checkedTotal(lengths, count, 8L * compressedLength);
        byte[] compressed = in.getBytes(compressedLength);
        if (selected == 0) {
            BinaryStreamCodec.allocate(vector, 0, 0);
            return;
        }
        long from = 0;
        for (int row = 0; row < positions[0]; row++) {
            from += lengths[row];
        }
        long to = from;
        long chosen = 0;
        for (int row = positions[0], i = 0; i < selected; row++) {
            to += lengths[row];
            if (row == positions[i]) {
                chosen += lengths[row];
                i++;
            }
        }
        byte[] span = new byte[(int) (to - from) + 16];
        int shift = table.decompressRange(compressed, (int) total, (int) from, (int) to, span);
        BinaryStreamCodec.allocate(vector, chosen, selected);
        ArrowBuf offsets = vector.getOffsetBuffer();
        ArrowBuf target = vector.getDataBuffer();
        long start = shift;
        int row = positions[0];
        int position = 0;
        for (int i = 0; i < selected; i++) {
            while (row < positions[i]) {
                start += lengths[row++];
            }
            int length = (int) lengths[row];
            target.setBytes(position, span, (int) start, length);
            position += length;
            offsets.setInt((long) (i + 1) * Integer.BYTES, position);
        }
    }
}
