package io.basalt.sql.ast;

/**
 * The cursor statements: {@code DECLARE name [NO] SCROLL CURSOR [WITH HOLD] FOR query}, {@code FETCH} and
 * {@code MOVE} with a direction, and {@code CLOSE {name | ALL}}.
 */
public sealed interface CursorStatement extends Statement {
    /** {@code scroll} is false for NO SCROLL only: without either word backward fetches are allowed. */
    record Declare(String name, boolean scroll, boolean hold, Query query, int position) implements CursorStatement {
    }

    /**
     * {@code FETCH} (or with {@code move} set, {@code MOVE}) in a direction: NEXT is FORWARD 1, PRIOR BACKWARD 1,
     * FIRST ABSOLUTE 1, LAST ABSOLUTE -1, a bare count FORWARD count; {@link #ALL} stands for ALL.
     */
    record Fetch(boolean move, Direction direction, long count, String name, int position) implements CursorStatement {
        /** The count of FORWARD ALL and BACKWARD ALL. */
        public static final long ALL = Long.MAX_VALUE;
    }

    /** {@code CLOSE name}; {@code name} is null for CLOSE ALL. */
    record Close(String name, int position) implements CursorStatement {
    }

    /** How a FETCH moves: by a count of rows either way, or to a row counted from either end or from here. */
    enum Direction {
        FORWARD, BACKWARD, ABSOLUTE, RELATIVE
    }
}
