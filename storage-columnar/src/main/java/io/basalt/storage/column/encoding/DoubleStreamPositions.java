package io.basalt.storage.column.encoding;

import io.basalt.storage.column.kernel.DecodeKernels;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Reads the values of chosen rows from a {@link DoubleStreamCodec} stream without decoding the others: late
 * materialization of a double column for a scan whose predicates kept few rows of a row group. A RAW stream is an
 * integer stream of the bits, read at the positions by {@link LongStreamPositions}; an ALP stream reads its decimal
 * integers at the positions the same way and divides only those, then reads its (few) exceptions whole and puts back
 * the ones that fall on a chosen row. A stream whose integers are delta-coded is not read here (see
 * {@link #readsAtPositions}). Checks the stream as {@link DoubleStreamCodec#read} does.
 */
public final class DoubleStreamPositions {
    private DoubleStreamPositions() {
    }

    /**
     * Whether the double stream starting at {@code streamStart} of {@code chunk} can be read at positions for less than
     * a whole decode: false when its integer stream is delta-coded. Does not move anything.
     */
    public static boolean readsAtPositions(MemorySegment chunk, long streamStart) {
        int kind = chunk.get(ValueLayout.JAVA_BYTE, streamStart);
        return switch (kind) {
            case DoubleStreamCodec.RAW -> LongStreamPositions.readsAtPositions(chunk, streamStart + 1);
            case DoubleStreamCodec.ALP -> LongStreamPositions.readsAtPositions(chunk, streamStart + 2);
            default -> throw ChunkCorruption.of("unknown double encoding " + kind);
        };
    }

    /**
     * Reads the raw bits of rows {@code positions[0, selected)} (ascending, distinct, each in {@code [0, count)}) of a
     * stream of {@code count} doubles into {@code out[0, selected)}, leaving {@code in} after the stream.
     * Precondition: {@link #readsAtPositions} said yes for this stream.
     *
     * @throws io.basalt.error.BasaltException DATA_CORRUPTED when the stream is damaged
     */
    public static void read(ByteSource in, int count, int[] positions, int selected, long[] out,
                            DecodeKernels kernels) {
        int kind = in.getByte();
        if (kind == DoubleStreamCodec.RAW) {
            LongStreamPositions.read(in, count, positions, selected, out, kernels);
            return;
        }
        if (kind != DoubleStreamCodec.ALP) {
            throw ChunkCorruption.of("unknown double encoding " + kind);
        }
        int exponent = in.getByte();
        if (exponent > DoubleStreamCodec.MAXIMUM_EXPONENT) {
            throw ChunkCorruption.of("decimal exponent " + exponent);
        }
        LongStreamPositions.read(in, count, positions, selected, out, kernels);
        double divisor = DoubleStreamCodec.powerOfTen(exponent);
        for (int i = 0; i < selected; i++) {
            out[i] = Double.doubleToRawLongBits(out[i] / divisor);
        }
        int exceptionCount = in.getCount(count, "exception count");
        if (exceptionCount == 0) {
            return;
        }
        long[] exceptionRows = LongStreamCodec.read(in, exceptionCount, kernels);
        long[] exceptions = LongStreamCodec.read(in, exceptionCount, kernels);
        // Both lists ascend (exceptions are written in row order): one merge walk finds the chosen ones.
        int k = 0;
        for (int e = 0; e < exceptionCount; e++) {
            long row = exceptionRows[e];
            if (row < 0 || row >= count) {
                throw ChunkCorruption.of("exception position " + row);
            }
            while (k < selected && positions[k] < row) {
                k++;
            }
            if (k < selected && positions[k] == row) {
                out[k] = exceptions[e];
            }
        }
    }
}
