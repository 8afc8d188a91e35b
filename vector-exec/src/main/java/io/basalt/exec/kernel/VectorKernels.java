package io.basalt.exec.kernel;

import static io.basalt.exec.kernel.ComparisonOutcomes.EQUAL;
import static io.basalt.exec.kernel.ComparisonOutcomes.GREATER;
import static io.basalt.exec.kernel.ComparisonOutcomes.LESS;
import static io.basalt.exec.kernel.ComparisonOutcomes.allOrNothing;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Kernels} on the Java Vector API: the only class in Basalt that imports
 * {@code jdk.incubator.vector}. Each kernel is a vector body over whole vectors of the preferred species
 * followed by a scalar tail, which is {@link PlainKernels}' own range method, so that the two agree by
 * construction on the rows the body does not cover.
 *
 * <p>Selections: every vector is compared twice, for "less" and for "equal", with fixed operators (the
 * Vector API compiles a comparison to one instruction only when its operator is a constant, so the
 * {@link CompareOp} is never passed to it). The two lane masks become bits ({@code toLong()}), are
 * combined with the operator's accepted outcomes ({@link ComparisonOutcomes}), ANDed with the validity
 * bits of the same rows, and the row indices of the set bits are compressed into the selection. Doubles follow PostgreSQL: IEEE comparison
 * already makes -0.0 equal 0.0 and says false for NaN, and lanes holding NaN are then reclassified
 * (NaN equals NaN and is greater than anything else).
 *
 * <p>Integer sums accumulate in 64-bit lanes (ints are widened first; 64-bit values are split into an
 * unsigned low and a signed high half), so no lane can overflow and the lane order does not matter.
 *
 * <p>Double sums follow the order defined in {@link PlainKernels}: eight accumulators, accumulator
 * {@code k} taking rows {@code i % 8 == k} in ascending order, reduced as
 * {@code ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7))}. Here the eight accumulators are the lanes of
 * 8 / L accumulator vectors of L lanes (L = 2, 4 or 8; a wider machine uses its 512-bit species), so
 * lane k of vector p holds accumulator p * L + k. Null rows are left out with a masked add. The
 * lanes are then stored to an array and finished by the same scalar code as the plain kernels; the
 * Vector API's own lane reduction is not used because its order is unspecified.
 *
 * <p>Validity counting is a scalar popcount over 64-bit words, which is already 64 rows per instruction.
 */
public final class VectorKernels implements Kernels {
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    /** Ints with as many lanes as LONGS: widened into one long vector each, and the row indices of selections. */
    private static final VectorSpecies<Integer> INTS_TO_WIDEN =
        VectorSpecies.of(int.class, VectorShape.forBitSize(LONGS.vectorBitSize() / 2));
    /** 0, 1, 2, ... in the lanes of a vector as wide (in lanes) as LONGS: the row offsets a selection writes. */
    private static final IntVector LONG_LANE_INDICES = IntVector.zero(INTS_TO_WIDEN).addIndex(1);
    /** 0, 1, 2, ... across INTS. */
    private static final IntVector INT_LANE_INDICES = IntVector.zero(INTS).addIndex(1);
    /** The species of the double-sum accumulators: between 2 and 8 lanes, so that 8 is a multiple of its length. */
    private static final VectorSpecies<Double> SUM_DOUBLES = DOUBLES.length() > PlainKernels.DOUBLE_ACCUMULATORS
        ? DoubleVector.SPECIES_512
        : DOUBLES.length() < 2 ? DoubleVector.SPECIES_128 : DOUBLES;
    /** How many accumulator vectors a double sum keeps: 1, 2 or 4. */
    private static final int SUM_VECTORS = PlainKernels.DOUBLE_ACCUMULATORS / SUM_DOUBLES.length();

    /** The number of 64-bit lanes in the preferred species; {@link KernelProvider} reads it reflectively. */
    static int preferredLongLanes() {
        return LONGS.length();
    }

    // ---- selections against a constant --------------------------------------------------------------

