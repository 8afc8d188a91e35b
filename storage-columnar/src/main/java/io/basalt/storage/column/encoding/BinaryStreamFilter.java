package io.basalt.storage.column.encoding;

import io.basalt.storage.column.kernel.DecodeKernels;
import io.basalt.storage.column.kernel.SelectionKernels;

/**
 * Evaluates a {@link BinaryMatcher} on a {@link BinaryStreamCodec} stream without building an Arrow vector: CONSTANT
 * decides every row at once; DICTIONARY evaluates each distinct value once and hands the matching codes, as ranges,
 * to {@link LongStreamFilter} over the codes stream (so bit-packed or run-length codes are compared in their own
 * form); PLAIN compares each row's bytes where they lie. SYMBOLS (FSST-style) is not evaluated: its symbols run across
 * row boundaries, so a row's bytes exist only after decompressing the chunk, which the scan's decoding does anyway.
 */
public final class BinaryStreamFilter {
    private BinaryStreamFilter() {
    }

    /**
     * Sets in {@code bits} the rows of {@code [0, count)} whose value satisfies {@code matcher} and returns true, or
     * returns false (bits untouched) when the stream's encoding is not evaluated here.
     *
     * @throws io.basalt.error.BasaltException DATA_CORRUPTED when the stream is damaged
     */
    public static boolean select(ByteSource in, int count, BinaryMatcher matcher, long[] bits, DecodeKernels decode,
                                 SelectionKernels kernels) {
        int kind = in.getByte();
        switch (kind) {
            case BinaryStreamCodec.CONSTANT -> {
                int length = in.getCount(in.remaining(), "value length");
                byte[] value = in.getBytes(length);
                if (matcher.matches(value, 0, length)) {
                    RowBits.setRange(bits, 0, count);
                }
                return true;
            }
            case BinaryStreamCodec.DICTIONARY -> {
                int distinct = in.getCount(count, "dictionary size");
                long[] lengths = LongStreamCodec.read(in, distinct, decode);
                byte[] entries = in.getBytes((int) BinaryStreamCodec.checkedTotal(lengths, distinct, in.remaining()));
                boolean[] matching = new boolean[distinct];
                int start = 0;
                for (int code = 0; code < distinct; code++) {
                    int length = (int) lengths[code];
                    matching[code] = matcher.matches(entries, start, length);
                    start += length;
                }
                LongStreamFilter.select(in, count, LongRanges.ofFlags(matching, distinct), bits, decode, kernels);
                return true;
            }
            case BinaryStreamCodec.PLAIN -> {
                long[] lengths = LongStreamCodec.read(in, count, decode);
                byte[] values = in.getBytes((int) BinaryStreamCodec.checkedTotal(lengths, count, in.remaining()));
                int start = 0;
                for (int row = 0; row < count; row++) {
                    int length = (int) lengths[row];
                    if (matcher.matches(values, start, length)) {
                        bits[row >>> 6] |= 1L << row;
                    }
                    start += length;
                }
                return true;
            }
            case BinaryStreamCodec.SYMBOLS -> {
                return false;
            }
            default -> throw ChunkCorruption.of("unknown binary encoding " + kind);
        }
    }
}
