package io.basalt.exec.kernel;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Random;

/**
 * Column data for kernel tests: values of awkward shapes (random, few distinct, boundary values,
 * NaN payloads, signed zeros), validity patterns, and their copies into native segments of exactly the
 * needed size, so that a kernel reading one byte too far fails with an out-of-bounds exception.
 */
final class TestColumns {
    /** The sizes every kernel is run over: around every power of two a vector body could stop at. */
    static final int[] SIZES = {0, 1, 3, 7, 8, 15, 16, 17, 31, 32, 33, 63, 64, 65, 1023, 1024, 1025, 2047, 2048, 4099};

    static final long[] LONG_BOUNDARIES = {
        Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE, Long.MAX_VALUE - 1, 0, 1, -1,
        Integer.MIN_VALUE, Integer.MAX_VALUE, 0xFFFF_FFFFL, 1L << 32, -(1L << 32),
    };
    static final int[] INT_BOUNDARIES = {Integer.MIN_VALUE, Integer.MIN_VALUE + 1, Integer.MAX_VALUE, Integer.MAX_VALUE - 1, 0, 1, -1};
    static final double[] DOUBLE_BOUNDARIES = {
        Double.NaN, Double.longBitsToDouble(0x7FF0_0000_0000_0001L), Double.longBitsToDouble(0xFFF8_0000_0000_0000L),
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0, Double.MIN_VALUE, -Double.MIN_VALUE,
        Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, -1.0,
    };

    enum Shape { RANDOM, FEW_DISTINCT, BOUNDARIES, ALL_MAXIMUM, ALL_MINIMUM }

    enum Validity {
        /** No bitmap at all (null), as for a column without nulls. */
        ABSENT,
        /** A bitmap with every bit set. */
        ALL_VALID,
        ALL_NULL,
        MOSTLY_VALID,
        MOSTLY_NULL;

        /** Per-row validity, or null for {@link #ABSENT}. */
        boolean[] generate(Random random, int count) {
            if (this == ABSENT) {
                return null;
            }
            boolean[] valid = new boolean[count];
            for (int i = 0; i < count; i++) {
                valid[i] = switch (this) {
                    case ABSENT, ALL_VALID -> true;
                    case ALL_NULL -> false;
                    case MOSTLY_VALID -> random.nextInt(10) < 8;
                    case MOSTLY_NULL -> random.nextInt(10) == 0;
                };
            }
            return valid;
        }
    }

    private TestColumns() {
    }