    @Override
    public int selectLong(MemorySegment values, MemorySegment validity, int count, CompareOp op, long constant, int[] selection) {
        int accepted = ComparisonOutcomes.accepted(op);
        long lessWanted = allOrNothing(accepted, LESS);
        long equalWanted = allOrNothing(accepted, EQUAL);
        long greaterWanted = allOrNothing(accepted, GREATER);
        int lanes = LONGS.length();
        long allLanes = allLanes(lanes);
        int bound = LONGS.loopBound(count);
        int n = 0;
        int i = 0;
        for (; i < bound; i += lanes) {
            LongVector v = LongVector.fromMemorySegment(LONGS, values, (long) i * Long.BYTES, ORDER);
            long less = v.compare(VectorOperators.LT, constant).toLong();
            long equal = v.compare(VectorOperators.EQ, constant).toLong();
            long hits = wanted(less, equal, allLanes, lessWanted, equalWanted, greaterWanted);
            n = appendLongLanes(andValid(hits, validity, i, lanes), i, selection, n);
        }
        return PlainKernels.selectLong(values, validity, i, count, accepted, constant, selection, n);
    }

    @Override
    public int selectInt(MemorySegment values, MemorySegment validity, int count, CompareOp op, int constant, int[] selection) {
        int accepted = ComparisonOutcomes.accepted(op);
        long lessWanted = allOrNothing(accepted, LESS);
        long equalWanted = allOrNothing(accepted, EQUAL);
        long greaterWanted = allOrNothing(accepted, GREATER);
        int lanes = INTS.length();
        long allLanes = allLanes(lanes);
        int bound = INTS.loopBound(count);
        int n = 0;
        int i = 0;
        for (; i < bound; i += lanes) {
            IntVector v = IntVector.fromMemorySegment(INTS, values, (long) i * Integer.BYTES, ORDER);
            long less = v.compare(VectorOperators.LT, constant).toLong();
            long equal = v.compare(VectorOperators.EQ, constant).toLong();
            long hits = wanted(less, equal, allLanes, lessWanted, equalWanted, greaterWanted);
            n = appendIntLanes(andValid(hits, validity, i, lanes), i, selection, n);
        }
        return PlainKernels.selectInt(values, validity, i, count, accepted, constant, selection, n);
    }

    /**
     * One compare per vector with the operator itself (no selection is written, so the three-way outcome of the
     * select kernels is not needed); the lanes' bits go straight into the mask word, whose 64 bits hold a whole
     * number of vectors for every species (4 to 64 lanes). The Vector API compiles a compare to one instruction only
     * for a constant operator, so each operator has a loop of its own and the switch is taken once per call: a
     * switch inside the loop gave each compiled version only the operators seen so far, and every new operator (a
     * new query's filter) trapped ({@code profile_predicate}) and sent the kernel back to the boxed fallback until
     * C2 had compiled it again.
     */
    @Override
    public void andMaskLong(MemorySegment values, MemorySegment validity, int count, CompareOp op, long constant, long[] mask) {
        int done = switch (op) {
            case EQ -> andMaskLongEq(values, validity, count, constant, mask);
            case NE -> andMaskLongNe(values, validity, count, constant, mask);
            case LT -> andMaskLongLt(values, validity, count, constant, mask);
            case LE -> andMaskLongLe(values, validity, count, constant, mask);
            case GT -> andMaskLongGt(values, validity, count, constant, mask);
            case GE -> andMaskLongGe(values, validity, count, constant, mask);
        };
        PlainKernels.andMaskLong(values, validity, done, count, ComparisonOutcomes.accepted(op), constant, mask);
    }

    @Override
    public void andMaskInt(MemorySegment values, MemorySegment validity, int count, CompareOp op, int constant, long[] mask) {
        int done = switch (op) {
            case EQ -> andMaskIntEq(values, validity, count, constant, mask);
            case NE -> andMaskIntNe(values, validity, count, constant, mask);
            case LT -> andMaskIntLt(values, validity, count, constant, mask);
            case LE -> andMaskIntLe(values, validity, count, constant, mask);
            case GT -> andMaskIntGt(values, validity, count, constant, mask);
            case GE -> andMaskIntGe(values, validity, count, constant, mask);
        };
        PlainKernels.andMaskInt(values, validity, done, count, ComparisonOutcomes.accepted(op), constant, mask);
    }

