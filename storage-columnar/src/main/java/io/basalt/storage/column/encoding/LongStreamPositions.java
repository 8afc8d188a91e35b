package io.basalt.storage.column.encoding;

import io.basalt.storage.column.kernel.DecodeKernels;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Reads the values of chosen rows from a {@link LongStreamCodec} stream without decoding the others: late
 * materialization for a scan whose predicates kept few rows of a row group. Frame of reference and plain streams are
 * read at each position in place (a bit-packed value lies at bit {@code row * width} of the packed words, see
 * {@link DecodeKernels}); a dictionary reads its codes so and decodes only its (small) value stream; run-length
 * decodes its run streams and walks them with the ascending positions; a delta stream, whose values depend on every
 * earlier row, is decoded whole and picked from. Checks the stream as {@link LongStreamCodec#read} does.
 */
public final class LongStreamPositions {
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort SHORT =
            ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private LongStreamPositions() {
    }

    /**
     * Reads the values of rows {@code positions[0, selected)} (ascending, each in {@code [0, count)}) of a stream of
     * {@code count} values into {@code out[0, selected)}, leaving {@code in} after the stream.
     *
     * @throws io.basalt.error.BasaltException DATA_CORRUPTED when the stream is damaged
     */
    public static void read(ByteSource in, int count, int[] positions, int selected, long[] out,
                            DecodeKernels kernels) {
        read(in, count, positions, selected, out, kernels, 0);
    }

    /**
     * Whether the stream starting at {@code in}'s position can be read at positions for less than a whole decode:
     * false for a delta stream, whose every value needs the rows before it (a caller that keeps decoded chunks
     * should decode such a chunk once and pick from it). Does not move {@code in}.
     */
    public static boolean readsAtPositions(MemorySegment chunk, long streamStart) {
        return chunk.get(ValueLayout.JAVA_BYTE, streamStart) != LongEncoding.DELTA.id();
    }

    private static void read(ByteSource in, int count, int[] positions, int selected, long[] out,
                             DecodeKernels kernels, int depth) {
        if (depth >= LongStreamCodec.MAXIMUM_DEPTH) {
            throw ChunkCorruption.of("integer streams nested too deep");
        }
        LongEncoding encoding = LongEncoding.ofId(in.getByte());
        switch (encoding) {
            case CONSTANT -> java.util.Arrays.fill(out, 0, selected, in.getLong());
            case FRAME_OF_REFERENCE -> {
                long base = in.getLong();
                int width = in.getByte();
                if (width > 64) {
                    throw ChunkCorruption.of("bit width " + width);
                }
                MemorySegment packed = in.slice(BitPacking.packedBytes(count, width));
                unpackAt(packed, width, base, positions, selected, out);
            }
            case PLAIN -> {
                int width = in.getByte();
                if (width != 1 && width != 2 && width != 4 && width != 8) {
                    throw ChunkCorruption.of("plain width " + width);
                }
                MemorySegment values = in.slice((long) width * count);
                for (int i = 0; i < selected; i++) {
                    long at = (long) positions[i] * width;
                    out[i] = switch (width) {
                        case 1 -> values.get(ValueLayout.JAVA_BYTE, at);
                        case 2 -> values.get(SHORT, at);
                        case 4 -> values.get(INT, at);
                        default -> values.get(LONG, at);
                    };
                }
            }
            case DICTIONARY -> {
                int size = in.getCount(count, "dictionary size");
                long[] dictionary = LongStreamCodec.read(in, size, kernels);
                read(in, count, positions, selected, out, kernels, depth + 1);
                for (int i = 0; i < selected; i++) {
                    long code = out[i];
                    if (code < 0 || code >= size) {
                        throw ChunkCorruption.of("dictionary code " + code + " of " + size);
                    }
                    out[i] = dictionary[(int) code];
                }
            }
            case RUN_LENGTH -> {
                int runs = in.getCount(count, "run count");
                long[] runValues = LongStreamCodec.read(in, runs, kernels);
                long[] runLengths = LongStreamCodec.read(in, runs, kernels);
                int run = 0;
                long runEnd = runs == 0 ? 0 : runLengths[0];
                for (int i = 0; i < selected; i++) {
                    int position = positions[i];
                    while (position >= runEnd) {
                        run++;
                        if (run >= runs) {
                            throw ChunkCorruption.of("runs end before row " + position);
                        }
                        long length = runLengths[run];
                        if (length < 1) {
                            throw ChunkCorruption.of("bad run length " + length);
                        }
                        runEnd += length;
                    }
                    out[i] = runValues[run];
                }
            }
            case DELTA -> {
                long[] values = LongStreamCodec.readAfterId(LongEncoding.DELTA, in, count, kernels);
                for (int i = 0; i < selected; i++) {
                    out[i] = values[positions[i]];
                }
            }
        }
    }

    /**
     * Reads the packed values of {@code width} bits at {@code positions[0, selected)} plus {@code base}; a value spills
     * into the next word only when that word exists (a block's values end on a word boundary).
     */
    static void unpackAt(MemorySegment packed, int width, long base, int[] positions, int selected, long[] out) {
        if (width == 0) {
            java.util.Arrays.fill(out, 0, selected, base);
            return;
        }
        long mask = width == 64 ? -1L : (1L << width) - 1;
        for (int i = 0; i < selected; i++) {
            long bit = (long) positions[i] * width;
            long word = bit >>> 6;
            int shift = (int) (bit & 63);
            long value = packed.get(LONG, word << 3) >>> shift;
            if (shift + width > 64) {
                value |= packed.get(LONG, (word + 1) << 3) << (64 - shift);
            }
            out[i] = (value & mask) + base;
        }
    }
}