    static long[] longs(Random random, int count, Shape shape) {
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            values[i] = switch (shape) {
                case RANDOM -> random.nextLong();
                case FEW_DISTINCT -> random.nextInt(7) - 3;
                case BOUNDARIES -> LONG_BOUNDARIES[random.nextInt(LONG_BOUNDARIES.length)];
                case ALL_MAXIMUM -> Long.MAX_VALUE;
                case ALL_MINIMUM -> Long.MIN_VALUE;
            };
        }
        return values;
    }

    static int[] ints(Random random, int count, Shape shape) {
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = switch (shape) {
                case RANDOM -> random.nextInt();
                case FEW_DISTINCT -> random.nextInt(7) - 3;
                case BOUNDARIES -> INT_BOUNDARIES[random.nextInt(INT_BOUNDARIES.length)];
                case ALL_MAXIMUM -> Integer.MAX_VALUE;
                case ALL_MINIMUM -> Integer.MIN_VALUE;
            };
        }
        return values;
    }

    static double[] doubles(Random random, int count, Shape shape) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = switch (shape) {
                case RANDOM -> random.nextGaussian() * 1e6;
                case FEW_DISTINCT -> (random.nextInt(7) - 3) * 0.5 + (random.nextInt(8) == 0 ? -0.0 : 0.0);
                case BOUNDARIES -> DOUBLE_BOUNDARIES[random.nextInt(DOUBLE_BOUNDARIES.length)];
                case ALL_MAXIMUM -> Double.MAX_VALUE;
                case ALL_MINIMUM -> -0.0;
            };
        }
        return values;
    }

    /** The constants a selection is tried against: boundary values plus values present in the data. */
    static long[] longConstants(Random random, long[] data) {
        long[] constants = new long[LONG_BOUNDARIES.length + 3];
        System.arraycopy(LONG_BOUNDARIES, 0, constants, 0, LONG_BOUNDARIES.length);
        for (int k = LONG_BOUNDARIES.length; k < constants.length; k++) {
            constants[k] = data.length == 0 ? 3 : data[random.nextInt(data.length)];
        }
        return constants;
    }

    static int[] intConstants(Random random, int[] data) {
        int[] constants = new int[INT_BOUNDARIES.length + 3];
        System.arraycopy(INT_BOUNDARIES, 0, constants, 0, INT_BOUNDARIES.length);
        for (int k = INT_BOUNDARIES.length; k < constants.length; k++) {
            constants[k] = data.length == 0 ? 3 : data[random.nextInt(data.length)];
        }
        return constants;
    }

    static double[] doubleConstants(Random random, double[] data) {
        double[] constants = new double[DOUBLE_BOUNDARIES.length + 3];
        System.arraycopy(DOUBLE_BOUNDARIES, 0, constants, 0, DOUBLE_BOUNDARIES.length);
        for (int k = DOUBLE_BOUNDARIES.length; k < constants.length; k++) {
            constants[k] = data.length == 0 ? 0.5 : data[random.nextInt(data.length)];
        }
        return constants;
    }

    /** A right-hand column that equals {@code left} in about half the rows. */
    static long[] partner(Random random, long[] left, Shape shape) {
        long[] other = longs(random, left.length, shape);
        for (int i = 0; i < left.length; i++) {
            if (random.nextBoolean()) {
                other[i] = left[i];
            }
        }
        return other;
    }

    static int[] partner(Random random, int[] left, Shape shape) {
        int[] other = ints(random, left.length, shape);
        for (int i = 0; i < left.length; i++) {
            if (random.nextBoolean()) {
                other[i] = left[i];
            }
        }
        return other;
    }

    static double[] partner(Random random, double[] left, Shape shape) {
        double[] other = doubles(random, left.length, shape);
        for (int i = 0; i < left.length; i++) {
            if (random.nextBoolean()) {
                other[i] = left[i];
            } else if (random.nextInt(4) == 0) {
                // Same value with the other zero sign or another NaN payload.
                other[i] = left[i] == 0.0 ? -left[i] : Double.isNaN(left[i]) ? Double.NaN : other[i];
            }
        }
        return other;
    }

    // ---- native segments of exact size; misaligned puts the data one byte past an aligned address ----

    static MemorySegment segment(Arena arena, long[] values, boolean misaligned) {
        MemorySegment segment = allocate(arena, (long) values.length * Long.BYTES, misaligned);
        for (int i = 0; i < values.length; i++) {
            segment.setAtIndex(ArrowSegments.LONG, i, values[i]);
        }
        return segment;
    }

    static MemorySegment segment(Arena arena, int[] values, boolean misaligned) {
        MemorySegment segment = allocate(arena, (long) values.length * Integer.BYTES, misaligned);
        for (int i = 0; i < values.length; i++) {
            segment.setAtIndex(ArrowSegments.INT, i, values[i]);
        }
        return segment;
    }

    static MemorySegment segment(Arena arena, double[] values, boolean misaligned) {
        MemorySegment segment = allocate(arena, (long) values.length * Double.BYTES, misaligned);
        for (int i = 0; i < values.length; i++) {
            segment.setAtIndex(ArrowSegments.DOUBLE, i, values[i]);
        }
        return segment;
    }

    /** An Arrow-style bitmap of exactly ceil(n / 8) bytes, or null for null validity. */
    static MemorySegment bitmap(Arena arena, boolean[] valid, boolean misaligned) {
        if (valid == null) {
            return null;
        }
        MemorySegment segment = allocate(arena, (valid.length + 7) / 8, misaligned);
        for (int i = 0; i < valid.length; i++) {
            if (valid[i]) {
                byte old = segment.get(ValueLayout.JAVA_BYTE, i / 8);
                segment.set(ValueLayout.JAVA_BYTE, i / 8, (byte) (old | (1 << (i % 8))));
            }
        }
        return segment;
    }

    private static MemorySegment allocate(Arena arena, long bytes, boolean misaligned) {
        if (!misaligned) {
            return arena.allocate(bytes, 8);
        }
        return arena.allocate(bytes + 1, 8).asSlice(1, bytes);
    }
}