    /** The whole vectors of {@link #andMaskLong} for {@code =}; returns the rows done (the plain tail takes the rest). */
    private static int andMaskLongEq(MemorySegment values, MemorySegment validity, int count, long constant, long[] mask) {
        int lanes = LONGS.length();
        long allLanes = allLanes(lanes);
        int bound = LONGS.loopBound(count);
        int i = 0;
        for (; i < bound; i += lanes) {
            long hits = LongVector.fromMemorySegment(LONGS, values, (long) i * Long.BYTES, ORDER).compare(VectorOperators.EQ, constant).toLong();
            hits = andValid(hits, validity, i, lanes);
            mask[i >>> 6] &= ~((~hits & allLanes) << (i & 63));
        }
        return i;
    }

    private static int andMaskLongNe(MemorySegment values, MemorySegment validity, int count, long constant, long[] mask) {
        int lanes = LONGS.length();
        long allLanes = allLanes(lanes);
        int bound = LONGS.loopBound(count);
        int i = 0;
        for (; i < bound; i += lanes) {
            long hits = LongVector.fromMemorySegment(LONGS, values, (long) i * Long.BYTES, ORDER).compare(VectorOperators.NE, constant).toLong();
            hits = andValid(hits, validity, i, lanes);
            mask[i >>> 6] &= ~((~hits & allLanes) << (i & 63));
        }
        return i;
    }

    private static int andMaskLongLt(MemorySegment values, MemorySegment validity, int count, long constant, long[] mask) {
        int lanes = LONGS.length();
        long allLanes = allLanes(lanes);
        int bound = LONGS.loopBound(count);
        int i = 0;
        for (; i < bound; i += lanes) {
            long hits = LongVector.fromMemorySegment(LONGS, values, (long) i * Long.BYTES, ORDER).compare(VectorOperators.LT, constant).toLong();
            hits = andValid(hits, validity, i, lanes);
            mask[i >>> 6] &= ~((~hits & allLanes) << (i & 63));
        }
        return i;
    }

    private static int andMaskLongLe(MemorySegment values, MemorySegment validity, int count, long constant, long[] mask) {
        int lanes = LONGS.length();
        long allLanes = allLanes(lanes);
        int bound = LONGS.loopBound(count);
        int i = 0;
        for (; i < bound; i += lanes) {
            long hits = LongVector.fromMemorySegment(LONGS, values, (long) i * Long.BYTES, ORDER).compare(VectorOperators.LE, constant).toLong();
            hits = andValid(hits, validity, i, lanes);
            mask[i >>> 6] &= ~((~hits & allLanes) << (i & 63));
        }
        return i;
    }

    private static int andMaskLongGt(MemorySegment values, MemorySegment validity, int count, long constant, long[] mask) {
        int lanes = LONGS.length();
        long allLanes = allLanes(lanes);
        int bound = LONGS.loopBound(count);
        int i = 0;
        for (; i < bound; i += lanes) {
            long hits = LongVector.fromMemorySegment(LONGS, values, (long) i * Long.BYTES, ORDER).compare(VectorOperators.GT, constant).toLong();
            hits = andValid(hits, validity, i, lanes);
            mask[i >>> 6] &= ~((~hits & allLanes) << (i & 63));
        }
        return i;
    }

    private static int andMaskLongGe(MemorySegment values, MemorySegment validity, int count, long constant, long[] mask) {
        int lanes = LONGS.length();
        long allLanes = allLanes(lanes);
        int bound = LONGS.loopBound(count);
        int i = 0;
        for (; i < bound; i += lanes) {
            long hits = LongVector.fromMemorySegment(LONGS, values, (long) i * Long.BYTES, ORDER).compare(VectorOperators.GE, constant).toLong();
            hits = andValid(hits, validity, i, lanes);
            mask[i >>> 6] &= ~((~hits & allLanes) << (i & 63));
        }
        return i;
    }

    private static int andMaskIntEq(MemorySegment values, MemorySegment validity, int count, int constant, long[] mask) {
        int lanes = INTS.length();
        long allLanes = allLanes(lanes);
        int bound = INTS.loopBound(count);
        int i = 0;
        for (; i < bound; i += lanes) {
            long hits = IntVector.fromMemorySegment(INTS, values, (long) i * Integer.BYTES, ORDER).compare(VectorOperators.EQ, constant).toLong();
            hits = andValid(hits, validity, i, lanes);
            mask[i >>> 6] &= ~((~hits & allLanes) << (i & 63));
        }
        return i;
    }

