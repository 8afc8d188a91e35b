package io.basalt.exec.operator.filter;

import io.basalt.exec.kernel.ArrowSegments;
import io.basalt.exec.kernel.ComparisonOutcomes;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * The string comparisons of {@link SelectionRefiner}: values compared as unsigned bytes, shorter first on a
 * common prefix, which is the order {@code ValueComparison.compareBytes} gives every string comparison.
 * The bytes are read in place from the Arrow offset and data buffers; no value is decoded.
 */
final class SelectionStrings {
    private static final ValueLayout.OfInt OFFSET = ArrowSegments.INT;

    private SelectionStrings() {
    }

    /** Keeps the selected rows whose value compares with {@code constant} as {@code accepted} allows. */
    static int refine(FieldVector column, int accepted, byte[] constant, int[] selection, int count) {
        BaseVariableWidthVector strings = (BaseVariableWidthVector) column;
        MemorySegment offsets = ArrowSegments.of(strings.getOffsetBuffer());
        MemorySegment data = ArrowSegments.of(strings.getDataBuffer());
        MemorySegment validity = ArrowSegments.validity(column);
        MemorySegment wanted = MemorySegment.ofArray(constant);
        int length = constant.length;
        boolean equalityOnly = accepted == ComparisonOutcomes.EQUAL;
        if (equalityOnly && length <= Long.BYTES) {
            return refineShortEquality(offsets, data, validity, constant, selection, count);
        }
        int n = 0;
        for (int k = 0; k < count; k++) {
            int row = selection[k];
            if (SelectionRefiner.valid(validity, row) == 0) {
                continue;
            }
            long start = offsets.getAtIndex(OFFSET, row);
            long end = offsets.getAtIndex(OFFSET, row + 1);
            boolean keep;
            if (equalityOnly) {
                // Equality, the common case (IN lists, codes): lengths first, then one vectorized mismatch.
                keep = end - start == length && MemorySegment.mismatch(data, start, end, wanted, 0, length) < 0;
            } else {
                keep = ((accepted >>> outcome(data, start, end, wanted, 0, length)) & 1) != 0;
            }
            if (keep) {
                selection[n++] = row;
            }
        }
        return n;
    }

    /**
     * Equality with a constant of at most 8 bytes (codes, brands, modes: most string equalities of TPC-H): a value of
     * the constant's length is read as one little-endian long, masked to its length and compared with the constant
     * read the same way, instead of a {@link MemorySegment#mismatch} call per row, whose setup costs more than such a
     * comparison. A value whose 8 bytes would run past the data buffer is compared byte by byte.
     */
    private static int refineShortEquality(MemorySegment offsets, MemorySegment data, MemorySegment validity,
                                           byte[] constant, int[] selection, int count) {
        int length = constant.length;
        long lengthMask = length == Long.BYTES ? -1L : (1L << (8 * length)) - 1;
        long wanted = 0;
        for (int b = length - 1; b >= 0; b--) {
            wanted = (wanted << 8) | (constant[b] & 0xff);
        }
        long lastLongStart = data.byteSize() - Long.BYTES;
        int n = 0;
        for (int k = 0; k < count; k++) {
            int row = selection[k];
            long start = offsets.getAtIndex(OFFSET, row);
            long end = offsets.getAtIndex(OFFSET, row + 1);
            boolean keep = end - start == length && SelectionRefiner.valid(validity, row) != 0;
            if (keep && length > 0) {
                keep = start <= lastLongStart
                        ? (data.get(ArrowSegments.LONG, start) & lengthMask) == wanted
                        : MemorySegment.mismatch(data, start, end, MemorySegment.ofArray(constant), 0, length) < 0;
            }
            selection[n] = row;
            n += keep ? 1 : 0;
        }
        return n;
    }

    /** Keeps the selected rows where the left value compares with the right one as {@code accepted} allows. */
    static int refinePairs(FieldVector leftColumn, FieldVector rightColumn, int accepted, int[] selection, int count) {
        BaseVariableWidthVector left = (BaseVariableWidthVector) leftColumn;
        BaseVariableWidthVector right = (BaseVariableWidthVector) rightColumn;
        MemorySegment leftOffsets = ArrowSegments.of(left.getOffsetBuffer());
        MemorySegment leftData = ArrowSegments.of(left.getDataBuffer());
        MemorySegment leftValidity = ArrowSegments.validity(leftColumn);
        MemorySegment rightOffsets = ArrowSegments.of(right.getOffsetBuffer());
        MemorySegment rightData = ArrowSegments.of(right.getDataBuffer());
        MemorySegment rightValidity = ArrowSegments.validity(rightColumn);
        int n = 0;
        for (int k = 0; k < count; k++) {
            int row = selection[k];
            if ((SelectionRefiner.valid(leftValidity, row) & SelectionRefiner.valid(rightValidity, row)) == 0) {
                continue;
            }
            int outcome = outcome(leftData, leftOffsets.getAtIndex(OFFSET, row), leftOffsets.getAtIndex(OFFSET, row + 1),
                    rightData, rightOffsets.getAtIndex(OFFSET, row), rightOffsets.getAtIndex(OFFSET, row + 1));
            if (((accepted >>> outcome) & 1) != 0) {
                selection[n++] = row;
            }
        }
        return n;
    }

    /** 0, 1 or 2 for less, equal, greater (the bit index {@link ComparisonOutcomes#of(long, long)} gives). */
    private static int outcome(MemorySegment a, long aStart, long aEnd, MemorySegment b, long bStart, long bEnd) {
        long aLength = aEnd - aStart;
        long bLength = bEnd - bStart;
        long at = MemorySegment.mismatch(a, aStart, aEnd, b, bStart, bEnd);
        if (at < 0) {
            return 1;
        }
        if (at == aLength) {
            return 0;
        }
        if (at == bLength) {
            return 2;
        }
        int x = a.get(ValueLayout.JAVA_BYTE, aStart + at) & 0xff;
        int y = b.get(ValueLayout.JAVA_BYTE, bStart + at) & 0xff;
        return x < y ? 0 : 2;
    }
}
