package io.basalt.exec.kernel;

/**
 * Turns a {@link CompareOp} into the set of three-way outcomes (less, equal, greater) it accepts, as a
 * three-bit mask. Both kernel implementations classify each row once into one outcome and test it
 * against the mask, so that the six operators share one loop and no loop dispatches on the operator
 * per row: {@code LT} accepts {less}, {@code GE} accepts {equal, greater}, {@code NE} accepts {less,
 * greater}, and so on.
 */
final class ComparisonOutcomes {
    /** Bit set in an accepted-outcomes mask when the left operand is below the right one. */
    static final int LESS = 1;
    /** Bit set when the operands are equal (for doubles: PostgreSQL's equality, NaN = NaN, -0.0 = 0.0). */
    static final int EQUAL = 2;
    /** Bit set when the left operand is above the right one. */
    static final int GREATER = 4;

    private ComparisonOutcomes() {
    }

    /**
     * The outcomes {@code op} accepts. Bit {@code c + 1} is set when a three-way comparison result
     * {@code c} in {-1, 0, 1} satisfies {@code op}, so {@code (accepted(op) >>> (c + 1)) & 1} is the answer.
     */
    static int accepted(CompareOp op) {
        return switch (op) {
            case EQ -> EQUAL;
            case NE -> LESS | GREATER;
            case LT -> LESS;
            case LE -> LESS | EQUAL;
            case GT -> GREATER;
            case GE -> EQUAL | GREATER;
        };
    }

    /** A long with every bit set when {@code accepted} contains {@code outcome}, else zero. */
    static long allOrNothing(int accepted, int outcome) {
        return (accepted & outcome) != 0 ? -1L : 0L;
    }
}