    private static int andMaskIntNe(MemorySegment values, MemorySegment validity, int count, int constant, long[] mask) {
        int lanes = INTS.length();
        long allLanes = allLanes(lanes);
        int bound = INTS.loopBound(count);
        int i = 0;
        for (; i < bound; i += lanes) {
            long hits = IntVector.fromMemorySegment(INTS, values, (long) i * Integer.BYTES, ORDER).compare(VectorOperators.NE, constant).toLong();
            hits = andValid(hits, validity, i, lanes);
            mask[i >>> 6] &= ~((~hits & allLanes) << (i & 63));
        }
        return i;
    }

    private static int andMaskIntLt(MemorySegment values, MemorySegment validity, int count, int constant, long[] mask) {
        int lanes = INTS.length();
        long allLanes = allLanes(lanes);
        int bound = INTS.loopBound(count);
        int i = 0;
        for (; i < bound; i += lanes) {
            long hits = IntVector.fromMemorySegment(INTS, values, (long) i * Integer.BYTES, ORDER).compare(VectorOperators.LT, constant).toLong();
            hits = andValid(hits, validity, i, lanes);
            mask[i >>> 6] &= ~((~hits & allLanes) << (i & 63));
        }
        return i;
    }

    private static int andMaskIntLe(MemorySegment values, MemorySegment validity, int count, int constant, long[] mask) {
        int lanes = INTS.length();
        long allLanes = allLanes(lanes);
        int bound = INTS.loopBound(count);
        int i = 0;
        for (; i < bound; i += lanes) {
            long hits = IntVector.fromMemorySegment(INTS, values, (long) i * Integer.BYTES, ORDER).compare(VectorOperators.LE, constant).toLong();
            hits = andValid(hits, validity, i, lanes);
            mask[i >>> 6] &= ~((~hits & allLanes) << (i & 63));
        }
        return i;
    }

    private static int andMaskIntGt(MemorySegment values, MemorySegment validity, int count, int constant, long[] mask) {
        int lanes = INTS.length();
        long allLanes = allLanes(lanes);
        int bound = INTS.loopBound(count);
        int i = 0;
        for (; i < bound; i += lanes) {
            long hits = IntVector.fromMemorySegment(INTS, values, (long) i * Integer.BYTES, ORDER).compare(VectorOperators.GT, constant).toLong();
            hits = andValid(hits, validity, i, lanes);
            mask[i >>> 6] &= ~((~hits & allLanes) << (i & 63));
        }
        return i;
    }

    private static int andMaskIntGe(MemorySegment values, MemorySegment validity, int count, int constant, long[] mask) {
        int lanes = INTS.length();
        long allLanes = allLanes(lanes);
        int bound = INTS.loopBound(count);
        int i = 0;
        for (; i < bound; i += lanes) {
            long hits = IntVector.fromMemorySegment(INTS, values, (long) i * Integer.BYTES, ORDER).compare(VectorOperators.GE, constant).toLong();
            hits = andValid(hits, validity, i, lanes);
            mask[i >>> 6] &= ~((~hits & allLanes) << (i & 63));
        }
        return i;
    }

    @Override
    public int selectDouble(MemorySegment values, MemorySegment validity, int count, CompareOp op, double constant, int[] selection) {
        int accepted = ComparisonOutcomes.accepted(op);
        long lessWanted = allOrNothing(accepted, LESS);
        long equalWanted = allOrNothing(accepted, EQUAL);
        long greaterWanted = allOrNothing(accepted, GREATER);
        int lanes = DOUBLES.length();
        long allLanes = allLanes(lanes);
        boolean constantIsNaN = Double.isNaN(constant);
        int bound = DOUBLES.loopBound(count);
        int n = 0;
        int i = 0;
        for (; i < bound; i += lanes) {
            DoubleVector v = DoubleVector.fromMemorySegment(DOUBLES, values, (long) i * Double.BYTES, ORDER);
            long less;
            long equal;
            if (constantIsNaN) {
                // Against NaN: NaN lanes are equal, every other lane is less.
                equal = v.test(VectorOperators.IS_NAN).toLong();
                less = allLanes & ~equal;
            } else {
                // NaN lanes come out neither less nor equal, hence greater, as PostgreSQL has it.
                less = v.compare(VectorOperators.LT, constant).toLong();
                equal = v.compare(VectorOperators.EQ, constant).toLong();
            }
            long hits = wanted(less, equal, allLanes, lessWanted, equalWanted, greaterWanted);
            n = appendLongLanes(andValid(hits, validity, i, lanes), i, selection, n);
        }
        return PlainKernels.selectDouble(values, validity, i, count, accepted, constant, selection, n);
    }

