package io.basalt.exec.function.aggregate;

import io.basalt.exec.vector.ValueAccess;
import io.basalt.exec.vector.ValueComparison;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;

/**
 * Every non-null value of one input, kept per group, for the ordered-set aggregates that need the whole
 * sorted group ({@code percentile_cont}, {@code percentile_disc}, {@code mode}). Integer-like inputs
 * (smallint, integer, bigint, date, timestamps) are kept in long arrays and doubles in double arrays, so
 * the per-row loop does not box; other types keep their canonical objects. A worker's lists are appended
 * on merge; {@link #sort} orders one group as PostgreSQL's sort would (NaN last, text by code point).
 */
final class GroupedValues {
    enum Form { LONG, DOUBLE, OBJECT }

    private final Form form;
    private int[] sizes = new int[16];
    private long[][] longs;
    private double[][] doubles;
    private Object[][] objects;

    GroupedValues(Form form) {
        this.form = form;
        switch (form) {
            case LONG -> longs = new long[16][];
            case DOUBLE -> doubles = new double[16][];
            case OBJECT -> objects = new Object[16][];
        }
    }

    Form form() {
        return form;
    }

    void ensure(int groupCount) {
        if (groupCount > sizes.length) {
            int size = Math.max(groupCount, sizes.length * 2);
            sizes = Arrays.copyOf(sizes, size);
            switch (form) {
                case LONG -> longs = Arrays.copyOf(longs, size);
                case DOUBLE -> doubles = Arrays.copyOf(doubles, size);
                case OBJECT -> objects = Arrays.copyOf(objects, size);
            }
        }
    }

    int size(int g) {
        return sizes[g];
    }

    private void addLong(int g, long value) {
        long[] list = longs[g];
        int size = sizes[g];
        if (list == null || list.length == size) {
            list = list == null ? new long[8] : Arrays.copyOf(list, size * 2);
            longs[g] = list;
        }
        list[size] = value;
        sizes[g] = size + 1;
    }

    private void addDouble(int g, double value) {
        double[] list = doubles[g];
        int size = sizes[g];
        if (list == null || list.length == size) {
            list = list == null ? new double[8] : Arrays.copyOf(list, size * 2);
            doubles[g] = list;
        }
        list[size] = value;
        sizes[g] = size + 1;
    }

    private void addObject(int g, Object value) {
        Object[] list = objects[g];
        int size = sizes[g];
        if (list == null || list.length == size) {
            list = list == null ? new Object[8] : Arrays.copyOf(list, size * 2);
            objects[g] = list;
        }
        list[size] = value;
        sizes[g] = size + 1;
    }

    /** Adds the non-null rows {@code [0, rows)} of {@code values} to groups {@code groupIds[row]}. */
    void add(FieldVector values, int[] groupIds, int rows) {
        switch (values) {
            case Float8Vector v -> {
                for (int i = 0; i < rows; i++) {
                    if (!v.isNull(i)) {
                        addDouble(groupIds[i], v.get(i));
                    }
                }
            }
            case BigIntVector v -> {
                for (int i = 0; i < rows; i++) {
                    if (!v.isNull(i)) {
                        addLong(groupIds[i], v.get(i));
                    }
                }
            }
            case IntVector v -> {
                for (int i = 0; i < rows; i++) {
                    if (!v.isNull(i)) {
                        addLong(groupIds[i], v.get(i));
                    }
                }
            }
            case SmallIntVector v -> {
                for (int i = 0; i < rows; i++) {
                    if (!v.isNull(i)) {
                        addLong(groupIds[i], v.get(i));
                    }
                }
            }
            case DateDayVector v -> {
                for (int i = 0; i < rows; i++) {
                    if (!v.isNull(i)) {
                        addLong(groupIds[i], v.get(i));
                    }
                }
            }
            default -> {
                for (int i = 0; i < rows; i++) {
                    if (!values.isNull(i)) {
                        addObject(groupIds[i], ValueAccess.get(values, i));
                    }
                }
            }
        }
    }

    /** Adds row {@code row} of {@code values} to group {@code g} unless it is NULL (for values taken once per group). */
    void addRow(FieldVector values, int row, int g) {
        if (values.isNull(row)) {
            return;
        }
        switch (values) {
            case Float8Vector v -> addDouble(g, v.get(row));
            case BigIntVector v -> addLong(g, v.get(row));
            case IntVector v -> addLong(g, v.get(row));
            case SmallIntVector v -> addLong(g, v.get(row));
            case DateDayVector v -> addLong(g, v.get(row));
            default -> addObject(g, ValueAccess.get(values, row));
        }
    }

    /** Adds the first value of group {@code otherGroup} of {@code other} (of the same form) to group {@code g}. */
    void addFirstOf(GroupedValues other, int otherGroup, int g) {
        switch (form) {
            case LONG -> addLong(g, other.longs[otherGroup][0]);
            case DOUBLE -> addDouble(g, other.doubles[otherGroup][0]);
            case OBJECT -> addObject(g, other.objects[otherGroup][0]);
        }
    }

