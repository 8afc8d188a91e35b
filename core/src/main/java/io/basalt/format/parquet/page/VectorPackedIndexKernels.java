package io.basalt.format.parquet.page;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link PackedIndexKernels} on the Java Vector API, with {@link PlainPackedIndexKernels}' loops as tails.
 * Unpacking takes one int vector of values per step: a byte vector loaded from the first byte of the step's groups
 * is rearranged so that each int lane holds the four bytes its value starts in (a byte permutation fixed by the
 * width), then each lane is shifted right by its value's bit offset in its first byte and masked. Four bytes hold a
 * value when its width plus that offset (at most 7) is at most 32: widths up to 25, and 32 (always aligned); the
 * other widths stay plain. The gathers are the Vector API's indexed loads, stored into the Arrow buffer.
 */
public final class VectorPackedIndexKernels implements PackedIndexKernels {
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> BYTES = VectorSpecies.of(byte.class, INTS.vectorShape());
    private static final VectorSpecies<Long> LONGS = VectorSpecies.of(long.class, INTS.vectorShape());
    private static final int LANES = INTS.length();
    private static final int WIDEST_SHIFTED = 25;
    /** Per width, the source byte of each byte lane: lane {@code 4 * v + k} takes byte {@code (v * width) / 8 + k}. */
    private static final byte[] SELECT = new byte[33 * BYTES.length()];
    /** Per width, each int lane's right shift: {@code (v * width) % 8}. */
    private static final int[] SHIFTS = new int[33 * LANES];

    static {
        for (int width = 1; width <= 32; width++) {
            for (int v = 0; v < LANES; v++) {
                int bit = v * width;
                SHIFTS[width * LANES + v] = bit & 7;
                for (int k = 0; k < Integer.BYTES; k++) {
                    int source = (bit >>> 3) + k;
                    // widths the vector path does not take may point past the vector; keep their entries in range
                    SELECT[width * BYTES.length() + Integer.BYTES * v + k] = (byte) Math.min(source, BYTES.length() - 1);
                }
            }
        }
    }

    @Override
    public void unpack(byte[] data, int from, int width, int[] out, int at, int groups) {
        if ((width > WIDEST_SHIFTED && width != 32) || LANES % 8 != 0) {
            PlainPackedIndexKernels.unpackGroups(data, from, width, out, at, groups);
            return;
        }
        ByteVector select = ByteVector.fromArray(BYTES, SELECT, width * BYTES.length());
        IntVector shifts = IntVector.fromArray(INTS, SHIFTS, width * LANES);
        int mask = width == 32 ? -1 : (1 << width) - 1;
        int values = groups * 8;
        int stepBytes = LANES / 8 * width;
        // the byte vector is loaded whole: the last steps, whose load would pass the array's end, go plain
        int loadLimit = data.length - BYTES.length();
        int i = 0;
        int index = from;
        for (; i + LANES <= values && index <= loadLimit; i += LANES, index += stepBytes) {
            ByteVector raw = ByteVector.fromArray(BYTES, data, index);
            IntVector words = select.selectFrom(raw).reinterpretAsInts();
            words.lanewise(VectorOperators.LSHR, shifts).and(mask).intoArray(out, at + i);
        }
        PlainPackedIndexKernels.unpackGroups(data, index, width, out, at + i, (values - i) / 8);
    }

    @Override
    public void gatherLongs(long[] dictionary, int[] indices, int count, MemorySegment out, long offset) {
        int lanes = LONGS.length();
        int i = 0;
        for (; i + lanes <= count; i += lanes) {
            LongVector.fromArray(LONGS, dictionary, 0, indices, i)
                    .intoMemorySegment(out, offset + (long) i * Long.BYTES, ORDER);
        }
        PlainPackedIndexKernels.gatherLongsRange(dictionary, indices, i, count, out, offset);
    }

    @Override
    public void gatherInts(int[] dictionary, int[] indices, int count, MemorySegment out, long offset) {
        int i = 0;
        for (; i + LANES <= count; i += LANES) {
            IntVector.fromArray(INTS, dictionary, 0, indices, i)
                    .intoMemorySegment(out, offset + (long) i * Integer.BYTES, ORDER);
        }
        PlainPackedIndexKernels.gatherIntsRange(dictionary, indices, i, count, out, offset);
    }
}