    // ---- selections between two columns ------------------------------------------------------------

    @Override
    public int selectLongPairs(MemorySegment left, MemorySegment leftValidity, MemorySegment right, MemorySegment rightValidity,
                               int count, CompareOp op, int[] selection) {
        int accepted = ComparisonOutcomes.accepted(op);
        long lessWanted = allOrNothing(accepted, LESS);
        long equalWanted = allOrNothing(accepted, EQUAL);
        long greaterWanted = allOrNothing(accepted, GREATER);
        int lanes = LONGS.length();
        long allLanes = allLanes(lanes);
        int bound = LONGS.loopBound(count);
        int n = 0;
        int i = 0;
        for (; i < bound; i += lanes) {
            LongVector a = LongVector.fromMemorySegment(LONGS, left, (long) i * Long.BYTES, ORDER);
            LongVector b = LongVector.fromMemorySegment(LONGS, right, (long) i * Long.BYTES, ORDER);
            long less = a.compare(VectorOperators.LT, b).toLong();
            long equal = a.compare(VectorOperators.EQ, b).toLong();
            long hits = wanted(less, equal, allLanes, lessWanted, equalWanted, greaterWanted);
            hits = andValid(andValid(hits, leftValidity, i, lanes), rightValidity, i, lanes);
            n = appendLongLanes(hits, i, selection, n);
        }
        return PlainKernels.selectLongPairs(left, leftValidity, right, rightValidity, i, count, accepted, selection, n);
    }

    @Override
    public int selectIntPairs(MemorySegment left, MemorySegment leftValidity, MemorySegment right, MemorySegment rightValidity,
                              int count, CompareOp op, int[] selection) {
        int accepted = ComparisonOutcomes.accepted(op);
        long lessWanted = allOrNothing(accepted, LESS);
        long equalWanted = allOrNothing(accepted, EQUAL);
        long greaterWanted = allOrNothing(accepted, GREATER);
        int lanes = INTS.length();
        long allLanes = allLanes(lanes);
        int bound = INTS.loopBound(count);
        int n = 0;
        int i = 0;
        for (; i < bound; i += lanes) {
            IntVector a = IntVector.fromMemorySegment(INTS, left, (long) i * Integer.BYTES, ORDER);
            IntVector b = IntVector.fromMemorySegment(INTS, right, (long) i * Integer.BYTES, ORDER);
            long less = a.compare(VectorOperators.LT, b).toLong();
            long equal = a.compare(VectorOperators.EQ, b).toLong();
            long hits = wanted(less, equal, allLanes, lessWanted, equalWanted, greaterWanted);
            hits = andValid(andValid(hits, leftValidity, i, lanes), rightValidity, i, lanes);
            n = appendIntLanes(hits, i, selection, n);
        }
        return PlainKernels.selectIntPairs(left, leftValidity, right, rightValidity, i, count, accepted, selection, n);
    }

