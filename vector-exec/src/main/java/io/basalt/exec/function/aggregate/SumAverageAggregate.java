package io.basalt.exec.function.aggregate;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.NumericMath;
import io.basalt.exec.kernel.ArrowSegments;
import io.basalt.exec.kernel.KernelProvider;
import io.basalt.exec.kernel.Kernels;
import io.basalt.exec.vector.WideDecimalValues;
import io.basalt.type.DecimalCodec;
import io.basalt.type.LogicalType;
import io.basalt.type.NumericSpecial;
import io.basalt.type.TypeId;
import java.math.BigDecimal;
import java.util.Arrays;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.VarBinaryVector;

/**
 * {@code sum} and {@code avg} with PostgreSQL's result types: sum of smallint/integer is bigint, sum of
 * bigint or numeric is numeric, avg of any integer or numeric is numeric (divided with NUMERIC's scale
 * rules), and both stay double precision for doubles. Integer and scaled-NUMERIC sums accumulate exactly
 * in 128 bits; without GROUP BY the SIMD sum kernels add whole vectors. A NaN in a scaled NUMERIC (64- or
 * 128-bit sentinel) is not added but marks its group, whose sum and avg are then NaN, as in PostgreSQL.
 */
public record SumAverageAggregate(boolean average, LogicalType argumentType) implements AggregateFunction {
    private static final Kernels KERNELS = KernelProvider.kernels();

    public SumAverageAggregate {
        requireNonNull(argumentType, "argumentType is null");
    }

    @Override
    public String name() {
        return average ? "avg" : "sum";
    }

    @Override
    public LogicalType resultType() {
        if (argumentType.id() == TypeId.DOUBLE) {
            return LogicalType.DOUBLE;
        }
        if (argumentType.id() == TypeId.REAL) {
            // sum(real) is real, added in float precision as PostgreSQL's float4pl does; avg(real) is double
            return average ? LogicalType.DOUBLE : LogicalType.REAL;
        }
        if (!average && (argumentType.id() == TypeId.SMALLINT || argumentType.id() == TypeId.INTEGER)) {
            return LogicalType.BIGINT;
        }
        if (!average && (argumentType.id() == TypeId.BIGINT || argumentType.isScaledLong())) {
            // PostgreSQL's result is numeric; a sum of at most 2^63 values below 10^18 always fits in 38 digits,
            // so it is kept as a 128-bit decimal of the argument's scale: same values, no arbitrary precision.
            return LogicalType.numeric(LogicalType.MAX_WIDE_DECIMAL_PRECISION,
                    argumentType.isScaledLong() ? argumentType.scale() : 0);
        }
        return LogicalType.NUMERIC;
    }

    @Override
    public GroupedAggregateState newState() {
        return new State();
    }

    private static final int NO_SCALE = Integer.MIN_VALUE;

    private static int[] filledScales(int size) {
        int[] scales = new int[size];
        Arrays.fill(scales, NO_SCALE);
        return scales;
    }

