package io.basalt.exec.operator.window;

import static java.util.Objects.requireNonNull;

import io.basalt.type.LogicalType;

/**
 * A window frame as plan data: the rows of its partition a window function sees for each row. ROWS counts
 * rows, GROUPS counts peer groups (rows equal in the ORDER BY keys), RANGE measures distance in the value of
 * the single ORDER BY key. Offsets are already evaluated: for ROWS and GROUPS a {@code Long}; for RANGE, by the
 * key's type, a {@code Long} (integer keys), a {@code Double} (real and double precision keys), a
 * {@code BigDecimal} (numeric keys) or an {@link io.basalt.type.Interval} (date, timestamp and interval keys).
 * A null offset is kept, and raises PostgreSQL's error when the operator runs, as a negative one does.
 */
public record WindowFrame(Mode mode, BoundKind startKind, Object startOffset, BoundKind endKind, Object endOffset,
                          Exclusion exclusion, LogicalType offsetType) {
    public enum Mode { ROWS, RANGE, GROUPS }

    public enum BoundKind { UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING }

    public enum Exclusion { NO_OTHERS, CURRENT_ROW, GROUP, TIES }

    /** The frame without a frame clause: RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW. */
    public static final WindowFrame DEFAULT = new WindowFrame(Mode.RANGE, BoundKind.UNBOUNDED_PRECEDING, null,
            BoundKind.CURRENT_ROW, null, Exclusion.NO_OTHERS, null);

    public WindowFrame {
        requireNonNull(mode, "mode is null");
        requireNonNull(startKind, "startKind is null");
        requireNonNull(endKind, "endKind is null");
        requireNonNull(exclusion, "exclusion is null");
    }

    /**
     * Whether every row's frame starts at its partition's first row and loses no row inside it, so that a
     * row's frame is the previous row's plus the rows after it: aggregates can then run along the partition.
     */
    public boolean growsOnly() {
        return startKind == BoundKind.UNBOUNDED_PRECEDING && exclusion == Exclusion.NO_OTHERS;
    }

    @Override
    public String toString() {
        return mode + " BETWEEN " + bound(startKind, startOffset) + " AND " + bound(endKind, endOffset)
                + (exclusion == Exclusion.NO_OTHERS ? "" : " EXCLUDE " + exclusion.name().replace('_', ' '));
    }

    private static String bound(BoundKind kind, Object offset) {
        String name = kind.name().replace('_', ' ');
        return kind == BoundKind.PRECEDING || kind == BoundKind.FOLLOWING ? offset + " " + name : name;
    }
}