    @Override
    public int selectDoublePairs(MemorySegment left, MemorySegment leftValidity, MemorySegment right, MemorySegment rightValidity,
                                 int count, CompareOp op, int[] selection) {
        int accepted = ComparisonOutcomes.accepted(op);
        long lessWanted = allOrNothing(accepted, LESS);
        long equalWanted = allOrNothing(accepted, EQUAL);
        long greaterWanted = allOrNothing(accepted, GREATER);
        int lanes = DOUBLES.length();
        long allLanes = allLanes(lanes);
        int bound = DOUBLES.loopBound(count);
        int n = 0;
        int i = 0;
        for (; i < bound; i += lanes) {
            DoubleVector a = DoubleVector.fromMemorySegment(DOUBLES, left, (long) i * Double.BYTES, ORDER);
            DoubleVector b = DoubleVector.fromMemorySegment(DOUBLES, right, (long) i * Double.BYTES, ORDER);
            long leftNaN = a.test(VectorOperators.IS_NAN).toLong();
            long rightNaN = b.test(VectorOperators.IS_NAN).toLong();
            // IEEE says false for any NaN lane; PostgreSQL puts NaN above everything and equal to itself.
            long less = a.compare(VectorOperators.LT, b).toLong() | (rightNaN & ~leftNaN);
            long equal = a.compare(VectorOperators.EQ, b).toLong() | (leftNaN & rightNaN);
            long hits = wanted(less, equal, allLanes, lessWanted, equalWanted, greaterWanted);
            hits = andValid(andValid(hits, leftValidity, i, lanes), rightValidity, i, lanes);
            n = appendLongLanes(hits, i, selection, n);
        }
        return PlainKernels.selectDoublePairs(left, leftValidity, right, rightValidity, i, count, accepted, selection, n);
    }

    // ---- sums ---------------------------------------------------------------------------------------

    @Override
    public void sumLong(MemorySegment values, MemorySegment validity, int count, long[] lowHigh) {
        int lanes = LONGS.length();
        LongVector low = LongVector.zero(LONGS);
        LongVector high = LongVector.zero(LONGS);
        int bound = LONGS.loopBound(count);
        int i = 0;
        for (; i < bound; i += lanes) {
            LongVector v = LongVector.fromMemorySegment(LONGS, values, (long) i * Long.BYTES, ORDER);
            LongVector lowHalves = v.and(0xFFFF_FFFFL);
            LongVector highHalves = v.lanewise(VectorOperators.ASHR, 32);
            if (validity == null) {
                low = low.add(lowHalves);
                high = high.add(highHalves);
            } else {
                VectorMask<Long> valid = VectorMask.fromLong(LONGS, ValidityBits.bits(validity, i, lanes));
                low = low.add(lowHalves, valid);
                high = high.add(highHalves, valid);
            }
        }
        lowHigh[0] = low.reduceLanes(VectorOperators.ADD);
        lowHigh[1] = high.reduceLanes(VectorOperators.ADD);
        PlainKernels.addLongs(values, validity, i, count, lowHigh);
    }

    @Override
    public long sumInt(MemorySegment values, MemorySegment validity, int count) {
        int lanes = LONGS.length();
        LongVector sum = LongVector.zero(LONGS);
        int bound = LONGS.loopBound(count);
        int i = 0;
        for (; i < bound; i += lanes) {
            IntVector narrow = IntVector.fromMemorySegment(INTS_TO_WIDEN, values, (long) i * Integer.BYTES, ORDER);
            // Widen before adding: an int lane would wrap.
            LongVector wide = (LongVector) narrow.convertShape(VectorOperators.I2L, LONGS, 0);
            if (validity == null) {
                sum = sum.add(wide);
            } else {
                sum = sum.add(wide, VectorMask.fromLong(LONGS, ValidityBits.bits(validity, i, lanes)));
            }
        }
        return sum.reduceLanes(VectorOperators.ADD) + PlainKernels.sumInts(values, validity, i, count);
    }

    @Override
    public double sumDouble(MemorySegment values, MemorySegment validity, int count) {
        int lanes = SUM_DOUBLES.length();
        int block = PlainKernels.DOUBLE_ACCUMULATORS;
        DoubleVector a0 = DoubleVector.zero(SUM_DOUBLES);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        int i = 0;
        // One block of eight rows per iteration; SUM_VECTORS is a constant, so the unused arms fold away.
        for (; i <= count - block; i += block) {
            a0 = addDoubles(a0, values, validity, i);
            if (SUM_VECTORS > 1) {
                a1 = addDoubles(a1, values, validity, i + lanes);
            }
            if (SUM_VECTORS > 2) {
                a2 = addDoubles(a2, values, validity, i + 2 * lanes);
                a3 = addDoubles(a3, values, validity, i + 3 * lanes);
            }
        }
        double[] accumulators = new double[block];
        a0.intoArray(accumulators, 0);
        if (SUM_VECTORS > 1) {
            a1.intoArray(accumulators, lanes);
        }
        if (SUM_VECTORS > 2) {
            a2.intoArray(accumulators, 2 * lanes);
            a3.intoArray(accumulators, 3 * lanes);
        }
        PlainKernels.addDoubles(values, validity, i, count, accumulators);
        return PlainKernels.reduceDoubleAccumulators(accumulators);
    }

