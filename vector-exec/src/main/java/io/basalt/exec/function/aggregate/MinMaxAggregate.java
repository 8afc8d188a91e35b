package io.basalt.exec.function.aggregate;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.exec.vector.ArrayValueOrder;
import io.basalt.exec.vector.ArrayVectors;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.exec.vector.ValueComparison;
import io.basalt.type.DecimalCodec;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.math.BigDecimal;
import java.util.Arrays;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * {@code min} / {@code max} over any orderable type; the result has the argument's type. Integers (and
 * dates, scaled NUMERIC) keep a long per group, doubles a double (PostgreSQL order: NaN is the largest),
 * text the UTF-8 bytes (C collation), NUMERIC of any precision a BigDecimal.
 */
public record MinMaxAggregate(boolean max, LogicalType argumentType) implements AggregateFunction {
    public MinMaxAggregate {
        requireNonNull(argumentType, "argumentType is null");
    }

    @Override
    public String name() {
        return max ? "max" : "min";
    }

    @Override
    public LogicalType resultType() {
        return argumentType;
    }

    @Override
    public GroupedAggregateState newState() {
        return new State();
    }

    private final class State implements SummedValuesState {
        private boolean[] seen = new boolean[16];
        private long[] longs = new long[16];
        private double[] doubles = new double[16];
        private Object[] objects = new Object[16];

        @Override
        public void ensureGroups(int groupCount) {
            if (groupCount > seen.length) {
                int size = Math.max(groupCount, seen.length * 2);
                seen = Arrays.copyOf(seen, size);
                longs = Arrays.copyOf(longs, size);
                doubles = Arrays.copyOf(doubles, size);
                objects = Arrays.copyOf(objects, size);
            }
        }

        private void offer(int g, long value) {
            if (!seen[g] || (max ? value > longs[g] : value < longs[g])) {
                longs[g] = value;
                seen[g] = true;
            }
        }

