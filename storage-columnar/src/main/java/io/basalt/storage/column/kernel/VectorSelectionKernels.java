package io.basalt.storage.column.kernel;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SelectionKernels} on the Java Vector API: two lane-wise comparisons per vector of the preferred long species
 * (4 or 8 lanes, which divide 64, so a vector's mask bits never straddle a bitmap word), their mask ORed into the
 * bitmap at the vector's position; the scalar tail is {@link PlainSelectionKernels}' range method.
 */
public final class VectorSelectionKernels implements SelectionKernels {
    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;

    @Override
    public void selectRange(long[] values, int count, long low, long high, long[] bits) {
        int lanes = LONGS.length();
        if (64 % lanes != 0) {
            PlainSelectionKernels.selectRange(values, 0, count, low, high, bits);
            return;
        }
        int body = LONGS.loopBound(count);
        int i = 0;
        for (; i < body; i += lanes) {
            LongVector vector = LongVector.fromArray(LONGS, values, i);
            VectorMask<Long> inside = vector.compare(VectorOperators.GE, low)
                .and(vector.compare(VectorOperators.LE, high));
            bits[i >>> 6] |= inside.toLong() << (i & 63);
        }
        PlainSelectionKernels.selectRange(values, i, count, low, high, bits);
    }

    /**
     * The matching mask broadcast and shifted right by each lane's code: its low bit says whether the code matches;
     * codes outside {@code [0, 64)} are cleared by an unsigned comparison (a lane shift takes its count modulo 64).
     */
    @Override
    public void selectCodes(long[] codes, int count, long matching, long[] bits) {
        int lanes = LONGS.length();
        if (64 % lanes != 0) {
            PlainSelectionKernels.selectCodes(codes, 0, count, matching, bits);
            return;
        }
        LongVector mask = LongVector.broadcast(LONGS, matching);
        int body = LONGS.loopBound(count);
        int i = 0;
        for (; i < body; i += lanes) {
            LongVector vector = LongVector.fromArray(LONGS, codes, i);
            VectorMask<Long> inside = mask.lanewise(VectorOperators.LSHR, vector).and(1L)
                .compare(VectorOperators.NE, 0L)
                .and(vector.compare(VectorOperators.ULT, 64L));
            bits[i >>> 6] |= inside.toLong() << (i & 63);
        }
        PlainSelectionKernels.selectCodes(codes, i, count, matching, bits);
    }

    @Override
    public void selectRangeInts(MemorySegment values, int count, int low, int high, long[] bits) {
        int lanes = INTS.length();
        if (64 % lanes != 0) {
            PlainSelectionKernels.selectRangeInts(values, 0, count, low, high, bits);
            return;
        }
        int body = INTS.loopBound(count);
        int i = 0;
        for (; i < body; i += lanes) {
            IntVector vector = IntVector.fromMemorySegment(INTS, values, (long) i * Integer.BYTES,
                    ByteOrder.LITTLE_ENDIAN);
            VectorMask<Integer> inside = vector.compare(VectorOperators.GE, low)
                .and(vector.compare(VectorOperators.LE, high));
            bits[i >>> 6] |= inside.toLong() << (i & 63);
        }
        PlainSelectionKernels.selectRangeInts(values, i, count, low, high, bits);
    }

    @Override
    public void selectRangeLongs(MemorySegment values, int count, long low, long high, long[] bits) {
        int lanes = LONGS.length();
        if (64 % lanes != 0) {
            PlainSelectionKernels.selectRangeLongs(values, 0, count, low, high, bits);
            return;
        }
        int body = LONGS.loopBound(count);
        int i = 0;
        for (; i < body; i += lanes) {
            LongVector vector = LongVector.fromMemorySegment(LONGS, values, (long) i * Long.BYTES,
                    ByteOrder.LITTLE_ENDIAN);
            VectorMask<Long> inside = vector.compare(VectorOperators.GE, low)
                .and(vector.compare(VectorOperators.LE, high));
            bits[i >>> 6] |= inside.toLong() << (i & 63);
        }
        PlainSelectionKernels.selectRangeLongs(values, i, count, low, high, bits);
    }
}
