package io.basalt.exec.kernel;

/**
 * Turns a {@link CompareOp} into the set of three-way outcomes (less, equal, greater) it accepts, as a
 * three-bit mask. Both kernel implementations classify each row once into one outcome and test it
 * against the mask, so that the six operators share one loop and no loop dispatches on the operator
 * per row: {@code LT} accepts {less}, {@code GE} accepts {equal, greater}, {@code NE} accepts {less,
 * greater}, and so on.
 */
public final class ComparisonOutcomes {
    /** Bit set in an accepted-outcomes mask when the left operand is below the right one. */
    public static final int LESS = 1;
    /** Bit set when the operands are equal (for doubles: PostgreSQL's equality, NaN = NaN, -0.0 = 0.0). */
    public static final int EQUAL = 2;
    /** Bit set when the left operand is above the right one. */
    public static final int GREATER = 4;

    private ComparisonOutcomes() {
    }

    /** The outcomes {@code op} accepts, as a mask of {@link #LESS}, {@link #EQUAL} and {@link #GREATER}. */
    public static int accepted(CompareOp op) {
        return switch (op) {
            case EQ -> EQUAL;
            case NE -> LESS | GREATER;
            case LT -> LESS;
            case LE -> LESS | EQUAL;
            case GT -> GREATER;
            case GE -> EQUAL | GREATER;
        };
    }

    /**
     * The outcome of comparing {@code left} with {@code right} as a bit index: 0 for less, 1 for equal,
     * 2 for greater, so {@code (accepted(op) >>> of(left, right)) & 1} tells whether {@code op} holds.
     * Written with conditional expressions rather than {@link Long#compare}, which compiles to branches
     * that mispredict on unsorted data.
     */
    public static int of(long left, long right) {
        return (left < right ? 0 : 1) + (left > right ? 1 : 0);
    }

    /** {@link #of(long, long)} for ints. */
    public static int of(int left, int right) {
        return (left < right ? 0 : 1) + (left > right ? 1 : 0);
    }

    /**
     * {@link #of(long, long)} for doubles in PostgreSQL's order: NaN equals NaN and is greater than
     * everything else; -0.0 equals 0.0 (as IEEE comparison already has it).
     */
    public static int of(double left, double right) {
        boolean leftIsNaN = left != left;
        boolean rightIsNaN = right != right;
        boolean less = (left < right) | (rightIsNaN & !leftIsNaN);
        boolean greater = (left > right) | (leftIsNaN & !rightIsNaN);
        return (less ? 0 : 1) + (greater ? 1 : 0);
    }

    /** A long with every bit set when {@code accepted} contains {@code outcome}, else zero. */
    static long allOrNothing(int accepted, int outcome) {
        return (accepted & outcome) != 0 ? -1L : 0L;
    }
}