        @Override
        public void update(FieldVector argument, int[] groupIds, int rows) {
            switch (argument) {
                case SmallIntVector v -> {
                    for (int i = 0; i < rows; i++) {
                        if (!v.isNull(i)) {
                            offer(groupIds[i], v.get(i));
                        }
                    }
                }
                case IntVector v -> {
                    for (int i = 0; i < rows; i++) {
                        if (!v.isNull(i)) {
                            offer(groupIds[i], v.get(i));
                        }
                    }
                }
                case DateDayVector v -> {
                    for (int i = 0; i < rows; i++) {
                        if (!v.isNull(i)) {
                            offer(groupIds[i], v.get(i));
                        }
                    }
                }
                case BigIntVector v -> {
                    for (int i = 0; i < rows; i++) {
                        if (!v.isNull(i)) {
                            offer(groupIds[i], v.get(i));
                        }
                    }
                }
                case Float8Vector v -> {
                    for (int i = 0; i < rows; i++) {
                        if (!v.isNull(i)) {
                            int g = groupIds[i];
                            double value = v.get(i);
                            int order = seen[g] ? ValueComparison.compareDoubles(value, doubles[g]) : 0;
                            if (!seen[g] || (max ? order > 0 : order < 0)) {
                                doubles[g] = value;
                                seen[g] = true;
                            }
                        }
                    }
                }
                case VarCharVector v -> {
                    for (int i = 0; i < rows; i++) {
                        if (!v.isNull(i)) {
                            int g = groupIds[i];
                            byte[] value = v.get(i);
                            int order = seen[g] ? Arrays.compareUnsigned(value, (byte[]) objects[g]) : 0;
                            if (!seen[g] || (max ? order > 0 : order < 0)) {
                                objects[g] = value;
                                seen[g] = true;
                            }
                        }
                    }
                }
                case org.apache.arrow.vector.DecimalVector v -> {
                    for (int i = 0; i < rows; i++) {
                        if (!v.isNull(i)) {
                            int g = groupIds[i];
                            BigDecimal value = io.basalt.exec.vector.WideDecimalValues.get(v, i);
                            int order = seen[g] ? value.compareTo((BigDecimal) objects[g]) : 0;
                            if (!seen[g] || (max ? order > 0 : order < 0)) {
                                objects[g] = value;
                                seen[g] = true;
                            }
                        }
                    }
                }
                case org.apache.arrow.vector.FixedSizeBinaryVector v -> {
                    for (int i = 0; i < rows; i++) {
                        if (!v.isNull(i)) {
                            int g = groupIds[i];
                            io.basalt.type.Interval value = io.basalt.type.Interval.fromBytes(v.get(i));
                            int order = seen[g] ? value.compareTo((io.basalt.type.Interval) objects[g]) : 0;
                            if (!seen[g] || (max ? order > 0 : order < 0)) {
                                objects[g] = value;
                                seen[g] = true;
                            }
                        }
                    }
                }
                case VarBinaryVector v when io.basalt.exec.vector.BinaryVectors.holdsBytea(v) -> offerObjects(v, groupIds, rows);
                case org.apache.arrow.vector.complex.StructVector v when io.basalt.exec.vector.RecordVectors.isRecord(v) ->
                        offerObjects(v, groupIds, rows);
                case VarBinaryVector v -> {
                    for (int i = 0; i < rows; i++) {
                        if (!v.isNull(i)) {
                            int g = groupIds[i];
                            BigDecimal value = DecimalCodec.decode(v.get(i));
                            int order = seen[g] ? value.compareTo((BigDecimal) objects[g]) : 0;
                            if (!seen[g] || (max ? order > 0 : order < 0)) {
                                objects[g] = value;
                                seen[g] = true;
                            }
                        }
                    }
                }
                case org.apache.arrow.vector.complex.StructVector v -> {
                    // arrays: rare enough to compare as Java values
                    for (int i = 0; i < rows; i++) {
                        if (!v.isNull(i)) {
                            int g = groupIds[i];
                            io.basalt.type.ArrayValue value = ArrayVectors.get(v, i);
                            int order = seen[g] ? compareObjects(value, objects[g]) : 0;
                            if (!seen[g] || (max ? order > 0 : order < 0)) {
                                objects[g] = value;
                                seen[g] = true;
                            }
                        }
                    }
                }
                default -> throw BasaltException.internal(name() + " over " + argument.getClass().getSimpleName());
            }
        }

        /** bytea and records (PostgreSQL 18's min/max over them): rare enough to compare as Java values. */
        private void offerObjects(FieldVector argument, int[] groupIds, int rows) {
            for (int i = 0; i < rows; i++) {
                if (!argument.isNull(i)) {
                    int g = groupIds[i];
                    Object value = ValueAccess.get(argument, i);
                    int order = seen[g] ? compareObjects(value, objects[g]) : 0;
                    if (!seen[g] || (max ? order > 0 : order < 0)) {
                        objects[g] = value;
                        seen[g] = true;
                    }
                }
            }
        }

        @Override
        public void updateSingleGroup(FieldVector argument, int rows) {
            update(argument, new int[rows], rows);
        }

        /**
         * SMALLINT, INTEGER, BIGINT, DATE and scaled NUMERIC arguments, whose values the state keeps as longs, and
         * DOUBLE ones (bounds handed over as raw bits, compared as the rows would be).
         */
        @Override
        public boolean takesSums() {
            TypeId id = argumentType.id();
            return id == TypeId.SMALLINT || id == TypeId.INTEGER || id == TypeId.BIGINT || id == TypeId.DATE
                    || argumentType.isScaledLong() || id == TypeId.DOUBLE;
        }

        @Override
        public int summedNeeds() {
            return io.basalt.exec.operator.SummingSource.BOUNDS;
        }