    /**
     * How value {@code index} of group {@code g} sorts against value {@code otherIndex} of group {@code otherGroup}
     * of {@code other} (of the same form): negative, zero or positive, in the order {@link #sort} uses.
     */
    int compare(int g, int index, GroupedValues other, int otherGroup, int otherIndex) {
        return switch (form) {
            case LONG -> Long.compare(longs[g][index], other.longs[otherGroup][otherIndex]);
            case DOUBLE -> ValueComparison.compareDoubles(doubles[g][index], other.doubles[otherGroup][otherIndex]);
            case OBJECT -> ORDER.compare(objects[g][index], other.objects[otherGroup][otherIndex]);
        };
    }

    /** Appends group g of {@code other}, for g in {@code [0, otherGroups)}, to group {@code mapping[g]}. */
    void merge(GroupedValues other, int[] mapping, int otherGroups) {
        for (int g = 0; g < otherGroups; g++) {
            int count = other.sizes[g];
            if (count == 0) {
                continue;
            }
            int target = mapping[g];
            int size = sizes[target];
            switch (form) {
                case LONG -> longs[target] = appended(longs[target], size, other.longs[g], count);
                case DOUBLE -> doubles[target] = appended(doubles[target], size, other.doubles[g], count);
                case OBJECT -> objects[target] = appended(objects[target], size, other.objects[g], count);
            }
            sizes[target] = size + count;
        }
    }

    /** {@code list}'s first {@code size} values followed by {@code count} of {@code more}, in one copy. */
    private static long[] appended(long[] list, int size, long[] more, int count) {
        long[] out = list != null && list.length >= size + count ? list
                : Arrays.copyOf(list == null ? new long[0] : list, Math.max(size + count, size * 2));
        System.arraycopy(more, 0, out, size, count);
        return out;
    }

    private static double[] appended(double[] list, int size, double[] more, int count) {
        double[] out = list != null && list.length >= size + count ? list
                : Arrays.copyOf(list == null ? new double[0] : list, Math.max(size + count, size * 2));
        System.arraycopy(more, 0, out, size, count);
        return out;
    }

    private static Object[] appended(Object[] list, int size, Object[] more, int count) {
        Object[] out = list != null && list.length >= size + count ? list
                : Arrays.copyOf(list == null ? new Object[0] : list, Math.max(size + count, size * 2));
        System.arraycopy(more, 0, out, size, count);
        return out;
    }

    /** Sorts group {@code g} ascending. */
    void sort(int g) {
        switch (form) {
            case LONG -> {
                if (longs[g] != null) {
                    Arrays.sort(longs[g], 0, sizes[g]);
                }
            }
            case DOUBLE -> {
                if (doubles[g] != null) {
                    // Arrays.sort puts NaN last, as PostgreSQL orders it.
                    Arrays.sort(doubles[g], 0, sizes[g]);
                }
            }
            case OBJECT -> {
                if (objects[g] != null) {
                    Arrays.sort(objects[g], 0, sizes[g], ORDER);
                }
            }
        }
    }

    long longAt(int g, int index) {
        return longs[g][index];
    }

    double doubleAt(int g, int index) {
        return doubles[g][index];
    }

    Object objectAt(int g, int index) {
        return objects[g][index];
    }

    /** Whether the values at two indexes of sorted group {@code g} are equal in sort order. */
    boolean sameAt(int g, int a, int b) {
        return switch (form) {
            case LONG -> longs[g][a] == longs[g][b];
            case DOUBLE -> ValueComparison.compareDoubles(doubles[g][a], doubles[g][b]) == 0;
            case OBJECT -> ORDER.compare(objects[g][a], objects[g][b]) == 0;
        };
    }

    /** Writes the value at {@code index} of group {@code g} into row {@code row} of {@code out}. */
    void write(FieldVector out, int row, int g, int index) {
        switch (form) {
            case LONG -> ValueAccess.set(out, row, longs[g][index]);
            case DOUBLE -> ((Float8Vector) out).setSafe(row, doubles[g][index]);
            case OBJECT -> ValueAccess.set(out, row, objects[g][index]);
        }
    }

    /** PostgreSQL's order of canonical values: text by code point (its UTF-8 byte order), others by their own. */
    @SuppressWarnings("unchecked")
    private static final Comparator<Object> ORDER = (a, b) -> {
        if (a instanceof String x) {
            return compareCodePoints(x, (String) b);
        }
        return ((Comparable<Object>) a).compareTo(b);
    };

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /** The form values of a type are kept in (scaled NUMERIC in longs: its unscaled order is its order). */
    static Form formOf(io.basalt.type.LogicalType type) {
        return switch (type.physical()) {
            case FLOAT64 -> Form.DOUBLE;
            case INT16, INT32, INT64 -> Form.LONG;
            default -> Form.OBJECT;
        };
    }
}