    private final class State implements PositionedAggregateState, UnscaledSumState, GroupedPositionedState,
            SummedValuesState {
        private long[] counts = new long[16];
        /** Groups that have seen a NaN of a scaled NUMERIC argument (unconstrained NaN lives in {@code decimals}). */
        private boolean[] nans = new boolean[16];
        private final boolean scaledLong = argumentType.isScaledLong();
        /** Integer sums run in plain longs; a group's total moves to {@code wide} before it would overflow. */
        private long[] narrow = new long[16];
        private final Int128Sums wide = new Int128Sums();
        private double[] doubles = new double[16];
        private BigDecimal[] decimals = new BigDecimal[16];
        /**
         * Unconstrained NUMERIC sums in progress as a 64-bit unscaled value and its scale ({@link #NO_SCALE}:
         * none), while every value added fits 64 bits with one scale; folded into {@code decimals} otherwise.
         */
        private long[] compactSums = new long[16];
        private int[] compactScales = filledScales(16);
        private final long[] lowHigh = new long[2];
        /** Scratch for one compact sum's encoding ({@link DecimalCodec#encode(long, int, byte[])}). */
        private final byte[] encoded = new byte[10];
        private final boolean floatSum = !average && argumentType.id() == TypeId.REAL;

        /**
         * Which per-group arrays the argument's type uses: doubles (DOUBLE, REAL); the unconstrained NUMERIC's
         * decimals and compact sums; or, for every other type, the exact integer sums ({@code narrow}, {@code wide})
         * and the NaN flags. Only those grow with the groups (the others keep their first 16 entries, which the
         * single-group paths use): growing nine arrays per group was a fifth of TPC-H Q18's 1.5 million groups.
         */
        private final boolean floating = argumentType.id() == TypeId.DOUBLE || argumentType.id() == TypeId.REAL;
        private final boolean unconstrained = argumentType.physical() == io.basalt.type.PhysicalType.BIG_DECIMAL;
        private final boolean exact = !floating && !unconstrained;

        @Override
        public void ensureGroups(int groupCount) {
            if (groupCount > counts.length) {
                int size = Math.max(groupCount, counts.length * 2);
                counts = Arrays.copyOf(counts, size);
                if (exact) {
                    nans = Arrays.copyOf(nans, size);
                    narrow = Arrays.copyOf(narrow, size);
                }
                if (floating) {
                    doubles = Arrays.copyOf(doubles, size);
                }
                if (unconstrained) {
                    decimals = Arrays.copyOf(decimals, size);
                    compactSums = Arrays.copyOf(compactSums, size);
                    int old = compactScales.length;
                    compactScales = Arrays.copyOf(compactScales, size);
                    Arrays.fill(compactScales, old, size, NO_SCALE);
                }
            }
            if (exact) {
                wide.ensure(groupCount);
            }
        }

        private void addNarrow(int g, long value) {
            long before = narrow[g];
            long after = before + value;
            if (((before ^ after) & (value ^ after)) < 0) {
                wide.add(g, before);
                narrow[g] = value;
            } else {
                narrow[g] = after;
            }
        }

        /** Moves every group's plain-long partial sum into the exact 128-bit sums. */
        private void foldNarrow(int groupCount) {
            if (!exact) {
                return;
            }
            for (int g = 0; g < groupCount; g++) {
                if (narrow[g] != 0) {
                    wide.add(g, narrow[g]);
                    narrow[g] = 0;
                }
            }
        }

        @Override
        public void update(FieldVector argument, int[] groupIds, int rows) {
            switch (argument) {
                case SmallIntVector v -> {
                    for (int i = 0; i < rows; i++) {
                        if (!v.isNull(i)) {
                            addNarrow(groupIds[i], v.get(i));
                            counts[groupIds[i]]++;
                        }
                    }
                }
                case IntVector v -> {
                    for (int i = 0; i < rows; i++) {
                        if (!v.isNull(i)) {
                            addNarrow(groupIds[i], v.get(i));
                            counts[groupIds[i]]++;
                        }
                    }
                }
                case BigIntVector v when scaledLong -> {
                    java.lang.foreign.MemorySegment values = ArrowSegments.values(v);
                    boolean noNulls = ArrowSegments.nullCount(v) == 0;
                    for (int i = 0; i < rows; i++) {
                        if (noNulls || !v.isNull(i)) {
                            int g = groupIds[i];
                            long value = values.get(ArrowSegments.LONG, (long) i << 3);
                            if (value == NumericSpecial.SCALED_LONG_NAN) {
                                nans[g] = true;
                            } else {
                                addNarrow(g, value);
                            }
                            counts[g]++;
                        }
                    }
                }
                case BigIntVector v -> {
                    if (v.getNullCount() == 0) {
                        // The common case: read the buffer directly, no validity test per row.
                        java.lang.foreign.MemorySegment values = ArrowSegments.values(v);
                        for (int i = 0; i < rows; i++) {
                            int g = groupIds[i];
                            addNarrow(g, values.get(ArrowSegments.LONG, (long) i << 3));
                            counts[g]++;
                        }
                    } else {
                        for (int i = 0; i < rows; i++) {
                            if (!v.isNull(i)) {
                                addNarrow(groupIds[i], v.get(i));
                                counts[groupIds[i]]++;
                            }
                        }
                    }
                }
                case Float8Vector v when floatSum -> {
                    // A double sum of two floats rounded to float is exactly the float sum.
                    for (int i = 0; i < rows; i++) {
                        if (!v.isNull(i)) {
                            doubles[groupIds[i]] = (float) (doubles[groupIds[i]] + v.get(i));
                            counts[groupIds[i]]++;
                        }
                    }
                }
                case Float8Vector v -> {
                    for (int i = 0; i < rows; i++) {
                        if (!v.isNull(i)) {
                            doubles[groupIds[i]] += v.get(i);
                            counts[groupIds[i]]++;
                        }
                    }
                }
                case org.apache.arrow.vector.DecimalVector v -> {
                    org.apache.arrow.memory.ArrowBuf data = v.getDataBuffer();
                    for (int i = 0; i < rows; i++) {
                        if (!v.isNull(i)) {
                            int g = groupIds[i];
                            if (WideDecimalValues.isNaN(v, i)) {
                                nans[g] = true;
                            } else {
                                wide.add(g, data.getLong((long) i * 16 + 8), data.getLong((long) i * 16));
                            }
                            counts[g]++;
                        }
                    }
                }
                case VarBinaryVector v -> {
                    org.apache.arrow.memory.ArrowBuf offsets = v.getOffsetBuffer();
                    org.apache.arrow.memory.ArrowBuf data = v.getDataBuffer();
                    for (int i = 0; i < rows; i++) {
                        if (!v.isNull(i)) {
                            int g = groupIds[i];
                            int start = offsets.getInt((long) i * 4);
                            int length = offsets.getInt((long) (i + 1) * 4) - start;
                            if (addCompact(g, data, start, length)) {
                                counts[g]++;
                                continue;
                            }
                            foldCompact(g);
                            BigDecimal value = DecimalCodec.decode(v.get(i));
                            decimals[g] = decimals[g] == null ? value : NumericMath.add(decimals[g], value);
                            counts[g]++;
                        }
                    }
                }
                default -> throw BasaltException.internal(name() + " over " + argument.getClass().getSimpleName());
            }
        }

        /** 64-bit integers and scaled NUMERICs, 32-bit integers, and doubles (not REAL sums, rounded per row). */
        @Override
        public boolean updatesGroupedAt(FieldVector argument) {
            return argument instanceof BigIntVector || argument instanceof IntVector
                    || argument instanceof Float8Vector && !floatSum;
        }

        @Override
        public void updateAt(FieldVector argument, int[] positions, int[] groupIds, int count) {
            java.lang.foreign.MemorySegment values = ArrowSegments.values(argument);
            boolean noNulls = ArrowSegments.nullCount(argument) == 0;
            switch (argument) {
                case BigIntVector v -> {
                    for (int k = 0; k < count; k++) {
                        int row = positions[k];
                        if (noNulls || !v.isNull(row)) {
                            int g = groupIds[k];
                            long value = values.getAtIndex(ArrowSegments.LONG, row);
                            if (scaledLong && value == NumericSpecial.SCALED_LONG_NAN) {
                                nans[g] = true;
                            } else {
                                addNarrow(g, value);
                            }
                            counts[g]++;
                        }
                    }
                }
                case IntVector v -> {
                    for (int k = 0; k < count; k++) {
                        int row = positions[k];
                        if (noNulls || !v.isNull(row)) {
                            addNarrow(groupIds[k], values.getAtIndex(ArrowSegments.INT, row));
                            counts[groupIds[k]]++;
                        }
                    }
                }
                case Float8Vector v -> {
                    for (int k = 0; k < count; k++) {
                        int row = positions[k];
                        if (noNulls || !v.isNull(row)) {
                            doubles[groupIds[k]] += values.getAtIndex(ArrowSegments.DOUBLE, row);
                            counts[groupIds[k]]++;
                        }
                    }
                }
                default -> throw new IllegalStateException(
                        "no grouped sum at positions over " + argument.getClass().getSimpleName());
            }
        }

        /** Unconstrained NUMERIC at any scale, 128-bit NUMERIC(p,s) at its own scale. */
        @Override
        public boolean takesUnscaled(int scale) {
            return argumentType.physical() == io.basalt.type.PhysicalType.BIG_DECIMAL
                    || argumentType.isScaledWide() && argumentType.scale() == scale;
        }

        @Override
        public void updateUnscaled(long[] values, boolean[] nulls, int scale, int[] groupIds, int rows) {
            if (argumentType.physical() != io.basalt.type.PhysicalType.BIG_DECIMAL) {
                // NUMERIC(p,s) of 128 bits: plain long partial sums, moved to the exact sums before they overflow
                for (int i = 0; i < rows; i++) {
                    if (!nulls[i]) {
                        int g = groupIds == null ? 0 : groupIds[i];
                        addNarrow(g, values[i]);
                        counts[g]++;
                    }
                }
                return;
            }
            for (int i = 0; i < rows; i++) {
                if (nulls[i]) {
                    continue;
                }
                int g = groupIds == null ? 0 : groupIds[i];
                counts[g]++;
                addUnscaled(g, values[i], scale);
            }
        }

        /** Adds {@code value * 10^-scale} to group g's unconstrained sum (not to its count). */
        private void addUnscaled(int g, long value, int scale) {
            if (compactScales[g] == scale) {
                long before = compactSums[g];
                long after = before + value;
                if (((before ^ after) & (value ^ after)) >= 0) {
                    compactSums[g] = after;
                    return;
                }
            }
            // another scale, or the 64-bit sum would overflow: the partial sum moves to the exact decimal
            foldCompact(g);
            compactSums[g] = value;
            compactScales[g] = scale;
        }

        /** Adds a small value to group g's 64-bit sum; false when it does not fit there (nothing added). */
        private boolean addCompact(int g, org.apache.arrow.memory.ArrowBuf data, int start, int length) {
            if (!DecimalCodec.isCompact(data, start, length)) {
                return false;
            }
            int scale = DecimalCodec.scale(data, start);
            int current = compactScales[g];
            if (current != scale && current != NO_SCALE) {
                return false;
            }
            long value = DecimalCodec.unscaled(data, start, length);
            long before = current == NO_SCALE ? 0 : compactSums[g];
            long after = before + value;
            if (((before ^ after) & (value ^ after)) < 0) {
                return false;
            }
            compactSums[g] = after;
            compactScales[g] = scale;
            return true;
        }

        /** Moves group g's 64-bit partial sum, if any, into its exact decimal sum. */
        private void foldCompact(int g) {
            if (unconstrained && compactScales[g] != NO_SCALE) {
                BigDecimal value = BigDecimal.valueOf(compactSums[g], compactScales[g]);
                decimals[g] = decimals[g] == null ? value : NumericMath.add(decimals[g], value);
                compactScales[g] = NO_SCALE;
                compactSums[g] = 0;
            }
        }

        @Override
        public void updateSingleGroup(FieldVector argument, int rows) {
            int nulls = ArrowSegments.nullCount(argument);
            int valid = rows - nulls;
            // the bitmap is counted once per batch, not again for the kernel (it showed in profiles of a scan-sum)
            java.lang.foreign.MemorySegment validity = nulls == 0 ? null : ArrowSegments.of(argument.getValidityBuffer());
            switch (argument) {
                case BigIntVector v when !scaledLong || !holdsNaN(v, rows) -> {
                    KERNELS.sumLong(ArrowSegments.values(v), validity, rows, lowHigh);
                    wide.addSplit(0, lowHigh[0], lowHigh[1]);
                }
                case IntVector v -> wide.add(0, KERNELS.sumInt(ArrowSegments.values(v), validity, rows));
                case Float8Vector v when !floatSum -> doubles[0] += KERNELS.sumDouble(ArrowSegments.values(v), validity, rows);
                default -> {
                    update(argument, new int[rows], rows);
                    return;
                }
            }
            counts[0] += valid;
        }

        /**
         * SMALLINT, INTEGER, BIGINT and scaled NUMERIC arguments (sums and averages of them add exact integers; the
         * source hands over no piece that may hold a scaled NUMERIC's NaN), and DOUBLE ones as per-batch sums added in
         * the rows path's order ({@link #addBatchSums}).
         */
        @Override
        public boolean takesSums() {
            TypeId id = argumentType.id();
            return scaledLong || id == TypeId.SMALLINT || id == TypeId.INTEGER || id == TypeId.BIGINT
                    || id == TypeId.DOUBLE;
        }

        @Override
        public int summedNeeds() {
            return argumentType.id() == TypeId.DOUBLE ? io.basalt.exec.operator.SummingSource.DOUBLE_SUM
                    : io.basalt.exec.operator.SummingSource.SUM;
        }

        /** As {@link #updateSingleGroup} adds each batch's {@code Kernels.sumDouble}, one after the other. */
        @Override
        public void addBatchSums(double[] batchSums, int batches, long valid) {
            double sum = doubles[0];
            for (int b = 0; b < batches; b++) {
                sum += batchSums[b];
            }
            doubles[0] = sum;
            counts[0] += valid;
        }

        @Override
        public void addSummed(long low, long high, long valid, long min, long max) {
            wide.add(0, high, low);
            counts[0] += valid;
        }

        /**
         * Plain BIGINT, INTEGER and double arguments; not scaled NUMERIC (NaN sentinels need the per-row path) nor
         * REAL sums (rounded to float per batch).
         */
        @Override
        public boolean updatesAtPositions(FieldVector argument) {
            return argument instanceof BigIntVector && !scaledLong || argument instanceof IntVector
                    || argument instanceof Float8Vector && !floatSum;
        }

        @Override
        public void updateSingleGroupAt(FieldVector argument, int[] positions, int count) {
            java.lang.foreign.MemorySegment validity = ArrowSegments.validity(argument);
            switch (argument) {
                case BigIntVector v -> {
                    KERNELS.sumLongAt(ArrowSegments.values(v), validity, positions, count, lowHigh);
                    wide.addSplit(0, lowHigh[0], lowHigh[1]);
                }
                case IntVector v ->
                        wide.add(0, KERNELS.sumIntAt(ArrowSegments.values(v), validity, positions, count));
                case Float8Vector v ->
                        doubles[0] += KERNELS.sumDoubleAt(ArrowSegments.values(v), validity, positions, count);
                default -> throw new IllegalStateException(
                        "no sum at positions over " + argument.getClass().getSimpleName());
            }
            counts[0] += KERNELS.countValidAt(validity, positions, count);
        }

        /** Whether a non-null row of {@code v} is the scaled NUMERIC NaN sentinel. */
        private static boolean holdsNaN(BigIntVector v, int rows) {
            // a SIMD scan that stops at the first sentinel: the scalar loop that ORed every row cost 7% of a
            // NUMERIC sum over Parquet (parquet13's profile)
            if (!KERNELS.containsLong(ArrowSegments.values(v), rows, NumericSpecial.SCALED_LONG_NAN)) {
                return false;
            }
            if (v.getNullCount() == 0) {
                return true;
            }
            for (int i = 0; i < rows; i++) {
                if (!v.isNull(i) && v.get(i) == NumericSpecial.SCALED_LONG_NAN) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void merge(GroupedAggregateState other, int[] mapping, int otherGroups) {
            State theirs = (State) other;
            theirs.foldNarrow(otherGroups);
            for (int g = 0; g < otherGroups; g++) {
                int target = mapping[g];
                counts[target] += theirs.counts[g];
                if (exact) {
                    nans[target] |= theirs.nans[g];
                    wide.addFrom(target, theirs.wide, g);
                }
                if (floating) {
                    doubles[target] = floatSum ? (float) (doubles[target] + theirs.doubles[g])
                            : doubles[target] + theirs.doubles[g];
                }
                if (unconstrained) {
                    if (theirs.compactScales[g] != NO_SCALE) {
                        addUnscaled(target, theirs.compactSums[g], theirs.compactScales[g]);
                    }
                    BigDecimal decimal = theirs.decimals[g];
                    if (decimal != null) {
                        decimals[target] = decimals[target] == null ? decimal
                                : NumericMath.add(decimals[target], decimal);
                    }
                }
            }
        }

        @Override
        public void writeResults(FieldVector out, int groupCount) {
            foldNarrow(groupCount);
            if (!average && !floating && out instanceof VarBinaryVector v) {
                writeNumericSums(v, groupCount);
                return;
            }
            for (int g = 0; g < groupCount; g++) {
                foldCompact(g);
                if (counts[g] == 0) {
                    out.setNull(g);
                    continue;
                }
                if (exact && nans[g]) {
                    writeNaN(out, g);
                    continue;
                }
                switch (out) {
                    case Float8Vector v -> v.setSafe(g, average ? doubles[g] / counts[g] : doubles[g]);
                    case BigIntVector v -> {
                        if (wide.fitsLong(g)) {
                            v.setSafe(g, wide.longValue(g));
                            continue;
                        }
                        try {
                            v.setSafe(g, wide.get(g).longValueExact());
                        } catch (ArithmeticException overflow) {
                            throw BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "bigint out of range");
                        }
                    }
                    case org.apache.arrow.vector.DecimalVector v -> {
                        // the result's scale is the argument's (see resultType): the 128-bit sum is the unscaled value
                        if (argumentType.physical() == io.basalt.type.PhysicalType.BIG_DECIMAL
                                || v.getScale() != exactScale() || !wide.writeTo(v, g, g)) {
                            v.setSafe(g, exactSum(g));
                        }
                    }
                    case VarBinaryVector v -> {
                        BigDecimal sum = exactSum(g);
                        BigDecimal result = average ? NumericMath.divide(sum, BigDecimal.valueOf(counts[g])) : sum;
                        v.setSafe(g, DecimalCodec.encode(result));
                    }
                    default -> throw BasaltException.internal(name() + " into " + out.getClass().getSimpleName());
                }
            }
        }

        /**
         * Sums whose result is an unconstrained NUMERIC (of unconstrained, bigint or 128-bit NUMERIC arguments): a
         * group whose whole sum is still a 64-bit unscaled value is encoded from it directly; only the others go
         * through a BigDecimal. The state stays as it was (a window keeps adding to it after each result), and the
         * compact sums are not folded: that BigDecimal per group and its encoding through BigInteger's bytes were
         * most of the time a GROUP BY of 30,000 NUMERIC sums took to write (TPC-H Q11).
         */
        private void writeNumericSums(VarBinaryVector out, int groupCount) {
            int scale = exactScale();
            for (int g = 0; g < groupCount; g++) {
                if (counts[g] == 0) {
                    out.setNull(g);
                } else if (unconstrained) {
                    if (decimals[g] == null && compactScales[g] != NO_SCALE) {
                        out.setSafe(g, encoded, 0, DecimalCodec.encode(compactSums[g], compactScales[g], encoded));
                    } else {
                        foldCompact(g);
                        out.setSafe(g, DecimalCodec.encode(decimals[g]));
                    }
                } else if (nans[g]) {
                    writeNaN(out, g);
                } else if (wide.fitsLong(g)) {
                    out.setSafe(g, encoded, 0, DecimalCodec.encode(wide.longValue(g), scale, encoded));
                } else {
                    out.setSafe(g, DecimalCodec.encode(new BigDecimal(wide.get(g), scale)));
                }
            }
        }

        private void writeNaN(FieldVector out, int g) {
            switch (out) {
                case org.apache.arrow.vector.DecimalVector v -> WideDecimalValues.setNaN(v, g);
                case VarBinaryVector v -> v.setSafe(g, DecimalCodec.encode(NumericSpecial.NAN));
                default -> throw BasaltException.internal(name() + " NaN into " + out.getClass().getSimpleName());
            }
        }

        /** The scale of the exact 128-bit sums (the argument's; 0 for integers). */
        private int exactScale() {
            return argumentType.isScaledLong() || argumentType.isScaledWide() ? argumentType.scale() : 0;
        }

        private BigDecimal exactSum(int g) {
            if (unconstrained) {
                return decimals[g];
            }
            int scale = exactScale();
            return wide.fitsLong(g) ? BigDecimal.valueOf(wide.longValue(g), scale) : new BigDecimal(wide.get(g), scale);
        }
    }
}