        @Override
        public void addSummed(long low, long high, long valid, long min, long max) {
            if (valid == 0) {
                return;
            }
            long bound = MinMaxAggregate.this.max ? max : min;
            if (argumentType.id() == TypeId.DOUBLE) {
                double value = Double.longBitsToDouble(bound);
                int order = seen[0] ? ValueComparison.compareDoubles(value, doubles[0]) : 0;
                if (!seen[0] || (MinMaxAggregate.this.max ? order > 0 : order < 0)) {
                    doubles[0] = value;
                    seen[0] = true;
                }
            } else {
                offer(0, bound);
            }
        }

        @Override
        public void merge(GroupedAggregateState other, int[] mapping, int otherGroups) {
            State theirs = (State) other;
            for (int g = 0; g < otherGroups; g++) {
                if (!theirs.seen[g]) {
                    continue;
                }
                int target = mapping[g];
                int order;
                if (!seen[target]) {
                    order = max ? 1 : -1;
                } else if (theirs.objects[g] != null) {
                    order = compareObjects(theirs.objects[g], objects[target]);
                } else if (argumentType.physical() == io.basalt.type.PhysicalType.FLOAT64) {
                    order = ValueComparison.compareDoubles(theirs.doubles[g], doubles[target]);
                } else {
                    order = Long.compare(theirs.longs[g], longs[target]);
                }
                if (max ? order > 0 : order < 0) {
                    seen[target] = true;
                    longs[target] = theirs.longs[g];
                    doubles[target] = theirs.doubles[g];
                    objects[target] = theirs.objects[g];
                }
            }
        }

        @SuppressWarnings("unchecked")
        private static int compareObjects(Object a, Object b) {
            if (a instanceof byte[] x) {
                return Arrays.compareUnsigned(x, (byte[]) b);
            }
            if (a instanceof io.basalt.type.ArrayValue x) {
                return ArrayValueOrder.compare(x, (io.basalt.type.ArrayValue) b);
            }
            if (a instanceof io.basalt.type.RecordValue x) {
                return io.basalt.exec.vector.RecordValueOrder.compare(x, (io.basalt.type.RecordValue) b);
            }
            return ((Comparable<Object>) a).compareTo(b);
        }

        @Override
        public void writeResults(FieldVector out, int groupCount) {
            for (int group = 0; group < groupCount; group++) {
                final int g = group;
                if (!seen[g]) {
                    out.setNull(g);
                    continue;
                }
                switch (out) {
                    case SmallIntVector v -> v.setSafe(g, (short) longs[g]);
                    case IntVector v -> v.setSafe(g, (int) longs[g]);
                    case DateDayVector v -> v.setSafe(g, (int) longs[g]);
                    case BigIntVector v -> v.setSafe(g, longs[g]);
                    case Float8Vector v -> v.setSafe(g, doubles[g]);
                    case VarCharVector v -> v.setSafe(g, (byte[]) objects[g]);
                    case VarBinaryVector v when objects[g] instanceof io.basalt.type.ByteString bytes ->
                            v.setSafe(g, bytes.toByteArray());
                    case VarBinaryVector v -> v.setSafe(g, DecimalCodec.encode((BigDecimal) objects[g]));
                    case org.apache.arrow.vector.DecimalVector v -> io.basalt.exec.vector.WideDecimalValues.set(v, g, (BigDecimal) objects[g]);
                    case org.apache.arrow.vector.FixedSizeBinaryVector v ->
                            v.setSafe(g, ((io.basalt.type.Interval) objects[g]).toBytes());
                    case org.apache.arrow.vector.complex.StructVector v when objects[g] instanceof io.basalt.type.RecordValue row ->
                            io.basalt.exec.vector.RecordVectors.set(v, g, row);
                    case org.apache.arrow.vector.complex.StructVector v -> ArrayVectors.set(v, g, (io.basalt.type.ArrayValue) objects[g]);
                    default -> throw BasaltException.internal(name() + " into " + out.getClass().getSimpleName());
                }
            }
        }
    }
}
