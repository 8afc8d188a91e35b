package io.basalt.exec.kernel;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link TextKernels} on the Java Vector API, with {@link PlainTextKernels}' range methods as scalar tails. The
 * ASCII test ORs whole byte vectors together and looks at the sign bits once at the end (a check per vector would
 * add a branch to a loop that almost always runs to its end); lengths subtract two overlapping int loads of the
 * offsets. Character counting of non-ASCII text stays plain (rows are short; a vector body would rarely run).
 */
public final class VectorTextKernels implements TextKernels {
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;

    @Override
    public boolean isAscii(MemorySegment data, long from, long to) {
        int lanes = BYTES.length();
        ByteVector seen = ByteVector.zero(BYTES);
        long at = from;
        for (; at + lanes <= to; at += lanes) {
            seen = seen.or(ByteVector.fromMemorySegment(BYTES, data, at, ORDER));
        }
        if (seen.compare(VectorOperators.LT, (byte) 0).anyTrue()) {
            return false;
        }
        return PlainTextKernels.asciiRange(data, at, to);
    }

    @Override
    public void lengthsFromOffsets(MemorySegment offsets, int count, MemorySegment out) {
        int lanes = INTS.length();
        int i = 0;
        for (; i + lanes <= count; i += lanes) {
            IntVector starts = IntVector.fromMemorySegment(INTS, offsets, (long) i * Integer.BYTES, ORDER);
            IntVector ends = IntVector.fromMemorySegment(INTS, offsets, (long) (i + 1) * Integer.BYTES, ORDER);
            ends.sub(starts).intoMemorySegment(out, (long) i * Integer.BYTES, ORDER);
        }
        PlainTextKernels.lengthsRange(offsets, i, count, out);
    }

    @Override
    public long countCharacters(MemorySegment data, long from, long to) {
        return PlainTextKernels.charactersRange(data, from, to);
    }
}