    @Override
    public int countValid(MemorySegment validity, int count) {
        return ValidityBits.countSet(validity, count);
    }

    @Override
    public boolean containsLong(MemorySegment values, int count, long value) {
        int bound = LONGS.loopBound(count);
        int i = 0;
        for (; i < bound; i += LONGS.length()) {
            if (LongVector.fromMemorySegment(LONGS, values, (long) i << 3, ORDER).eq(value).anyTrue()) {
                return true;
            }
        }
        for (; i < count; i++) {
            if (values.get(ArrowSegments.LONG, (long) i << 3) == value) {
                return true;
            }
        }
        return false;
    }

    // Sums at positions: the rows are scattered and the Vector API loads from memory segments only contiguous lanes,
    // so these run PlainKernels' loops (see there).

    @Override
    public void sumLongAt(MemorySegment values, MemorySegment validity, int[] positions, int count, long[] lowHigh) {
        lowHigh[0] = 0;
        lowHigh[1] = 0;
        PlainKernels.addLongsAt(values, validity, positions, count, lowHigh);
    }

    @Override
    public long sumIntAt(MemorySegment values, MemorySegment validity, int[] positions, int count) {
        return PlainKernels.sumIntsAt(values, validity, positions, count);
    }

    @Override
    public double sumDoubleAt(MemorySegment values, MemorySegment validity, int[] positions, int count) {
        return PlainKernels.sumDoublesAt(values, validity, positions, count);
    }

    @Override
    public int countValidAt(MemorySegment validity, int[] positions, int count) {
        return PlainKernels.countValidRowsAt(validity, positions, count);
    }

    // ---- shared steps -------------------------------------------------------------------------------

    private static DoubleVector addDoubles(DoubleVector accumulator, MemorySegment values, MemorySegment validity, int from) {
        DoubleVector v = DoubleVector.fromMemorySegment(SUM_DOUBLES, values, (long) from * Double.BYTES, ORDER);
        if (validity == null) {
            return accumulator.add(v);
        }
        return accumulator.add(v, VectorMask.fromLong(SUM_DOUBLES, ValidityBits.bits(validity, from, SUM_DOUBLES.length())));
    }

    /** The lanes whose outcome (less, equal, or else greater) the operator accepts. */
    private static long wanted(long less, long equal, long allLanes, long lessWanted, long equalWanted, long greaterWanted) {
        long greater = allLanes & ~(less | equal);
        return (less & lessWanted) | (equal & equalWanted) | (greater & greaterWanted);
    }

    private static long andValid(long hits, MemorySegment validity, int from, int lanes) {
        return validity == null || hits == 0 ? hits : hits & ValidityBits.bits(validity, from, lanes);
    }

    /**
     * Writes {@code base + k} for each set bit k of {@code hits}, ascending, at selection[n...] and
     * returns the new n, for vectors of LONGS' (and DOUBLES') lane count. The lane indices are compressed
     * into place in one step: looping over the set bits would mispredict its exit once per vector at
     * middling selectivity. The store covers a whole vector, selection[n, n + lanes), which stays inside
     * the array because n <= base and base + lanes <= count.
     */
    private static int appendLongLanes(long hits, int base, int[] selection, int n) {
        if (hits == 0) {
            return n;
        }
        LONG_LANE_INDICES.add(base).compress(VectorMask.fromLong(INTS_TO_WIDEN, hits)).intoArray(selection, n);
        return n + Long.bitCount(hits);
    }

    /** {@link #appendLongLanes} for vectors of INTS' lane count. */
    private static int appendIntLanes(long hits, int base, int[] selection, int n) {
        if (hits == 0) {
            return n;
        }
        INT_LANE_INDICES.add(base).compress(VectorMask.fromLong(INTS, hits)).intoArray(selection, n);
        return n + Long.bitCount(hits);
    }

    private static long allLanes(int lanes) {
        return lanes == 64 ? -1L : (1L << lanes) - 1;
    }
}
